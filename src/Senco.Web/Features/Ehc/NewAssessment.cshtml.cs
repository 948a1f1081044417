using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Web.Features.Shared;

namespace Senco.Web.Features.Ehc;

/// Recording a request for an EHC needs assessment: when the LA received it starts the statutory clock.
public sealed class NewAssessmentModel(EhcFinder finder, EhcCommands commands) : EhcPageModel
{
    public sealed class RequestForm
    {
        [Display(Name = "Date the local authority received the request")] public DateOnly? RequestReceivedOn { get; set; }
        [Display(Name = "Who made the request")] public string? RequestedBy { get; set; }
        [Display(Name = "Notes")] public string? Notes { get; set; }
    }

    [BindProperty] public RequestForm Input { get; set; } = new() { RequestedBy = "School" };
    public Pupil Pupil { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        var outcome = await commands.CreateAssessmentAsync(id, new AssessmentInput(Input.RequestReceivedOn, Input.RequestedBy, Notes: Input.Notes), ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                Notice = "The request has been recorded. Its statutory dates are below.";
                return Redirect($"/ehc-needs-assessments/{outcome.Value!.Id}");
            case OutcomeKind.Invalid:
                AddErrors(outcome.Errors!);
                return Page();
            case OutcomeKind.Conflict:
                ModelState.AddModelError("Input.RequestReceivedOn", outcome.Message!);
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
