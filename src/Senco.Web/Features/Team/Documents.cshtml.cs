using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Team;

/// Documents on a pupil's record (reports, letters, photos of work), uploaded and downloaded safely.
public sealed class DocumentsModel(TeamAccess access, TeamCommands commands, AuditLog audit) : TeamPageModel(access)
{
    public DocumentsPartial Documents { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, Permission.ViewTeam, ct) is { } denied) return denied;
        audit.Read("document.list", $"Viewed the documents of {Pupil.Upn}", Pupil.SchoolId, id);
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid id, IFormFile? upload, string? uploadDescription, CancellationToken ct)
    {
        if (await LoadAsync(id, Permission.ManageTeam, ct) is { } denied) return denied;
        if (await UploadAsync(commands, new DocumentTarget(PupilId: id), upload, uploadDescription, ct)) return Redirect($"/pupils/{id}/team/documents");
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Permission permission, CancellationToken ct)
    {
        if (await LoadPupilAsync(id, permission, ct) is { } denied) return denied;
        var settings = await Access.SettingsAsync(Pupil.SchoolId, ct);
        Documents = new DocumentsPartial("Documents", await commands.DocumentsAsync(new DocumentTarget(PupilId: id), ct), CanManage, settings.MaxUploadMegabytes);
        return null;
    }
}
