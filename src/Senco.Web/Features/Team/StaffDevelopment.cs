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

public sealed record TrainingInput(Guid? StaffMemberId, string? Title, string? Provider, DateOnly? CompletedOn, decimal? Hours, DateOnly? RenewBy);
public sealed record TrainingNeedInput(Guid? StaffMemberId, string? Area, string? Reason, string? Priority);
public sealed record InsetInput(DateOnly? On, string? Title, string? LedBy, string? Attendees, string? Evaluation);
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
        var needs = await db.TrainingNeeds.IgnoreQueryFilters().AsNoTracking().Include(t => t.StaffMember).Where(t => t.SchoolId == id).OrderBy(t => t.MetOn != null).ThenByDescending(t => t.Priority).ToListAsync(ct);
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

    public async Task<Outcome<TrainingNeed>> MeetNeedAsync(Guid id, CancellationToken ct = default)
    {
        var n = await db.TrainingNeeds.IgnoreQueryFilters().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null || !user.CanSee(n.SchoolId)) return Outcome<TrainingNeed>.NotFound();
        if (!user.Can(n.SchoolId, Permission.ManageTeam)) return Outcome<TrainingNeed>.Forbidden();
        n.MetOn = Today;
        db.Audit(user.Actor, "training.need.met", $"Training need met: {n.Area}", n.SchoolId);
        await db.SaveChangesAsync(ct);
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
    public static object Dto(TrainingRecord t) => new { t.Id, t.StaffMemberId, staff = t.StaffMember?.Name, t.Title, t.Provider, completedOn = D(t.CompletedOn), t.Hours, renewBy = D(t.RenewBy) };
    public static object Dto(TrainingNeed n) => new { n.Id, n.StaffMemberId, staff = n.StaffMember?.Name, n.Area, n.Reason, priority = n.Priority.ToString(), metOn = D(n.MetOn) };
    public static object Dto(InsetSession s) => new { s.Id, on = D(s.On), s.Title, s.LedBy, s.Attendees, s.Evaluation };
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
        g.MapPost("/training-needs/{id:guid}/met", async (Guid id, StaffDevelopment s, CancellationToken ct) =>
            ApiJson.ToResult(await s.MeetNeedAsync(id, ct), t => TypedResults.Ok(Dto(t))));
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
