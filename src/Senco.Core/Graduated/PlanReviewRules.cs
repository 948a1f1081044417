namespace Senco.Core.Graduated;

/// <summary>The rating a review gives one outcome, as sent: the outcome's id, the rating, and the evidence for it.</summary>
public sealed record OutcomeRatingInput(int OutcomeId, string? Rating, string? Evidence);

/// <summary>
/// A review of one cycle: when it was held, each outcome rated with evidence, what was learned, the views of the
/// pupil and parents at the review, and whether to start the next cycle (with its review date).
/// </summary>
public sealed record PlanReviewInput(
    DateOnly? HeldOn,
    IReadOnlyList<OutcomeRatingInput>? Outcomes,
    string? WhatWeLearned,
    string? PupilViews,
    string? ParentViews,
    bool StartNextCycle,
    DateOnly? NextReviewDue);

/// <summary>An outcome of the cycle under review, as saved.</summary>
public sealed record PlanOutcomeFacts(int Id, string Description, DateOnly ByWhen, string Measure);

/// <summary>An outcome of the reviewed cycle with its rating, as the roll-over reads it.</summary>
public sealed record RatedOutcome(int Id, string Description, DateOnly ByWhen, string Measure, OutcomeState Rating);

/// <summary>A strategy of the reviewed cycle, and whether the review keeps it.</summary>
public sealed record CycleStrategy(int Id, int? StrategyId, string Description, string Who, string? HowOften, bool Continue);

/// <summary>An outcome the next cycle starts with, and the outcome of the previous cycle it continues.</summary>
public sealed record CarriedOutcome(int FromOutcomeId, string Description, DateOnly ByWhen, string Measure);

public sealed record NextCycle(DateOnly StartsOn, DateOnly ReviewDue, IReadOnlyList<CarriedOutcome> Outcomes, IReadOnlyList<StrategyDraft> Strategies);

public static class PlanReviewRules
{
    public const int MaxEvidence = 2000;

    /// <summary>
    /// Checks a review. Every outcome of the cycle must be rated, each with its evidence; the review cannot be held in
    /// the future or before the cycle started; the next cycle needs a review date after today.
    /// Errors on one outcome are keyed by its index in the list sent (<c>outcomes[2].evidence</c>).
    /// </summary>
    public static ValidationErrors Validate(PlanReviewInput input, IReadOnlyList<PlanOutcomeFacts> outcomes, DateOnly cycleStartedOn, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(outcomes);
        var errors = new ValidationErrors();

        if (input.HeldOn is not { } held) errors.Add("heldOn", "Enter the date the review was held");
        else if (held > today) errors.Add("heldOn", "The review date must be today or in the past: record a review once it has been held");
        else if (held < cycleStartedOn) errors.Add("heldOn", $"The review must be on or after {Dates.Long(cycleStartedOn)}, when this cycle started");

        var sent = input.Outcomes ?? [];
        var known = outcomes.ToDictionary(o => o.Id);
        var rated = new HashSet<int>();
        for (var i = 0; i < sent.Count; i++)
        {
            var r = sent[i];
            var key = $"outcomes[{i}]";
            if (r is null || !known.TryGetValue(r.OutcomeId, out var outcome))
            {
                errors.Add(key + ".outcomeId", "This outcome is not part of the plan being reviewed");
                continue;
            }
            if (!rated.Add(r.OutcomeId))
            {
                errors.Add(key + ".outcomeId", $"\"{Short(outcome.Description)}\" is rated more than once");
                continue;
            }
            if (!OutcomeStates.TryParseRating(r.Rating, out _))
                errors.Add(key + ".rating", $"Select whether \"{Short(outcome.Description)}\" was achieved, partly achieved or not yet achieved");
            var evidence = r.Evidence?.Trim();
            if (string.IsNullOrEmpty(evidence)) errors.Add(key + ".evidence", $"Enter the evidence for the rating of \"{Short(outcome.Description)}\"");
            else if (evidence.Length > MaxEvidence) errors.Add(key + ".evidence", SupportPlanRules.TooLong("The evidence", MaxEvidence));
        }
        var missing = outcomes.Where(o => !rated.Contains(o.Id)).ToList();
        if (missing.Count > 0)
            errors.Add("outcomes", $"Rate every outcome of the plan: \"{Short(missing[0].Description)}\"{(missing.Count > 1 ? $" and {missing.Count - 1} more have" : " has")} no rating");

        SupportPlanRules.Text(errors, "whatWeLearned", input.WhatWeLearned, "what was learned from this cycle", "What was learned", SupportPlanRules.MaxLongText, required: true);
        SupportPlanRules.Text(errors, "pupilViews", input.PupilViews, null, "The pupil's views", SupportPlanRules.MaxLongText, required: false);
        SupportPlanRules.Text(errors, "parentViews", input.ParentViews, null, "The parents' views", SupportPlanRules.MaxLongText, required: false);

        if (input.StartNextCycle)
        {
            var starts = NextCycleStart(input.HeldOn ?? today, today);
            if (input.NextReviewDue is not { } next) errors.Add("nextReviewDue", "Enter the date the next cycle will be reviewed");
            else if (next <= today) errors.Add("nextReviewDue", "The next review date must be in the future");
            else if (next > ReviewSchedule.LatestReviewDate(starts))
                errors.Add("nextReviewDue", $"The next review date must be within {ReviewSchedule.MaxCycleMonths} months, by {Dates.Long(ReviewSchedule.LatestReviewDate(starts))}");
        }
        return errors;
    }

    /// <summary>
    /// The next cycle starts the day the review is recorded: a review held a few days ago is written up today, and
    /// the new plan's outcomes must not be dated before it existed.
    /// </summary>
    public static DateOnly NextCycleStart(DateOnly heldOn, DateOnly today) => heldOn > today ? heldOn : today;

    /// <summary>
    /// The next cycle, carrying forward what still applies (Code of Practice 6.54: the review feeds into the analysis
    /// of need and the next plan). Outcomes rated partly or not yet achieved carry forward with their wording and
    /// measure; their "by when" moves to the new review date when it has passed (a SMART outcome has a date in the
    /// future). Achieved outcomes stay in the old cycle as history. Strategies carry forward unless the review stops them.
    /// </summary>
    public static NextCycle RollOver(IReadOnlyList<RatedOutcome> outcomes, IReadOnlyList<CycleStrategy> strategies, DateOnly startsOn, DateOnly reviewDue)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(strategies);
        if (outcomes.Any(o => o.Rating == OutcomeState.Open))
            throw new InvalidOperationException("Every outcome must be rated before the cycle rolls over.");
        if (reviewDue < startsOn) throw new ArgumentException("The review date is before the cycle starts.", nameof(reviewDue));

        var carried = outcomes
            .Where(o => OutcomeStates.CarriesForward(o.Rating))
            .Select(o => new CarriedOutcome(o.Id, o.Description, o.ByWhen >= startsOn ? o.ByWhen : reviewDue, o.Measure))
            .ToList();
        var kept = strategies
            .Where(s => s.Continue)
            .Select(s => new StrategyDraft(s.StrategyId, s.Description, s.Who, s.HowOften))
            .ToList();
        return new NextCycle(startsOn, reviewDue, carried, kept);
    }

    private static string Short(string s) => s.Length <= 60 ? s : s[..57].TrimEnd() + "…";
}
