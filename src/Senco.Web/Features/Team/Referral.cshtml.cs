using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Team;

/// One referral: its progress (sent, seen, outcome), the consent it rests on, and the reports attached.
public sealed class ReferralModel(TeamAccess access, TeamQueries queries, TeamCommands commands, AuditLog audit) : TeamPageModel(access)
{
    [BindProperty] public ReferralForm Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public Referral Referral { get; private set; } = null!;
    public Referral? Current { get; private set; }
    public IReadOnlyList<ConsentRecord> Consents { get; private set; } = [];
    public DocumentsPartial Documents { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, Permission.ViewTeam, ct) is { } denied) return denied;
        Input = ReferralForm.From(Referral);
        Version = Referral.Version;
        audit.Read("referral.read", $"Viewed a referral of {Pupil.Upn} to {Referral.Agency?.Name}", Pupil.SchoolId, Pupil.Id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, Permission.ManageTeam, ct) is { } denied) return denied;
        Only("Input");
        if (!ModelState.IsValid) return Page();
        var outcome = await commands.UpdateReferralAsync(id, Input.ToInput(Version) with { AgencyId = Referral.AgencyId }, ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                Notice = "The referral has been updated.";
                return Redirect($"/referrals/{id}");
            case OutcomeKind.Invalid:
                AddErrors(outcome.Errors!, "Input");
                return Page();
            case OutcomeKind.Conflict:
                Current = outcome.Value;
                Version = Current!.Version;
                ModelState.AddModelError("", "Someone else changed this referral since you opened it. Their version is shown beside yours: check it and save again.");
                return Page();
            default:
                return Deny(outcome.Kind)!;
        }
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid id, IFormFile? upload, string? uploadDescription, CancellationToken ct)
    {
        if (await LoadAsync(id, Permission.ManageTeam, ct) is { } denied) return denied;
        if (await UploadAsync(commands, new DocumentTarget(ReferralId: id), upload, uploadDescription, ct)) return Redirect($"/referrals/{id}#documents");
        Input = ReferralForm.From(Referral);
        Version = Referral.Version;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Permission permission, CancellationToken ct)
    {
        var found = await Access.ReferralAsync(id, permission, ct: ct);
        if (Deny(found.Kind) is { } denied) return denied;
        Referral = found.Value!;
        await LoadPupilAsync(Referral.PupilId, permission, ct);
        Consents = (await queries.PupilAsync(Pupil.Id, ct)).Consents;
        var settings = await Access.SettingsAsync(Pupil.SchoolId, ct);
        Documents = new DocumentsPartial("Reports and letters", await commands.DocumentsAsync(new DocumentTarget(ReferralId: id), ct), CanManage, settings.MaxUploadMegabytes);
        return null;
    }
}
