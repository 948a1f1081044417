using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.AccessibilityPlan;

/// <summary>
/// One step on an existing adjustment (change the request, record the decision, record a review): each page edits
/// some fields and keeps the rest as saved, with the version it read. The second of two people saving is told and
/// shown the saved adjustment; nothing is overwritten.
/// </summary>
public abstract class AdjustmentStepModel<TForm>(UserContext user, ReasonableAdjustmentUseCases useCases) : AdjustmentPageModel where TForm : new()
{
    [BindProperty] public TForm Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public ReasonableAdjustment Adjustment { get; private set; } = null!;
    public Pupil Pupil => Adjustment.Pupil!;
    public ReasonableAdjustment? Current { get; private set; }
    public DateOnly Today => useCases.Today;

    protected abstract TForm From(ReasonableAdjustment a);
    protected abstract AdjustmentInput ToInput(TForm form, ReasonableAdjustment saved, int version);
    protected abstract string Done(ReasonableAdjustment a);

    public async Task<IActionResult> OnGetAsync(Guid id, Guid adjustmentId, CancellationToken ct)
    {
        if (await LoadAsync(id, adjustmentId, ct) is { } denied) return denied;
        Input = From(Adjustment);
        Version = Adjustment.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid adjustmentId, CancellationToken ct)
    {
        if (await LoadAsync(id, adjustmentId, ct) is { } denied) return denied;
        if (!ModelState.IsValid) return Page();
        var outcome = await useCases.UpdateAsync(id, adjustmentId, ToInput(Input, Adjustment, Version), ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                Notice = Done(outcome.Value!);
                return Redirect($"{Href(id)}#adjustment-{adjustmentId}");
            case OutcomeKind.Invalid:
                AddErrors(outcome.Errors!);
                return Page();
            case OutcomeKind.Conflict when outcome.Value is { } current:
                Current = current;
                Version = current.Version;
                ModelState.AddModelError("", "Someone else changed this adjustment since you opened it. The saved version is shown above yours: check it and save again.");
                return Page();
            default:
                return Deny(outcome.Kind)!;
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid adjustmentId, CancellationToken ct)
    {
        var found = await useCases.FindAsync(id, adjustmentId, Permission.ManageReasonableAdjustments, ct);
        if (Deny(found.Kind) is { } denied) return denied;
        Adjustment = found.Value!;
        UseSchool(user.School(Adjustment.SchoolId)!);
        return null;
    }
}

public sealed class EditAdjustmentModel(UserContext user, ReasonableAdjustmentUseCases useCases) : AdjustmentStepModel<RequestForm>(user, useCases)
{
    protected override RequestForm From(ReasonableAdjustment a) => RequestForm.From(a);
    protected override AdjustmentInput ToInput(RequestForm form, ReasonableAdjustment saved, int version) => form.ToInput(saved, version);
    protected override string Done(ReasonableAdjustment a) => "The request has been updated.";
}

public sealed class DecisionModel(UserContext user, ReasonableAdjustmentUseCases useCases) : AdjustmentStepModel<DecisionForm>(user, useCases)
{
    private readonly UserContext _user = user;

    protected override DecisionForm From(ReasonableAdjustment a)
    {
        var f = DecisionForm.From(a);
        if (a.Decision is null) { f.DecidedOn = Today; f.DecidedBy = _user.Name; }
        return f;
    }

    protected override AdjustmentInput ToInput(DecisionForm form, ReasonableAdjustment saved, int version) => form.ToInput(saved, version);
    protected override string Done(ReasonableAdjustment a) => $"The decision ({Core.Leadership.ReasonableAdjustmentRules.Label(a.Decision).ToLowerInvariant()}) has been recorded.";
}

public sealed class ReviewModel(UserContext user, ReasonableAdjustmentUseCases useCases) : AdjustmentStepModel<ReviewForm>(user, useCases)
{
    protected override ReviewForm From(ReasonableAdjustment a) => new() { LastReviewedOn = Today, Outcome = null, ReviewOn = null };
    protected override AdjustmentInput ToInput(ReviewForm form, ReasonableAdjustment saved, int version) => form.ToInput(saved, version);
    protected override string Done(ReasonableAdjustment a) => "The review has been recorded.";
}
