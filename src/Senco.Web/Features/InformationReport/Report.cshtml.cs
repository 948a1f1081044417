using System.Text;
using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.InformationReport;

/// One year's report: every Schedule 1 section with the live facts and the school's words, its status, and the two
/// downloads (Word to edit, HTML to publish).
public sealed class ReportModel(UserContext user, InformationReportQueries queries) : ReportPageModel(user)
{
    public ReportView Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string urn, int year, CancellationToken ct) => await LoadAsync(urn, year, ct) ?? Page();

    public async Task<IActionResult> OnGetWordAsync(string urn, int year, CancellationToken ct) =>
        await LoadAsync(urn, year, ct) ?? File(InformationReportDocument.Word(Report), InformationReportDocument.WordContentType, InformationReportDocument.FileName(Report, "docx"));

    public async Task<IActionResult> OnGetHtmlAsync(string urn, int year, CancellationToken ct) =>
        await LoadAsync(urn, year, ct) ?? File(Encoding.UTF8.GetBytes(InformationReportDocument.Html(Report)), InformationReportDocument.HtmlContentType, InformationReportDocument.FileName(Report, "html"));

    private async Task<IActionResult?> LoadAsync(string urn, int year, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ViewAggregates) is { } denied) return denied;
        var report = await queries.ReportAsync(School, year, ct);
        if (report is null) return NotFound();
        Report = report;
        return null;
    }
}
