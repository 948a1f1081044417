using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.AccessibilityPlan;

/// Mark an objective complete: the date and what was done.
public sealed class CompleteActionModel(UserContext user, AccessibilityPlanUseCases useCases) : PlanPageModel(user)
{
    public sealed class CompleteForm
    {
        public DateOnly? CompletedOn { get; set; }
        public string? Progress { get; set; }
    }

    [BindProperty] public CompleteForm Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public PlanView Plan { get; private set; } = null!;
    public AccessibilityAction Action { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string urn, int year, Guid id, CancellationToken ct)
    {
        if (await LoadAsync(urn, year, id, ct) is { } denied) return denied;
        Input = new CompleteForm { CompletedOn = useCases.Today, Progress = Action.Progress };
        Version = Action.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string urn, int year, Guid id, CancellationToken ct)
    {
        if (await LoadAsync(urn, year, id, ct) is { } denied) return denied;
        if (!ModelState.IsValid) return Page();
        var outcome = await useCases.CompleteActionAsync(urn, year, id, new CompleteActionInput(Input.CompletedOn, Input.Progress, Version), ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                Notice = $"“{Action.Objective}” has been marked complete.";
                return Redirect($"{Href(urn, year)}#action-{id}");
            case OutcomeKind.Invalid:
                // Only the completion fields are on this page; any other problem with the objective is for its own page.
                AddErrors(outcome.Errors!);
                return Page();
            case OutcomeKind.Conflict:
                Version = outcome.Value?.Version ?? Version;
                ModelState.AddModelError("", "Someone else changed this objective since you opened it. Check the plan and try again.");
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
