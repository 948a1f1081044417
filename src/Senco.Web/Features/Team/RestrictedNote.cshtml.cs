using Microsoft.AspNetCore.Mvc;
using Senco.Core.Model;
using Senco.Web.Features.Shared;

namespace Senco.Web.Features.Team;

/// One restricted note, opened (and the opening audited) only by those allowed; its attachments follow it.
public sealed class RestrictedNoteModel(TeamAccess access, TeamCommands commands) : TeamPageModel(access)
{
    public RestrictedNote Note { get; private set; } = null!;
    public DocumentsPartial Documents { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostUploadAsync(Guid id, IFormFile? upload, string? uploadDescription, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (await UploadAsync(commands, new DocumentTarget(RestrictedNoteId: id), upload, uploadDescription, ct)) return Redirect($"/restricted-notes/{id}");
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await commands.OpenNoteAsync(id, ct);
        if (Deny(found.Kind) is { } denied) return denied;
        Note = found.Value!;
        var pupil = await Access.PupilAsync(Note.PupilId, Senco.Core.Access.Permission.ViewPupils, ct);
        Pupil = pupil.Value!;
        School = Access.User.School(Pupil.SchoolId)!;
        ViewData["SchoolUrn"] = School.Urn;
        var settings = await Access.SettingsAsync(Pupil.SchoolId, ct);
        Documents = new DocumentsPartial("Attached to this note", await commands.DocumentsAsync(new DocumentTarget(RestrictedNoteId: id), ct), true, settings.MaxUploadMegabytes);
        return null;
    }
}
