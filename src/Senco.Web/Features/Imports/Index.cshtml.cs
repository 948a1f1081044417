using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Imports;

/// Upload a roll file exported from the school's MIS.
[RequestSizeLimit(RollFileReader.MaxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = RollFileReader.MaxBytes + 1024 * 1024)]
public sealed class IndexModel(UserContext user, PupilImportCommands imports) : SchoolPageModel(user)
{
    [BindProperty] public IFormFile? RollFile { get; set; }
    [BindProperty] public string? SourceName { get; set; }
    [BindProperty] public bool FullRoll { get; set; }
    public IReadOnlyList<PupilImport> Recent { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ImportPupils) is { } denied) return denied;
        Recent = await imports.RecentAsync(School.SchoolId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ImportPupils) is { } denied) return denied;
        byte[] content = [];
        if (RollFile is { Length: > 0 and <= RollFileReader.MaxBytes })
        {
            using var ms = new MemoryStream();
            await RollFile.CopyToAsync(ms, ct);
            content = ms.ToArray();
        }
        else if (RollFile is { Length: > RollFileReader.MaxBytes })
        {
            ModelState.AddModelError(nameof(RollFile), $"The file is larger than {RollFileReader.MaxBytes / 1024 / 1024} MB. Export only the columns Senco needs, or split the roll by year group");
        }
        if (ModelState.ErrorCount == 0)
        {
            var outcome = await imports.UploadAsync(urn, RollFile?.FileName, content, SourceName, FullRoll, ct);
            if (outcome.IsOk) return Redirect($"/schools/{urn}/imports/pupils/{outcome.Value!.Id}/mapping");
            if (outcome.Kind != OutcomeKind.Invalid) return StatusCode(outcome.Kind == OutcomeKind.NotFound ? 404 : 403);
            foreach (var (key, messages) in outcome.Errors!)
                foreach (var m in messages) ModelState.AddModelError(key == "file" ? nameof(RollFile) : nameof(SourceName), m);
        }
        Recent = await imports.RecentAsync(School.SchoolId, ct);
        return Page();
    }
}
