using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.AccessibilityPlan;

/// Change an objective of the latest plan. The second of two people saving is told and shown the saved objective;
/// nothing is overwritten.
public sealed class EditActionModel(UserContext user, AccessibilityPlanUseCases useCases) : PlanPageModel(user)
{
    [BindProperty] public ActionForm Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public PlanView Plan { get; private set; } = null!;
    public AccessibilityAction Action { get; private set; } = null!;
    public AccessibilityAction? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(string urn, int year, Guid id, CancellationToken ct)
    {
        if (await LoadAsync(urn, year, id, ct) is { } denied) return denied;
        Input = ActionForm.From(Action);
        Version = Action.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string urn, int year, Guid id, CancellationToken ct)
    {
        if (await LoadAsync(urn, year, id, ct) is { } denied) return denied;
        if (!ModelState.IsValid) return Page();
        var outcome = await useCases.UpdateActionAsync(urn, year, id, Input.ToInput(Version), ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                Notice = "The objective has been updated.";
                return Redirect($"{Href(urn, year)}#action-{id}");
            case OutcomeKind.Invalid:
                AddErrors(outcome.Errors!);
                return Page();
            case OutcomeKind.Conflict when outcome.Value is { } current:
                Current = current;
                Version = current.Version;
                ModelState.AddModelError("", "Someone else changed this objective since you opened it. The saved version is shown above yours: check it and save again.");
                return Page();
            case OutcomeKind.Conflict:
                ModelState.AddModelError("", outcome.Message!);
                return Page();
            default:
                return Deny(outcome.Kind)!;
        }
    }

    private async Task<IActionResult?> LoadAsync(string urn, int year, Guid id, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ManageAccessibilityPlan) is { } denied) return denied;
        var plan = await useCases.PlanAsync(School, year, ct);
        var action = plan?.Plan.Actions.FirstOrDefault(a => a.Id == id);
        if (plan is null || action is null) return NotFound();
        if (plan.ReadOnly) return Redirect(Href(urn, year));
        (Plan, Action) = (plan, action);
        return null;
    }
}
