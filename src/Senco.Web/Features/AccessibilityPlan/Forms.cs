using Senco.Core.Model;

namespace Senco.Web.Features.AccessibilityPlan;

/// The fields of a plan's action as the form posts them (Input.X), shared by "add" and "change".
public sealed class ActionForm
{
    public string? Strand { get; set; }
    public string? Objective { get; set; }
    public string? Actions { get; set; }
    public string? Owner { get; set; }
    public DateOnly? TargetDate { get; set; }
    public string? SuccessCriteria { get; set; }
    public string? Resources { get; set; }
    public decimal? Cost { get; set; }
    public string? Status { get; set; }
    public string? Progress { get; set; }
    public DateOnly? CompletedOn { get; set; }

    public PlanActionInput ToInput(int? version = null) => new(Strand, Objective, Actions, Owner, TargetDate, SuccessCriteria, Resources, Cost, Status, Progress, CompletedOn, version);

    public static ActionForm From(AccessibilityAction a) => new()
    {
        Strand = a.Strand.ToString(), Objective = a.Objective, Actions = a.Actions, Owner = a.Owner, TargetDate = a.TargetDate, SuccessCriteria = a.SuccessCriteria,
        Resources = a.Resources, Cost = a.Cost, Status = a.Status.ToString(), Progress = a.Progress, CompletedOn = a.CompletedOn,
    };
}

/// The request: what, for which barrier, asked by whom and when.
public sealed class RequestForm
{
    public string? Area { get; set; }
    public string? Barrier { get; set; }
    public string? Adjustment { get; set; }
    public string? RequestedBy { get; set; }
    public DateOnly? RequestedOn { get; set; }

    public static RequestForm From(ReasonableAdjustment a) => new()
    {
        Area = a.Area.ToString(), Barrier = a.Barrier, Adjustment = a.Adjustment, RequestedBy = a.RequestedBy.ToString(), RequestedOn = a.RequestedOn,
    };

    /// A new request, or the request of <paramref name="existing"/> changed and everything after it kept.
    public AdjustmentInput ToInput(ReasonableAdjustment? existing = null, int? version = null) => existing is null
        ? new AdjustmentInput(Area, Barrier, Adjustment, RequestedBy, RequestedOn)
        : AdjustmentInput.From(existing) with { Area = Area, Barrier = Barrier, Adjustment = Adjustment, RequestedBy = RequestedBy, RequestedOn = RequestedOn, Version = version };
}

/// The decision: agreed, agreed in part or refused (with the ground and the reason), by whom and when, when it was put
/// in place and when it is to be reviewed.
public sealed class DecisionForm
{
    public string? Decision { get; set; }
    public string? Ground { get; set; }
    public string? DecisionReason { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public string? DecidedBy { get; set; }
    public DateOnly? InPlaceOn { get; set; }
    public DateOnly? ReviewOn { get; set; }

    public static DecisionForm From(ReasonableAdjustment a) => new()
    {
        Decision = a.Decision?.ToString(), Ground = a.Ground?.ToString(), DecisionReason = a.DecisionReason, DecidedOn = a.DecidedOn, DecidedBy = a.DecidedBy,
        InPlaceOn = a.InPlaceOn, ReviewOn = a.ReviewOn,
    };

    public AdjustmentInput ToInput(ReasonableAdjustment existing, int version) => AdjustmentInput.From(existing) with
    {
        Decision = Decision, Ground = Ground, DecisionReason = DecisionReason, DecidedOn = DecidedOn, DecidedBy = DecidedBy, InPlaceOn = InPlaceOn, ReviewOn = ReviewOn, Version = version,
    };
}

/// A review: when, what it found, and when the next one is.
public sealed class ReviewForm
{
    public DateOnly? LastReviewedOn { get; set; }
    public string? Outcome { get; set; }
    /// The next review (blank when none is needed).
    public DateOnly? ReviewOn { get; set; }

    public AdjustmentInput ToInput(ReasonableAdjustment existing, int version) => AdjustmentInput.From(existing) with
    {
        LastReviewedOn = LastReviewedOn, Outcome = Outcome, ReviewOn = ReviewOn, Version = version,
    };
}
