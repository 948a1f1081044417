using Microsoft.AspNetCore.Mvc;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Exchange;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Imports;

/// Which column holds which field: guessed from the headings (or remembered from the last file from the same system),
/// confirmed or changed by the person once.
public sealed class MappingModel(UserContext user, PupilImportCommands imports) : SchoolPageModel(user)
{
    [BindProperty] public Dictionary<string, string?> Map { get; set; } = new();
    public ImportPreview Preview { get; private set; } = null!;
    public ValidationErrors Errors { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(string urn, Guid id, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ImportPupils) is { } denied) return denied;
        var outcome = await imports.PreviewAsync(urn, id, ct);
        if (!outcome.IsOk) return outcome.Kind == OutcomeKind.NotFound ? NotFound() : StatusCode(403);
        Preview = outcome.Value!;
        if (Preview.Import.Status != Senco.Core.Model.PupilImportStatus.Uploaded) return Redirect($"/schools/{urn}/imports/pupils/{id}");
        foreach (var f in ImportFields.All) Map[ImportFields.Key(f)] = Preview.Mapping[f];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string urn, Guid id, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ImportPupils) is { } denied) return denied;
        var outcome = await imports.SaveMappingAsync(urn, id, Map, ct);
        if (outcome.IsOk) return Redirect($"/schools/{urn}/imports/pupils/{id}/preview");
        if (outcome.Kind == OutcomeKind.Conflict) return Redirect($"/schools/{urn}/imports/pupils/{id}");
        if (outcome.Kind != OutcomeKind.Invalid) return outcome.Kind == OutcomeKind.NotFound ? NotFound() : StatusCode(403);
        Errors = outcome.Errors!;
        var again = await imports.PreviewAsync(urn, id, ct);
        Preview = again.Value!;
        return Page();
    }

    /// The first few values of a column, to help recognise it.
    public string Sample(string heading) =>
        string.Join(", ", Preview.File.Rows.Select(r => r.Cells.TryGetValue(heading, out var v) ? v.Trim() : "").Where(v => v.Length > 0).Distinct().Take(3).Select(v => v.Length > 30 ? v[..30] + "…" : v));
}
