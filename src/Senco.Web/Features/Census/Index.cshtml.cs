using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Census;

/// The census SEN items for the next census day, the pupils whose data would fail, and a CSV download of the items.
public sealed class IndexModel(UserContext user, CensusQuery census) : SchoolPageModel(user)
{
    public CensusReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ExchangeData) is { } denied) return denied;
        Report = (await census.RunAsync(urn, ct)).Value!;
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ExchangeData) is { } denied) return denied;
        var report = (await census.RunAsync(urn, ct)).Value!;
        return File(CensusQuery.ToCsv(report), "text/csv; charset=utf-8", CensusQuery.FileName(urn, report.Day));
    }
}
