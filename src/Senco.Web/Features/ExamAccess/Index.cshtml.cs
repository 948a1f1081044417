using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Core.Leadership;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.ExamAccess;

/// The exam officer's list: every candidate's arrangements, grouped by arrangement, with the checks, printable and
/// downloadable. Names candidates, so each view and download is audited.
public sealed class IndexModel(UserContext user, ExamAccessUseCases useCases, AuditLog audit) : ExamAccessPageModel
{
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    public IReadOnlyList<CheckedArrangement> Rows { get; private set; } = [];
    public IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> KindItems =>
        new[] { new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem("All arrangements", "") }.Concat(Enum.GetValues<ExamArrangementKind>()
            .Select(k => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(ExamAccessRules.Label(k), k.ToString(), k.ToString() == Kind)));

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (await LoadAsync(urn, ct) is { } denied) return denied;
        audit.Read("exam-access.list", $"Viewed the access arrangements list ({Rows.Count} rows)", School.SchoolId);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(string urn, CancellationToken ct)
    {
        if (await LoadAsync(urn, ct) is { } denied) return denied;
        audit.Read("exam-access.export", $"Downloaded the access arrangements list as CSV ({Rows.Count} rows)", School.SchoolId);
        return File(ExamAccessExport.Csv(Rows), "text/csv; charset=utf-8", ExamAccessExport.FileName(urn, "csv"));
    }

    public async Task<IActionResult> OnGetXlsxAsync(string urn, CancellationToken ct)
    {
        if (await LoadAsync(urn, ct) is { } denied) return denied;
        audit.Read("exam-access.export", $"Downloaded the access arrangements list as XLSX ({Rows.Count} rows)", School.SchoolId);
        return File(ExamAccessExport.Xlsx(Rows), ExamAccessExport.XlsxType, ExamAccessExport.FileName(urn, "xlsx"));
    }

    private async Task<IActionResult?> LoadAsync(string urn, CancellationToken ct)
    {
        var school = user.School(urn);
        if (school is null) return NotFound();
        if (!school.Can(Permission.ViewExamAccess)) return StatusCode(StatusCodes.Status403Forbidden);
        UseSchool(school);
        ExamArrangementKind? kind = Enum.TryParse<ExamArrangementKind>(Kind, out var k) && !int.TryParse(Kind, out _) ? k : null;
        Rows = await useCases.SchoolAsync(school, kind, ct);
        return null;
    }

    public string Query(string handler) => $"?handler={handler}{(string.IsNullOrEmpty(Kind) ? "" : "&kind=" + Uri.EscapeDataString(Kind))}";
}
