using System.Text;
using Senco.Core.Access;
using Senco.Core.Leadership;
using Senco.Core.Model;
using Senco.Web.Features.Api;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.AccessibilityPlan;

/// <summary>
/// The accessibility plan and reasonable adjustments over HTTP. The plan names no pupil, so every role that sees
/// aggregates reads it (governors included); the SENCOs and leaders write it. The school's adjustments are named only for
/// roles with ViewReasonableAdjustments; everyone else gets the counts. A pupil's adjustments are read by those who make
/// them and audited; a stale version answers 409 with the saved record, a bad field 400 with the field named.
/// </summary>
public static class AccessibilityPlanApi
{
    private static string? D(DateOnly? d) => d?.ToString("yyyy-MM-dd");

    public static object Dto(AccessibilityAction a) => new
    {
        a.Id, strand = a.Strand.ToString(), strandLabel = AccessibilityRules.Label(a.Strand), a.Objective, a.Actions, a.Owner, targetDate = D(a.TargetDate),
        a.SuccessCriteria, a.Resources, a.Cost, status = a.Status.ToString(), a.Progress, completedOn = D(a.CompletedOn), a.UpdatedBy, a.Version,
    };

    public static object Dto(Core.Model.AccessibilityPlan p) => new
    {
        startYear = p.StartYear, endYear = p.EndYear, period = p.Period, approvedOn = D(p.ApprovedOn), p.ApprovedBy, nextReviewOn = D(p.NextReviewOn), p.Version,
    };

    public static object Dto(PlanView v) => new
    {
        startYear = v.Plan.StartYear, endYear = v.Plan.EndYear, period = v.Plan.Period, approvedOn = D(v.Plan.ApprovedOn), v.Plan.ApprovedBy,
        nextReviewOn = D(v.Plan.NextReviewOn), review = v.Review.ToString(), v.Plan.Version, readOnly = v.ReadOnly,
        strands = Enum.GetValues<AccessibilityStrand>().Select(s => new { strand = s.ToString(), label = AccessibilityRules.Label(s), actions = v.Strand(s).Select(Dto).ToList() }).ToList(),
    };

    public static object Dto(ReasonableAdjustment a, DateOnly today) => new
    {
        a.Id, a.PupilId, area = a.Area.ToString(), areaLabel = ReasonableAdjustmentRules.Label(a.Area), a.Barrier, a.Adjustment, requestedBy = a.RequestedBy.ToString(),
        requestedOn = D(a.RequestedOn), decision = a.Decision?.ToString(), decisionLabel = ReasonableAdjustmentRules.Label(a.Decision), ground = a.Ground?.ToString(),
        a.DecisionReason, decidedOn = D(a.DecidedOn), a.DecidedBy, inPlaceOn = D(a.InPlaceOn), reviewOn = D(a.ReviewOn),
        review = ReasonableAdjustmentUseCases.ReviewState(a, today).ToString(), lastReviewedOn = D(a.LastReviewedOn), a.Outcome, a.RecordedBy, a.Version,
    };

    public static object Dto(AdjustmentCounts c) => new
    {
        total = c.Total, pending = c.Pending, agreed = c.Agreed, agreedInPart = c.AgreedInPart, refused = c.Refused, reviewOverdue = c.ReviewOverdue, reviewDueSoon = c.ReviewDueSoon,
        byArea = c.ByArea.Select(r => new { area = r.Area.ToString(), label = ReasonableAdjustmentRules.Label(r.Area), total = r.Total, agreed = r.Agreed, refused = r.Refused }).ToList(),
    };

    private static (SchoolGrant? School, IResult? Denied) Read(UserContext user, string urn)
    {
        var s = user.School(urn);
        if (s is null) return (null, TypedResults.NotFound());
        if (!s.Can(Permission.ViewAggregates)) return (null, ApiJson.ToResult(Outcome<object>.Forbidden(), _ => TypedResults.Ok()));
        return (s, null);
    }

    private static IResult Conflict<T>(Outcome<T> o, Func<T, object> dto) where T : class =>
        TypedResults.Problem(statusCode: 409, title: "Conflict", detail: o.Message,
            extensions: new Dictionary<string, object?> { ["current"] = o.Value is null ? null : dto(o.Value) });

    public static void MapAccessibilityPlanApi(RouteGroupBuilder g)
    {
        const string Plan = "/schools/{urn}/accessibility-plan";
        g.MapGet(Plan, async (string urn, UserContext user, AccessibilityPlanUseCases u, CancellationToken ct) =>
        {
            var (s, denied) = Read(user, urn);
            if (denied is not null) return denied;
            return TypedResults.Ok((await u.PlansAsync(s!, ct)).Select(Dto).ToList());
        }).WithSummary("The school's accessibility plans, latest period first.");

        g.MapPost(Plan, async (string urn, HttpContext http, AccessibilityPlanUseCases u) =>
        {
            var (input, error) = await ApiJson.ReadAsync<StartPlanInput>(http);
            if (error is not null) return error;
            return ApiJson.ToResult(await u.StartAsync(urn, input!, http.RequestAborted), p => TypedResults.Created($"/api/v1{Plan.Replace("{urn}", urn)}/{p.StartYear}", Dto(p)));
        }).WithSummary("Start a plan: {\"startYear\": 2026, \"endYear\": 2029, \"nextReviewOn\"}. It must start after the latest plan ends.");

        g.MapGet(Plan + "/{year:int}", async (string urn, int year, UserContext user, AccessibilityPlanUseCases u, CancellationToken ct) =>
        {
            var (s, denied) = Read(user, urn);
            if (denied is not null) return denied;
            var v = await u.PlanAsync(s!, year, ct);
            return v is null ? TypedResults.NotFound() : TypedResults.Ok(Dto(v));
        }).WithSummary("One plan (by its start year) with its actions by strand and where its review stands.");

        g.MapPost(Plan + "/{year:int}/actions", async (string urn, int year, HttpContext http, AccessibilityPlanUseCases u) =>
        {
            var (input, error) = await ApiJson.ReadAsync<PlanActionInput>(http);
            if (error is not null) return error;
            return ApiJson.ToResult(await u.AddActionAsync(urn, year, input!, http.RequestAborted), a => TypedResults.Created($"/api/v1/schools/{urn}/accessibility-plan/{year}/actions/{a.Id}", Dto(a)));
        }).WithSummary("Add an action: strand (Curriculum, PhysicalEnvironment, Information), objective, actions, owner, targetDate, successCriteria, resources, cost, status (NotStarted, InProgress, Done), progress, completedOn.");

        g.MapPut(Plan + "/{year:int}/actions/{id:guid}", async (string urn, int year, Guid id, HttpContext http, AccessibilityPlanUseCases u) =>
        {
            var (input, error) = await ApiJson.ReadAsync<PlanActionInput>(http);
            if (error is not null) return error;
            var o = await u.UpdateActionAsync(urn, year, id, input!, http.RequestAborted);
            return o.Kind == OutcomeKind.Conflict ? Conflict(o, Dto) : ApiJson.ToResult(o, a => TypedResults.Ok(Dto(a)));
        }).WithSummary("Change an action with the version you read (409 with `current` when someone changed it meanwhile).");

        g.MapPost(Plan + "/{year:int}/actions/{id:guid}/complete", async (string urn, int year, Guid id, HttpContext http, AccessibilityPlanUseCases u) =>
        {
            var (input, error) = await ApiJson.ReadAsync<CompleteActionInput>(http);
            if (error is not null) return error;
            var o = await u.CompleteActionAsync(urn, year, id, input!, http.RequestAborted);
            return o.Kind == OutcomeKind.Conflict ? Conflict(o, Dto) : ApiJson.ToResult(o, a => TypedResults.Ok(Dto(a)));
        }).WithSummary("Mark an action complete: {\"completedOn\", \"progress\", \"version\"}.");

        g.MapPut(Plan + "/{year:int}/approval", async (string urn, int year, HttpContext http, AccessibilityPlanUseCases u) =>
        {
            var (input, error) = await ApiJson.ReadAsync<PlanApprovalInput>(http);
            if (error is not null) return error;
            var o = await u.ApproveAsync(urn, year, input!, http.RequestAborted);
            return o.Kind == OutcomeKind.Conflict ? Conflict(o, Dto) : ApiJson.ToResult(o, p => TypedResults.Ok(Dto(p)));
        }).WithSummary("Record the governors' approval and the next review: {\"approvedOn\", \"approvedBy\", \"nextReviewOn\", \"version\"}.");

        g.MapGet(Plan + "/{year:int}/plan.docx", async (string urn, int year, UserContext user, AccessibilityPlanUseCases u, CancellationToken ct) =>
        {
            var (s, denied) = Read(user, urn);
            if (denied is not null) return denied;
            var v = await u.PlanAsync(s!, year, ct);
            return v is null ? TypedResults.NotFound() : TypedResults.File(AccessibilityPlanDocument.Word(v), AccessibilityPlanDocument.WordContentType, AccessibilityPlanDocument.FileName(v, "docx"));
        }).WithSummary("The plan as a Word document.");

        g.MapGet(Plan + "/{year:int}/plan.html", async (string urn, int year, UserContext user, AccessibilityPlanUseCases u, CancellationToken ct) =>
        {
            var (s, denied) = Read(user, urn);
            if (denied is not null) return denied;
            var v = await u.PlanAsync(s!, year, ct);
            return v is null ? TypedResults.NotFound() : TypedResults.File(Encoding.UTF8.GetBytes(AccessibilityPlanDocument.Html(v)), AccessibilityPlanDocument.HtmlContentType, AccessibilityPlanDocument.FileName(v, "html"));
        }).WithSummary("The plan as one self-contained HTML page to print or publish.");

        // Reasonable adjustments
        g.MapGet("/schools/{urn}/reasonable-adjustments", async (string urn, string? decision, string? area, string? review, UserContext user, ReasonableAdjustmentUseCases u, AuditLog audit, CancellationToken ct) =>
        {
            var (s, denied) = Read(user, urn);
            if (denied is not null) return denied;
            var counts = Dto(await u.CountsAsync(s!, ct));
            if (!s!.Can(Permission.ViewReasonableAdjustments)) return TypedResults.Ok(new { counts, items = (object?)null });
            if (!string.IsNullOrEmpty(decision) && decision != "Pending" && ReasonableAdjustmentUseCases.Parse<AdjustmentDecision>(decision) is null)
                return ApiJson.Invalid("decision", "Enter one of: Pending, Agreed, AgreedInPart, Refused");
            if (!string.IsNullOrEmpty(area) && ReasonableAdjustmentUseCases.Parse<AdjustmentArea>(area) is null)
                return ApiJson.Invalid("area", $"Enter one of: {string.Join(", ", Enum.GetNames<AdjustmentArea>())}");
            if (!string.IsNullOrEmpty(review) && review is not ("due" or "overdue")) return ApiJson.Invalid("review", "Enter due or overdue");
            var rows = await u.SchoolAsync(s, new AdjustmentFilter(decision, area, review), ct);
            audit.Read("reasonable-adjustment.list", $"API read of the reasonable adjustments list ({rows.Count} rows)", s.SchoolId);
            return TypedResults.Ok(new
            {
                counts,
                items = (object?)rows.Select(r => new { pupil = new { id = r.PupilId, r.Pupil!.Forename, r.Pupil.Surname, r.Pupil.YearGroup }, adjustment = Dto(r, u.Today) }).ToList(),
            });
        }).WithSummary("The school's reasonable adjustments: counts for everyone who sees aggregates; named items (filters decision, area, review=due|overdue) for staff who make them.");

        g.MapGet("/pupils/{id:guid}/reasonable-adjustments", async (Guid id, ReasonableAdjustmentUseCases u, AuditLog audit, CancellationToken ct) =>
        {
            var o = await u.PupilAsync(id, ct);
            if (!o.IsOk) return ApiJson.ToResult(o, _ => TypedResults.Ok());
            audit.Read("reasonable-adjustment.read", $"API read of the reasonable adjustments of {o.Value.Pupil.Upn}", o.Value.Pupil.SchoolId, id);
            return TypedResults.Ok(o.Value.Adjustments.Select(a => Dto(a, u.Today)).ToList());
        }).WithSummary("A pupil's reasonable adjustments log.");

        g.MapPost("/pupils/{id:guid}/reasonable-adjustments", async (Guid id, HttpContext http, ReasonableAdjustmentUseCases u) =>
        {
            var (input, error) = await ApiJson.ReadAsync<AdjustmentInput>(http);
            if (error is not null) return error;
            return ApiJson.ToResult(await u.CreateAsync(id, input!, http.RequestAborted), a => TypedResults.Created($"/api/v1/pupils/{id}/reasonable-adjustments/{a.Id}", Dto(a, u.Today)));
        }).WithSummary("Record an adjustment: area, barrier, adjustment, requestedBy (Parent, Pupil, Staff, Professional), requestedOn; optionally the decision (Agreed, AgreedInPart, Refused) with ground, decisionReason (required unless agreed), decidedOn, decidedBy, inPlaceOn, reviewOn, lastReviewedOn, outcome.");

        g.MapGet("/pupils/{id:guid}/reasonable-adjustments/{adjustmentId:guid}", async (Guid id, Guid adjustmentId, ReasonableAdjustmentUseCases u, AuditLog audit, CancellationToken ct) =>
        {
            var o = await u.FindAsync(id, adjustmentId, Permission.ViewReasonableAdjustments, ct);
            if (o.IsOk) audit.Read("reasonable-adjustment.read", $"API read of a reasonable adjustment of {o.Value!.Pupil!.Upn}", o.Value.SchoolId, id);
            return ApiJson.ToResult(o, a => TypedResults.Ok(Dto(a, u.Today)));
        }).WithSummary("One adjustment.");

        g.MapPut("/pupils/{id:guid}/reasonable-adjustments/{adjustmentId:guid}", async (Guid id, Guid adjustmentId, HttpContext http, ReasonableAdjustmentUseCases u) =>
        {
            var (input, error) = await ApiJson.ReadAsync<AdjustmentInput>(http);
            if (error is not null) return error;
            var o = await u.UpdateAsync(id, adjustmentId, input!, http.RequestAborted);
            return o.Kind == OutcomeKind.Conflict ? Conflict(o, a => Dto(a, u.Today)) : ApiJson.ToResult(o, a => TypedResults.Ok(Dto(a, u.Today)));
        }).WithSummary("Change, decide or review an adjustment: every field as in POST, with the version you read (409 with `current` when stale).");
    }
}
