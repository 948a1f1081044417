using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Core.Leadership;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Leadership.Assessment;

/// Import results from a CSV or XLSX: check every row first and list each problem by row and column; nothing is
/// written unless every row is right. A file that checks out is shown for confirmation, then imported in one go.
public sealed class ImportModel(UserContext user, SencoDbContext db, AssessmentCommands commands, TimeProvider clock) : SchoolPageModel(user)
{
    [BindProperty] public string? Term { get; set; }
    [BindProperty] public string? Measure { get; set; }
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public Guid? Scale { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    /// The checked file, carried to the confirmation (checked again before anything is written).
    [BindProperty] public string? FileData { get; set; }
    [BindProperty] public string? FileName { get; set; }

    public IReadOnlyList<AssessmentTerm> Terms { get; private set; } = [];
    public IReadOnlyList<AssessmentScale> Scales { get; private set; } = [];
    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];
    public int? CheckedRows { get; private set; }

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.RecordAssessments) is { } denied) return denied;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.RecordAssessments) is { } denied) return denied;
        await LoadAsync(ct);
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Choose a CSV or XLSX file of results");
            return Page();
        }
        if (Upload.Length > AssessmentImport.MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), "The file must be smaller than 2 MB");
            return Page();
        }
        using var ms = new MemoryStream();
        await Upload.CopyToAsync(ms, ct);
        var bytes = ms.ToArray();
        if (!await CheckAsync(bytes, Upload.FileName, ct)) return Page();
        FileData = Convert.ToBase64String(bytes);
        FileName = Path.GetFileName(Upload.FileName);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.RecordAssessments) is { } denied) return denied;
        await LoadAsync(ct);
        byte[] bytes;
        try { bytes = Convert.FromBase64String(FileData ?? ""); }
        catch (FormatException) { bytes = []; }
        var parsed = AssessmentImport.Read(bytes, FileName, Defaults);
        if (parsed.FileError is not null || parsed.Problems.Count > 0)
        {
            FileData = null;
            await CheckAsync(bytes, FileName, ct);
            return Page();
        }
        var outcome = await commands.RecordAsync(urn, parsed.Inputs, single: false, ct);
        if (!outcome.IsOk)
        {
            FileData = null;
            Problems = outcome.Errors is { } e ? AssessmentImport.ToProblems(e, parsed.FileRows).ToList() : [];
            ModelState.AddModelError(nameof(Upload), $"The file has {Problems.Count} {(Problems.Count == 1 ? "problem" : "problems")}. Nothing was imported");
            return Page();
        }
        TempData["Notice"] = $"{outcome.Value!.Count} results imported from {FileName}";
        return Redirect($"/schools/{urn}/assessments?term={Uri.EscapeDataString(parsed.Inputs[0].Term ?? "")}");
    }

    private ImportDefaults Defaults => new(Term, string.IsNullOrEmpty(Measure) ? null : Measure, string.IsNullOrWhiteSpace(Subject) ? null : Subject, Scale);

    /// True when every row is right; otherwise the problems are on the page and nothing is written.
    private async Task<bool> CheckAsync(byte[] bytes, string? fileName, CancellationToken ct)
    {
        var parsed = AssessmentImport.Read(bytes, fileName, Defaults);
        if (parsed.FileError is { } fileError)
        {
            ModelState.AddModelError(nameof(Upload), fileError);
            return false;
        }
        var errors = await commands.CheckOnlyAsync(School, parsed.Inputs, ct);
        Problems = parsed.Problems.Concat(AssessmentImport.ToProblems(errors, parsed.FileRows))
            .GroupBy(p => (p.Row, p.Field)).Select(g => g.First()).OrderBy(p => p.Row).ToList();
        if (Problems.Count > 0)
        {
            ModelState.AddModelError(nameof(Upload), $"The file has {Problems.Count} {(Problems.Count == 1 ? "problem" : "problems")}. Nothing was imported: correct the file and check it again");
            return false;
        }
        CheckedRows = parsed.Inputs.Count;
        return true;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Terms = AssessmentQueries.RecentTerms(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        Scales = await AssessmentQueries.ScalesAsync(db, School.SchoolId, ct);
        Term ??= Terms[0].Key;
    }
}
