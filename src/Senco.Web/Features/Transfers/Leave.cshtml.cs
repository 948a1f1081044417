using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Web.Features.Pupils;
using Senco.Web.Features.Shared;

namespace Senco.Web.Features.Transfers;

/// Record that a pupil has left: the date they came off roll and where they went. The record is kept (never deleted)
/// and a transfer is opened whose CTF and SEN file are due 15 school days later.
public sealed class LeaveModel(PupilFinder finder, TransferCommands commands) : PageModel
{
    [BindProperty, Display(Name = "Date the pupil left")] public DateOnly? LeftOn { get; set; }
    [BindProperty] public DestinationForm Destination { get; set; } = new();
    public Pupil Pupil { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        var (la, estab) = Destination.Resolve();
        var outcome = await commands.LeaveAsync(id, new LeaveInput(ModelState.GetFieldValidationState(nameof(LeftOn)) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid ? null : LeftOn, la, estab, Destination.Name), ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                TempData["Notice"] = $"{Pupil.FullName} is recorded as having left. Send their CTF and SEN file by {Senco.Core.Dates.Long(outcome.Value!.DueOn)}.";
                return Redirect($"/transfers/{outcome.Value!.Id}");
            case OutcomeKind.Invalid:
                foreach (var (field, messages) in outcome.Errors!)
                    foreach (var m in messages)
                        if (!(field == "leftOn" && ModelState.ContainsKey(nameof(LeftOn)) && ModelState[nameof(LeftOn)]!.Errors.Count > 0))
                            ModelState.AddModelError(field == "leftOn" ? nameof(LeftOn) : DestinationForm.FieldFor(field, nameof(Destination)) ?? "", m);
                return Page();
            case OutcomeKind.Conflict:
                ModelState.AddModelError(nameof(LeftOn), outcome.Message!);
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
