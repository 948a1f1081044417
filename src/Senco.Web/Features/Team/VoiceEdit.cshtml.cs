using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Team;

/// Correcting a record of the pupil's views: a wrong date, who captured them, a mistyped word.
public sealed class VoiceEditModel(TeamAccess access, TeamCommands commands, AuditLog audit) : TeamPageModel(access)
{
    [BindProperty] public VoiceModel.VoiceForm Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public PupilVoice Voice { get; private set; } = null!;
    public PupilVoice? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        Input = new VoiceModel.VoiceForm { On = Voice.On, Context = Voice.Context.ToString(), Words = Voice.Words, CapturedBy = Voice.CapturedBy, How = Voice.How };
        Version = Voice.Version;
        audit.Read("voice.read", $"Opened a record of the views of {Pupil.Upn} to correct it", Pupil.SchoolId, Pupil.Id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (!ModelState.IsValid) return Page();
        var outcome = await commands.UpdateVoiceAsync(id, new VoiceInput(Input.On, Input.Context, Input.Words, Input.CapturedBy, Input.How, Version), ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                Notice = $"The record of {Pupil.Forename}'s views has been saved.";
                return Redirect($"/pupils/{Pupil.Id}/team/voice");
            case OutcomeKind.Invalid:
                AddErrors(outcome.Errors!, "Input");
                return Page();
            case OutcomeKind.Conflict:
                Current = outcome.Value;
                if (Current is not null) Version = Current.Version;
                ModelState.Remove(nameof(Version));
                ModelState.AddModelError("", "Someone else saved this record since you opened it. Their version is shown below; your changes are still in the form: check them and save again.");
                return Page();
            default:
                return Deny(outcome.Kind)!;
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await Access.VoiceAsync(id, Permission.ManageTeam, ct: ct);
        if (Deny(found.Kind) is { } denied) return denied;
        Voice = found.Value!;
        return await LoadPupilAsync(Voice.PupilId, Permission.ManageTeam, ct);
    }
}
