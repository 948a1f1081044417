using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Leadership;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Provision;
using Senco.Web.Features.Pupils;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.AccessibilityPlan;

public sealed record AdjustmentInput(string? Area, string? Barrier, string? Adjustment, string? RequestedBy, DateOnly? RequestedOn,
    string? Decision = null, string? Ground = null, string? DecisionReason = null, DateOnly? DecidedOn = null, string? DecidedBy = null,
    DateOnly? InPlaceOn = null, DateOnly? ReviewOn = null, DateOnly? LastReviewedOn = null, string? Outcome = null, int? Version = null)
{
    public AdjustmentFacts Facts => new(Area, Barrier, Adjustment, RequestedBy, RequestedOn, Decision, Ground, DecisionReason, DecidedOn, DecidedBy, InPlaceOn, ReviewOn, LastReviewedOn, Outcome);

    public static AdjustmentInput From(ReasonableAdjustment a) => new(a.Area.ToString(), a.Barrier, a.Adjustment, a.RequestedBy.ToString(), a.RequestedOn,
        a.Decision?.ToString(), a.Ground?.ToString(), a.DecisionReason, a.DecidedOn, a.DecidedBy, a.InPlaceOn, a.ReviewOn, a.LastReviewedOn, a.Outcome, a.Version);
}

/// Filters of the school's list: decision ("Pending" for none yet), area, and review ("due": overdue or due soon; "overdue").
public sealed record AdjustmentFilter(string? Decision, string? Area, string? Review);

/// The school's adjustments as counts, for governors and everyone who sees aggregates: no pupil is named.
public sealed record AdjustmentCounts(int Total, int Pending, int Agreed, int AgreedInPart, int Refused, int ReviewOverdue, int ReviewDueSoon,
    IReadOnlyList<(AdjustmentArea Area, int Total, int Agreed, int Refused)> ByArea);

/// <summary>
/// Reasonable adjustments for disabled pupils (Equality Act 2010 s.20 and Schedule 13). Each pupil's log is read by
/// the staff who make the adjustments (ViewReasonableAdjustments) and written by those who decide them; the school's
/// list names pupils only for those roles, and everyone else who sees aggregates (governors) gets counts. Every read
/// of a pupil's adjustments is audited by the page or endpoint; every change here, with who and what.
/// </summary>
public sealed class ReasonableAdjustmentUseCases(SencoDbContext db, UserContext user, PupilFinder finder, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public static AccessReviewState ReviewState(ReasonableAdjustment a, DateOnly today) =>
        a.Decision is null or AdjustmentDecision.Refused ? AccessReviewState.NotSet : AccessibilityRules.Review(a.ReviewOn, today);

    public async Task<IReadOnlyList<ReasonableAdjustment>> SchoolAsync(SchoolGrant school, AdjustmentFilter filter, CancellationToken ct)
    {
        if (!school.Can(Permission.ViewReasonableAdjustments)) return [];
        var id = school.SchoolId;
        var q = db.ReasonableAdjustments.AsNoTracking().Include(a => a.Pupil).Where(a => a.SchoolId == id && a.Pupil!.OnRoll);
        if (filter.Decision == "Pending") q = q.Where(a => a.Decision == null);
        else if (Parse<AdjustmentDecision>(filter.Decision) is { } d) q = q.Where(a => a.Decision == d);
        if (Parse<AdjustmentArea>(filter.Area) is { } area) q = q.Where(a => a.Area == area);
        var rows = await q.ToListAsync(ct);
        var today = Today;
        if (filter.Review == "overdue") rows = rows.Where(a => ReviewState(a, today) == AccessReviewState.Overdue).ToList();
        else if (filter.Review == "due") rows = rows.Where(a => ReviewState(a, today) is AccessReviewState.Overdue or AccessReviewState.DueSoon).ToList();
        return rows.OrderBy(a => a.Pupil!.Surname).ThenBy(a => a.Pupil!.Forename).ThenBy(a => a.RequestedOn).ToList();
    }

    public static T? Parse<T>(string? value) where T : struct, Enum =>
        !string.IsNullOrWhiteSpace(value) && !int.TryParse(value, out _) && Enum.TryParse<T>(value, out var v) ? v : null;

    public async Task<AdjustmentCounts> CountsAsync(SchoolGrant school, CancellationToken ct)
    {
        var data = new SchoolData(db, school);
        var rows = await data.Q<ReasonableAdjustment>().Join(data.Q<Pupil>().Where(p => p.OnRoll), a => a.PupilId, p => p.Id, (a, p) => a).ToListAsync(ct);
        var today = Today;
        return new AdjustmentCounts(rows.Count, rows.Count(a => a.Decision == null), rows.Count(a => a.Decision == AdjustmentDecision.Agreed),
            rows.Count(a => a.Decision == AdjustmentDecision.AgreedInPart), rows.Count(a => a.Decision == AdjustmentDecision.Refused),
            rows.Count(a => ReviewState(a, today) == AccessReviewState.Overdue), rows.Count(a => ReviewState(a, today) == AccessReviewState.DueSoon),
            rows.GroupBy(a => a.Area).OrderBy(g => g.Key)
                .Select(g => (g.Key, g.Count(), g.Count(a => a.Decision is AdjustmentDecision.Agreed or AdjustmentDecision.AgreedInPart), g.Count(a => a.Decision == AdjustmentDecision.Refused)))
                .ToList());
    }

    public async Task<Outcome<(Pupil Pupil, IReadOnlyList<ReasonableAdjustment> Adjustments)>> PupilAsync(Guid pupilId, CancellationToken ct)
    {
        var found = await finder.FindAsync(pupilId, Permission.ViewReasonableAdjustments, ct: ct);
        if (!found.IsOk) return new(found.Kind);
        var rows = await db.ReasonableAdjustments.AsNoTracking().Where(a => a.PupilId == pupilId).ToListAsync(ct);
        // Awaiting a decision first, then the newest requests.
        var ordered = rows.OrderBy(a => a.Decision is null ? 0 : 1).ThenByDescending(a => a.RequestedOn).ThenByDescending(a => a.RecordedAt).ToList();
        return Outcome<(Pupil, IReadOnlyList<ReasonableAdjustment>)>.Ok((found.Value!, ordered));
    }

    /// One adjustment of one pupil. Another school's is "not found"; a role that may not act on it, "forbidden".
    public async Task<Outcome<ReasonableAdjustment>> FindAsync(Guid pupilId, Guid id, Permission permission, CancellationToken ct)
    {
        var a = await db.ReasonableAdjustments.IgnoreQueryFilters().AsNoTracking().Include(x => x.Pupil).FirstOrDefaultAsync(x => x.Id == id && x.PupilId == pupilId, ct);
        if (a is null || !user.CanSee(a.SchoolId)) return Outcome<ReasonableAdjustment>.NotFound();
        if (!user.Can(a.SchoolId, permission)) return Outcome<ReasonableAdjustment>.Forbidden();
        return Outcome<ReasonableAdjustment>.Ok(a);
    }

    private ValidationErrors Validate(AdjustmentInput i)
    {
        var e = ReasonableAdjustmentRules.Validate(i.Facts, Today);
        return e;
    }

    public async Task<Outcome<ReasonableAdjustment>> CreateAsync(Guid pupilId, AdjustmentInput input, CancellationToken ct)
    {
        var found = await finder.FindAsync(pupilId, Permission.ManageReasonableAdjustments, ct: ct);
        if (!found.IsOk) return new(found.Kind);
        var pupil = found.Value!;
        var errors = Validate(input);
        if (!errors.IsValid) return Outcome<ReasonableAdjustment>.Invalid(errors);
        var now = clock.GetUtcNow().UtcDateTime;
        var a = new ReasonableAdjustment { Id = Guid.CreateVersion7(), SchoolId = pupil.SchoolId, PupilId = pupil.Id, RecordedBy = user.Name, RecordedAt = now, UpdatedAt = now, Version = 1 };
        Apply(a, input);
        db.ReasonableAdjustments.Add(a);
        db.Audit(user.Actor, "reasonable-adjustment.create",
            $"Recorded a reasonable adjustment for {pupil.Upn} ({ReasonableAdjustmentRules.Label(a.Area)}, {ReasonableAdjustmentRules.Label(a.Decision)})", pupil.SchoolId, pupil.Id);
        await db.SaveChangesAsync(ct);
        a.Pupil = pupil;
        return Outcome<ReasonableAdjustment>.Ok(a);
    }

    public async Task<Outcome<ReasonableAdjustment>> UpdateAsync(Guid pupilId, Guid id, AdjustmentInput input, CancellationToken ct)
    {
        var a = await db.ReasonableAdjustments.IgnoreQueryFilters().Include(x => x.Pupil).FirstOrDefaultAsync(x => x.Id == id && x.PupilId == pupilId, ct);
        if (a is null || !user.CanSee(a.SchoolId)) return Outcome<ReasonableAdjustment>.NotFound();
        if (!user.Can(a.SchoolId, Permission.ManageReasonableAdjustments)) return Outcome<ReasonableAdjustment>.Forbidden();
        var errors = Validate(input);
        if (input.Version is null) errors.Add("version", "Send the version you last read");
        if (!errors.IsValid) return Outcome<ReasonableAdjustment>.Invalid(errors);
        if (a.Version != input.Version) return Outcome<ReasonableAdjustment>.Conflict("Someone else changed this adjustment since you opened it.", current: a);
        var before = (a.Decision, a.LastReviewedOn);
        Apply(a, input);
        a.Version++;
        a.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        var (action, what) = a.Decision != before.Decision ? ("reasonable-adjustment.decide", $"Recorded the decision {ReasonableAdjustmentRules.Label(a.Decision).ToLowerInvariant()}")
            : a.LastReviewedOn != before.LastReviewedOn ? ("reasonable-adjustment.review", "Recorded a review of")
            : ("reasonable-adjustment.update", "Changed");
        db.Audit(user.Actor, action, $"{what} a reasonable adjustment for {a.Pupil!.Upn} ({ReasonableAdjustmentRules.Label(a.Area)})", a.SchoolId, a.PupilId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var fresh = await db.ReasonableAdjustments.IgnoreQueryFilters().AsNoTracking().Include(x => x.Pupil).FirstAsync(x => x.Id == id, ct);
            return Outcome<ReasonableAdjustment>.Conflict("Someone else changed this adjustment since you opened it.", current: fresh);
        }
        return Outcome<ReasonableAdjustment>.Ok(a);
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Replace("\r\n", "\n").Trim();

    private static void Apply(ReasonableAdjustment a, AdjustmentInput i)
    {
        a.Area = Enum.Parse<AdjustmentArea>(i.Area!);
        a.Barrier = i.Barrier!.Trim();
        a.Adjustment = i.Adjustment!.Trim();
        a.RequestedBy = Enum.Parse<AdjustmentRequester>(i.RequestedBy!);
        a.RequestedOn = i.RequestedOn!.Value;
        a.Decision = Parse<AdjustmentDecision>(i.Decision);
        var decided = a.Decision is not null;
        a.Ground = decided ? Parse<AdjustmentGround>(i.Ground) : null;
        a.DecisionReason = decided ? Trim(i.DecisionReason) : null;
        a.DecidedOn = decided ? i.DecidedOn : null;
        a.DecidedBy = decided ? Trim(i.DecidedBy) : null;
        a.InPlaceOn = decided ? i.InPlaceOn : null;
        a.ReviewOn = decided ? i.ReviewOn : null;
        a.LastReviewedOn = decided ? i.LastReviewedOn : null;
        a.Outcome = decided ? Trim(i.Outcome) : null;
    }
}
