using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Graduated;
using Senco.Core.Model;
using Senco.Core.Sen;
using Senco.Data;
using Senco.Web.Features.Graduated;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.SupportPlans;

/// One outcome as a form or an API client sends it; <see cref="Id"/> names an outcome already in the plan.
public sealed record OutcomeInput(int? Id, string? Description, DateOnly? ByWhen, string? Measure)
{
    public OutcomeDraft ToDraft() => new(Description, ByWhen, Measure);
}

/// One strategy as sent; <see cref="StrategyId"/> picks it from the school's strategy bank (the text may then be left
/// blank and is copied from the bank).
public sealed record PlanStrategyInput(int? StrategyId, string? Description, string? Who, string? HowOften);

/// What a person types (or an API client sends) for one cycle of a support plan.
public sealed record SupportPlanInput(
    string? Strengths,
    string? NeedsCognitionAndLearning,
    string? NeedsCommunicationAndInteraction,
    string? NeedsSocialEmotionalMentalHealth,
    string? NeedsSensoryPhysical,
    string? Evidence,
    IReadOnlyList<OutcomeInput>? Outcomes,
    IReadOnlyList<PlanStrategyInput>? Strategies,
    string? PupilViews,
    string? ParentViews,
    DateOnly? ReviewDue,
    Guid? LeadUserId);

public sealed record ReviewResult(SupportPlan Reviewed, SupportPlan? Next);

/// Writing, changing and reviewing support plans. Each change is audited in the same SaveChanges; a stale version is
/// refused with what is saved now, so nothing anyone typed is overwritten unseen.
public sealed class SupportPlanCommands(SencoDbContext db, UserContext user, GraduatedAccess access, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<Outcome<SupportPlan>> CreateAsync(Guid pupilId, SupportPlanInput input, CancellationToken ct = default)
    {
        var found = await access.PupilAsync(pupilId, Permission.ManagePlans, ct);
        if (!found.IsOk) return new Outcome<SupportPlan>(found.Kind);
        var pupil = found.Value!;
        if (pupil.SenStatus == SenStatus.N)
            return Outcome<SupportPlan>.Conflict($"{pupil.FullName} is not on the SEN register. A support plan is for a pupil on SEN support (K) or with an EHC plan (E): change their SEN status first.");
        if (await db.SupportPlans.AnyAsync(p => p.PupilId == pupilId && p.Status == SupportPlanStatus.Current, ct))
            return Outcome<SupportPlan>.Conflict($"{pupil.FullName} already has a current support plan. Review it to start the next cycle.");

        var (draft, errors) = await PrepareAsync(pupil.SchoolId, input, ct);
        var all = SupportPlanRules.Validate(draft, Today, Today);
        all.Merge(errors);
        if (!all.IsValid) return Outcome<SupportPlan>.Invalid(all);

        var previous = await db.SupportPlans.Where(p => p.PupilId == pupilId).OrderByDescending(p => p.Cycle)
            .Select(p => new { p.Id, p.Cycle }).FirstOrDefaultAsync(ct);
        var now = DateTime.UtcNow;
        var plan = new SupportPlan
        {
            Id = Guid.CreateVersion7(), SchoolId = pupil.SchoolId, PupilId = pupil.Id, Cycle = (previous?.Cycle ?? 0) + 1, PreviousPlanId = previous?.Id,
            Status = SupportPlanStatus.Current, StartedOn = Today, Version = 1, CreatedAt = now, CreatedBy = user.Name, UpdatedAt = now, UpdatedBy = user.Name,
        };
        await ApplyAsync(plan, input, draft, ct);
        db.SupportPlans.Add(plan);
        db.Audit(user.Actor, "plan.create", $"Started support plan cycle {plan.Cycle} for {pupil.Upn}; review due {Dates.Long(plan.ReviewDue)}", pupil.SchoolId, pupil.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two people started a plan at once: the unique (pupil, cycle) index kept one.
            db.ChangeTracker.Clear();
            return Outcome<SupportPlan>.Conflict($"Someone else started a support plan for {pupil.FullName} while you were writing this one. Open their plan and add your changes to it.");
        }
        plan.Pupil = pupil;
        return Outcome<SupportPlan>.Ok(plan);
    }

    public async Task<Outcome<SupportPlan>> UpdateAsync(Guid planId, int expectedVersion, SupportPlanInput input, CancellationToken ct = default)
    {
        var found = await access.PlanAsync(planId, Permission.ManagePlans, track: true, ct: ct);
        if (!found.IsOk) return found;
        var plan = found.Value!;
        if (!plan.IsCurrent) return Outcome<SupportPlan>.Conflict(HistoryMessage(plan));

        var (draft, errors) = await PrepareAsync(plan.SchoolId, input, ct);
        var all = SupportPlanRules.Validate(draft, plan.StartedOn, Today, plan.ReviewDue);
        all.Merge(errors);
        if (!all.IsValid) return Outcome<SupportPlan>.Invalid(all);
        if (plan.Version != expectedVersion) return Outcome<SupportPlan>.Conflict(StaleMessage(plan), current: plan);

        var before = PlanSnapshot.Of(plan);
        await ApplyAsync(plan, input, draft, ct);
        var changed = PlanSnapshot.Changes(before, PlanSnapshot.Of(plan));
        if (changed.Count == 0) return Outcome<SupportPlan>.Ok(plan);

        plan.Version++;
        plan.UpdatedAt = DateTime.UtcNow;
        plan.UpdatedBy = user.Name;
        db.Audit(user.Actor, "plan.update", $"Changed support plan cycle {plan.Cycle} of {plan.Pupil!.Upn}: {string.Join(", ", changed)}", plan.SchoolId, plan.PupilId);
        return await SaveAsync(plan, ct);
    }

    /// Adds one outcome to the current cycle (the API's outcomes collection).
    public async Task<Outcome<SupportPlan>> AddOutcomeAsync(Guid planId, int? expectedVersion, OutcomeInput outcome, CancellationToken ct = default)
    {
        var found = await access.PlanAsync(planId, Permission.ManagePlans, track: true, ct: ct);
        if (!found.IsOk) return found;
        var plan = found.Value!;
        if (!plan.IsCurrent) return Outcome<SupportPlan>.Conflict(HistoryMessage(plan));
        var outcomes = plan.Outcomes.Select(o => new OutcomeDraft(o.Description, o.ByWhen, o.Measure)).ToList();
        var index = outcomes.Count;
        outcomes.Add(outcome.ToDraft() with { Description = outcome.Description ?? "" });
        var draft = ToDraft(plan) with { Outcomes = outcomes };
        // Only the new outcome's problems (and the plan's limit on outcomes) are this request's to fix.
        var errors = new ValidationErrors();
        foreach (var (field, messages) in SupportPlanRules.Validate(draft, plan.StartedOn, Today, plan.ReviewDue))
        {
            var prefix = $"outcomes[{index}].";
            if (field.StartsWith(prefix, StringComparison.Ordinal)) foreach (var m in messages) errors.Add(field[prefix.Length..], m);
            else if (field == "outcomes") foreach (var m in messages) errors.Add("outcomes", m);
        }
        if (outcome.IsBlank()) errors.Add("description", "Enter what the pupil will achieve");
        if (!errors.IsValid) return Outcome<SupportPlan>.Invalid(errors);
        if (expectedVersion is { } v && v != plan.Version) return Outcome<SupportPlan>.Conflict(StaleMessage(plan), current: plan);

        plan.Outcomes.Add(new PlanOutcome
        {
            PlanId = plan.Id, SchoolId = plan.SchoolId, Position = plan.Outcomes.Count == 0 ? 0 : plan.Outcomes.Max(o => o.Position) + 1,
            Description = outcome.Description!.Trim(), ByWhen = outcome.ByWhen!.Value, Measure = outcome.Measure!.Trim(), State = OutcomeState.Open,
        });
        plan.Version++;
        plan.UpdatedAt = DateTime.UtcNow;
        plan.UpdatedBy = user.Name;
        db.Audit(user.Actor, "plan.outcome.add", $"Added an outcome to support plan cycle {plan.Cycle} of {plan.Pupil!.Upn}", plan.SchoolId, plan.PupilId);
        return await SaveAsync(plan, ct);
    }

    /// Reviews the cycle: rates each outcome with evidence, records what was learned, closes the cycle (read-only from
    /// then on) and, when asked, starts the next one carrying forward what still applies.
    public async Task<Outcome<ReviewResult>> ReviewAsync(Guid planId, int? expectedVersion, PlanReviewInput input, IReadOnlyCollection<int>? continueStrategyIds, CancellationToken ct = default)
    {
        var found = await access.PlanAsync(planId, Permission.ManagePlans, track: true, ct: ct);
        if (!found.IsOk) return new Outcome<ReviewResult>(found.Kind);
        var plan = found.Value!;
        if (!plan.IsCurrent) return Outcome<ReviewResult>.Conflict(HistoryMessage(plan));

        var errors = PlanReviewRules.Validate(input, plan.Outcomes.Select(o => new PlanOutcomeFacts(o.Id, o.Description, o.ByWhen, o.Measure)).ToList(), plan.StartedOn, Today);
        if (input.StartNextCycle && plan.Pupil!.SenStatus == SenStatus.N)
            errors.Add("startNextCycle", $"{plan.Pupil.FullName} is no longer on the SEN register, so no next cycle can start: choose to end the support plan");
        var strategyIds = plan.Strategies.Select(s => s.Id).ToHashSet();
        if (continueStrategyIds is not null && continueStrategyIds.Any(id => !strategyIds.Contains(id)))
            errors.Add("continueStrategyIds", "Choose strategies from the plan being reviewed");
        if (!errors.IsValid) return Outcome<ReviewResult>.Invalid(errors);
        if (expectedVersion is { } v && v != plan.Version) return Outcome<ReviewResult>.Conflict(StaleMessage(plan), current: new ReviewResult(plan, null));

        var now = DateTime.UtcNow;
        foreach (var rating in input.Outcomes!)
        {
            var outcome = plan.Outcomes.Single(o => o.Id == rating.OutcomeId);
            OutcomeStates.TryParseRating(rating.Rating, out var state);
            outcome.State = state;
            outcome.Evidence = rating.Evidence!.Trim();
        }
        foreach (var s in plan.Strategies) s.Continued = input.StartNextCycle && (continueStrategyIds is null || continueStrategyIds.Contains(s.Id));

        var review = new PlanReview
        {
            PlanId = plan.Id, SchoolId = plan.SchoolId, HeldOn = input.HeldOn!.Value, WhatWeLearned = input.WhatWeLearned!.Trim(),
            PupilViews = SupportPlanRules.Clean(input.PupilViews), ParentViews = SupportPlanRules.Clean(input.ParentViews),
            RecordedById = user.UserId, RecordedBy = user.Name, RecordedAt = now,
        };
        plan.Review = review;
        plan.Status = SupportPlanStatus.Reviewed;
        plan.Version++;
        plan.UpdatedAt = now;
        plan.UpdatedBy = user.Name;

        SupportPlan? next = null;
        var ratings = plan.Outcomes.GroupBy(o => o.State).Select(g => $"{g.Count()} {OutcomeStates.Describe(g.Key).ToLowerInvariant()}");
        var summary = $"Reviewed support plan cycle {plan.Cycle} of {plan.Pupil!.Upn} (held {Dates.Long(review.HeldOn)}; outcomes: {string.Join(", ", ratings)})";
        if (input.StartNextCycle)
        {
            var starts = PlanReviewRules.NextCycleStart(review.HeldOn, Today);
            var rolled = PlanReviewRules.RollOver(
                plan.Outcomes.Select(o => new RatedOutcome(o.Id, o.Description, o.ByWhen, o.Measure, o.State)).ToList(),
                plan.Strategies.Select(s => new CycleStrategy(s.Id, s.StrategyId, s.Description, s.Who, s.HowOften, s.Continued == true)).ToList(),
                starts, input.NextReviewDue!.Value);
            next = new SupportPlan
            {
                Id = Guid.CreateVersion7(), SchoolId = plan.SchoolId, PupilId = plan.PupilId, Cycle = plan.Cycle + 1, PreviousPlanId = plan.Id,
                Status = SupportPlanStatus.Current, StartedOn = rolled.StartsOn, ReviewDue = rolled.ReviewDue,
                // The assessment picture is the starting point of the next cycle's "assess"; the views just gathered
                // at the review are the pupil's and parents' views going into it.
                Strengths = plan.Strengths, NeedsCognitionAndLearning = plan.NeedsCognitionAndLearning, NeedsCommunicationAndInteraction = plan.NeedsCommunicationAndInteraction,
                NeedsSocialEmotionalMentalHealth = plan.NeedsSocialEmotionalMentalHealth, NeedsSensoryPhysical = plan.NeedsSensoryPhysical, Evidence = plan.Evidence,
                PupilViews = review.PupilViews ?? plan.PupilViews, ParentViews = review.ParentViews ?? plan.ParentViews,
                LeadUserId = plan.LeadUserId, LeadName = plan.LeadName,
                Outcomes = rolled.Outcomes.Select((o, i) => new PlanOutcome
                {
                    SchoolId = plan.SchoolId, Position = i, Description = o.Description, ByWhen = o.ByWhen, Measure = o.Measure, State = OutcomeState.Open, CarriedFromOutcomeId = o.FromOutcomeId,
                }).ToList(),
                Strategies = rolled.Strategies.Select((s, i) => new PlanStrategy
                {
                    SchoolId = plan.SchoolId, Position = i, StrategyId = s.StrategyId, Description = s.Description!, Who = s.Who!, HowOften = s.HowOften,
                }).ToList(),
                Version = 1, CreatedAt = now, CreatedBy = user.Name, UpdatedAt = now, UpdatedBy = user.Name,
            };
            review.NextPlanId = next.Id;
            db.SupportPlans.Add(next);
            summary += $"; started cycle {next.Cycle} with {next.Outcomes.Count} outcome(s) carried forward, review due {Dates.Long(next.ReviewDue)}";
        }
        else summary += "; support plan ended (no next cycle)";
        db.Audit(user.Actor, "plan.review", summary, plan.SchoolId, plan.PupilId);

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || next is not null)
        {
            db.ChangeTracker.Clear();
            var current = await access.PlanAsync(planId, Permission.ManagePlans, ct: ct);
            return Outcome<ReviewResult>.Conflict(current.Value is { } c && !c.IsCurrent ? HistoryMessage(c) : StaleMessage(current.Value ?? plan),
                current: current.Value is { } cv ? new ReviewResult(cv, null) : null);
        }
        if (next is not null) next.Pupil = plan.Pupil;
        return Outcome<ReviewResult>.Ok(new ReviewResult(plan, next));
    }

    public async Task<Outcome<ParentsInformed>> RecordParentsInformedAsync(Guid pupilId, DateOnly? toldOn, string? how, string? note, CancellationToken ct = default)
    {
        var found = await access.PupilAsync(pupilId, Permission.ManagePlans, ct);
        if (!found.IsOk) return new Outcome<ParentsInformed>(found.Kind);
        var pupil = found.Value!;
        var errors = GraduatedRules.ValidateParentsInformed(toldOn, how, note, Today);
        if (!errors.IsValid) return Outcome<ParentsInformed>.Invalid(errors);
        Enum.TryParse<ParentContactMethod>(how!.Trim(), ignoreCase: true, out var method);
        var record = new ParentsInformed
        {
            PupilId = pupil.Id, SchoolId = pupil.SchoolId, SupportStartedOn = pupil.OnRegisterSince, ToldOn = toldOn!.Value, How = method,
            Note = SupportPlanRules.Clean(note), RecordedById = user.UserId, RecordedBy = user.Name, RecordedAt = DateTime.UtcNow,
        };
        db.ParentsInformed.Add(record);
        db.Audit(user.Actor, "parents.informed", $"Recorded that the parents of {pupil.Upn} were told SEN support started ({GraduatedRules.Describe(method).ToLowerInvariant()}, {Dates.Long(record.ToldOn)})", pupil.SchoolId, pupil.Id);
        await db.SaveChangesAsync(ct);
        return Outcome<ParentsInformed>.Ok(record);
    }

    /// Parents must be told when SEN support starts (CAFA 2014 s68): true while a pupil on the register has no record
    /// that they were, for the time they went onto it.
    public static bool ParentsNotYetTold(Pupil pupil, IEnumerable<ParentsInformed> records) =>
        pupil.SenStatus != SenStatus.N && pupil.OnRegisterSince is { } since &&
        !records.Any(r => r.SupportStartedOn == since || r.ToldOn >= since);

    private async Task<Outcome<SupportPlan>> SaveAsync(SupportPlan plan, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await access.PlanAsync(plan.Id, Permission.ManagePlans, ct: ct);
            return Outcome<SupportPlan>.Conflict(StaleMessage(current.Value ?? plan), current: current.Value);
        }
        return Outcome<SupportPlan>.Ok(plan);
    }

    /// Resolves strategies picked from the bank (copying their text where none was typed) and checks the plan's lead.
    private async Task<(SupportPlanDraft Draft, ValidationErrors Errors)> PrepareAsync(int schoolId, SupportPlanInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var strategies = (input.Strategies ?? []).ToList();
        var bankIds = strategies.Where(s => s?.StrategyId is not null).Select(s => s!.StrategyId!.Value).Distinct().ToList();
        var bank = await db.Strategies.AsNoTracking().Where(s => s.SchoolId == schoolId && bankIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var drafts = new List<StrategyDraft>();
        for (var i = 0; i < strategies.Count; i++)
        {
            var s = strategies[i];
            if (s is null) { drafts.Add(new StrategyDraft(null, null, null, null)); continue; }
            var description = s.Description;
            if (s.StrategyId is { } id)
            {
                if (!bank.TryGetValue(id, out var b)) errors.Add($"strategies[{i}].strategyId", $"Strategy {i + 1} is not in this school's strategy bank");
                else if (string.IsNullOrWhiteSpace(description)) description = BankText(b);
            }
            drafts.Add(new StrategyDraft(s.StrategyId, description, s.Who, s.HowOften));
        }
        if (input.LeadUserId is { } lead && !await db.Memberships.AnyAsync(m => m.UserId == lead && m.SchoolId == schoolId && m.Role != SchoolRole.Governor, ct))
            errors.Add("leadUserId", "Choose a member of this school's staff to lead the plan");

        var draft = new SupportPlanDraft(input.Strengths, input.NeedsCognitionAndLearning, input.NeedsCommunicationAndInteraction, input.NeedsSocialEmotionalMentalHealth,
            input.NeedsSensoryPhysical, input.Evidence, (input.Outcomes ?? []).Select(o => o?.ToDraft() ?? new OutcomeDraft(null, null, null)).ToList(),
            drafts, input.PupilViews, input.ParentViews, input.ReviewDue);
        return (draft, errors);
    }

    /// How a strategy from the bank reads in a plan: its title, and its description when it has one.
    public static string BankText(Strategy s)
    {
        var text = string.IsNullOrWhiteSpace(s.Description) ? s.Title : $"{s.Title}: {s.Description}";
        return text.Length <= SupportPlanRules.MaxStrategyText ? text : text[..SupportPlanRules.MaxStrategyText];
    }

    private async Task ApplyAsync(SupportPlan plan, SupportPlanInput input, SupportPlanDraft draft, CancellationToken ct)
    {
        plan.Strengths = draft.Strengths!.Trim();
        plan.NeedsCognitionAndLearning = SupportPlanRules.Clean(draft.NeedsCognitionAndLearning);
        plan.NeedsCommunicationAndInteraction = SupportPlanRules.Clean(draft.NeedsCommunicationAndInteraction);
        plan.NeedsSocialEmotionalMentalHealth = SupportPlanRules.Clean(draft.NeedsSocialEmotionalMentalHealth);
        plan.NeedsSensoryPhysical = SupportPlanRules.Clean(draft.NeedsSensoryPhysical);
        plan.Evidence = draft.Evidence!.Trim();
        plan.PupilViews = SupportPlanRules.Clean(draft.PupilViews);
        plan.ParentViews = SupportPlanRules.Clean(draft.ParentViews);
        plan.ReviewDue = draft.ReviewDue!.Value;
        if (plan.LeadUserId != input.LeadUserId)
        {
            plan.LeadUserId = input.LeadUserId;
            plan.LeadName = input.LeadUserId is { } lead ? await db.Users.Where(u => u.Id == lead).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
        }

        // Outcomes keep their identity (a review rates them by id; the next cycle points back to them).
        var inputs = input.Outcomes ?? [];
        var existing = plan.Outcomes.ToDictionary(o => o.Id);
        var kept = new List<PlanOutcome>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var o = inputs[i];
            if (o is null || o.ToDraft().IsBlank) continue;
            var outcome = o.Id is { } id && existing.TryGetValue(id, out var e) && !kept.Contains(e)
                ? e
                : new PlanOutcome { PlanId = plan.Id, SchoolId = plan.SchoolId, State = OutcomeState.Open };
            outcome.Position = kept.Count;
            outcome.Description = o.Description!.Trim();
            outcome.ByWhen = o.ByWhen!.Value;
            outcome.Measure = o.Measure!.Trim();
            kept.Add(outcome);
        }
        foreach (var gone in plan.Outcomes.Where(o => !kept.Contains(o)).ToList()) db.PlanOutcomes.Remove(gone);
        plan.Outcomes.RemoveAll(o => !kept.Contains(o));
        foreach (var o in kept.Where(o => !plan.Outcomes.Contains(o))) plan.Outcomes.Add(o);

        // Strategies are updated in place by position.
        var strategies = draft.Strategies!.Where(s => !s.IsBlank).ToList();
        var current = plan.Strategies.OrderBy(s => s.Position).ToList();
        for (var i = 0; i < strategies.Count; i++)
        {
            var s = strategies[i];
            var target = i < current.Count ? current[i] : new PlanStrategy { PlanId = plan.Id, SchoolId = plan.SchoolId };
            target.Position = i;
            target.StrategyId = s.StrategyId;
            target.Description = s.Description!.Trim();
            target.Who = s.Who!.Trim();
            target.HowOften = SupportPlanRules.Clean(s.HowOften);
            if (i >= current.Count) plan.Strategies.Add(target);
        }
        foreach (var gone in current.Skip(strategies.Count))
        {
            db.PlanStrategies.Remove(gone);
            plan.Strategies.Remove(gone);
        }
    }

    public static SupportPlanDraft ToDraft(SupportPlan p) => new(p.Strengths, p.NeedsCognitionAndLearning, p.NeedsCommunicationAndInteraction,
        p.NeedsSocialEmotionalMentalHealth, p.NeedsSensoryPhysical, p.Evidence,
        p.Outcomes.OrderBy(o => o.Position).Select(o => new OutcomeDraft(o.Description, o.ByWhen, o.Measure)).ToList(),
        p.Strategies.OrderBy(s => s.Position).Select(s => new StrategyDraft(s.StrategyId, s.Description, s.Who, s.HowOften)).ToList(),
        p.PupilViews, p.ParentViews, p.ReviewDue);

    public static string StaleMessage(SupportPlan current) =>
        $"{current.UpdatedBy} changed this plan at {current.UpdatedAt:HH:mm} on {Dates.Long(DateOnly.FromDateTime(current.UpdatedAt))} while you were editing. " +
        "Your changes have not been saved: what is saved now is shown beside what you typed.";

    private static string HistoryMessage(SupportPlan plan) =>
        $"Cycle {plan.Cycle} of this plan has been reviewed and is kept as history: it cannot be changed. Open the current cycle instead.";
}

internal static class OutcomeInputExtensions
{
    public static bool IsBlank(this OutcomeInput o) => o.ToDraft().IsBlank;
}

/// A plan as a list of labelled texts: what the audit trail says changed, and what a conflict shows side by side.
public static class PlanSnapshot
{
    public static IReadOnlyList<(string Label, string Value)> Of(SupportPlan p) => Build(
        p.Strengths, p.NeedsCognitionAndLearning, p.NeedsCommunicationAndInteraction, p.NeedsSocialEmotionalMentalHealth, p.NeedsSensoryPhysical, p.Evidence,
        p.Outcomes.OrderBy(o => o.Position).Select(o => (o.Description, (DateOnly?)o.ByWhen, o.Measure)),
        p.Strategies.OrderBy(s => s.Position).Select(s => (s.Description, s.Who, s.HowOften)),
        p.PupilViews, p.ParentViews, p.ReviewDue, p.LeadName);

    public static IReadOnlyList<(string Label, string Value)> Of(SupportPlanInput i, Func<int, string?> bankText, string? leadName) => Build(
        i.Strengths, i.NeedsCognitionAndLearning, i.NeedsCommunicationAndInteraction, i.NeedsSocialEmotionalMentalHealth, i.NeedsSensoryPhysical, i.Evidence,
        (i.Outcomes ?? []).Where(o => o is not null && !o.IsBlank()).Select(o => (o.Description ?? "", o.ByWhen, o.Measure ?? "")),
        (i.Strategies ?? []).Where(s => s is not null && !new StrategyDraft(s.StrategyId, s.Description, s.Who, s.HowOften).IsBlank)
            .Select(s => (string.IsNullOrWhiteSpace(s.Description) && s.StrategyId is { } id ? bankText(id) ?? "" : s.Description ?? "", s.Who ?? "", s.HowOften)),
        i.PupilViews, i.ParentViews, i.ReviewDue, leadName);

    private static IReadOnlyList<(string, string)> Build(string? strengths, string? cl, string? ci, string? semh, string? sp, string? evidence,
        IEnumerable<(string Description, DateOnly? ByWhen, string Measure)> outcomes, IEnumerable<(string Description, string Who, string? HowOften)> strategies,
        string? pupilViews, string? parentViews, DateOnly? reviewDue, string? lead)
    {
        static string T(string? s) => s?.Trim().Replace("\r\n", "\n") ?? "";
        return
        [
            ("Strengths", T(strengths)),
            ("Cognition and learning", T(cl)),
            ("Communication and interaction", T(ci)),
            ("Social, emotional and mental health", T(semh)),
            ("Sensory and/or physical", T(sp)),
            ("Evidence and assessments", T(evidence)),
            ("Outcomes", string.Join("\n", outcomes.Select((o, n) => $"{n + 1}. {T(o.Description)} (by {(o.ByWhen is { } d ? Dates.Long(d) : "no date")}; how we will know: {T(o.Measure)})"))),
            ("Strategies and provision", string.Join("\n", strategies.Select(s => $"{T(s.Description)} ({T(s.Who)}{(string.IsNullOrWhiteSpace(s.HowOften) ? "" : ", " + T(s.HowOften))})"))),
            ("The pupil's views", T(pupilViews)),
            ("The parents' views", T(parentViews)),
            ("Review date", reviewDue is { } r ? Dates.Long(r) : ""),
            ("Plan lead", lead ?? ""),
        ];
    }

    public static IReadOnlyList<string> Changes(IReadOnlyList<(string Label, string Value)> before, IReadOnlyList<(string Label, string Value)> after) =>
        before.Zip(after).Where(p => p.First.Value != p.Second.Value).Select(p => p.First.Label.ToLowerInvariant()).ToList();
}
