using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Web.Features.Shared;

namespace Senco.Web.Features.Ehc;

/// Recording a final EHC plan the LA has issued. Saving moves the pupil to SEN status E from the issue date.
public sealed class NewPlanModel(EhcFinder finder, EhcCommands commands) : EhcPageModel
{
    public sealed class PlanForm
    {
        [Display(Name = "Date the final plan was issued")] public DateOnly? IssuedOn { get; set; }
        [Display(Name = "Local authority code")] public string? LocalAuthority { get; set; }
        [Display(Name = "Case officer")] public string? CaseOfficer { get; set; }
        [Display(Name = "Case officer's email address")] public string? CaseOfficerEmail { get; set; }
        [Display(Name = "Primary need")] public string? PrimaryNeed { get; set; }
        [Display(Name = "Secondary need")] public string? SecondaryNeed { get; set; }
    }

    [BindProperty] public PlanForm Input { get; set; } = new();
    public Pupil Pupil { get; private set; } = null!;
    public bool NeedsRequired => Pupil.NeedList.Count == 0;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        Input.LocalAuthority = Pupil.School!.LaCode;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        var needs = new[] { Input.PrimaryNeed, Input.SecondaryNeed }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!).ToList();
        var outcome = await commands.IssuePlanAsync(id, new PlanInput(Input.IssuedOn, Input.LocalAuthority, Input.CaseOfficer, Input.CaseOfficerEmail, null, needs), ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                Notice = $"The EHC plan has been recorded and {Pupil.Forename}'s SEN status is now E.";
                return Redirect($"/ehc-plans/{outcome.Value!.Id}");
            case OutcomeKind.Invalid:
                AddErrors(outcome.Errors!, f => f == "needs" ? "Input.PrimaryNeed" : null);
                return Page();
            case OutcomeKind.Conflict:
                ModelState.AddModelError("Input.IssuedOn", outcome.Message!);
                return Page();
            default:
                return Deny(outcome.Kind)!;
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await finder.PupilAsync(id, Permission.ManageEhc, ct);
        if (Deny(found.Kind) is { } denied) return denied;
        Pupil = found.Value!;
        ViewData["SchoolUrn"] = Pupil.School!.Urn;
        return null;
    }
}
