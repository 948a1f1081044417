using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Web.Features.Pupils;
using Senco.Web.Features.Shared;

namespace Senco.Web.Features.Transfers;

/// The former UPN and the census SEN unit and resourced-provision indicators of a pupil.
public sealed class ExchangeDetailsModel(PupilFinder finder, TransferCommands commands) : PageModel
{
    [BindProperty, Display(Name = "Former UPN (optional)")] public string? FormerUpn { get; set; }
    [BindProperty, Display(Name = "Has a place in an SEN unit the local authority recognises")] public bool SenUnitIndicator { get; set; }
    [BindProperty, Display(Name = "Has a place in resourced provision the local authority recognises")] public bool ResourcedProvisionIndicator { get; set; }
    [BindProperty] public int Version { get; set; }
    public Pupil Pupil { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        (FormerUpn, SenUnitIndicator, ResourcedProvisionIndicator, Version) = (Pupil.FormerUpn, Pupil.SenUnitIndicator, Pupil.ResourcedProvisionIndicator, Pupil.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        var outcome = await commands.UpdateExchangeDetailsAsync(id, Version, new ExchangeDetailsInput(FormerUpn, SenUnitIndicator, ResourcedProvisionIndicator), ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                TempData["Notice"] = "The former UPN and census indicators have been saved.";
                return Redirect($"/pupils/{id}");
            case OutcomeKind.Invalid:
                foreach (var m in outcome.Errors!.For("formerUpn")) ModelState.AddModelError(nameof(FormerUpn), m);
                return Page();
            case OutcomeKind.Conflict:
                ModelState.AddModelError(nameof(FormerUpn), outcome.Message!);
                ModelState.Remove(nameof(Version));
                Version = Pupil.Version;
                return Page();
            case OutcomeKind.NotFound: return NotFound();
            default: return StatusCode(403);
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await finder.FindAsync(id, Permission.EditPupilDetails, ct: ct);
        if (found.Kind == OutcomeKind.NotFound) return NotFound();
        if (found.Kind == OutcomeKind.Forbidden) return StatusCode(403);
        Pupil = found.Value!;
        ViewData["SchoolUrn"] = Pupil.School!.Urn;
        return null;
    }
}
