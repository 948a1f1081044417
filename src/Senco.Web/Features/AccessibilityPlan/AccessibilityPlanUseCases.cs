using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Leadership;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Provision;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.AccessibilityPlan;

public sealed record StartPlanInput(int? StartYear, int? EndYear, DateOnly? NextReviewOn);
public sealed record PlanActionInput(string? Strand, string? Objective, string? Actions, string? Owner, DateOnly? TargetDate, string? SuccessCriteria,
    string? Resources, decimal? Cost, string? Status, string? Progress, DateOnly? CompletedOn, int? Version = null)
{
    public AccessibilityActionFacts Facts => new(Strand, Objective, Actions, Owner, TargetDate, SuccessCriteria, Resources, Cost, Status, Progress, CompletedOn);
}
public sealed record CompleteActionInput(DateOnly? CompletedOn, string? Progress, int? Version);
public sealed record PlanApprovalInput(DateOnly? ApprovedOn, string? ApprovedBy, DateOnly? NextReviewOn, int? Version);

/// A plan as the pages, the API and the documents show it: its actions by strand, and whether it is an earlier plan
/// kept as it was (<see cref="ReadOnly"/>).
public sealed record PlanView(Core.Model.AccessibilityPlan Plan, bool ReadOnly, string SchoolName, DateOnly Today)
{
    public IEnumerable<AccessibilityAction> Strand(AccessibilityStrand s) =>
        Plan.Actions.Where(a => a.Strand == s).OrderBy(a => a.TargetDate).ThenBy(a => a.Objective, StringComparer.Ordinal);
    public AccessReviewState Review => Plan.NextReviewOn is null ? AccessReviewState.NotSet : AccessibilityRules.Review(Plan.NextReviewOn, Today);
}

/// <summary>
/// The school's accessibility plans (Equality Act 2010 Schedule 10): reading them (aggregates only, so governors too,
/// through <see cref="SchoolData"/>), starting a plan for a period, adding, changing and completing actions (each
/// versioned: the second of two people saving is told and shown the saved action, nothing is overwritten), and
/// recording the governors' approval with the next review. Earlier plans are kept as they were. Every change is audited.
/// </summary>
public sealed class AccessibilityPlanUseCases(SencoDbContext db, UserContext user, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IReadOnlyList<Core.Model.AccessibilityPlan>> PlansAsync(SchoolGrant school, CancellationToken ct) =>
        await new SchoolData(db, school).Q<Core.Model.AccessibilityPlan>().Include(p => p.Actions).OrderByDescending(p => p.StartYear).ToListAsync(ct);

    public async Task<PlanView?> PlanAsync(SchoolGrant school, int startYear, CancellationToken ct)
    {
        var data = new SchoolData(db, school);
        var plan = await data.Q<Core.Model.AccessibilityPlan>().Include(p => p.Actions).FirstOrDefaultAsync(p => p.StartYear == startYear, ct);
        if (plan is null) return null;
        var latest = await data.Q<Core.Model.AccessibilityPlan>().MaxAsync(p => p.StartYear, ct);
        return new PlanView(plan, startYear < latest, school.Name, Today);
    }

    private Outcome<T>? Authorise<T>(string urn, out SchoolGrant school)
    {
        school = user.School(urn)!;
        if (school is null) return Outcome<T>.NotFound();
        if (!school.Can(Permission.ManageAccessibilityPlan)) return Outcome<T>.Forbidden();
        return null;
    }

    private async Task<(Core.Model.AccessibilityPlan? Plan, bool ReadOnly)> LoadAsync(SchoolGrant school, int startYear, CancellationToken ct)
    {
        var id = school.SchoolId;
        var plan = await db.AccessibilityPlans.IgnoreQueryFilters().Include(p => p.Actions).FirstOrDefaultAsync(p => p.SchoolId == id && p.StartYear == startYear, ct);
        if (plan is null) return (null, false);
        var latest = await db.AccessibilityPlans.IgnoreQueryFilters().Where(p => p.SchoolId == id).MaxAsync(p => p.StartYear, ct);
        return (plan, startYear < latest);
    }

    private static ValidationErrors Error(string field, string message)
    {
        var e = new ValidationErrors();
        e.Add(field, message);
        return e;
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Replace("\r\n", "\n").Trim();

    public async Task<Outcome<Core.Model.AccessibilityPlan>> StartAsync(string urn, StartPlanInput input, CancellationToken ct = default)
    {
        if (Authorise<Core.Model.AccessibilityPlan>(urn, out var school) is { } denied) return denied;
        var errors = AccessibilityRules.ValidatePeriod(input.StartYear, input.EndYear, Today);
        if (input.NextReviewOn is { } review && input.StartYear is { } sy && input.EndYear is { } ey
            && (review < AccessibilityRules.PeriodStart(sy).AddYears(-1) || review > AccessibilityRules.PeriodEnd(ey)))
            errors.Add("nextReviewOn", "The next review must fall within the plan's period");
        if (!errors.IsValid) return Outcome<Core.Model.AccessibilityPlan>.Invalid(errors);
        var start = input.StartYear!.Value;
        var id = school.SchoolId;
        var existing = await db.AccessibilityPlans.IgnoreQueryFilters().Where(p => p.SchoolId == id).OrderByDescending(p => p.StartYear).FirstOrDefaultAsync(ct);
        if (existing is not null && existing.StartYear >= start)
            return Outcome<Core.Model.AccessibilityPlan>.Invalid(Error("startYear", $"There is already a plan for {existing.Period}: a new plan must start after {existing.StartYear}"));
        if (existing is not null && existing.EndYear > start)
            return Outcome<Core.Model.AccessibilityPlan>.Invalid(Error("startYear", $"The plan for {existing.Period} runs until August {existing.EndYear}: start the new plan in {existing.EndYear} or later"));
        var now = clock.GetUtcNow().UtcDateTime;
        var plan = new Core.Model.AccessibilityPlan
        {
            Id = Guid.CreateVersion7(), SchoolId = id, StartYear = start, EndYear = input.EndYear!.Value, NextReviewOn = input.NextReviewOn,
            CreatedBy = user.Name, CreatedAt = now, UpdatedAt = now, Version = 1,
        };
        db.AccessibilityPlans.Add(plan);
        db.Audit(user.Actor, "accessibility-plan.start", $"Started the accessibility plan for {plan.Period}", id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Outcome<Core.Model.AccessibilityPlan>.Conflict($"Someone else has just started a plan starting in {start}.");
        }
        return Outcome<Core.Model.AccessibilityPlan>.Ok(plan);
    }

    public async Task<Outcome<AccessibilityAction>> AddActionAsync(string urn, int startYear, PlanActionInput input, CancellationToken ct = default)
    {
        if (Authorise<AccessibilityAction>(urn, out var school) is { } denied) return denied;
        var (plan, readOnly) = await LoadAsync(school, startYear, ct);
        if (plan is null) return Outcome<AccessibilityAction>.NotFound();
        if (readOnly) return Outcome<AccessibilityAction>.Conflict($"The plan for {plan.Period} is kept as it was: add actions to the latest plan.");
        var errors = AccessibilityRules.ValidateAction(input.Facts, plan.StartYear, plan.EndYear, Today);
        if (!errors.IsValid) return Outcome<AccessibilityAction>.Invalid(errors);
        var action = new AccessibilityAction { Id = Guid.CreateVersion7(), SchoolId = plan.SchoolId, PlanId = plan.Id, Version = 1 };
        Apply(action, input);
        plan.UpdatedAt = action.UpdatedAt;
        db.AccessibilityActions.Add(action);
        db.Audit(user.Actor, "accessibility-plan.action-add", $"Added an action to the {plan.Period} accessibility plan ({AccessibilityRules.Label(action.Strand)}): {Short(action.Objective)}", plan.SchoolId);
        await db.SaveChangesAsync(ct);
        return Outcome<AccessibilityAction>.Ok(action);
    }

    private static string Short(string s) => s.Length > 80 ? s[..80] + "…" : s;

    private void Apply(AccessibilityAction a, PlanActionInput i)
    {
        a.Strand = Enum.Parse<AccessibilityStrand>(i.Strand!);
        a.Objective = i.Objective!.Trim();
        a.Actions = Trim(i.Actions);
        a.Owner = i.Owner!.Trim();
        a.TargetDate = i.TargetDate!.Value;
        a.SuccessCriteria = Trim(i.SuccessCriteria);
        a.Resources = Trim(i.Resources);
        a.Cost = i.Cost;
        a.Status = string.IsNullOrWhiteSpace(i.Status) ? AccessibilityActionStatus.NotStarted : Enum.Parse<AccessibilityActionStatus>(i.Status);
        a.Progress = Trim(i.Progress);
        a.CompletedOn = a.Status == AccessibilityActionStatus.Done ? i.CompletedOn : null;
        a.UpdatedBy = user.Name;
        a.UpdatedAt = clock.GetUtcNow().UtcDateTime;
    }

    public async Task<Outcome<AccessibilityAction>> FindActionAsync(SchoolGrant school, int startYear, Guid actionId, CancellationToken ct)
    {
        var plan = await PlanAsync(school, startYear, ct);
        var action = plan?.Plan.Actions.FirstOrDefault(a => a.Id == actionId);
        return action is null ? Outcome<AccessibilityAction>.NotFound() : Outcome<AccessibilityAction>.Ok(action);
    }

    private async Task<Outcome<AccessibilityAction>> ActionConflictAsync(SchoolGrant school, int startYear, Guid actionId)
    {
        db.ChangeTracker.Clear();
        var current = await FindActionAsync(school, startYear, actionId, CancellationToken.None);
        return Outcome<AccessibilityAction>.Conflict("Someone else changed this action since you opened it.", current: current.Value);
    }

    public async Task<Outcome<AccessibilityAction>> UpdateActionAsync(string urn, int startYear, Guid actionId, PlanActionInput input, CancellationToken ct = default)
    {
        if (Authorise<AccessibilityAction>(urn, out var school) is { } denied) return denied;
        var (plan, readOnly) = await LoadAsync(school, startYear, ct);
        var action = plan?.Actions.FirstOrDefault(a => a.Id == actionId);
        if (plan is null || action is null) return Outcome<AccessibilityAction>.NotFound();
        if (readOnly) return Outcome<AccessibilityAction>.Conflict($"The plan for {plan.Period} is kept as it was: change the latest plan.");
        var errors = AccessibilityRules.ValidateAction(input.Facts, plan.StartYear, plan.EndYear, Today);
        if (input.Version is null) errors.Add("version", "Send the version you last read");
        if (!errors.IsValid) return Outcome<AccessibilityAction>.Invalid(errors);
        if (action.Version != input.Version) return await ActionConflictAsync(school, startYear, actionId);
        var wasDone = action.Status == AccessibilityActionStatus.Done;
        Apply(action, input);
        action.Version++;
        plan.UpdatedAt = action.UpdatedAt;
        db.Audit(user.Actor, action.Status == AccessibilityActionStatus.Done && !wasDone ? "accessibility-plan.action-complete" : "accessibility-plan.action-change",
            $"Changed an action of the {plan.Period} accessibility plan: {Short(action.Objective)} ({AccessibilityRules.Label(action.Status)})", plan.SchoolId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ActionConflictAsync(school, startYear, actionId);
        }
        return Outcome<AccessibilityAction>.Ok(action);
    }

    /// Marks an action complete on a date, with a note of what was done: the action's other fields stay as they are.
    public async Task<Outcome<AccessibilityAction>> CompleteActionAsync(string urn, int startYear, Guid actionId, CompleteActionInput input, CancellationToken ct = default)
    {
        var found = user.School(urn) is { } s && s.Can(Permission.ManageAccessibilityPlan) ? await FindActionAsync(s, startYear, actionId, ct) : null;
        if (found is { IsOk: true, Value: { } a })
        {
            var full = new PlanActionInput(a.Strand.ToString(), a.Objective, a.Actions, a.Owner, a.TargetDate, a.SuccessCriteria, a.Resources, a.Cost,
                nameof(AccessibilityActionStatus.Done), string.IsNullOrWhiteSpace(input.Progress) ? a.Progress : input.Progress, input.CompletedOn, input.Version);
            return await UpdateActionAsync(urn, startYear, actionId, full, ct);
        }
        return await UpdateActionAsync(urn, startYear, actionId, new PlanActionInput(null, null, null, null, null, null, null, null, null, null, null, input.Version), ct);
    }

    public async Task<Outcome<Core.Model.AccessibilityPlan>> ApproveAsync(string urn, int startYear, PlanApprovalInput input, CancellationToken ct = default)
    {
        if (Authorise<Core.Model.AccessibilityPlan>(urn, out var school) is { } denied) return denied;
        var (plan, readOnly) = await LoadAsync(school, startYear, ct);
        if (plan is null) return Outcome<Core.Model.AccessibilityPlan>.NotFound();
        if (readOnly) return Outcome<Core.Model.AccessibilityPlan>.Conflict($"The plan for {plan.Period} is kept as it was.");
        var errors = AccessibilityRules.ValidateApproval(input.ApprovedOn, input.ApprovedBy, input.NextReviewOn, plan.StartYear, Today);
        if (input.Version is null) errors.Add("version", "Send the version you last read");
        if (!errors.IsValid) return Outcome<Core.Model.AccessibilityPlan>.Invalid(errors);
        if (plan.Version != input.Version)
            return Outcome<Core.Model.AccessibilityPlan>.Conflict("Someone else changed the plan's approval or review date since you opened it.", current: plan);
        plan.ApprovedOn = input.ApprovedOn;
        plan.ApprovedBy = input.ApprovedBy!.Trim();
        plan.NextReviewOn = input.NextReviewOn;
        plan.Version++;
        plan.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        db.Audit(user.Actor, "accessibility-plan.approve",
            $"Recorded the governors' approval of the {plan.Period} accessibility plan ({plan.ApprovedBy}, {Dates.Long(plan.ApprovedOn!.Value)}); next review {Dates.Long(plan.NextReviewOn!.Value)}", plan.SchoolId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome<Core.Model.AccessibilityPlan>.Conflict("Someone else changed the plan's approval or review date since you opened it.");
        }
        return Outcome<Core.Model.AccessibilityPlan>.Ok(plan);
    }
}
