using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Imports;

/// How an import is going. While it runs the page refreshes itself every few seconds (a meta refresh: no script).
public sealed class ProgressModel(UserContext user, PupilImportCommands imports, ImportProgress progress) : SchoolPageModel(user)
{
    public PupilImport Import { get; private set; } = null!;
    public (int Done, int Total)? Progress { get; private set; }
    public bool Running => Import.Status is PupilImportStatus.Queued or PupilImportStatus.Running;

    public async Task<IActionResult> OnGetAsync(string urn, Guid id, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ImportPupils) is { } denied) return denied;
        var outcome = await imports.FindAsync(urn, id, ct: ct);
        if (!outcome.IsOk) return outcome.Kind == OutcomeKind.NotFound ? NotFound() : StatusCode(403);
        Import = outcome.Value!;
        if (Import.Status == PupilImportStatus.Uploaded) return Redirect($"/schools/{urn}/imports/pupils/{id}/preview");
        Progress = progress.Get(id);
        return Page();
    }
}
