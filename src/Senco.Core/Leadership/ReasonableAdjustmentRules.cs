using Senco.Core.Model;

namespace Senco.Core.Leadership;

/// An adjustment as a form or the API sends it: the request, the decision and the last review. Enum fields as text.
public sealed record AdjustmentFacts(string? Area, string? Barrier, string? Adjustment, string? RequestedBy, DateOnly? RequestedOn,
    string? Decision, string? Ground, string? DecisionReason, DateOnly? DecidedOn, string? DecidedBy, DateOnly? InPlaceOn,
    DateOnly? ReviewOn, DateOnly? LastReviewedOn, string? Outcome);

/// <summary>
/// The reasonable adjustments duty of schools (Equality Act 2010 s.20 and Schedule 13, with the auxiliary aids duty
/// since 2012). Whether an adjustment is reasonable is judged on cost, practicality, health and safety and the
/// interests of other pupils (EHRC, Reasonable adjustments for disabled pupils): so a refusal, or an agreement only in
/// part, always carries its reason. Dates follow the order things happen: requested, decided, put in place, reviewed.
/// </summary>
public static class ReasonableAdjustmentRules
{
    public const int MaxText = 2000;

    public static string Label(AdjustmentArea a) => a switch
    {
        AdjustmentArea.Curriculum => "Curriculum and lessons",
        AdjustmentArea.TripsAndVisits => "Trips and visits",
        AdjustmentArea.Exams => "Tests and exams",
        AdjustmentArea.Environment => "Buildings and environment",
        AdjustmentArea.Information => "Information and communication",
        AdjustmentArea.BehaviourPolicy => "Behaviour policy",
        AdjustmentArea.Uniform => "Uniform",
        _ => "Other",
    };

    public static string Label(AdjustmentRequester r) => r switch
    {
        AdjustmentRequester.Parent => "Parent or carer",
        AdjustmentRequester.Pupil => "The pupil",
        AdjustmentRequester.Staff => "Member of staff",
        AdjustmentRequester.Professional => "Outside professional",
        _ => r.ToString(),
    };

    public static string Label(AdjustmentDecision? d) => d switch
    {
        null => "Awaiting decision",
        AdjustmentDecision.Agreed => "Agreed",
        AdjustmentDecision.AgreedInPart => "Agreed in part",
        AdjustmentDecision.Refused => "Refused",
        _ => d.ToString()!,
    };

    public static string Label(AdjustmentGround g) => g switch
    {
        AdjustmentGround.Cost => "Cost and the school's resources",
        AdjustmentGround.Practicality => "Practicality",
        AdjustmentGround.HealthAndSafety => "Health and safety (of the pupil or others)",
        AdjustmentGround.OtherPupils => "The interests of other pupils",
        _ => "Other",
    };

    public static bool NeedsReason(AdjustmentDecision? d) => d is AdjustmentDecision.Refused or AdjustmentDecision.AgreedInPart;

    private static bool TryEnum<T>(string? value, out T? parsed) where T : struct, Enum
    {
        parsed = null;
        if (string.IsNullOrWhiteSpace(value) || int.TryParse(value, out _) || !Enum.TryParse<T>(value, out var v)) return false;
        parsed = v;
        return true;
    }

    public static ValidationErrors Validate(AdjustmentFacts f, DateOnly today)
    {
        var e = new ValidationErrors();
        if (!TryEnum<AdjustmentArea>(f.Area, out _)) e.Add("area", "Select where the barrier arises");
        if (string.IsNullOrWhiteSpace(f.Barrier)) e.Add("barrier", "Enter the barrier or situation the adjustment is for");
        else if (f.Barrier.Trim().Length > 500) e.Add("barrier", "The barrier must be 500 characters or fewer");
        if (string.IsNullOrWhiteSpace(f.Adjustment)) e.Add("adjustment", "Enter the adjustment requested or considered");
        else if (f.Adjustment.Trim().Length > 1000) e.Add("adjustment", "The adjustment must be 1,000 characters or fewer");
        if (!TryEnum<AdjustmentRequester>(f.RequestedBy, out _)) e.Add("requestedBy", "Select who asked for it");
        if (f.RequestedOn is null) e.Add("requestedOn", "Enter the date it was requested");
        else if (f.RequestedOn > today) e.Add("requestedOn", "The date it was requested must be today or in the past");

        AdjustmentDecision? decision = null;
        if (!string.IsNullOrWhiteSpace(f.Decision) && !TryEnum(f.Decision, out decision)) e.Add("decision", "Select the decision: agreed, agreed in part or refused");
        var decided = decision is not null;
        if (decided)
        {
            if (f.DecidedOn is null) e.Add("decidedOn", "Enter the date of the decision");
            else if (f.DecidedOn > today) e.Add("decidedOn", "The date of the decision must be today or in the past");
            else if (f.RequestedOn is { } req && f.DecidedOn < req) e.Add("decidedOn", $"The decision cannot be before the request, {Dates.Long(req)}");
            if (string.IsNullOrWhiteSpace(f.DecidedBy)) e.Add("decidedBy", "Enter who made the decision");
            else if (f.DecidedBy.Trim().Length > 200) e.Add("decidedBy", "Who decided must be 200 characters or fewer");
            if (NeedsReason(decision))
            {
                if (string.IsNullOrWhiteSpace(f.Ground) || !TryEnum<AdjustmentGround>(f.Ground, out _))
                    e.Add("ground", decision == AdjustmentDecision.Refused ? "Select why the adjustment was not reasonable" : "Select why the rest was not reasonable");
                if (string.IsNullOrWhiteSpace(f.DecisionReason))
                    e.Add("decisionReason", decision == AdjustmentDecision.Refused
                        ? "Enter the reason for refusing: a refusal must say why the adjustment was not reasonable"
                        : "Enter what was not agreed and why it was not reasonable");
            }
            else if (!string.IsNullOrWhiteSpace(f.Ground) && !TryEnum<AdjustmentGround>(f.Ground, out _)) e.Add("ground", "Select a reason from the list");
        }
        else
        {
            // Nothing that follows a decision can be recorded before it.
            if (f.DecidedOn is not null) e.Add("decidedOn", "Select the decision as well as its date");
            if (f.InPlaceOn is not null) e.Add("inPlaceOn", "Record the decision before the date it was put in place");
            if (f.ReviewOn is not null) e.Add("reviewOn", "Record the decision before setting a review date");
            if (f.LastReviewedOn is not null) e.Add("lastReviewedOn", "Record the decision before its review");
        }
        if (f.DecisionReason is { Length: > MaxText }) e.Add("decisionReason", $"The reason must be {MaxText:N0} characters or fewer");

        if (decided && f.InPlaceOn is { } inPlace)
        {
            if (decision == AdjustmentDecision.Refused) e.Add("inPlaceOn", "A refused adjustment is not put in place: leave this date blank");
            else if (inPlace > today) e.Add("inPlaceOn", "The date it was put in place must be today or in the past");
            else if (f.DecidedOn is { } d && inPlace < d) e.Add("inPlaceOn", "It cannot be put in place before the decision");
        }
        if (decided && f.ReviewOn is { } review && f.DecidedOn is { } decidedOn && review < decidedOn)
            e.Add("reviewOn", $"The review date cannot be before the decision, {Dates.Long(decidedOn)}");
        if (decided && f.LastReviewedOn is { } reviewed)
        {
            if (reviewed > today) e.Add("lastReviewedOn", "The date of the review must be today or in the past");
            else if (f.DecidedOn is { } d2 && reviewed < d2) e.Add("lastReviewedOn", "The review cannot be before the decision");
            if (string.IsNullOrWhiteSpace(f.Outcome)) e.Add("outcome", "Enter what the review found");
            if (f.ReviewOn is { } next && next <= reviewed && !e.Has("reviewOn")) e.Add("reviewOn", "The next review must be after this review");
        }
        else if (!string.IsNullOrWhiteSpace(f.Outcome) && decided) e.Add("lastReviewedOn", "Enter the date of the review the outcome comes from");
        if (f.Outcome is { Length: > MaxText }) e.Add("outcome", $"The outcome must be {MaxText:N0} characters or fewer");
        return e;
    }
}
