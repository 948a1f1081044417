using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Pupils;

/// Editing a pupil's details. Carries the version read; if someone else saved meanwhile, nothing is overwritten:
/// the form keeps what this person typed and shows what the other person saved.
public sealed class EditModel(UserContext user, PupilFinder finder, PupilCommands commands) : PageModel
{
    [BindProperty] public PupilForm Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    [BindProperty, Display(Name = "Reason for the change (optional)")] public string? Note { get; set; }
    public Pupil Pupil { get; private set; } = null!;
    public string SchoolUrn { get; private set; } = "";
    public string? ConflictMessage { get; private set; }
    public PupilForm? Theirs { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        Input = PupilForm.From(Pupil);
        Version = Pupil.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (!ModelState.IsValid)
        {
            Input.AddRuleErrors(ModelState, DateOnly.FromDateTime(DateTime.UtcNow));
            return Page();
        }
        var outcome = await commands.UpdateAsync(id, Version, Input.ToInput(), Note, ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                TempData["Notice"] = "The pupil's details have been saved.";
                return Redirect($"/pupils/{id}");
            case OutcomeKind.Invalid:
                foreach (var (field, messages) in outcome.Errors!)
                    foreach (var m in messages) ModelState.AddModelError(field == "note" ? "Note" : FormErrors.ToModelKey(field), m);
                return Page();
            case OutcomeKind.Conflict when outcome.Value is not null:
                // Show both versions; the next save is made knowingly against what is saved now.
                ConflictMessage = outcome.Message;
                Theirs = PupilForm.From(outcome.Value);
                ModelState.Remove(nameof(Version));
                Version = outcome.Value.Version;
                ModelState.AddModelError(string.Empty, "Someone else changed this record while you were editing. Nothing you typed has been saved yet.");
                return Page();
            case OutcomeKind.Conflict:
                FormErrors.AddTo(ModelState, outcome.Errors!);
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
        SchoolUrn = Pupil.School!.Urn;
        ViewData["SchoolUrn"] = SchoolUrn;
        return null;
    }
}
