using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Web.Features.Register;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Leadership.Dashboard;

/// <summary>
/// The leaders' and governors' dashboard (issue 8, point 4): one school's register by status and need, the term's
/// changes, statutory dates, SEN funding against provision cost and intervention impact, each chart with its table,
/// downloadable and printable. Counts only, so governors read it; those who may read the register and the EHC lists
/// also get links to them. A year or term that cannot be shown (typed into the address, or a term not started) falls
/// back to the current term, and the page says so.
/// </summary>
public sealed class IndexModel(UserContext user, SchoolDashboardQuery query, AuditLog audit) : SchoolPageModel(user)
{
    [BindProperty(SupportsGet = true)] public string? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Term { get; set; }
    public SchoolDashboard Dashboard { get; private set; } = null!;
    public IReadOnlyList<Senco.Core.SchoolYear> Years => query.Years;
    /// Why the year or term asked for is not the one shown.
    public string? NotShown { get; private set; }

    public bool CanOpenRegister => School.Can(Permission.ViewPupils);
    public bool CanOpenEhc => School.Can(Permission.ViewEhc);

    public Task<IActionResult> OnGetAsync(string urn, CancellationToken ct) => ShowAsync(urn, null, ct);
    public Task<IActionResult> OnGetCsvAsync(string urn, CancellationToken ct) => ShowAsync(urn, "csv", ct);
    public Task<IActionResult> OnGetXlsxAsync(string urn, CancellationToken ct) => ShowAsync(urn, "xlsx", ct);

    private async Task<IActionResult> ShowAsync(string urn, string? download, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ViewSchoolDashboard) is { } denied) return denied;
        var outcome = await query.RunAsync(School, Year, Term, ct);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            NotShown = string.Join(" ", outcome.Errors!.ToDictionary().SelectMany(e => e.Value)) + ". Showing the current term instead.";
            outcome = await query.RunAsync(School, null, null, ct);
        }
        Dashboard = outcome.Value!;
        var what = $"the leaders' and governors' dashboard, {SchoolDashboardExport.Period(Dashboard)}{(Dashboard.Suppressing ? " (small groups withheld)" : "")}";
        switch (download)
        {
            case "csv":
                audit.Read("school.dashboard.export", $"Downloaded {what} as CSV", School.SchoolId);
                return File(SchoolDashboardExport.Csv(Dashboard), "text/csv; charset=utf-8", SchoolDashboardExport.FileName(Dashboard, "csv"));
            case "xlsx":
                audit.Read("school.dashboard.export", $"Downloaded {what} as XLSX", School.SchoolId);
                return File(SchoolDashboardExport.Xlsx(Dashboard), RegisterApi.XlsxType, SchoolDashboardExport.FileName(Dashboard, "xlsx"));
        }
        audit.Read("school.dashboard.read", $"Opened {what}", School.SchoolId);
        return Page();
    }

    /// The address of this page (or a download of it) for the year and term shown.
    public string Link(string? handler = null) =>
        $"/schools/{School.Urn}/leadership/dashboard?{(handler is null ? "" : $"handler={handler}&")}year={Uri.EscapeDataString(Dashboard.Year.Label)}&term={Dashboard.Term.Name.ToString().ToLowerInvariant()}";

    /// A bar's width class, senco-w-0 … senco-w-100, as a share of <paramref name="scale"/> (no inline style under the CSP).
    public static string Width(decimal? value, decimal scale) => "senco-w-" + Trusts.DashboardModel.Width(value, scale);

    public static string Pct(decimal? p) => Senco.Core.Trust.TrustComparison.Show(p);
}
