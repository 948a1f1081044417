using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Graduated;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Api;
using Senco.Web.Features.Passports;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;
using Senco.Web.Features.Strategies;
using Senco.Web.Features.SupportPlans;
using Senco.Web.Features.TeachingGroups;

namespace Senco.Web.Features.Graduated;

public sealed record SupportPlanRequest(string? Strengths, string? NeedsCognitionAndLearning, string? NeedsCommunicationAndInteraction,
    string? NeedsSocialEmotionalMentalHealth, string? NeedsSensoryPhysical, string? Evidence, List<OutcomeInput>? Outcomes, List<PlanStrategyInput>? Strategies,
    string? PupilViews, string? ParentViews, DateOnly? ReviewDue, Guid? LeadUserId, int? Version)
{
    public SupportPlanInput ToInput() => new(Strengths, NeedsCognitionAndLearning, NeedsCommunicationAndInteraction, NeedsSocialEmotionalMentalHealth,
        NeedsSensoryPhysical, Evidence, Outcomes, Strategies, PupilViews, ParentViews, ReviewDue, LeadUserId);
}

public sealed record OutcomeRequest(string? Description, DateOnly? ByWhen, string? Measure, int? Version);
public sealed record OutcomeRatingRequest(int? OutcomeId, string? Rating, string? Evidence);
public sealed record PlanReviewRequest(DateOnly? HeldOn, List<OutcomeRatingRequest>? Outcomes, string? WhatWeLearned, string? PupilViews, string? ParentViews,
    bool? StartNextCycle, DateOnly? NextReviewDue, List<int>? ContinueStrategyIds, int? Version);
public sealed record ParentsInformedRequest(DateOnly? ToldOn, string? How, string? Note);
public sealed record PassportRequest(string? AboutMe, bool? AboutMeOwnWords, string? ImportantToMe, bool? ImportantToMeOwnWords, string? HowToSupportMe,
    bool? HowToSupportMeOwnWords, List<string>? KeyStrategies, Guid? KeptByUserId, int? Version)
{
    public PassportInput ToInput() => new(AboutMe, AboutMeOwnWords ?? false, ImportantToMe, ImportantToMeOwnWords ?? false, HowToSupportMe,
        HowToSupportMeOwnWords ?? false, KeyStrategies, KeptByUserId);
}
public sealed record PassportProposalRequest(string? AboutMe, bool? AboutMeOwnWords, string? ImportantToMe, bool? ImportantToMeOwnWords, string? HowToSupportMe,
    bool? HowToSupportMeOwnWords, List<string>? KeyStrategies, string? Note, int? BasedOnVersion)
{
    public PassportContent ToContent() => new(AboutMe, AboutMeOwnWords ?? false, ImportantToMe, ImportantToMeOwnWords ?? false, HowToSupportMe,
        HowToSupportMeOwnWords ?? false, KeyStrategies);
}
public sealed record ProposalDecisionRequest(string? Note, int? PassportVersion);
public sealed record GraduatedSettingsRequest(int? PassportReviewMonths);

/// The graduated approach in the HTTP API: teaching groups, the strategy bank, support plans with their outcomes and
/// reviews, parents informed, learning passports (proposals, readings, photo, Word document), reviews due, settings.
public static class GraduatedApi
{
    public static void MapGraduatedApi(this RouteGroupBuilder api)
    {
        MapTeachingGroups(api.MapGroup("").WithTags("Teaching groups"));
        MapStrategies(api.MapGroup("").WithTags("Strategy bank"));
        MapPlans(api.MapGroup("").WithTags("Support plans"));
        MapPassports(api.MapGroup("").WithTags("Learning passports"));
        MapSchool(api.MapGroup("").WithTags("Graduated approach"));
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static void MapTeachingGroups(RouteGroupBuilder g)
    {
        g.MapGet("/schools/{urn}/teaching-groups", async (string urn, GraduatedAccess access, SencoDbContext db, CancellationToken ct) =>
        {
            var school = access.User.School(urn);
            if (school is null) return TypedResults.NotFound();
            if (!school.Can(Permission.ManageTeachingGroups) && !school.Can(Permission.ViewPlans)) return Forbidden();
            var groups = await db.TeachingGroups.AsNoTracking().Include(x => x.Pupils).Include(x => x.Teachers).AsSplitQuery()
                .Where(x => x.SchoolId == school.SchoolId).OrderBy(x => x.Name).ToListAsync(ct);
            return TypedResults.Ok(groups.Select(TeachingGroupDto.From).ToList());
        }).Produces<List<TeachingGroupDto>>().ProducesProblem(403).ProducesProblem(404).WithSummary("The school's classes and teaching groups.");

        g.MapPost("/schools/{urn}/teaching-groups", async (string urn, HttpContext http, TeachingGroupCommands commands) =>
        {
            var (req, error) = await GraduatedJson.ReadAsync<TeachingGroupInput>(http);
            if (error is not null) return error;
            var outcome = await commands.CreateAsync(urn, req!, http.RequestAborted);
            return GraduatedJson.ToResult(outcome, x => TypedResults.Created($"/api/v1/teaching-groups/{x.Id}", TeachingGroupDto.From(x)));
        }).Accepts<TeachingGroupInput>("application/json").Produces<TeachingGroupDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404)
          .WithSummary("Add a class or teaching group: name, year group (null for mixed age), pupilIds and teacherIds (user ids).");

        g.MapGet("/teaching-groups/{id:int}", async (int id, TeachingGroupCommands commands, CancellationToken ct) =>
            GraduatedJson.ToResult(await commands.FindAsync(id, Permission.ManageTeachingGroups, ct), x => TypedResults.Ok(TeachingGroupDto.From(x))))
          .Produces<TeachingGroupDto>().ProducesProblem(403).ProducesProblem(404).WithSummary("A teaching group.");

        g.MapPut("/teaching-groups/{id:int}", async (int id, HttpContext http, TeachingGroupCommands commands) =>
        {
            var (req, error) = await GraduatedJson.ReadAsync<TeachingGroupInput>(http);
            if (error is not null) return error;
            return GraduatedJson.ToResult(await commands.UpdateAsync(id, req!, http.RequestAborted), x => TypedResults.Ok(TeachingGroupDto.From(x)));
        }).Accepts<TeachingGroupInput>("application/json").Produces<TeachingGroupDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404)
          .WithSummary("Change a teaching group; pupilIds and teacherIds replace the lists.");

        g.MapDelete("/teaching-groups/{id:int}", async (int id, TeachingGroupCommands commands, CancellationToken ct) =>
            GraduatedJson.ToResult(await commands.DeleteAsync(id, ct), _ => TypedResults.NoContent()))
          .Produces(204).ProducesProblem(403).ProducesProblem(404).WithSummary("Delete a teaching group.");
    }

    private static void MapStrategies(RouteGroupBuilder g)
    {
        g.MapGet("/schools/{urn}/strategies", async (string urn, bool? includeArchived, UserContext user, SencoDbContext db, CancellationToken ct) =>
        {
            var school = user.School(urn);
            if (school is null) return TypedResults.NotFound();
            if (!StrategyCommands.CanView(school)) return Forbidden();
            var list = await StrategyCommands.ListAsync(db, school.SchoolId, includeArchived == true, ct);
            return TypedResults.Ok(list.Select(StrategyDto.From).ToList());
        }).Produces<List<StrategyDto>>().ProducesProblem(403).ProducesProblem(404).WithSummary("The strategy bank, by broad area of need.");

        g.MapPost("/schools/{urn}/strategies", async (string urn, HttpContext http, StrategyCommands commands) =>
        {
            var (req, error) = await GraduatedJson.ReadAsync<StrategyInput>(http);
            if (error is not null) return error;
            return GraduatedJson.ToResult(await commands.CreateAsync(urn, req!, http.RequestAborted), s => TypedResults.Created($"/api/v1/strategies/{s.Id}", StrategyDto.From(s)));
        }).Accepts<StrategyInput>("application/json").Produces<StrategyDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404)
          .WithSummary("Add a strategy: area (CognitionAndLearning, CommunicationAndInteraction, SocialEmotionalMentalHealth, SensoryPhysical), title, description.");

        g.MapPut("/strategies/{id:int}", async (int id, HttpContext http, StrategyCommands commands) =>
        {
            var (req, error) = await GraduatedJson.ReadAsync<StrategyInput>(http);
            if (error is not null) return error;
            return GraduatedJson.ToResult(await commands.UpdateAsync(id, req!, http.RequestAborted), s => TypedResults.Ok(StrategyDto.From(s)));
        }).Accepts<StrategyInput>("application/json").Produces<StrategyDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404)
          .WithSummary("Change a strategy; archived: true stops offering it (plans that used it keep their text).");
    }

    private static void MapPlans(RouteGroupBuilder g)
    {
        g.MapGet("/pupils/{id:guid}/support-plans", async (Guid id, GraduatedAccess access, SencoDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct) =>
        {
            var pupil = await access.PupilAsync(id, Permission.ViewPlans, ct);
            if (!pupil.IsOk) return ApiJson.ToResult(pupil, _ => TypedResults.Ok());
            var plans = await db.SupportPlans.AsNoTracking().Include(p => p.Outcomes).Include(p => p.Strategies).Include(p => p.Review).AsSplitQuery()
                .Where(p => p.PupilId == id).OrderByDescending(p => p.Cycle).ToListAsync(ct);
            audit.Read("plan.read", $"API read of every support plan cycle of {pupil.Value!.Upn}", pupil.Value.SchoolId, id);
            return TypedResults.Ok(plans.Select(p => SupportPlanDto.From(p, Today(clock))).ToList());
        }).Produces<List<SupportPlanDto>>().ProducesProblem(403).ProducesProblem(404).WithSummary("Every cycle of a pupil's support plan, newest first.");

        g.MapPost("/pupils/{id:guid}/support-plans", async (Guid id, HttpContext http, SupportPlanCommands commands, TimeProvider clock) =>
        {
            var (req, error) = await GraduatedJson.ReadAsync<SupportPlanRequest>(http);
            if (error is not null) return error;
            var outcome = await commands.CreateAsync(id, req!.ToInput(), http.RequestAborted);
            return GraduatedJson.ToResult(outcome, p => TypedResults.Created($"/api/v1/support-plans/{p.Id}", SupportPlanDto.From(p, Today(clock))));
        }).Accepts<SupportPlanRequest>("application/json").Produces<SupportPlanDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
          .WithSummary("Start a pupil's support plan (the first cycle, or a new one after support ended). The pupil must be at K or E; 409 if a current plan exists.");

        g.MapGet("/pupils/{id:guid}/support-plans/current", async (Guid id, GraduatedAccess access, AuditLog audit, TimeProvider clock, CancellationToken ct) =>
        {
            var pupil = await access.PupilAsync(id, Permission.ViewPlans, ct);
            if (!pupil.IsOk) return ApiJson.ToResult(pupil, _ => TypedResults.Ok());
            var plan = await access.CurrentPlanAsync(id, ct);
            if (plan is null) return TypedResults.Problem(statusCode: 404, title: "This pupil has no current support plan.");
            audit.Read("plan.read", $"API read of the current support plan of {pupil.Value!.Upn}", pupil.Value.SchoolId, id);
            return TypedResults.Ok(SupportPlanDto.From(plan, Today(clock)));
        }).Produces<SupportPlanDto>().ProducesProblem(403).ProducesProblem(404).WithSummary("The pupil's current cycle.");

        g.MapGet("/support-plans/{planId:guid}", async (Guid planId, GraduatedAccess access, AuditLog audit, TimeProvider clock, CancellationToken ct) =>
        {
            var plan = await access.PlanAsync(planId, Permission.ViewPlans, ct: ct);
            if (plan.IsOk) audit.Read("plan.read", $"API read of support plan cycle {plan.Value!.Cycle} of {plan.Value.Pupil!.Upn}", plan.Value.SchoolId, plan.Value.PupilId);
            return ApiJson.ToResult(plan, p => TypedResults.Ok(SupportPlanDto.From(p, Today(clock))));
        }).Produces<SupportPlanDto>().ProducesProblem(403).ProducesProblem(404).WithSummary("One cycle of a support plan, current or reviewed.");

        g.MapPut("/support-plans/{planId:guid}", async (Guid planId, HttpContext http, SupportPlanCommands commands, TimeProvider clock) =>
        {
            var (req, error) = await GraduatedJson.ReadAsync<SupportPlanRequest>(http);
            if (error is not null) return error;
            if (req!.Version is null) return ApiJson.Invalid("version", "Send the version of the plan you last read");
            var outcome = await commands.UpdateAsync(planId, req.Version.Value, req.ToInput(), http.RequestAborted);
            return GraduatedJson.ToResult(outcome, p => TypedResults.Ok(SupportPlanDto.From(p, Today(clock))), p => SupportPlanDto.From(p, Today(clock)));
        }).Accepts<SupportPlanRequest>("application/json").Produces<SupportPlanDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
          .WithSummary("Change the current cycle. Send the version you read: a stale one answers 409 with the plan as saved now in \"current\". Outcomes keep their id when sent with it.");

        g.MapGet("/support-plans/{planId:guid}/outcomes", async (Guid planId, GraduatedAccess access, CancellationToken ct) =>
            ApiJson.ToResult(await access.PlanAsync(planId, Permission.ViewPlans, ct: ct), p => TypedResults.Ok(p.Outcomes.Select(OutcomeDto.From).ToList())))
          .Produces<List<OutcomeDto>>().ProducesProblem(403).ProducesProblem(404).WithSummary("The outcomes of one cycle, with their states.");

        g.MapPost("/support-plans/{planId:guid}/outcomes", async (Guid planId, HttpContext http, SupportPlanCommands commands, TimeProvider clock) =>
        {
            var (req, error) = await GraduatedJson.ReadAsync<OutcomeRequest>(http);
            if (error is not null) return error;
            var outcome = await commands.AddOutcomeAsync(planId, req!.Version, new OutcomeInput(null, req.Description, req.ByWhen, req.Measure), http.RequestAborted);
            return GraduatedJson.ToResult(outcome, p => TypedResults.Created($"/api/v1/support-plans/{p.Id}/outcomes", SupportPlanDto.From(p, Today(clock))), p => SupportPlanDto.From(p, Today(clock)));
        }).Accepts<OutcomeRequest>("application/json").Produces<SupportPlanDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
          .WithSummary("Add an outcome (description, byWhen, measure) to the current cycle; answers with the plan and its new version.");

        g.MapGet("/support-plans/{planId:guid}/reviews", async (Guid planId, GraduatedAccess access, CancellationToken ct) =>
            ApiJson.ToResult(await access.PlanAsync(planId, Permission.ViewPlans, ct: ct),
                p => TypedResults.Ok(p.Review is null ? new List<PlanReviewDto>() : [PlanReviewDto.From(p.Review)])))
          .Produces<List<PlanReviewDto>>().ProducesProblem(403).ProducesProblem(404).WithSummary("The review of a cycle (none while it is current).");

        g.MapPost("/support-plans/{planId:guid}/reviews", async (Guid planId, HttpContext http, SupportPlanCommands commands, TimeProvider clock) =>
        {
            var (req, error) = await GraduatedJson.ReadAsync<PlanReviewRequest>(http);
            if (error is not null) return error;
            if (req!.StartNextCycle is null) return ApiJson.Invalid("startNextCycle", "Say whether to start the next cycle (true) or end the support plan (false)");
            var input = new PlanReviewInput(req.HeldOn, (req.Outcomes ?? []).Select(o => new OutcomeRatingInput(o?.OutcomeId ?? 0, o?.Rating, o?.Evidence)).ToList(),
                req.WhatWeLearned, req.PupilViews, req.ParentViews, req.StartNextCycle.Value, req.NextReviewDue);
            var outcome = await commands.ReviewAsync(planId, req.Version, input, req.ContinueStrategyIds, http.RequestAborted);
            var today = Today(clock);
            return GraduatedJson.ToResult(outcome,
                r => TypedResults.Created($"/api/v1/support-plans/{planId}/reviews", new ReviewResultDto(PlanReviewDto.From(r.Reviewed.Review!), SupportPlanDto.From(r.Reviewed, today),
                    r.Next is null ? null : SupportPlanDto.From(r.Next, today))),
                r => SupportPlanDto.From(r.Reviewed, today));
        }).Accepts<PlanReviewRequest>("application/json").Produces<ReviewResultDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
          .WithSummary("Review a cycle: rate every outcome (Achieved, PartlyAchieved, NotYetAchieved) with evidence, say what was learned, and start the next cycle (outcomes not achieved and the strategies in continueStrategyIds, or all, carry forward) or end the plan. The reviewed cycle becomes read-only.");

        g.MapGet("/pupils/{id:guid}/parents-informed", async (Guid id, GraduatedAccess access, SencoDbContext db, CancellationToken ct) =>
        {
            var pupil = await access.PupilAsync(id, Permission.ViewPlans, ct);
            if (!pupil.IsOk) return ApiJson.ToResult(pupil, _ => TypedResults.Ok());
            var rows = await db.ParentsInformed.AsNoTracking().Where(r => r.PupilId == id).OrderBy(r => r.ToldOn).ThenBy(r => r.Id).ToListAsync(ct);
            return TypedResults.Ok(rows.Select(ParentsInformedDto.From).ToList());
        }).Produces<List<ParentsInformedDto>>().ProducesProblem(403).ProducesProblem(404).WithSummary("When the parents were told that SEN support started (CAFA 2014 s68).");

        g.MapPost("/pupils/{id:guid}/parents-informed", async (Guid id, HttpContext http, SupportPlanCommands commands) =>
        {
            var (req, error) = await GraduatedJson.ReadAsync<ParentsInformedRequest>(http);
            if (error is not null) return error;
            var outcome = await commands.RecordParentsInformedAsync(id, req!.ToldOn, req.How, req.Note, http.RequestAborted);
            return GraduatedJson.ToResult(outcome, r => TypedResults.Created($"/api/v1/pupils/{id}/parents-informed", ParentsInformedDto.From(r)));
        }).Accepts<ParentsInformedRequest>("application/json").Produces<ParentsInformedDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404)
          .WithSummary("Record that the parents were told SEN support started: toldOn, how (Meeting, Letter, Phone, Email, Other), note.");
    }

    private static void MapPassports(RouteGroupBuilder g)
    {
        g.MapGet("/pupils/{id:guid}/passport", async (Guid id, GraduatedAccess access, PassportQueries queries, AuditLog audit, CancellationToken ct) =>
        {
            var pupil = await access.PupilAsync(id, Permission.ViewPassports, ct);
            if (!pupil.IsOk) return ApiJson.ToResult(pupil, _ => TypedResults.Ok());
            var passport = await queries.ForPupilAsync(id, ct);
            if (passport is null) return TypedResults.Problem(statusCode: 404, title: "This pupil has no learning passport yet.");
            audit.Read("passport.read", $"API read of the learning passport of {pupil.Value!.Upn}", pupil.Value.SchoolId, id);
            return TypedResults.Ok(PassportDto.From(passport, await queries.IntervalAsync(passport.SchoolId, ct), queries.Today, await queries.CurrentPlanStrategiesAsync(id, ct)));
        }).Produces<PassportDto>().ProducesProblem(403).ProducesProblem(404)
          .WithSummary("A pupil's learning passport with its review date and the strategies of their current plan. A teacher only for the pupils they teach (403 otherwise).");

        g.MapPut("/pupils/{id:guid}/passport", async (Guid id, HttpContext http, PassportCommands commands, PassportQueries queries) =>
        {
            var (req, error) = await GraduatedJson.ReadAsync<PassportRequest>(http);
            if (error is not null) return error;
            var outcome = await commands.SaveAsync(id, req!.Version, req.ToInput(), http.RequestAborted);
            var interval = outcome.Value is { } v ? await queries.IntervalAsync(v.Passport.SchoolId, http.RequestAborted) : ReviewSchedule.DefaultPassportReviewMonths;
            var strategies = outcome.IsOk ? await queries.CurrentPlanStrategiesAsync(id, http.RequestAborted) : [];
            return GraduatedJson.ToResult(outcome,
                s => s.Created
                    ? TypedResults.Created($"/api/v1/pupils/{id}/passport", PassportDto.From(s.Passport, interval, queries.Today, strategies))
                    : TypedResults.Ok(PassportDto.From(s.Passport, interval, queries.Today, strategies)),
                s => PassportDto.From(s.Passport, interval, queries.Today, []));
        }).Accepts<PassportRequest>("application/json").Produces<PassportDto>().Produces<PassportDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
          .WithSummary("Write the passport (201) or change it (200; send the version you read, 409 if stale). SENCO and assistant SENCO only; it counts as a review.");

        g.MapPost("/pupils/{id:guid}/passport/reviewed", async (Guid id, PassportCommands commands, PassportQueries queries, CancellationToken ct) =>
        {
            var outcome = await commands.MarkReviewedAsync(id, ct);
            var interval = outcome.Value is { } p ? await queries.IntervalAsync(p.SchoolId, ct) : ReviewSchedule.DefaultPassportReviewMonths;
            return GraduatedJson.ToResult(outcome, p => TypedResults.Ok(PassportDto.From(p, interval, queries.Today, [])));
        }).Produces<PassportDto>().ProducesProblem(403).ProducesProblem(404).WithSummary("Record that the passport was reviewed today and still holds.");

        g.MapGet("/pupils/{id:guid}/passport.docx", async (Guid id, GraduatedAccess access, PassportQueries queries, AuditLog audit, CancellationToken ct) =>
        {
            var pupil = await access.PupilAsync(id, Permission.ViewPassports, ct);
            if (!pupil.IsOk) return ApiJson.ToResult(pupil, _ => TypedResults.Ok());
            var passport = await queries.ForPupilAsync(id, ct);
            if (passport is null) return TypedResults.Problem(statusCode: 404, title: "This pupil has no learning passport yet.");
            var photo = passport.HasPhoto ? await queries.PhotoAsync(passport.Id, ct) : null;
            var bytes = PassportDocument.Build(pupil.Value!, passport, photo, await queries.CurrentPlanStrategiesAsync(id, ct));
            audit.Read("passport.download", $"Downloaded the learning passport of {pupil.Value!.Upn} as a Word document", pupil.Value.SchoolId, id);
            return TypedResults.File(bytes, PassportDocument.ContentType, PassportDocument.FileName(pupil.Value));
        }).Produces(200, contentType: PassportDocument.ContentType).ProducesProblem(403).ProducesProblem(404).WithSummary("The passport as a Word document.");

        g.MapGet("/pupils/{id:guid}/passport/photo", async (Guid id, GraduatedAccess access, PassportQueries queries, AuditLog audit, CancellationToken ct) =>
        {
            var pupil = await access.PupilAsync(id, Permission.ViewPassports, ct);
            if (!pupil.IsOk) return ApiJson.ToResult(pupil, _ => TypedResults.Ok());
            var passport = await queries.ForPupilAsync(id, ct);
            var photo = passport is { HasPhoto: true } ? await queries.PhotoAsync(passport.Id, ct) : null;
            if (photo is null) return TypedResults.NotFound();
            audit.Read("passport.photo.read", $"API read of the passport photo of {pupil.Value!.Upn}", pupil.Value.SchoolId, id);
            return TypedResults.File(photo.Content, photo.ContentType);
        }).Produces(200, contentType: "image/png").ProducesProblem(403).ProducesProblem(404).WithSummary("The passport's photo, for those who may read the passport.");

        g.MapPut("/pupils/{id:guid}/passport/photo", async (Guid id, HttpContext http, PassportCommands commands) =>
        {
            var data = await ReadLimitedAsync(http.Request.Body, PhotoRules.MaxBytes + 1, http.RequestAborted);
            var outcome = await commands.SetPhotoAsync(id, data, http.RequestAborted);
            return GraduatedJson.ToResult(outcome, _ => TypedResults.NoContent());
        }).Accepts<byte[]>("image/png", "image/jpeg", "application/octet-stream").Produces(204).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404)
          .WithSummary("Set the passport's photo: the body is a PNG or JPEG of at most 2 MB, checked by its content.");

        g.MapDelete("/pupils/{id:guid}/passport/photo", async (Guid id, PassportCommands commands, CancellationToken ct) =>
            GraduatedJson.ToResult(await commands.RemovePhotoAsync(id, ct), _ => TypedResults.NoContent()))
          .Produces(204).ProducesProblem(403).ProducesProblem(404).WithSummary("Remove the passport's photo.");

        g.MapPost("/pupils/{id:guid}/passport/reads", async (Guid id, PassportCommands commands, CancellationToken ct) =>
            GraduatedJson.ToResult(await commands.RecordReadAsync(id, ct),
                r => TypedResults.Created($"/api/v1/pupils/{id}/passport/reads", new PassportReadingDto(r.UserId, r.UserName, r.Version, true, PlanReviewDto.Utc(r.ReadAt)))))
          .Produces<PassportReadingDto>(201).ProducesProblem(403).ProducesProblem(404).WithSummary("Record that you have read the passport as it is now.");

        g.MapGet("/pupils/{id:guid}/passport/reads", async (Guid id, GraduatedAccess access, PassportQueries queries, CancellationToken ct) =>
        {
            var pupil = await access.PupilAsync(id, Permission.ViewPlans, ct);
            if (!pupil.IsOk) return ApiJson.ToResult(pupil, _ => TypedResults.Ok());
            var passport = await queries.ForPupilAsync(id, ct);
            if (passport is null) return TypedResults.NotFound();
            var reads = await queries.ReadingsAsync(passport.Id, ct);
            return TypedResults.Ok(reads.Select(r => new PassportReadingDto(r.UserId, r.UserName, r.Version, r.Version == passport.Version, PlanReviewDto.Utc(r.ReadAt))).ToList());
        }).Produces<List<PassportReadingDto>>().ProducesProblem(403).ProducesProblem(404).WithSummary("Who has read the passport, and whether they read its current version.");

        g.MapGet("/pupils/{id:guid}/passport/proposals", async (Guid id, GraduatedAccess access, PassportQueries queries, CancellationToken ct) =>
        {
            var pupil = await access.PupilAsync(id, Permission.ApprovePassport, ct);
            if (!pupil.IsOk) return ApiJson.ToResult(pupil, _ => TypedResults.Ok());
            var passport = await queries.ForPupilAsync(id, ct);
            if (passport is null) return TypedResults.NotFound();
            var proposals = await queries.ProposalsAsync(passport.Id, ct);
            return TypedResults.Ok(proposals.Select(p => PassportProposalDto.From(p, p.Status == ProposalStatus.Pending ? passport : null)).ToList());
        }).Produces<List<PassportProposalDto>>().ProducesProblem(403).ProducesProblem(404).WithSummary("Proposed changes to the passport, newest first; pending ones with the changes against the passport now.");

        g.MapPost("/pupils/{id:guid}/passport/proposals", async (Guid id, HttpContext http, PassportCommands commands) =>
        {
            var (req, error) = await GraduatedJson.ReadAsync<PassportProposalRequest>(http);
            if (error is not null) return error;
            var outcome = await commands.ProposeAsync(id, req!.BasedOnVersion, req.ToContent(), req.Note, http.RequestAborted);
            return GraduatedJson.ToResult(outcome, p => TypedResults.Created($"/api/v1/passport-proposals/{p.Id}", PassportProposalDto.From(p)));
        }).Accepts<PassportProposalRequest>("application/json").Produces<PassportProposalDto>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
          .WithSummary("Propose a change to the passport (teaching assistants; teachers for the pupils they teach). It waits for the SENCO's approval.");

        g.MapGet("/passport-proposals/{proposalId:int}", async (int proposalId, GraduatedAccess access, SencoDbContext db, CancellationToken ct) =>
        {
            var found = await access.ProposalAsync(proposalId, Permission.ApprovePassport, ct: ct);
            if (found.Kind == OutcomeKind.Forbidden)
            {
                // The person who proposed a change may follow it.
                var own = await access.ProposalAsync(proposalId, Permission.ProposePassportChange, ct: ct);
                if (own.IsOk && own.Value!.ProposedById == access.User.UserId) found = own;
            }
            if (!found.IsOk) return ApiJson.ToResult(found, _ => TypedResults.Ok());
            var passport = await db.Passports.AsNoTracking().FirstAsync(p => p.Id == found.Value!.PassportId, ct);
            return TypedResults.Ok(PassportProposalDto.From(found.Value!, passport));
        }).Produces<PassportProposalDto>().ProducesProblem(403).ProducesProblem(404).WithSummary("A proposed change, with each field before and after.");

        g.MapPost("/passport-proposals/{proposalId:int}/approve", async (int proposalId, HttpContext http, PassportCommands commands) =>
        {
            var (req, error) = http.Request.ContentLength is null or 0 ? (new ProposalDecisionRequest(null, null), null) : await GraduatedJson.ReadAsync<ProposalDecisionRequest>(http);
            if (error is not null) return error;
            return GraduatedJson.ToResult(await commands.ApproveAsync(proposalId, req!.PassportVersion, req.Note, http.RequestAborted), p => TypedResults.Ok(PassportProposalDto.From(p)), p => PassportProposalDto.From(p));
        }).Accepts<ProposalDecisionRequest>("application/json").Produces<PassportProposalDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
          .WithSummary("Approve a proposed change (SENCO, assistant SENCO): the passport takes the proposed text and counts as reviewed. Send passportVersion to refuse (409) if the passport changed since you compared.");

        g.MapPost("/passport-proposals/{proposalId:int}/decline", async (int proposalId, HttpContext http, PassportCommands commands) =>
        {
            var (req, error) = await GraduatedJson.ReadAsync<ProposalDecisionRequest>(http);
            if (error is not null) return error;
            return GraduatedJson.ToResult(await commands.DeclineAsync(proposalId, req!.Note, http.RequestAborted), p => TypedResults.Ok(PassportProposalDto.From(p)), p => PassportProposalDto.From(p));
        }).Accepts<ProposalDecisionRequest>("application/json").Produces<PassportProposalDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
          .WithSummary("Decline a proposed change, with a note for the person who proposed it.");
    }

    private static void MapSchool(RouteGroupBuilder g)
    {
        g.MapGet("/schools/{urn}/reviews-due", async (string urn, string? withinDays, UserContext user, SencoDbContext db, AuditLog audit, TimeProvider clock, CancellationToken ct) =>
        {
            var school = user.School(urn);
            if (school is null) return TypedResults.NotFound();
            if (!school.Can(Permission.ViewPlans)) return Forbidden();
            var days = 30;
            if (withinDays is not null && (!int.TryParse(withinDays, out days) || days is < 0 or > 366))
                return ApiJson.Invalid("withinDays", "Enter a number of days from 0 to 366");
            var items = await ReviewsDueQuery.RunAsync(db, school.SchoolId, Today(clock), days, ct);
            audit.Read("reviews-due.read", $"API read of reviews due within {days} days ({items.Count} items)", school.SchoolId);
            return TypedResults.Ok(new
            {
                items = items.Select(i => new DueReviewDto(i.Kind.ToString(), i.PupilId, i.PupilName, i.YearGroup, i.RecordId, i.Cycle, i.DueOn, i.State == DueState.Overdue,
                    i.StaffUserId is { } s ? new StaffRefDto(s, i.StaffName ?? "") : null)).ToList(),
            });
        }).ProducesProblem(403).ProducesProblem(404)
          .WithSummary("Support plan reviews and passport reviews due within withinDays (default 30) or overdue, soonest first, with the member of staff responsible.");

        g.MapGet("/schools/{urn}/graduated-settings", async (string urn, UserContext user, SencoDbContext db, CancellationToken ct) =>
        {
            var school = user.School(urn);
            if (school is null) return TypedResults.NotFound();
            if (!school.Can(Permission.ViewPlans) && !school.Can(Permission.ViewPassports)) return Forbidden();
            return TypedResults.Ok(new GraduatedSettingsDto(await GraduatedSettingsStore.PassportReviewMonthsAsync(db, school.SchoolId, ct)));
        }).Produces<GraduatedSettingsDto>().ProducesProblem(403).ProducesProblem(404).WithSummary("The school's settings for the graduated approach.");

        g.MapPut("/schools/{urn}/graduated-settings", async (string urn, HttpContext http, UserContext user, SencoDbContext db) =>
        {
            var (req, error) = await GraduatedJson.ReadAsync<GraduatedSettingsRequest>(http);
            if (error is not null) return error;
            var outcome = await GraduatedSettingsStore.SetPassportReviewMonthsAsync(db, user, urn, req!.PassportReviewMonths, http.RequestAborted);
            return GraduatedJson.ToResult(outcome, s => TypedResults.Ok(new GraduatedSettingsDto(s.PassportReviewMonths)));
        }).Accepts<GraduatedSettingsRequest>("application/json").Produces<GraduatedSettingsDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404)
          .WithSummary("Set how many months (1–12) a passport may go without review (SENCO).");
    }

    private static IResult Forbidden() => TypedResults.Problem(statusCode: 403, title: "Your role in this school does not allow this.");

    private static async Task<byte[]> ReadLimitedAsync(Stream body, int limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length >= limit) break;
        }
        return buffer.ToArray();
    }
}
