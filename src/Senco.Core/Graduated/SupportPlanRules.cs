using System.Globalization;

namespace Senco.Core.Graduated;

/// <summary>One SMART outcome as typed: what the pupil will achieve, by when, and how we will know.</summary>
public sealed record OutcomeDraft(string? Description, DateOnly? ByWhen, string? Measure)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Description) && ByWhen is null && string.IsNullOrWhiteSpace(Measure);
}

/// <summary>
/// A strategy or piece of provision agreed in a plan, and who does it how often. <see cref="StrategyId"/> is set when
/// it was picked from the school's strategy bank (its text is copied, so later edits of the bank never rewrite a plan).
/// </summary>
public sealed record StrategyDraft(int? StrategyId, string? Description, string? Who, string? HowOften)
{
    public bool IsBlank => StrategyId is null && string.IsNullOrWhiteSpace(Description) && string.IsNullOrWhiteSpace(Who) && string.IsNullOrWhiteSpace(HowOften);
}

/// <summary>
/// What a person types (or an API client sends) for one cycle of a support plan: the assessment picture (strengths,
/// needs by the four broad areas of the Code of Practice 6.28–6.35, the evidence used), the outcomes, the provision
/// and strategies with who does what, the pupil's and parents' views, and the review date.
/// </summary>
public sealed record SupportPlanDraft(
    string? Strengths,
    string? NeedsCognitionAndLearning,
    string? NeedsCommunicationAndInteraction,
    string? NeedsSocialEmotionalMentalHealth,
    string? NeedsSensoryPhysical,
    string? Evidence,
    IReadOnlyList<OutcomeDraft>? Outcomes,
    IReadOnlyList<StrategyDraft>? Strategies,
    string? PupilViews,
    string? ParentViews,
    DateOnly? ReviewDue);

public static class SupportPlanRules
{
    public const int MaxLongText = 4000;
    public const int MaxOutcomeText = 1000;
    public const int MaxStrategyText = 1000;
    public const int MaxShortText = 200;
    public const int MaxOutcomes = 10;
    public const int MaxStrategies = 20;
    /// <summary>An outcome may look beyond the review (a longer-term aim), but not beyond two years.</summary>
    public const int MaxOutcomeYears = 2;

    public static string TooLong(string what, int max) =>
        $"{what} must be {max.ToString("N0", CultureInfo.InvariantCulture)} characters or fewer";

    /// <summary>
    /// Checks a plan. <paramref name="startedOn"/> is the day the cycle started (today for a new plan).
    /// <paramref name="savedReviewDue"/> is the review date already saved, if any: a review date may be in the past only
    /// when it is the one already saved (an overdue plan can still be corrected without first being reviewed).
    /// Completely blank outcome and strategy rows (a form's spare rows) are ignored; errors name the row by its index
    /// in the list as sent, e.g. <c>outcomes[1].byWhen</c>.
    /// </summary>
    public static ValidationErrors Validate(SupportPlanDraft draft, DateOnly startedOn, DateOnly today, DateOnly? savedReviewDue = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new ValidationErrors();

        Text(errors, "strengths", draft.Strengths, "the pupil's strengths", "The strengths", MaxLongText, required: true);
        var areas = new[]
        {
            ("needsCognitionAndLearning", draft.NeedsCognitionAndLearning, "Needs in cognition and learning"),
            ("needsCommunicationAndInteraction", draft.NeedsCommunicationAndInteraction, "Needs in communication and interaction"),
            ("needsSocialEmotionalMentalHealth", draft.NeedsSocialEmotionalMentalHealth, "Needs in social, emotional and mental health"),
            ("needsSensoryPhysical", draft.NeedsSensoryPhysical, "Sensory and/or physical needs"),
        };
        if (areas.All(a => string.IsNullOrWhiteSpace(a.Item2)))
            errors.Add("needsCognitionAndLearning", "Describe the pupil's needs in at least one of the four broad areas");
        foreach (var (field, value, label) in areas)
            Text(errors, field, value, null, label, MaxLongText, required: false);
        Text(errors, "evidence", draft.Evidence, "the evidence and assessments used", "The evidence and assessments", MaxLongText, required: true);

        var outcomes = draft.Outcomes ?? [];
        var filled = outcomes.Count(o => o is not null && !o.IsBlank);
        if (filled == 0) errors.Add("outcomes", "Add at least one outcome: what the pupil will achieve, by when, and how you will know");
        else if (filled > MaxOutcomes) errors.Add("outcomes", $"A plan can have at most {MaxOutcomes} outcomes: keep the few that matter most");
        for (var i = 0; i < outcomes.Count; i++)
        {
            var o = outcomes[i];
            if (o is null || o.IsBlank) continue;
            var key = $"outcomes[{i}]";
            var n = i + 1;
            Text(errors, key + ".description", o.Description, $"what the pupil will achieve (outcome {n})", $"Outcome {n}", MaxOutcomeText, required: true);
            if (o.ByWhen is not { } by) errors.Add(key + ".byWhen", $"Enter the date outcome {n} should be achieved by");
            else if (by < startedOn) errors.Add(key + ".byWhen", $"The date for outcome {n} must be on or after {Dates.Long(startedOn)}, when the plan started");
            else if (by > startedOn.AddYears(MaxOutcomeYears)) errors.Add(key + ".byWhen", $"The date for outcome {n} must be within {MaxOutcomeYears} years of the plan starting");
            Text(errors, key + ".measure", o.Measure, $"how you will know outcome {n} is achieved", $"How you will know (outcome {n})", MaxOutcomeText, required: true);
        }

        var strategies = draft.Strategies ?? [];
        var filledStrategies = strategies.Count(s => s is not null && !s.IsBlank);
        if (filledStrategies == 0) errors.Add("strategies", "Add at least one strategy or piece of provision, and who will do it");
        else if (filledStrategies > MaxStrategies) errors.Add("strategies", $"A plan can have at most {MaxStrategies} strategies");
        for (var i = 0; i < strategies.Count; i++)
        {
            var s = strategies[i];
            if (s is null || s.IsBlank) continue;
            var key = $"strategies[{i}]";
            var n = i + 1;
            Text(errors, key + ".description", s.Description, $"the strategy or provision (strategy {n})", $"Strategy {n}", MaxStrategyText, required: true);
            Text(errors, key + ".who", s.Who, $"who will do strategy {n}", $"Who does strategy {n}", MaxShortText, required: true);
            Text(errors, key + ".howOften", s.HowOften, null, $"How often (strategy {n})", MaxShortText, required: false);
        }

        Text(errors, "pupilViews", draft.PupilViews, null, "The pupil's views", MaxLongText, required: false);
        Text(errors, "parentViews", draft.ParentViews, null, "The parents' views", MaxLongText, required: false);

        if (draft.ReviewDue is not { } due) errors.Add("reviewDue", "Enter the date the plan will be reviewed");
        else if (due < today && due != savedReviewDue) errors.Add("reviewDue", "The review date must be today or in the future");
        else if (due < startedOn) errors.Add("reviewDue", $"The review date must be on or after {Dates.Long(startedOn)}, when the plan started");
        else if (due > ReviewSchedule.LatestReviewDate(startedOn) && due != savedReviewDue)
            errors.Add("reviewDue", $"The review date must be within {ReviewSchedule.MaxCycleMonths} months of the plan starting, by {Dates.Long(ReviewSchedule.LatestReviewDate(startedOn))}");

        return errors;
    }

    /// <summary>Required and maximum-length checks of one free-text field (lengths count the trimmed text).</summary>
    public static void Text(ValidationErrors errors, string field, string? value, string? requiredWhat, string label, int max, bool required = false)
    {
        var t = value?.Trim();
        if (string.IsNullOrEmpty(t))
        {
            if (required) errors.Add(field, $"Enter {requiredWhat}");
            return;
        }
        if (t.Length > max) errors.Add(field, TooLong(label, max));
    }

    /// <summary>Trimmed text, or null for blank: how every free-text field is stored.</summary>
    public static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
