using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Core.Ehc;
using Senco.Core.Model;
using Senco.Core.Pupils;
using Senco.Data;
using Senco.Web.Features.Api;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Ehc;

// ---- Requests (what clients send) ----

public sealed record AssessmentRequest(DateOnly? RequestReceivedOn, string? RequestedBy, DateOnly? DecisionToAssessOn, bool? WillAssess,
    DateOnly? DraftPlanServedOn, DateOnly? DecisionNotToIssueOn, DateOnly? FinalPlanIssuedOn, DateOnly? WithdrawnOn, string? Notes,
    List<EvidenceInput>? Evidence, int? Version)
{
    public AssessmentInput ToInput() => new(RequestReceivedOn, RequestedBy, DecisionToAssessOn, WillAssess, DraftPlanServedOn, DecisionNotToIssueOn,
        FinalPlanIssuedOn, WithdrawnOn, Notes, Evidence);
}

public sealed record PlanRequest(DateOnly? IssuedOn, string? LocalAuthority, string? CaseOfficer, string? CaseOfficerEmail,
    Dictionary<string, string?>? Sections, List<string>? Needs, int? Version);

public sealed record ReviewScheduleRequest(DateOnly? MeetingOn);

public sealed record ReviewRequest(DateOnly? MeetingOn, DateOnly? HeldOn, string? Recommendation, DateOnly? InvitationsSentOn, DateOnly? AdviceCirculatedOn,
    string? Attendees, string? PupilViews, string? ParentViews, DateOnly? ReportSentOn, string? LaDecision, DateOnly? LaDecisionOn,
    DateOnly? AmendmentsProposedOn, string? Amendments, DateOnly? AmendedPlanIssuedOn, List<ProgressInput>? Progress, int? Version)
{
    public ReviewInput ToInput() => new(MeetingOn, HeldOn, Recommendation, InvitationsSentOn, AdviceCirculatedOn, Attendees, PupilViews, ParentViews,
        ReportSentOn, LaDecision, LaDecisionOn, AmendmentsProposedOn, Amendments, AmendedPlanIssuedOn, Progress);
}

// ---- Responses ----

public sealed record EvidenceDto(long Id, string Kind, string Title, DateOnly? Dated);
public sealed record ExceptionDto(long Id, string Kind, DateOnly From, DateOnly To, DateOnly? AdviceRequestedOn, string? Note, bool Applies, string? WhyNot);

public sealed record AssessmentDto(Guid Id, Guid PupilId, DateOnly RequestReceivedOn, string RequestedBy, DateOnly DecisionDue, DateOnly DecisionNotToIssueDue,
    DateOnly FinalPlanDue, bool WeekLimitsApply, string Status, DateOnly? DecisionToAssessOn, bool? WillAssess, DateOnly? DraftPlanServedOn,
    DateOnly? DraftCommentsClose, DateOnly? DecisionNotToIssueOn, DateOnly? FinalPlanIssuedOn, DateOnly? WithdrawnOn, string? Notes,
    IReadOnlyList<EvidenceDto> Evidence, IReadOnlyList<ExceptionDto> Exceptions, int Version)
{
    public static AssessmentDto From(EhcNeedsAssessment a)
    {
        var rules = a.Exceptions.Select(e => e.ToRule()).ToList();
        var t = NeedsAssessmentClock.For(a.RequestReceivedOn, rules);
        return new(a.Id, a.PupilId, a.RequestReceivedOn, a.RequestedBy.ToString(), t.DecisionToAssessDue, t.DecisionNotToIssueDue, t.FinalPlanDue,
            t.WeekLimitsApply, a.Status.ToString(), a.DecisionToAssessOn, a.WillAssess, a.DraftPlanServedOn,
            a.DraftPlanServedOn is { } d ? NeedsAssessmentClock.DraftCommentWindowEnds(d) : null, a.DecisionNotToIssueOn, a.FinalPlanIssuedOn, a.WithdrawnOn,
            a.Notes, a.Evidence.OrderBy(e => e.Id).Select(e => new EvidenceDto(e.Id, e.Kind.ToString(), e.Title, e.Dated)).ToList(),
            a.Exceptions.OrderBy(e => e.Id).Select(e =>
            {
                var check = TimescaleExceptions.CanApply(e.ToRule(), a.RequestReceivedOn);
                return new ExceptionDto(e.Id, e.Kind.ToString(), e.From, e.To, e.AdviceRequestedOn, e.Note, check.CanApply, check.Reason);
            }).ToList(),
            a.Version);
    }
}

public sealed record ProvisionDto(long Id, string Description, decimal? HoursPerWeek, decimal? AnnualCost, string? FundedBy);
public sealed record OutcomeDto(long Id, string Description);
public sealed record NeedDto(long Id, int Order, string? NeedType, string Description, IReadOnlyList<OutcomeDto> Outcomes, IReadOnlyList<ProvisionDto> Provision);
public sealed record ReviewSummaryDto(Guid Id, DateOnly MeetingOn, DateOnly? HeldOn, string? Recommendation, string? LaDecision, DateOnly? LaDecisionOn);

public sealed record PlanDto(Guid Id, Guid PupilId, DateOnly IssuedOn, DateOnly? NextReviewDue, DateOnly? PhaseTransferDeadline,
    string? PhaseTransfer, DateOnly? PhaseTransferLatestReviewMeeting, string LocalAuthority, string? LocalAuthorityName, string? CaseOfficer,
    string? CaseOfficerEmail, IReadOnlyDictionary<string, string?> Sections, IReadOnlyList<NeedDto> Needs, decimal TotalHoursPerWeek,
    decimal TotalAnnualCost, DateOnly? CeasedOn, string? CeasedReason, IReadOnlyList<ReviewSummaryDto> Reviews, int Version)
{
    public static PlanDto From(EhcPlan p, Pupil pupil, Core.Schools.Phase phase, DateOnly today)
    {
        var dates = StatutoryClockQuery.DatesFor(p, pupil, phase, today);
        var ceased = p.IsCeased;
        var provision = p.Needs.SelectMany(n => n.Provision).ToList();
        return new(p.Id, p.PupilId, p.IssuedOn, ceased ? null : dates.NextReviewDue,
            ceased ? null : dates.PhaseTransfer.ReviewDeadline, ceased ? null : dates.PhaseTransfer.Kind?.ToString(),
            ceased ? null : dates.PhaseTransfer.LatestReviewMeeting,
            p.LocalAuthority, LocalAuthorities.NameOf(p.LocalAuthority), p.CaseOfficer, p.CaseOfficerEmail,
            EhcRules.Sections.Where(s => s.Key is not ("B" or "E" or "F")).ToDictionary(s => s.Key, s => p.Section(s.Key)),
            p.Needs.OrderBy(n => n.Order).Select(n => new NeedDto(n.Id, n.Order, n.NeedType, n.Description,
                n.Outcomes.OrderBy(o => o.Id).Select(o => new OutcomeDto(o.Id, o.Description)).ToList(),
                n.Provision.OrderBy(f => f.Id).Select(f => new ProvisionDto(f.Id, f.Description, f.HoursPerWeek, f.AnnualCost, f.FundedBy)).ToList())).ToList(),
            // Added up here, not in SQL: SQLite cannot sum decimals.
            provision.Sum(f => f.HoursPerWeek ?? 0), provision.Sum(f => f.AnnualCost ?? 0),
            p.CeasedOn, p.CeasedReason,
            p.Reviews.OrderBy(r => r.MeetingOn).Select(r => new ReviewSummaryDto(r.Id, r.MeetingOn, r.HeldOn, r.Recommendation?.ToString(), r.LaDecision?.ToString(), r.LaDecisionOn)).ToList(),
            p.Version);
    }
}

public sealed record ProgressDto(long OutcomeId, string Progress, string? Note);

public sealed record ReviewDto(Guid Id, Guid PlanId, DateOnly MeetingOn, DateOnly InvitationsDue, DateOnly AdviceDue, DateOnly ReportDue, DateOnly LaDecisionDue,
    DateOnly? InvitationsSentOn, DateOnly? AdviceCirculatedOn, DateOnly? HeldOn, string? Recommendation, string? Attendees, string? PupilViews,
    string? ParentViews, DateOnly? ReportSentOn, string? LaDecision, DateOnly? LaDecisionOn, DateOnly? AmendmentsProposedOn, string? Amendments,
    DateOnly? AmendedPlanDue, DateOnly? AmendedPlanIssuedOn, IReadOnlyList<ProgressDto> Progress, DateOnly? NextReviewDue, int Version)
{
    public static ReviewDto From(AnnualReview r, EhcPlan plan, Pupil pupil)
    {
        var before = AnnualReviewRules.ReviewDeadlines(r.MeetingOn);
        // After the meeting, the report and decision run from the day it was actually held.
        var after = AnnualReviewRules.ReviewDeadlines(r.HeldOn ?? r.MeetingOn);
        return new(r.Id, r.PlanId, r.MeetingOn, before.InvitationsDue, before.AdviceDue, after.ReportDue, after.LaDecisionDue, r.InvitationsSentOn,
            r.AdviceCirculatedOn, r.HeldOn, r.Recommendation?.ToString(), r.Attendees, r.PupilViews, r.ParentViews, r.ReportSentOn, r.LaDecision?.ToString(),
            r.LaDecisionOn, r.AmendmentsProposedOn, r.Amendments,
            r.AmendmentsProposedOn is { } p ? AnnualReviewRules.AmendmentDeadlines(p).FinalAmendedPlanDue : null, r.AmendedPlanIssuedOn,
            r.Progress.OrderBy(x => x.OutcomeId).Select(x => new ProgressDto(x.OutcomeId, x.Progress.ToString(), x.Note)).ToList(),
            plan.IsCeased ? null : StatutoryClock.NextReviewDue(plan.IssuedOn, pupil.DateOfBirth, plan.Reviews.Select(x => x.ToRecord())),
            r.Version);
    }
}

public sealed record DeadlineDto(Guid PupilId, string Kind, DateOnly DueOn, bool Overdue, int DaysUntil, string SchoolUrn, Guid? PlanId, Guid? ReviewId, Guid? AssessmentId, string Description, string Source)
{
    public static DeadlineDto From(DeadlineItem i) => new(i.PupilId, i.Kind.ToString(), i.DueOn, i.Overdue, i.DaysUntil, i.SchoolUrn, i.PlanId, i.ReviewId, i.AssessmentId, i.Description, i.Source);
}

public sealed record DeadlinesDto(IReadOnlyList<DeadlineDto> Items);

public static class EhcApi
{
    public const int DefaultWithinDays = 30;

    public static void MapEhcApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("").WithTags("EHC plans");

        // ---- Needs-assessment requests ----
        g.MapPost("/pupils/{id:guid}/ehc-needs-assessments", async (Guid id, HttpContext http, EhcCommands commands) =>
        {
            var (req, error) = await ApiJson.ReadAsync<AssessmentRequest>(http);
            if (error is not null) return error;
            var outcome = await commands.CreateAssessmentAsync(id, req!.ToInput(), http.RequestAborted);
            return ApiJson.ToResult(outcome, a => TypedResults.Created($"/api/v1/ehc-needs-assessments/{a.Id}", AssessmentDto.From(a)));
        }).Accepts<AssessmentRequest>("application/json").Produces<AssessmentDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
          .WithSummary("Record a request for an EHC needs assessment; the statutory dates follow from the day the LA received it.");

        g.MapGet("/pupils/{id:guid}/ehc-needs-assessments", async (Guid id, EhcFinder finder, SencoDbContext db, AuditLog audit, CancellationToken ct) =>
        {
            var found = await finder.PupilAsync(id, Permission.ViewEhc, ct);
            if (!found.IsOk) return ApiJson.ToResult(found, _ => TypedResults.Ok());
            audit.Read("ehc.assessment.list", $"API read of EHC needs assessments of {found.Value!.Upn}", found.Value.SchoolId, id);
            var list = await db.EhcNeedsAssessments.AsNoTracking().Include(a => a.Evidence).Include(a => a.Exceptions).AsSplitQuery()
                .Where(a => a.PupilId == id).OrderBy(a => a.RequestReceivedOn).ToListAsync(ct);
            return TypedResults.Ok(list.Select(AssessmentDto.From).ToList());
        }).Produces<List<AssessmentDto>>().ProducesProblem(403).ProducesProblem(404).WithSummary("A pupil's EHC needs assessment requests, oldest first.");

        g.MapGet("/ehc-needs-assessments/{id:guid}", async (Guid id, EhcFinder finder, AuditLog audit, CancellationToken ct) =>
        {
            var found = await finder.AssessmentAsync(id, Permission.ViewEhc, ct);
            if (found.IsOk) audit.Read("ehc.assessment.read", "API read of an EHC needs assessment request", found.Value!.SchoolId, found.Value.PupilId);
            return ApiJson.ToResult(found, a => TypedResults.Ok(AssessmentDto.From(a)));
        }).Produces<AssessmentDto>().ProducesProblem(403).ProducesProblem(404).WithSummary("One request with its decisions, evidence, exceptions and dates.");

        g.MapPut("/ehc-needs-assessments/{id:guid}", async (Guid id, HttpContext http, EhcCommands commands) =>
        {
            var (req, error) = await ApiJson.ReadAsync<AssessmentRequest>(http);
            if (error is not null) return error;
            var outcome = await commands.UpdateAssessmentAsync(id, req!.ToInput(), req.Version, http.RequestAborted);
            return ApiJson.ToResult(outcome, a => TypedResults.Ok(AssessmentDto.From(a)));
        }).Accepts<AssessmentRequest>("application/json").Produces<AssessmentDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
          .WithSummary("Record the LA's decisions (dates on or after the request). Fields left out keep their value; send version to guard against overwriting.");

        g.MapPost("/ehc-needs-assessments/{id:guid}/evidence", async (Guid id, HttpContext http, EhcCommands commands) =>
        {
            var (req, error) = await ApiJson.ReadAsync<EvidenceInput>(http);
            if (error is not null) return error;
            var outcome = await commands.AddEvidenceAsync(id, req!, http.RequestAborted);
            return ApiJson.ToResult(outcome, a => TypedResults.Created($"/api/v1/ehc-needs-assessments/{a.Id}", AssessmentDto.From(a)));
        }).Accepts<EvidenceInput>("application/json").Produces<AssessmentDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404)
          .WithSummary("Add evidence: SupportPlan, Review, Assessment, AgencyReport or Other.");

        g.MapPost("/ehc-needs-assessments/{id:guid}/exceptions", async (Guid id, HttpContext http, EhcCommands commands) =>
        {
            var (req, error) = await ApiJson.ReadAsync<ExceptionInput>(http);
            if (error is not null) return error;
            var outcome = await commands.AddExceptionAsync(id, req!, http.RequestAborted);
            return ApiJson.ToResult(outcome, a => TypedResults.Created($"/api/v1/ehc-needs-assessments/{a.Id}", AssessmentDto.From(a)));
        }).Accepts<ExceptionInput>("application/json").Produces<AssessmentDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404)
          .WithSummary("Record a reg 10(4) exception to the 20-week limit, with its dates.");

        // ---- Plans ----
        g.MapPost("/pupils/{id:guid}/ehc-plans", async (Guid id, HttpContext http, EhcCommands commands, SencoDbContext db, TimeProvider clock) =>
        {
            var (req, error) = await ApiJson.ReadAsync<PlanRequest>(http);
            if (error is not null) return error;
            var outcome = await commands.IssuePlanAsync(id, new PlanInput(req!.IssuedOn, req.LocalAuthority, req.CaseOfficer, req.CaseOfficerEmail, req.Sections, req.Needs), http.RequestAborted);
            if (!outcome.IsOk) return ApiJson.ToResult(outcome, _ => TypedResults.Ok());
            var dto = await PlanDtoAsync(db, outcome.Value!, clock, http.RequestAborted);
            return TypedResults.Created($"/api/v1/ehc-plans/{dto.Id}", dto);
        }).Accepts<PlanRequest>("application/json").Produces<PlanDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
          .WithSummary("Record an issued EHC plan. The pupil's SEN status becomes E from issuedOn (needs kept; send needs if none are recorded).");

        g.MapGet("/pupils/{id:guid}/ehc-plans/current", async (Guid id, EhcFinder finder, SencoDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct) =>
        {
            var found = await finder.PupilAsync(id, Permission.ViewEhc, ct);
            if (!found.IsOk) return ApiJson.ToResult(found, _ => TypedResults.Ok());
            var planId = await db.EhcPlans.AsNoTracking().Where(p => p.PupilId == id && p.CeasedOn == null).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
            if (planId is null) return TypedResults.Problem(statusCode: 404, title: "This pupil has no current EHC plan.");
            var plan = (await finder.PlanAsync(planId.Value, Permission.ViewEhc, ct)).Value!;
            audit.Read("ehc.plan.read", $"API read of the EHC plan of {found.Value!.Upn}", plan.SchoolId, id);
            return TypedResults.Ok(PlanDto.From(plan, found.Value, found.Value.School!.Phase, Today(clock)));
        }).Produces<PlanDto>().ProducesProblem(403).ProducesProblem(404).WithSummary("The pupil's current (not ceased) EHC plan with its computed dates.");

        g.MapGet("/pupils/{id:guid}/ehc-plans", async (Guid id, EhcFinder finder, SencoDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct) =>
        {
            var found = await finder.PupilAsync(id, Permission.ViewEhc, ct);
            if (!found.IsOk) return ApiJson.ToResult(found, _ => TypedResults.Ok());
            audit.Read("ehc.plan.list", $"API read of the EHC plans of {found.Value!.Upn}", found.Value.SchoolId, id);
            var plans = await db.EhcPlans.AsNoTracking().Include(p => p.Needs).ThenInclude(n => n.Outcomes).Include(p => p.Needs).ThenInclude(n => n.Provision)
                .Include(p => p.Reviews).ThenInclude(r => r.Progress).AsSplitQuery().Where(p => p.PupilId == id).OrderBy(p => p.IssuedOn).ToListAsync(ct);
            return TypedResults.Ok(plans.Select(p => PlanDto.From(p, found.Value, found.Value.School!.Phase, Today(clock))).ToList());
        }).Produces<List<PlanDto>>().ProducesProblem(403).ProducesProblem(404).WithSummary("Every EHC plan of the pupil, ceased ones included, oldest first.");

        g.MapGet("/ehc-plans/{planId:guid}", async (Guid planId, EhcFinder finder, SencoDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct) =>
        {
            var found = await finder.PlanAsync(planId, Permission.ViewEhc, ct);
            if (!found.IsOk) return ApiJson.ToResult(found, _ => TypedResults.Ok());
            audit.Read("ehc.plan.read", "API read of an EHC plan", found.Value!.SchoolId, found.Value.PupilId);
            return TypedResults.Ok(await PlanDtoAsync(db, found.Value, clock, ct));
        }).Produces<PlanDto>().ProducesProblem(403).ProducesProblem(404).WithSummary("An EHC plan: sections A-K, the golden thread of needs, outcomes and provision, reviews and dates.");

        g.MapPut("/ehc-plans/{planId:guid}", async (Guid planId, HttpContext http, EhcCommands commands, SencoDbContext db, TimeProvider clock) =>
        {
            var (req, error) = await ApiJson.ReadAsync<PlanRequest>(http);
            if (error is not null) return error;
            if (req!.Version is null) return ApiJson.Invalid("version", "Send the version of the plan you last read");
            var outcome = await commands.UpdatePlanAsync(planId, new PlanEdit(req.LocalAuthority, req.CaseOfficer, req.CaseOfficerEmail, req.Sections), req.Version.Value, http.RequestAborted);
            if (!outcome.IsOk) return ApiJson.ToResult(outcome, _ => TypedResults.Ok());
            return TypedResults.Ok(await PlanDtoAsync(db, outcome.Value!, clock, http.RequestAborted));
        }).Accepts<PlanRequest>("application/json").Produces<PlanDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
          .WithSummary("Change the LA, case officer or text sections (A, C, D, G, H1, H2, I, J, K). A stale version answers 409.");

        g.MapPost("/ehc-plans/{planId:guid}/needs", async (Guid planId, HttpContext http, EhcCommands commands, SencoDbContext db, TimeProvider clock) =>
        {
            var (req, error) = await ApiJson.ReadAsync<NeedInput>(http);
            if (error is not null) return error;
            var outcome = await commands.AddNeedAsync(planId, req!, http.RequestAborted);
            if (!outcome.IsOk) return ApiJson.ToResult(outcome, _ => TypedResults.Ok());
            return TypedResults.Created($"/api/v1/ehc-plans/{planId}", await PlanDtoAsync(db, outcome.Value!, clock, http.RequestAborted));
        }).Accepts<NeedInput>("application/json").Produces<PlanDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
          .WithSummary("Add a section B need with its section E outcomes and section F provision (hours a week, yearly cost in pounds).");

        g.MapDelete("/ehc-plans/{planId:guid}/needs/{needId:long}", async (Guid planId, long needId, HttpContext http, EhcCommands commands, SencoDbContext db, TimeProvider clock) =>
        {
            var outcome = await commands.RemoveNeedAsync(planId, needId, http.RequestAborted);
            if (!outcome.IsOk) return ApiJson.ToResult(outcome, _ => TypedResults.Ok());
            return TypedResults.Ok(await PlanDtoAsync(db, outcome.Value!, clock, http.RequestAborted));
        }).Produces<PlanDto>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).WithSummary("Remove a need with its outcomes and provision.");

        // ---- Annual reviews ----
        g.MapPost("/ehc-plans/{planId:guid}/reviews", async (Guid planId, HttpContext http, EhcCommands commands, SencoDbContext db) =>
        {
            var (req, error) = await ApiJson.ReadAsync<ReviewScheduleRequest>(http);
            if (error is not null) return error;
            var outcome = await commands.ScheduleReviewAsync(planId, req!.MeetingOn, http.RequestAborted);
            if (!outcome.IsOk) return ApiJson.ToResult(outcome, _ => TypedResults.Ok());
            var (plan, review) = outcome.Value;
            var pupil = await PupilOfAsync(db, plan, http.RequestAborted);
            return TypedResults.Created($"/api/v1/ehc-plans/{planId}/reviews/{review.Id}", ReviewDto.From(review, plan, pupil));
        }).Accepts<ReviewScheduleRequest>("application/json").Produces<ReviewDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
          .WithSummary("Arrange an annual review meeting; returns the invitation, advice, report and LA decision dates.");

        g.MapGet("/ehc-plans/{planId:guid}/reviews", async (Guid planId, EhcFinder finder, SencoDbContext db, AuditLog audit, CancellationToken ct) =>
        {
            var found = await finder.PlanAsync(planId, Permission.ViewEhc, ct);
            if (!found.IsOk) return ApiJson.ToResult(found, _ => TypedResults.Ok());
            var plan = found.Value!;
            audit.Read("ehc.review.list", "API read of annual reviews", plan.SchoolId, plan.PupilId);
            var pupil = await PupilOfAsync(db, plan, ct);
            return TypedResults.Ok(plan.Reviews.OrderBy(r => r.MeetingOn).Select(r => ReviewDto.From(r, plan, pupil)).ToList());
        }).Produces<List<ReviewDto>>().ProducesProblem(403).ProducesProblem(404).WithSummary("The plan's annual reviews, oldest first.");

        g.MapGet("/ehc-plans/{planId:guid}/reviews/{reviewId:guid}", async (Guid planId, Guid reviewId, EhcFinder finder, SencoDbContext db, AuditLog audit, CancellationToken ct) =>
        {
            var found = await finder.PlanAsync(planId, Permission.ViewEhc, ct);
            if (!found.IsOk) return ApiJson.ToResult(found, _ => TypedResults.Ok());
            var plan = found.Value!;
            var review = plan.Reviews.FirstOrDefault(r => r.Id == reviewId);
            if (review is null) return TypedResults.NotFound();
            audit.Read("ehc.review.read", "API read of an annual review", plan.SchoolId, plan.PupilId);
            return TypedResults.Ok(ReviewDto.From(review, plan, await PupilOfAsync(db, plan, ct)));
        }).Produces<ReviewDto>().ProducesProblem(403).ProducesProblem(404).WithSummary("One annual review.");

        g.MapPut("/ehc-plans/{planId:guid}/reviews/{reviewId:guid}", async (Guid planId, Guid reviewId, HttpContext http, EhcCommands commands, SencoDbContext db) =>
        {
            var (req, error) = await ApiJson.ReadAsync<ReviewRequest>(http);
            if (error is not null) return error;
            var outcome = await commands.RecordReviewAsync(planId, reviewId, req!.ToInput(), req.Version, http.RequestAborted);
            if (!outcome.IsOk) return ApiJson.ToResult(outcome, _ => TypedResults.Ok());
            var (plan, review) = outcome.Value;
            return TypedResults.Ok(ReviewDto.From(review, plan, await PupilOfAsync(db, plan, http.RequestAborted)));
        }).Accepts<ReviewRequest>("application/json").Produces<ReviewDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
          .WithSummary("Record the meeting (heldOn, recommendation Maintain|Amend|Cease) and what followed; the plan's nextReviewDue moves on. Fields left out keep their value.");

        g.MapGet("/ehc-plans/{planId:guid}/reviews/{reviewId:guid}/documents/{kind}", async (Guid planId, Guid reviewId, string kind, EhcDocumentService docs, CancellationToken ct) =>
        {
            var outcome = await docs.BuildAsync(planId, reviewId, kind, ct);
            return ApiJson.ToResult(outcome, d => TypedResults.File(d.Content, EhcDocuments.ContentType, d.FileName));
        }).Produces(200, contentType: EhcDocuments.ContentType).ProducesProblem(403).ProducesProblem(404)
          .WithSummary("A Word document filled from the record: invitation.docx, advice-request.docx or review-report.docx.");

        // ---- The statutory clock ----
        g.MapGet("/schools/{urn}/statutory-deadlines", async (string urn, string? withinDays, UserContext user, StatutoryClockQuery clockQuery, AuditLog audit, CancellationToken ct) =>
        {
            var school = user.School(urn);
            if (school is null) return TypedResults.NotFound();
            if (!school.Can(Permission.ViewEhc)) return TypedResults.Problem(statusCode: 403, title: "Your role in this school does not allow this.");
            if (ParseWithinDays(withinDays) is not { } days) return WithinDaysError();
            var items = await clockQuery.ForSchoolsAsync([school.SchoolId], days, ct);
            audit.Read("ehc.deadlines.read", $"API read of statutory deadlines ({items.Count})", school.SchoolId);
            return TypedResults.Ok(new DeadlinesDto(items.Select(DeadlineDto.From).ToList()));
        }).Produces<DeadlinesDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404)
          .WithSummary("Every statutory EHC date due within withinDays (default 30) or already missed, soonest first.");

        g.MapGet("/statutory-deadlines", async (string? withinDays, UserContext user, StatutoryClockQuery clockQuery, AuditLog audit, CancellationToken ct) =>
        {
            if (ParseWithinDays(withinDays) is not { } days) return WithinDaysError();
            var ids = user.SchoolsWhere(Permission.ViewEhc).ToList();
            var items = await clockQuery.ForSchoolsAsync(ids, days, ct);
            audit.Read("ehc.deadlines.read", $"API read of statutory deadlines across {ids.Count} school(s) ({items.Count})");
            return TypedResults.Ok(new DeadlinesDto(items.Select(DeadlineDto.From).ToList()));
        }).Produces<DeadlinesDto>().ProducesValidationProblem()
          .WithSummary("The same across every school the caller may see EHC plans in: a trust lead's view of the trust.");
    }

    internal static int? ParseWithinDays(string? s)
    {
        if (string.IsNullOrEmpty(s)) return DefaultWithinDays;
        return int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d <= StatutoryClock.MaxWithinDays ? d : null;
    }

    private static IResult WithinDaysError() => ApiJson.Invalid("withinDays", $"Enter a whole number of days from 0 to {StatutoryClock.MaxWithinDays}");

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static async Task<Pupil> PupilOfAsync(SencoDbContext db, EhcPlan plan, CancellationToken ct) =>
        await db.Pupils.IgnoreQueryFilters().AsNoTracking().Include(p => p.School).FirstAsync(p => p.Id == plan.PupilId, ct);

    private static async Task<PlanDto> PlanDtoAsync(SencoDbContext db, EhcPlan plan, TimeProvider clock, CancellationToken ct)
    {
        var pupil = await PupilOfAsync(db, plan, ct);
        return PlanDto.From(plan, pupil, pupil.School!.Phase, Today(clock));
    }
}
