using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Senco.Core;
using Senco.Core.Trust;
using Senco.Web.Features.Register;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Trusts;

/// The trust SEND lead's view of the trust: its schools side by side, aggregates only, with the schools far from the
/// trust named in words. Each school links to its own overview and register, which the lead's grants open.
public sealed class DashboardModel(TrustDashboardQuery query, TimeProvider clock, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Trust { get; set; }
    [BindProperty(SupportsGet = true)] public string? Year { get; set; }
    public IReadOnlyList<LedTrust> Trusts { get; private set; } = [];
    public TrustDashboard Dashboard { get; private set; } = null!;
    public TrustComparisonResult Comparison => Dashboard.Comparison;
    public SchoolYear Current => SchoolYear.Containing(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    public IEnumerable<SchoolYear> Years => Enumerable.Range(0, 4).Select(i => new SchoolYear(Current.StartYear - i));

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => Show(null, ct);
    public Task<IActionResult> OnGetCsvAsync(CancellationToken ct) => Show("csv", ct);
    public Task<IActionResult> OnGetXlsxAsync(CancellationToken ct) => Show("xlsx", ct);

    private async Task<IActionResult> Show(string? download, CancellationToken ct)
    {
        var trust = query.Authorise(Trust);
        if (trust.Kind == OutcomeKind.NotFound) return NotFound();
        if (!trust.IsOk) return StatusCode(StatusCodes.Status403Forbidden);
        Trusts = query.LedTrusts();
        var year = SchoolYear.TryParse(Year, out var y) ? y : Current;
        Dashboard = await query.RunAsync(trust.Value!, year, ct);
        var what = $"the trust dashboard of {Dashboard.Trust.Name} ({Dashboard.Trust.Schools.Count} schools, {year.Label})";
        switch (download)
        {
            case "csv":
                audit.Read("trust.dashboard.export", $"Downloaded {what} as CSV");
                return File(TrustDashboardExport.Csv(Dashboard), "text/csv; charset=utf-8", TrustDashboardExport.FileName(Dashboard, "csv"));
            case "xlsx":
                audit.Read("trust.dashboard.export", $"Downloaded {what} as XLSX");
                return File(TrustDashboardExport.Xlsx(Dashboard), RegisterApi.XlsxType, TrustDashboardExport.FileName(Dashboard, "xlsx"));
        }
        audit.Read("trust.dashboard.read", $"Opened {what}");
        return Page();
    }

    /// Query string for links that keep the chosen trust and year.
    public string Query(string? handler = null)
    {
        var parts = new List<string>();
        if (handler is not null) parts.Add("handler=" + handler);
        if (Trusts.Count > 1) parts.Add("trust=" + Dashboard.Trust.Id);
        if (Dashboard.Year != Current) parts.Add("year=" + Uri.EscapeDataString(Dashboard.Year.Label));
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    /// Bars of a chart: widths as whole percentages of the largest value shown (and of the trust's line), so that the
    /// largest bar fills the track. The CSS has one class per whole percent (no inline style under the CSP).
    public static int Width(decimal? value, decimal scale) =>
        value is { } v && scale > 0 ? (int)Math.Clamp(Math.Round(100m * v / scale, MidpointRounding.AwayFromZero), 0, 100) : 0;

    public static decimal Scale(IEnumerable<decimal?> values) => Math.Max(1m, values.Max(v => v ?? 0m));

    public static Outlier? Flag(SchoolComparison s, TrustMeasure m) => s.Outliers.FirstOrDefault(o => o.Measure == m);
}
