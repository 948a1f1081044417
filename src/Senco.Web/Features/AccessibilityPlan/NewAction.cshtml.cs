using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Core.Leadership;
using Senco.Core.Model;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.AccessibilityPlan;

/// Add an objective with its actions to a strand of the latest plan.
public sealed class NewActionModel(UserContext user, AccessibilityPlanUseCases useCases) : PlanPageModel(user)
{
    [BindProperty] public ActionForm Input { get; set; } = new();
    public PlanView Plan { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string urn, int year, string? strand, CancellationToken ct)
    {
        if (await LoadAsync(urn, year, ct) is { } denied) return denied;
        Input.Strand = Enum.TryParse<AccessibilityStrand>(strand, out var s) && !int.TryParse(strand, out _) ? s.ToString() : null;
        Input.Status = nameof(AccessibilityActionStatus.NotStarted);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string urn, int year, CancellationToken ct)
    {
        if (await LoadAsync(urn, year, ct) is { } denied) return denied;
        if (!ModelState.IsValid) return Page();
        var outcome = await useCases.AddActionAsync(urn, year, Input.ToInput(), ct);
        if (outcome.IsOk)
        {
            Notice = $"The objective has been added to {AccessibilityRules.Label(outcome.Value!.Strand).ToLowerInvariant()}.";
            return Redirect($"{Href(urn, year)}#action-{outcome.Value.Id}");
        }
        if (Deny(outcome.Kind) is { } d) return d;
        if (outcome.Errors is { } errors) AddErrors(errors);
        else ModelState.AddModelError("", outcome.Message!);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string urn, int year, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ManageAccessibilityPlan) is { } denied) return denied;
        var plan = await useCases.PlanAsync(School, year, ct);
        if (plan is null) return NotFound();
        if (plan.ReadOnly) return Redirect(Href(urn, year));
        Plan = plan;
        return null;
    }
}
