using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Core.Team;
using Senco.Data;
using Senco.Web.Features.Api;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Team;

public sealed record TrainingInput(Guid? StaffMemberId, string? Title, string? Provider, DateOnly? CompletedOn, decimal? Hours, DateOnly? RenewBy, int? Version = null);
public sealed record TrainingNeedInput(Guid? StaffMemberId, string? Area, string? Reason, string? Priority, int? Version = null, Guid? MetByTrainingId = null);
public sealed record InsetInput(DateOnly? On, string? Title, string? LedBy, string? Attendees, string? Evaluation, int? Version = null);
public sealed record MeetNeedInput(Guid? TrainingId = null);
public sealed record ObjectiveInput(string? AcademicYear, string? Objective, string? SuccessCriteria);
public sealed record ObjectiveReviewInput(DateOnly? ReviewedOn, string? ReviewNotes);

/// <summary>
/// Staff development: training records, the training-needs analysis and the INSET log (read by those who lead or
/// oversee SEN; recorded by the SENCOs), and appraisal objectives with review notes, which follow line management
/// rather than roles: only the member of staff, their line manager (from Deployment's staff records) and senior
/// leaders read them, and only the line manager or a senior leader writes them.
/// </summary>
public sealed class StaffDevelopment(SencoDbContext db, UserContext user, AuditLog audit, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public sealed record Overview(IReadOnlyList<TrainingRecord> Training, IReadOnlyList<TrainingNeed> Needs, IReadOnlyList<InsetSession> Inset, IReadOnlyList<StaffMember> Staff);

    public async Task<Outcome<Overview>> OverviewAsync(string urn, CancellationToken ct = default)
    {
        var school = user.School(urn);
        if (school is null) return Outcome<Overview>.NotFound();
        if (!school.Can(Permission.ViewStaffDevelopment)) return Outcome<Overview>.Forbidden();
        var id = school.SchoolId;
        var staff = await StaffAsync(id, ct);
        var training = await db.TrainingRecords.IgnoreQueryFilters().AsNoTracking().Include(t => t.StaffMember).Where(t => t.SchoolId == id).OrderByDescending(t => t.CompletedOn).ToListAsync(ct);
        var needs = await db.TrainingNeeds.IgnoreQueryFilters().AsNoTracking().Include(t => t.StaffMember).Include(t => t.MetByTraining).Where(t => t.SchoolId == id).OrderBy(t => t.MetOn != null).ThenByDescending(t => t.Priority).ToListAsync(ct);
        var inset = await db.InsetSessions.IgnoreQueryFilters().AsNoTracking().Where(t => t.SchoolId == id).OrderByDescending(t => t.On).ToListAsync(ct);
        return Outcome<Overview>.Ok(new Overview(training, needs, inset, staff));
    }

    public Task<List<StaffMember>> StaffAsync(int schoolId, CancellationToken ct) =>
        db.StaffMembers.IgnoreQueryFilters().AsNoTracking().Include(s => s.LineManager).Where(s => s.SchoolId == schoolId && s.Active).OrderBy(s => s.Name).ToListAsync(ct);

    private async Task<Outcome<GrantAndStaff>> ManageAsync(string urn, Guid? staffId, CancellationToken ct)
    {
        var school = user.School(urn);
        if (school is null) return Outcome<GrantAndStaff>.NotFound();
        if (!school.Can(Permission.ManageTeam)) return Outcome<GrantAndStaff>.Forbidden();
        StaffMember? staff = null;
        if (staffId is { } sid) staff = await db.StaffMembers.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(s => s.Id == sid && s.SchoolId == school.SchoolId, ct);
        return Outcome<GrantAndStaff>.Ok(new(school, staff));
    }

    private sealed record GrantAndStaff(SchoolGrant School, StaffMember? Staff);

    public async Task<Outcome<TrainingRecord>> AddTrainingAsync(string urn, TrainingInput i, CancellationToken ct = default)
    {
        var m = await ManageAsync(urn, i.StaffMemberId, ct);
        if (!m.IsOk) return new(m.Kind);
        var e = TeamRules.ValidateTraining(i.Title, i.CompletedOn, i.Hours, i.RenewBy, Today);
        if (m.Value!.Staff is null) e.Add("staffMemberId", "Choose a member of staff");
        if (!e.IsValid) return Outcome<TrainingRecord>.Invalid(e);
        var t = new TrainingRecord { Id = Guid.CreateVersion7(), SchoolId = m.Value.School.SchoolId, StaffMemberId = m.Value.Staff!.Id, Title = i.Title!.Trim(), Provider = Trim(i.Provider), CompletedOn = i.CompletedOn!.Value, Hours = i.Hours!.Value, RenewBy = i.RenewBy };
        db.TrainingRecords.Add(t);
        db.Audit(user.Actor, "training.create", $"Training recorded for {m.Value.Staff.Name}: {t.Title}", t.SchoolId);
        await db.SaveChangesAsync(ct);
        return Outcome<TrainingRecord>.Ok(t);
    }

    public async Task<Outcome<TrainingNeed>> AddNeedAsync(string urn, TrainingNeedInput i, CancellationToken ct = default)
    {
        var m = await ManageAsync(urn, i.StaffMemberId, ct);
        if (!m.IsOk) return new(m.Kind);
        var e = TeamRules.ValidateTrainingNeed(i.Area, i.Reason, i.Priority);
        if (m.Value!.Staff is null) e.Add("staffMemberId", "Choose a member of staff");
        if (!e.IsValid) return Outcome<TrainingNeed>.Invalid(e);
        var n = new TrainingNeed { Id = Guid.CreateVersion7(), SchoolId = m.Value.School.SchoolId, StaffMemberId = m.Value.Staff!.Id, Area = i.Area!.Trim(), Reason = i.Reason!.Trim(), Priority = TeamRules.Parse<NeedPriority>(i.Priority)!.Value };
        db.TrainingNeeds.Add(n);
        db.Audit(user.Actor, "training.need", $"Training need for {m.Value.Staff.Name}: {n.Area}", n.SchoolId);
        await db.SaveChangesAsync(ct);
        return Outcome<TrainingNeed>.Ok(n);
    }

    /// Marks a need as met, optionally by a training record of the same member of staff (the course that met it).
    public async Task<Outcome<TrainingNeed>> MeetNeedAsync(Guid id, MeetNeedInput? input = null, CancellationToken ct = default)
    {
        var n = await db.TrainingNeeds.IgnoreQueryFilters().Include(x => x.StaffMember).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null || !user.CanSee(n.SchoolId)) return Outcome<TrainingNeed>.NotFound();
        if (!user.Can(n.SchoolId, Permission.ManageTeam)) return Outcome<TrainingNeed>.Forbidden();
        TrainingRecord? training = null;
        if (input?.TrainingId is { } tid)
        {
            training = await db.TrainingRecords.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(t => t.Id == tid && t.SchoolId == n.SchoolId && t.StaffMemberId == n.StaffMemberId, ct);
            if (training is null)
            {
                var e = new ValidationErrors();
                e.Add("trainingId", $"Choose training recorded for {n.StaffMember?.Name ?? "this member of staff"}");
                return Outcome<TrainingNeed>.Invalid(e);
            }
        }
        n.MetOn = training?.CompletedOn ?? Today;
        n.MetByTrainingId = training?.Id;
        n.Version++;
        db.Audit(user.Actor, "training.need.met", training is null ? $"Training need met: {n.Area}" : $"Training need met: {n.Area}, by \"{training.Title}\" ({Dates.Long(training.CompletedOn)})", n.SchoolId);
        await db.SaveChangesAsync(ct);
        n.MetByTraining = training;
        return Outcome<TrainingNeed>.Ok(n);
    }

    public async Task<Outcome<InsetSession>> AddInsetAsync(string urn, InsetInput i, CancellationToken ct = default)
    {
        var m = await ManageAsync(urn, null, ct);
        if (!m.IsOk) return new(m.Kind);
        var e = TeamRules.ValidateInset(i.On, i.Title, i.LedBy, i.Attendees);
        if (!e.IsValid) return Outcome<InsetSession>.Invalid(e);
        var s = new InsetSession { Id = Guid.CreateVersion7(), SchoolId = m.Value!.School.SchoolId, On = i.On!.Value, Title = i.Title!.Trim(), LedBy = i.LedBy!.Trim(), Attendees = i.Attendees!.Trim(), Evaluation = Trim(i.Evaluation) };
        db.InsetSessions.Add(s);
        db.Audit(user.Actor, "inset.create", $"INSET recorded: {s.Title}", s.SchoolId);
        await db.SaveChangesAsync(ct);
        return Outcome<InsetSession>.Ok(s);
    }

    // Corrections -----------------------------------------------------------------------------------------------
    // Each keeps what was there in its audit entry ("was: ..."), so a wrong correction can be put right, and refuses a
    // save made from a version someone else has since changed (409 with the record as it now stands).

    private static string Was(params (string Label, object? Before, object? After)[] fields)
    {
        static string Show(object? v) => v switch { null => "none", DateOnly d => Dates.Long(d), decimal m => m.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), _ => v.ToString()! };
        var changed = fields.Where(f => !Equals(f.Before, f.After)).Select(f => $"{f.Label} was {Quote(Show(f.Before))}").ToList();
        return changed.Count == 0 ? "nothing changed" : string.Join("; ", changed);
        static string Quote(string v) => v.Length > 300 ? $"\"{v[..300]}…\"" : $"\"{v}\"";
    }

    private static void Lengths(ValidationErrors e, params (string Field, string? Value, int Max, string Label)[] fields)
    {
        foreach (var (field, value, max, label) in fields)
            if (value is not null && value.Trim().Length > max && !e.Has(field)) e.Add(field, $"{label} must be {max} characters or fewer");
    }

    private async Task<Outcome<T>> FindForEditAsync<T>(IQueryable<T> set, Guid id, CancellationToken ct) where T : class, ISchoolScoped
    {
        var row = await set.IgnoreQueryFilters().FirstOrDefaultAsync(x => EF.Property<Guid>(x, "Id") == id, ct);
        if (row is null || !user.CanSee(row.SchoolId)) return Outcome<T>.NotFound();
        if (!user.Can(row.SchoolId, Permission.ManageTeam)) return Outcome<T>.Forbidden();
        return Outcome<T>.Ok(row);
    }

    /// One record to correct, for those who record staff development (404 for another school, 403 for a role that may not).
    public async Task<Outcome<TrainingRecord>> TrainingAsync(Guid id, CancellationToken ct = default)
    {
        var t = await db.TrainingRecords.IgnoreQueryFilters().AsNoTracking().Include(x => x.StaffMember).FirstOrDefaultAsync(x => x.Id == id, ct);
        return Scoped(t);
    }

    public async Task<Outcome<TrainingNeed>> NeedAsync(Guid id, CancellationToken ct = default)
    {
        var n = await db.TrainingNeeds.IgnoreQueryFilters().AsNoTracking().Include(x => x.StaffMember).Include(x => x.MetByTraining).FirstOrDefaultAsync(x => x.Id == id, ct);
        return Scoped(n);
    }

    public async Task<Outcome<InsetSession>> InsetAsync(Guid id, CancellationToken ct = default) =>
        Scoped(await db.InsetSessions.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct));

    private Outcome<T> Scoped<T>(T? row) where T : class, ISchoolScoped
    {
        if (row is null || !user.CanSee(row.SchoolId)) return Outcome<T>.NotFound();
        if (!user.Can(row.SchoolId, Permission.ManageTeam)) return Outcome<T>.Forbidden();
        return Outcome<T>.Ok(row);
    }

    /// The training recorded for one member of staff: what may be named as having met their need.
    public Task<List<TrainingRecord>> TrainingOfAsync(int schoolId, Guid staffId, CancellationToken ct = default) =>
        db.TrainingRecords.IgnoreQueryFilters().AsNoTracking().Where(t => t.SchoolId == schoolId && t.StaffMemberId == staffId).OrderByDescending(t => t.CompletedOn).ToListAsync(ct);

    private async Task<Outcome<T>> SaveAsync<T>(T row, Func<Task<T?>> fresh, string conflict, CancellationToken ct) where T : class
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Outcome<T>.Ok(row);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<T>.Conflict(conflict, current: await fresh());
        }
    }

    private Task<TrainingRecord?> FreshTrainingAsync(Guid id, CancellationToken ct) =>
        db.TrainingRecords.IgnoreQueryFilters().AsNoTracking().Include(x => x.StaffMember).FirstOrDefaultAsync(x => x.Id == id, ct);
    private Task<TrainingNeed?> FreshNeedAsync(Guid id, CancellationToken ct) =>
        db.TrainingNeeds.IgnoreQueryFilters().AsNoTracking().Include(x => x.StaffMember).Include(x => x.MetByTraining).FirstOrDefaultAsync(x => x.Id == id, ct);
    private Task<InsetSession?> FreshInsetAsync(Guid id, CancellationToken ct) =>
        db.InsetSessions.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);

    private const string TrainingConflict = "Someone else changed this training record since you opened it.";
    private const string NeedConflict = "Someone else changed this training need since you opened it.";
    private const string InsetConflict = "Someone else changed this INSET session since you opened it.";

    public async Task<Outcome<TrainingRecord>> UpdateTrainingAsync(Guid id, TrainingInput i, CancellationToken ct = default)
    {
        var found = await FindForEditAsync(db.TrainingRecords.Include(x => x.StaffMember), id, ct);
        if (!found.IsOk) return found;
        var t = found.Value!;
        var e = TeamRules.ValidateTraining(i.Title, i.CompletedOn, i.Hours, i.RenewBy, Today);
        Lengths(e, ("provider", i.Provider, 120, "Provider"));
        StaffMember? staff = null;
        if (i.StaffMemberId is { } sid) staff = await db.StaffMembers.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(s => s.Id == sid && s.SchoolId == t.SchoolId, ct);
        if (staff is null) e.Add("staffMemberId", "Choose a member of staff");
        if (i.Version is null) e.Add("version", "Send the version you last read");
        if (!e.IsValid) return Outcome<TrainingRecord>.Invalid(e);
        if (t.Version != i.Version) return Outcome<TrainingRecord>.Conflict(TrainingConflict, current: await FreshTrainingAsync(id, ct));
        var was = Was(("member of staff", t.StaffMember?.Name, staff!.Name), ("training", t.Title, i.Title!.Trim()), ("provider", t.Provider, Trim(i.Provider)),
            ("completed", t.CompletedOn, i.CompletedOn!.Value), ("hours", t.Hours, i.Hours!.Value), ("renew by", t.RenewBy, i.RenewBy));
        t.StaffMemberId = staff.Id;
        t.Title = i.Title!.Trim();
        t.Provider = Trim(i.Provider);
        t.CompletedOn = i.CompletedOn!.Value;
        t.Hours = i.Hours!.Value;
        t.RenewBy = i.RenewBy;
        t.Version++;
        db.Audit(user.Actor, "training.update", $"Corrected the training record \"{t.Title}\" of {staff.Name}: {was}", t.SchoolId);
        var o = await SaveAsync(t, () => FreshTrainingAsync(id, ct), TrainingConflict, ct);
        if (o.IsOk) t.StaffMember = staff;
        return o;
    }

    public async Task<Outcome<TrainingNeed>> UpdateNeedAsync(Guid id, TrainingNeedInput i, CancellationToken ct = default)
    {
        var found = await FindForEditAsync(db.TrainingNeeds.Include(x => x.StaffMember).Include(x => x.MetByTraining), id, ct);
        if (!found.IsOk) return found;
        var n = found.Value!;
        var e = TeamRules.ValidateTrainingNeed(i.Area, i.Reason, i.Priority);
        StaffMember? staff = null;
        if (i.StaffMemberId is { } sid) staff = await db.StaffMembers.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(s => s.Id == sid && s.SchoolId == n.SchoolId, ct);
        if (staff is null) e.Add("staffMemberId", "Choose a member of staff");
        TrainingRecord? metBy = null;
        if (i.MetByTrainingId is { } tid && staff is not null)
        {
            metBy = await db.TrainingRecords.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(t => t.Id == tid && t.SchoolId == n.SchoolId && t.StaffMemberId == staff.Id, ct);
            if (metBy is null) e.Add("metByTrainingId", $"Choose training recorded for {staff.Name}, or leave the need open");
        }
        if (i.Version is null) e.Add("version", "Send the version you last read");
        if (!e.IsValid) return Outcome<TrainingNeed>.Invalid(e);
        if (n.Version != i.Version) return Outcome<TrainingNeed>.Conflict(NeedConflict, current: await FreshNeedAsync(id, ct));
        var priority = TeamRules.Parse<NeedPriority>(i.Priority)!.Value;
        // Naming the training marks the need met on the day it was completed; removing it reopens the need only if the
        // need was met by training (a need marked met without training stays met).
        var metOn = metBy is not null ? metBy.CompletedOn : n.MetByTrainingId is not null ? null : n.MetOn;
        var was = Was(("member of staff", n.StaffMember?.Name, staff!.Name), ("area", n.Area, i.Area!.Trim()), ("reason", n.Reason, i.Reason!.Trim()),
            ("priority", n.Priority, priority), ("met by", n.MetByTraining?.Title, metBy?.Title), ("met on", n.MetOn, metOn));
        n.StaffMemberId = staff.Id;
        n.Area = i.Area!.Trim();
        n.Reason = i.Reason!.Trim();
        n.Priority = priority;
        n.MetByTrainingId = metBy?.Id;
        n.MetOn = metOn;
        n.Version++;
        db.Audit(user.Actor, "training.need.update", $"Corrected the training need \"{n.Area}\" of {staff.Name}: {was}", n.SchoolId);
        var o = await SaveAsync(n, () => FreshNeedAsync(id, ct), NeedConflict, ct);
        if (o.IsOk) { n.StaffMember = staff; n.MetByTraining = metBy; }
        return o;
    }

    public async Task<Outcome<InsetSession>> UpdateInsetAsync(Guid id, InsetInput i, CancellationToken ct = default)
    {
        var found = await FindForEditAsync(db.InsetSessions, id, ct);
        if (!found.IsOk) return found;
        var s = found.Value!;
        var e = TeamRules.ValidateInset(i.On, i.Title, i.LedBy, i.Attendees);
        Lengths(e, ("evaluation", i.Evaluation, 4000, "Evaluation"));
        if (i.Version is null) e.Add("version", "Send the version you last read");
        if (!e.IsValid) return Outcome<InsetSession>.Invalid(e);
        if (s.Version != i.Version) return Outcome<InsetSession>.Conflict(InsetConflict, current: await FreshInsetAsync(id, ct));
        var was = Was(("date", s.On, i.On!.Value), ("what it covered", s.Title, i.Title!.Trim()), ("led by", s.LedBy, i.LedBy!.Trim()),
            ("attended", s.Attendees, i.Attendees!.Trim()), ("evaluation", s.Evaluation, Trim(i.Evaluation)));
        s.On = i.On!.Value;
        s.Title = i.Title!.Trim();
        s.LedBy = i.LedBy!.Trim();
        s.Attendees = i.Attendees!.Trim();
        s.Evaluation = Trim(i.Evaluation);
        s.Version++;
        db.Audit(user.Actor, "inset.update", $"Corrected the INSET session \"{s.Title}\": {was}", s.SchoolId);
        return await SaveAsync(s, () => FreshInsetAsync(id, ct), InsetConflict, ct);
    }

    // Appraisal -------------------------------------------------------------------------------------------------

    public sealed record Appraisal(StaffMember Staff, IReadOnlyList<AppraisalObjective> Objectives, bool CanWrite);

    /// The member of staff, their line manager, and senior leaders of the school; nobody else (not the SENCO as such,
    /// not a trust lead). Writing is for the line manager and senior leaders.
    private async Task<Outcome<(StaffMember Staff, bool CanWrite)>> AppraisalAccessAsync(Guid staffId, CancellationToken ct)
    {
        var staff = await db.StaffMembers.IgnoreQueryFilters().AsNoTracking().Include(s => s.LineManager).FirstOrDefaultAsync(s => s.Id == staffId, ct);
        if (staff is null || !user.CanSee(staff.SchoolId)) return new(OutcomeKind.NotFound);
        var grant = user.School(staff.SchoolId)!;
        var senior = grant.Roles.Contains(SchoolRole.SeniorLeader);
        var manager = staff.LineManager?.UserId is { } m && m == user.UserId;
        if (!TeamRules.MayReadAppraisal(user.UserId, senior, staff.UserId, staff.LineManager?.UserId)) return new(OutcomeKind.Forbidden);
        return new(OutcomeKind.Ok, (staff, senior || manager));
    }

    public async Task<Outcome<Appraisal>> AppraisalAsync(Guid staffId, CancellationToken ct = default)
    {
        var a = await AppraisalAccessAsync(staffId, ct);
        if (!a.IsOk) return new(a.Kind);
        var objectives = await db.AppraisalObjectives.IgnoreQueryFilters().AsNoTracking().Where(o => o.StaffMemberId == staffId).OrderByDescending(o => o.AcademicYear).ThenBy(o => o.Objective).ToListAsync(ct);
        audit.Read("appraisal.read", $"Read the appraisal objectives of {a.Value.Staff.Name}", a.Value.Staff.SchoolId);
        return Outcome<Appraisal>.Ok(new Appraisal(a.Value.Staff, objectives, a.Value.CanWrite));
    }

    /// Staff whose appraisal this person may open: themselves, those they line-manage, everyone for a senior leader.
    public async Task<IReadOnlyList<StaffMember>> AppraisalsVisibleAsync(int schoolId, CancellationToken ct = default)
    {
        var grant = user.School(schoolId);
        if (grant is null) return [];
        var all = await StaffAsync(schoolId, ct);
        return all.Where(s => TeamRules.MayReadAppraisal(user.UserId, grant.Roles.Contains(SchoolRole.SeniorLeader), s.UserId, s.LineManager?.UserId)).ToList();
    }

    public async Task<Outcome<AppraisalObjective>> AddObjectiveAsync(Guid staffId, ObjectiveInput i, CancellationToken ct = default)
    {
        var a = await AppraisalAccessAsync(staffId, ct);
        if (!a.IsOk) return new(a.Kind);
        if (!a.Value.CanWrite) return Outcome<AppraisalObjective>.Forbidden();
        var e = TeamRules.ValidateObjective(i.AcademicYear, i.Objective);
        if (!e.IsValid) return Outcome<AppraisalObjective>.Invalid(e);
        var o = new AppraisalObjective { Id = Guid.CreateVersion7(), SchoolId = a.Value.Staff.SchoolId, StaffMemberId = staffId, AcademicYear = i.AcademicYear!.Trim(), Objective = i.Objective!.Trim(), SuccessCriteria = Trim(i.SuccessCriteria), SetBy = user.Name };
        db.AppraisalObjectives.Add(o);
        // The audit names whose appraisal changed, never what it says.
        db.Audit(user.Actor, "appraisal.objective", $"Set an appraisal objective for {a.Value.Staff.Name}", o.SchoolId);
        await db.SaveChangesAsync(ct);
        return Outcome<AppraisalObjective>.Ok(o);
    }

    public async Task<Outcome<AppraisalObjective>> ReviewObjectiveAsync(Guid objectiveId, ObjectiveReviewInput i, CancellationToken ct = default)
    {
        var o = await db.AppraisalObjectives.IgnoreQueryFilters().FirstOrDefaultAsync(x => x.Id == objectiveId, ct);
        if (o is null || !user.CanSee(o.SchoolId)) return Outcome<AppraisalObjective>.NotFound();
        var a = await AppraisalAccessAsync(o.StaffMemberId, ct);
        if (!a.IsOk) return new(a.Kind);
        if (!a.Value.CanWrite) return Outcome<AppraisalObjective>.Forbidden();
        var e = new ValidationErrors();
        if (i.ReviewedOn is null) e.Add("reviewedOn", "Enter the date of the review");
        else if (i.ReviewedOn > Today) e.Add("reviewedOn", "The date of the review must be today or in the past");
        if (string.IsNullOrWhiteSpace(i.ReviewNotes)) e.Add("reviewNotes", "Enter the review notes");
        if (!e.IsValid) return Outcome<AppraisalObjective>.Invalid(e);
        o.ReviewedOn = i.ReviewedOn;
        o.ReviewNotes = i.ReviewNotes!.Trim();
        db.Audit(user.Actor, "appraisal.review", $"Reviewed an appraisal objective of {a.Value.Staff.Name}", o.SchoolId);
        await db.SaveChangesAsync(ct);
        return Outcome<AppraisalObjective>.Ok(o);
    }
}

public static class StaffDevelopmentApi
{
    private static string? D(DateOnly? d) => d?.ToString("yyyy-MM-dd");
    public static object Dto(TrainingRecord t) => new { t.Id, t.StaffMemberId, staff = t.StaffMember?.Name, t.Title, t.Provider, completedOn = D(t.CompletedOn), t.Hours, renewBy = D(t.RenewBy), t.Version };
    public static object Dto(TrainingNeed n) => new
    {
        n.Id, n.StaffMemberId, staff = n.StaffMember?.Name, n.Area, n.Reason, priority = n.Priority.ToString(), metOn = D(n.MetOn),
        n.MetByTrainingId, metBy = n.MetByTraining?.Title, n.Version,
    };
    public static object Dto(InsetSession s) => new { s.Id, on = D(s.On), s.Title, s.LedBy, s.Attendees, s.Evaluation, s.Version };

    private static IResult Conflict<T>(Outcome<T> o, Func<T, object> dto) where T : class =>
        TypedResults.Problem(statusCode: 409, title: "Conflict", detail: o.Message,
            extensions: new Dictionary<string, object?> { ["current"] = o.Value is null ? null : dto(o.Value) });

    private static IResult Saved<T>(Outcome<T> o, Func<T, object> dto) where T : class =>
        o.Kind == OutcomeKind.Conflict ? Conflict(o, dto) : ApiJson.ToResult(o, v => TypedResults.Ok(dto(v)));
    public static object Dto(AppraisalObjective o) => new { o.Id, o.StaffMemberId, o.AcademicYear, o.Objective, o.SuccessCriteria, reviewedOn = D(o.ReviewedOn), o.ReviewNotes, o.SetBy };

    public static void Map(RouteGroupBuilder g)
    {
        g.MapGet("/schools/{urn}/staff-development", async (string urn, StaffDevelopment s, CancellationToken ct) =>
            ApiJson.ToResult(await s.OverviewAsync(urn, ct), o => TypedResults.Ok(new
            {
                training = o.Training.Select(Dto).ToList(), trainingNeeds = o.Needs.Select(Dto).ToList(), inset = o.Inset.Select(Dto).ToList(),
            }))).WithSummary("Training records, the training-needs analysis and the INSET log.");
        g.MapPost("/schools/{urn}/training-records", async (string urn, HttpContext http, StaffDevelopment s) =>
        {
            var (i, error) = await ApiJson.ReadAsync<TrainingInput>(http);
            return error ?? ApiJson.ToResult(await s.AddTrainingAsync(urn, i!, http.RequestAborted), t => TypedResults.Created($"/api/v1/schools/{urn}/staff-development", Dto(t)));
        });
        g.MapPost("/schools/{urn}/training-needs", async (string urn, HttpContext http, StaffDevelopment s) =>
        {
            var (i, error) = await ApiJson.ReadAsync<TrainingNeedInput>(http);
            return error ?? ApiJson.ToResult(await s.AddNeedAsync(urn, i!, http.RequestAborted), t => TypedResults.Created($"/api/v1/schools/{urn}/staff-development", Dto(t)));
        });
        g.MapPost("/training-needs/{id:guid}/met", async (Guid id, HttpContext http, StaffDevelopment s) =>
        {
            // The body is optional: { "trainingId": "…" } names the training record that met the need.
            MeetNeedInput? i = null;
            if (http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0)
            {
                var (read, error) = await ApiJson.ReadAsync<MeetNeedInput>(http);
                if (error is not null) return error;
                i = read;
            }
            return ApiJson.ToResult(await s.MeetNeedAsync(id, i, http.RequestAborted), t => TypedResults.Ok(Dto(t)));
        }).WithSummary("Mark a training need met, optionally naming the training record (of the same member of staff) that met it: { trainingId }.");
        g.MapPut("/training-records/{id:guid}", async (Guid id, HttpContext http, StaffDevelopment s) =>
        {
            var (i, error) = await ApiJson.ReadAsync<TrainingInput>(http);
            return error ?? Saved(await s.UpdateTrainingAsync(id, i!, http.RequestAborted), Dto);
        }).WithSummary("Correct a training record: staffMemberId, title, provider, completedOn, hours, renewBy, version (409 with `current` if stale).");
        g.MapPut("/training-needs/{id:guid}", async (Guid id, HttpContext http, StaffDevelopment s) =>
        {
            var (i, error) = await ApiJson.ReadAsync<TrainingNeedInput>(http);
            return error ?? Saved(await s.UpdateNeedAsync(id, i!, http.RequestAborted), Dto);
        }).WithSummary("Correct a training need: staffMemberId, area, reason, priority, metByTrainingId (the training that met it, or null), version (409 with `current` if stale).");
        g.MapPut("/inset/{id:guid}", async (Guid id, HttpContext http, StaffDevelopment s) =>
        {
            var (i, error) = await ApiJson.ReadAsync<InsetInput>(http);
            return error ?? Saved(await s.UpdateInsetAsync(id, i!, http.RequestAborted), Dto);
        }).WithSummary("Correct an INSET session: on, title, ledBy, attendees, evaluation, version (409 with `current` if stale).");
        g.MapPost("/schools/{urn}/inset", async (string urn, HttpContext http, StaffDevelopment s) =>
        {
            var (i, error) = await ApiJson.ReadAsync<InsetInput>(http);
            return error ?? ApiJson.ToResult(await s.AddInsetAsync(urn, i!, http.RequestAborted), t => TypedResults.Created($"/api/v1/schools/{urn}/staff-development", Dto(t)));
        });
        g.MapGet("/staff/{id:guid}/appraisal", async (Guid id, StaffDevelopment s, CancellationToken ct) =>
            ApiJson.ToResult(await s.AppraisalAsync(id, ct), a => TypedResults.Ok(new { staffMemberId = a.Staff.Id, staff = a.Staff.Name, canWrite = a.CanWrite, objectives = a.Objectives.Select(Dto).ToList() })))
            .WithSummary("Appraisal objectives and reviews: only the member of staff, their line manager and senior leaders.");
        g.MapPost("/staff/{id:guid}/appraisal/objectives", async (Guid id, HttpContext http, StaffDevelopment s) =>
        {
            var (i, error) = await ApiJson.ReadAsync<ObjectiveInput>(http);
            return error ?? ApiJson.ToResult(await s.AddObjectiveAsync(id, i!, http.RequestAborted), o => TypedResults.Created($"/api/v1/staff/{id}/appraisal", Dto(o)));
        });
        g.MapPut("/appraisal-objectives/{id:guid}/review", async (Guid id, HttpContext http, StaffDevelopment s) =>
        {
            var (i, error) = await ApiJson.ReadAsync<ObjectiveReviewInput>(http);
            return error ?? ApiJson.ToResult(await s.ReviewObjectiveAsync(id, i!, http.RequestAborted), o => TypedResults.Ok(Dto(o)));
        });
    }
}
