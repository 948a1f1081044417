using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Ehc;
using Senco.Core.Model;
using Senco.Core.Schools;
using Senco.Data;

namespace Senco.Web.Features.Ehc;

/// One statutory date on the clock, with enough about the pupil and school to show and link it.
public sealed record DeadlineItem(
    Guid PupilId, string Forename, string Surname, string Upn, string YearGroup,
    int SchoolId, string SchoolUrn, string SchoolName,
    StatutoryDateKind Kind, DateOnly DueOn, bool Overdue, int DaysUntil,
    Guid? PlanId, Guid? ReviewId, Guid? AssessmentId)
{
    public string PupilName => $"{Forename} {Surname}";
    public string Description => EhcRules.Describe(Kind);
    public string Source => StatutoryDates.Source(Kind);

    /// Initials and the last 3 characters of the UPN: enough for the SENCO to know who is meant, not enough to
    /// identify a child if a phone's calendar or an email is seen by someone else.
    public string Initials => $"{Initial(Forename)}{Initial(Surname)} (UPN …{(Upn.Length >= 3 ? Upn[^3..] : Upn)})";

    public string Link => PlanId is { } plan
        ? ReviewId is { } review ? $"/ehc-plans/{plan}/reviews/{review}" : $"/ehc-plans/{plan}"
        : AssessmentId is { } a ? $"/ehc-needs-assessments/{a}" : $"/pupils/{PupilId}";

    private static string Initial(string s) => s.Length > 0 ? char.ToUpperInvariant(s[0]) + "." : "";
}

/// Statutory dates of one kind not done: how many are overdue, and how many fall due within the window asked for.
public sealed record StatutoryCount(StatutoryDateKind Kind, int Overdue, int DueSoon);

/// Phase-transfer facts for a pupil with a plan, as <see cref="PhaseTransfer.Check"/> gives them.
public sealed record PlanDates(DateOnly NextReviewDue, PhaseTransferCheck PhaseTransfer);

/// The statutory clock across one or more schools: every open assessment, every maintained plan and its reviews,
/// turned into dates by the Core rules. The database gives the records; the dates are computed in memory (a
/// school has tens of plans, not thousands, and the rules are not expressible in SQL).
public sealed class StatutoryClockQuery(SencoDbContext db, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// The dates of a plan that the API returns: the next review and the phase transfer deadline.
    public static PlanDates DatesFor(EhcPlan plan, Pupil pupil, Phase phase, DateOnly today) => new(
        StatutoryClock.NextReviewDue(plan.IssuedOn, pupil.DateOfBirth, plan.Reviews.Select(r => r.ToRecord())),
        PhaseTransfer.Check(pupil.YearGroup, phase, today));

    /// <summary>
    /// How many statutory dates are overdue in each school: the same records and the same Core rules as
    /// <see cref="ForSchoolsAsync"/> with a window of 0, but only the columns the rules read (a plan's issue date, its
    /// pupil's date of birth and year group, its reviews' dates), with no pupil named and no entity tracked. For the
    /// trust dashboard, where a trust holds a thousand plans or more and names are not shown.
    /// </summary>
    public async Task<Dictionary<int, int>> OverdueBySchoolAsync(IReadOnlyCollection<int> schoolIds, CancellationToken ct = default) =>
        (await CountBySchoolAsync(schoolIds, 0, pastTenancyFilter: false, ct))
            .Select(kv => (kv.Key, Overdue: kv.Value.Sum(c => c.Overdue))).Where(x => x.Overdue > 0).ToDictionary(x => x.Key, x => x.Overdue);

    /// <summary>
    /// Each school's statutory dates not done, by kind: how many are overdue and how many fall due within
    /// <paramref name="withinDays"/> — counts only, as <see cref="OverdueBySchoolAsync"/>. <paramref name="pastTenancyFilter"/>:
    /// read the schools' records past the pupil tenancy filter, for a caller that has checked the person may see these
    /// schools' aggregates (a governor, who is not in the pupil scope); the counts name no one.
    /// </summary>
    public async Task<Dictionary<int, IReadOnlyList<StatutoryCount>>> CountBySchoolAsync(IReadOnlyCollection<int> schoolIds, int withinDays, bool pastTenancyFilter = false, CancellationToken ct = default)
    {
        var found = new Dictionary<int, Dictionary<StatutoryDateKind, (int Overdue, int DueSoon)>>();
        if (schoolIds.Count == 0) return [];
        var today = Today;
        IQueryable<T> Rows<T>() where T : class => pastTenancyFilter ? db.Set<T>().IgnoreQueryFilters().AsNoTracking() : db.Set<T>().AsNoTracking();
        var phases = await db.Schools.AsNoTracking().Where(s => schoolIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Phase, ct);
        var plans = await Rows<EhcPlan>()
            .Where(p => schoolIds.Contains(p.SchoolId) && p.CeasedOn == null)
            .Join(Rows<Pupil>().Where(p => p.OnRoll), plan => plan.PupilId, pupil => pupil.Id,
                (plan, pupil) => new { plan.Id, plan.SchoolId, plan.IssuedOn, pupil.DateOfBirth, pupil.YearGroup })
            .ToListAsync(ct);
        var reviews = (await Rows<AnnualReview>()
            .Where(r => schoolIds.Contains(r.SchoolId))
            .Join(Rows<EhcPlan>().Where(p => p.CeasedOn == null), r => r.PlanId, p => p.Id, (r, p) => new
            {
                r.PlanId, Record = new ReviewRecord(r.MeetingOn, r.HeldOn, r.InvitationsSentOn, r.AdviceCirculatedOn, r.ReportSentOn, r.LaDecisionOn, r.AmendmentsProposedOn, r.AmendedPlanIssuedOn),
            })
            .ToListAsync(ct)).ToLookup(r => r.PlanId, r => r.Record);
        var onRoll = Rows<Pupil>().Where(p => p.OnRoll);
        var assessments = (await Rows<EhcNeedsAssessment>().Include(a => a.Exceptions)
            .Where(a => schoolIds.Contains(a.SchoolId) && a.FinalPlanIssuedOn == null && a.WithdrawnOn == null && a.DecisionNotToIssueOn == null && a.WillAssess != false)
            .Where(a => onRoll.Any(p => p.Id == a.PupilId))
            .ToListAsync(ct)).Where(a => EhcRules.IsOpen(a.Status)).ToList();

        void Count(int schoolId, StatutoryDeadline d)
        {
            if (!StatutoryClock.Shows(d, today, withinDays)) return;
            if (!found.TryGetValue(schoolId, out var kinds)) found[schoolId] = kinds = [];
            var (overdue, soon) = kinds.GetValueOrDefault(d.Kind);
            kinds[d.Kind] = StatutoryDates.IsOverdue(d.DueOn, today, d.Done) ? (overdue + 1, soon) : (overdue, soon + 1);
        }
        foreach (var a in assessments)
        {
            var limits = NeedsAssessmentClock.For(a.RequestReceivedOn, a.Exceptions.Select(e => e.ToRule())).WeekLimitsApply;
            foreach (var d in StatutoryClock.ForAssessment(a.Decisions, limits, today)) Count(a.SchoolId, d);
        }
        foreach (var plan in plans)
        {
            var records = reviews[plan.Id].ToList();
            var transfer = PhaseTransfer.Check(plan.YearGroup, phases[plan.SchoolId], today);
            foreach (var d in StatutoryClock.ForPlan(plan.IssuedOn, plan.DateOfBirth, records, transfer, ceased: false, today)) Count(plan.SchoolId, d);
            foreach (var r in records)
                foreach (var d in StatutoryClock.ForReview(r)) Count(plan.SchoolId, d);
        }
        return found.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<StatutoryCount>)kv.Value.OrderBy(x => x.Key)
            .Select(x => new StatutoryCount(x.Key, x.Value.Overdue, x.Value.DueSoon)).ToList());
    }

    /// <summary>Dates not done and due within <paramref name="withinDays"/>, or overdue (always), soonest first.</summary>
    public async Task<IReadOnlyList<DeadlineItem>> ForSchoolsAsync(IReadOnlyCollection<int> schoolIds, int withinDays, CancellationToken ct = default)
    {
        if (schoolIds.Count == 0) return [];
        var today = Today;
        var schools = await db.Schools.AsNoTracking().Where(s => schoolIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var plans = await db.EhcPlans.AsNoTracking().Include(p => p.Reviews)
            .Where(p => schoolIds.Contains(p.SchoolId) && p.CeasedOn == null).ToListAsync(ct);
        var assessments = (await db.EhcNeedsAssessments.AsNoTracking().Include(a => a.Exceptions)
            .Where(a => schoolIds.Contains(a.SchoolId) && a.FinalPlanIssuedOn == null && a.WithdrawnOn == null && a.DecisionNotToIssueOn == null && a.WillAssess != false)
            .ToListAsync(ct)).Where(a => EhcRules.IsOpen(a.Status)).ToList();
        var pupilIds = plans.Select(p => p.PupilId).Concat(assessments.Select(a => a.PupilId)).Distinct().ToList();
        var pupils = new Dictionary<Guid, Pupil>();
        // Chunked so that a trust's worth of ids stays well inside every database's parameter limit.
        foreach (var chunk in pupilIds.Chunk(500))
            foreach (var p in await db.Pupils.AsNoTracking().Where(p => chunk.Contains(p.Id) && p.OnRoll).ToListAsync(ct))
                pupils[p.Id] = p;

        var items = new List<DeadlineItem>();
        void Add(Pupil pupil, StatutoryDeadline d, Guid? planId, Guid? reviewId, Guid? assessmentId)
        {
            if (!StatutoryClock.Shows(d, today, withinDays)) return;
            var s = schools[pupil.SchoolId];
            items.Add(new DeadlineItem(pupil.Id, pupil.Forename, pupil.Surname, pupil.Upn, pupil.YearGroup, s.Id, s.Urn, s.Name,
                d.Kind, d.DueOn, StatutoryDates.IsOverdue(d.DueOn, today, d.Done), StatutoryDates.DaysUntil(d.DueOn, today), planId, reviewId, assessmentId));
        }

        foreach (var a in assessments)
        {
            if (!pupils.TryGetValue(a.PupilId, out var pupil)) continue;
            var limits = NeedsAssessmentClock.For(a.RequestReceivedOn, a.Exceptions.Select(e => e.ToRule())).WeekLimitsApply;
            foreach (var d in StatutoryClock.ForAssessment(a.Decisions, limits, today)) Add(pupil, d, null, null, a.Id);
        }
        foreach (var plan in plans)
        {
            if (!pupils.TryGetValue(plan.PupilId, out var pupil)) continue;
            var records = plan.Reviews.Select(r => r.ToRecord()).ToList();
            var transfer = PhaseTransfer.Check(pupil.YearGroup, schools[plan.SchoolId].Phase, today);
            foreach (var d in StatutoryClock.ForPlan(plan.IssuedOn, pupil.DateOfBirth, records, transfer, ceased: false, today))
            {
                // The meeting that is due is best reached through the review arranged for it, if there is one.
                var pending = plan.Reviews.Where(r => r.HeldOn is null).OrderBy(r => r.MeetingOn).FirstOrDefault();
                Add(pupil, d, plan.Id, d.Kind == StatutoryDateKind.AnnualReviewMeeting ? pending?.Id : null, null);
            }
            foreach (var r in plan.Reviews)
                foreach (var d in StatutoryClock.ForReview(r.ToRecord())) Add(pupil, d, plan.Id, r.Id, null);
        }
        return items.OrderBy(i => i.DueOn).ThenBy(i => i.Kind).ThenBy(i => i.Surname, StringComparer.OrdinalIgnoreCase).ThenBy(i => i.Forename).ToList();
    }
}
