using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Imports;

/// Every problem in the file by row and column, and what the import will do; then start it.
public sealed class PreviewModel(UserContext user, PupilImportCommands imports) : SchoolPageModel(user)
{
    [BindProperty] public bool MarkMissingOffRoll { get; set; }
    public ImportPreview Preview { get; private set; } = null!;
    public string? StartError { get; private set; }

    public async Task<IActionResult> OnGetAsync(string urn, Guid id, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ImportPupils) is { } denied) return denied;
        var outcome = await imports.PreviewAsync(urn, id, ct);
        if (!outcome.IsOk) return outcome.Kind == OutcomeKind.NotFound ? NotFound() : StatusCode(403);
        Preview = outcome.Value!;
        if (Preview.Import.Status != PupilImportStatus.Uploaded) return Redirect($"/schools/{urn}/imports/pupils/{id}");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string urn, Guid id, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ImportPupils) is { } denied) return denied;
        var outcome = await imports.StartAsync(urn, id, MarkMissingOffRoll, ct);
        if (outcome.IsOk || outcome.Kind == OutcomeKind.Conflict) return Redirect($"/schools/{urn}/imports/pupils/{id}");
        if (outcome.Kind != OutcomeKind.Invalid) return outcome.Kind == OutcomeKind.NotFound ? NotFound() : StatusCode(403);
        StartError = outcome.Errors!.For("file").FirstOrDefault();
        Preview = (await imports.PreviewAsync(urn, id, ct)).Value!;
        return Page();
    }
}
