using Microsoft.AspNetCore.Mvc;
using Senco.Core;
using Senco.Core.Access;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.InformationReport;

/// The school's SEN information reports, one per year, and starting this year's from last year's words.
public sealed class IndexModel(UserContext user, InformationReportQueries queries, InformationReportCommands commands) : ReportPageModel(user)
{
    public IReadOnlyList<Core.Model.InformationReport> Reports { get; private set; } = [];
    public SchoolYear CurrentYear => SchoolYear.Containing(queries.Today);
    public bool CanStart => CanManage && (Reports.Count == 0 || Reports[0].YearStart < CurrentYear.StartYear);

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ViewAggregates) is { } denied) return denied;
        Reports = await queries.YearsAsync(School, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ManageInformationReport) is { } denied) return denied;
        var outcome = await commands.StartAsync(urn, null, ct);
        if (outcome.IsOk)
        {
            Notice = $"The {outcome.Value!.Year.Label} report has been started. Check each section and bring it up to date.";
            return Redirect(Href(urn, outcome.Value.YearStart));
        }
        if (Deny(outcome.Kind) is { } d) return d;
        ModelState.AddModelError("", outcome.Message ?? string.Join(" ", outcome.Errors!.SelectMany(e => e.Value)));
        Reports = await queries.YearsAsync(School, ct);
        return Page();
    }
}
