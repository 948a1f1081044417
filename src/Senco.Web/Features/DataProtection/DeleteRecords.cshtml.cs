using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.DataProtection;

/// Names everything that deleting the chosen pupils' records removes, and asks the SENCO's password to confirm.
public sealed class DeleteRecordsModel(UserContext user, RetentionCommands retention) : SchoolPageModel(user)
{
    [BindProperty(SupportsGet = true, Name = "pupil")] public List<Guid> Pupils { get; set; } = [];
    [BindProperty] public string? Password { get; set; }
    public IReadOnlyList<DeletionPlan> Plans { get; private set; } = [];
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ManageRetention) is { } denied) return denied;
        return await LoadAsync(urn, ct);
    }

    public async Task<IActionResult> OnPostAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ManageRetention) is { } denied) return denied;
        var outcome = await retention.DeleteAsync(urn, Pupils, Password, ct);
        if (outcome.IsOk)
        {
            TempData["Notice"] = outcome.Value!.Count == 1
                ? $"The records of {outcome.Value[0].Pupil.Upn} have been deleted. The audit trail records what was removed."
                : $"The records of {outcome.Value.Count} pupils have been deleted. The audit trail records what was removed.";
            return Redirect($"/schools/{urn}/retention");
        }
        if (outcome.Errors is null) return outcome.Kind == OutcomeKind.NotFound ? NotFound() : StatusCode(403);
        if (outcome.Errors.Has("password")) ModelState.AddModelError(nameof(Password), outcome.Errors.For("password")[0]);
        return await LoadAsync(urn, ct);
    }

    private async Task<IActionResult> LoadAsync(string urn, CancellationToken ct)
    {
        var plan = await retention.PlanAsync(urn, Pupils, ct);
        if (plan.IsOk) Plans = plan.Value!;
        else if (plan.Errors is not null) Problem = plan.Errors.For("pupils").FirstOrDefault();
        else return plan.Kind == OutcomeKind.NotFound ? NotFound() : StatusCode(403);
        return Page();
    }
}
