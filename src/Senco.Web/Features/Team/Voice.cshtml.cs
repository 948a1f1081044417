using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Team;

/// The pupil's views in their own words, for plans, passports and reviews, with who captured them and how.
public sealed class VoiceModel(TeamAccess access, TeamQueries queries, TeamCommands commands, AuditLog audit) : TeamPageModel(access)
{
    public sealed class VoiceForm
    {
        public DateOnly? On { get; set; }
        public string? Context { get; set; }
        public string? Words { get; set; }
        public string? CapturedBy { get; set; }
        public string? How { get; set; }
    }

    [BindProperty] public VoiceForm Input { get; set; } = new();
    public IReadOnlyList<PupilVoice> Voices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadPupilAsync(id, Permission.ViewTeam, ct) is { } denied) return denied;
        Voices = (await queries.PupilAsync(id, ct)).Voices;
        Input.CapturedBy = Access.User.Name;
        audit.Read("voice.read", $"Viewed the views of {Pupil.Upn}", Pupil.SchoolId, id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadPupilAsync(id, Permission.ManageTeam, ct) is { } denied) return denied;
        if (ModelState.IsValid)
        {
            var outcome = await commands.AddVoiceAsync(id, new VoiceInput(Input.On, Input.Context, Input.Words, Input.CapturedBy, Input.How), ct);
            if (outcome.IsOk)
            {
                Notice = $"{Pupil.Forename}'s views have been recorded.";
                return Redirect($"/pupils/{id}/team/voice");
            }
            if (Deny(outcome.Kind) is { } d) return d;
            AddErrors(outcome.Errors!, "Input");
        }
        Voices = (await queries.PupilAsync(id, ct)).Voices;
        return Page();
    }
}
