using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Data;
using Senco.Web.Features.Provision;
using Senco.Web.Features.Register;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Leadership.Analysis;

/// SEN against non-SEN attainment and progress for one measure and term, broken down, with the trend over terms.
/// Everyone in the school reads it (ViewAggregates); those who may not read pupils' results see small groups withheld.
public sealed class IndexModel(UserContext user, SencoDbContext db, AuditLog audit) : SchoolPageModel(user)
{
    [BindProperty(SupportsGet = true)] public string? Series { get; set; }
    [BindProperty(SupportsGet = true)] public string? Term { get; set; }
    public AnalysisView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ViewAggregates) is { } denied) return denied;
        View = await AnalysisQueries.LoadAsync(new SchoolData(db, School), Series, Term, ct);
        if (View.Series is not null && !View.Suppressing)
            audit.Read("assessment.analysis.read", $"Read the assessment analysis of {View.Series.Label}, {View.Term?.Label}", School.SchoolId);
        return Page();
    }

    public Task<IActionResult> OnGetCsvAsync(string urn, CancellationToken ct) => ExportAsync(urn, "csv", ct);

    public Task<IActionResult> OnGetXlsxAsync(string urn, CancellationToken ct) => ExportAsync(urn, "xlsx", ct);

    private async Task<IActionResult> ExportAsync(string urn, string ext, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ViewAggregates) is { } denied) return denied;
        var view = await AnalysisQueries.LoadAsync(new SchoolData(db, School), Series, Term, ct);
        if (view.Series is null) return NotFound();
        audit.Read("assessment.analysis.export", $"Exported the assessment analysis of {view.Series.Label}, {view.Term?.Label} as {ext.ToUpperInvariant()}{(view.Suppressing ? " (small groups withheld)" : "")}", School.SchoolId);
        return ext == "csv"
            ? File(AnalysisQueries.Csv(view), "text/csv", AnalysisQueries.FileName(urn, view, "csv"))
            : File(AnalysisQueries.Xlsx(view), RegisterApi.XlsxType, AnalysisQueries.FileName(urn, view, "xlsx"));
    }
}
