using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Web.Features.Pupils;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.AccessibilityPlan;

/// Record an adjustment requested or considered for a pupil. The decision is recorded next, on its own page.
public sealed class NewAdjustmentModel(UserContext user, PupilFinder finder, ReasonableAdjustmentUseCases useCases) : AdjustmentPageModel
{
    [BindProperty] public RequestForm Input { get; set; } = new();
    public Pupil Pupil { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        Input.RequestedOn = useCases.Today;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (!ModelState.IsValid) return Page();
        var outcome = await useCases.CreateAsync(id, Input.ToInput(), ct);
        if (outcome.IsOk)
        {
            Notice = "The adjustment has been recorded. Record the decision when it is made.";
            return Redirect($"{Href(id)}#adjustment-{outcome.Value!.Id}");
        }
        if (Deny(outcome.Kind) is { } d) return d;
        if (outcome.Errors is { } errors) AddErrors(errors);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await finder.FindAsync(id, Permission.ManageReasonableAdjustments, ct: ct);
        if (Deny(found.Kind) is { } denied) return denied;
        Pupil = found.Value!;
        UseSchool(user.School(Pupil.SchoolId)!);
        return null;
    }
}
