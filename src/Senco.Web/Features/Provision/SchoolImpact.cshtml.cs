using Microsoft.AspNetCore.Mvc;
using Senco.Core;
using Senco.Core.Access;
using Senco.Data;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Provision;

/// What worked and what it cost: the year's groups rolled up per provision, area of need and member of staff.
public sealed class SchoolImpactModel(UserContext user, SencoDbContext db, TimeProvider clock) : SchoolPageModel(user)
{
    [BindProperty(SupportsGet = true)] public string? Year { get; set; }
    public SchoolYear SchoolYear { get; private set; }
    public SchoolImpact Impact { get; private set; } = null!;
    public bool Named => School.Can(Permission.ViewProvision);
    public SchoolYear Current => SchoolYear.Containing(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    public IEnumerable<SchoolYear> Years => Enumerable.Range(0, 4).Select(i => new SchoolYear(Current.StartYear - i));

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ViewAggregates) is { } denied) return denied;
        SchoolYear = SchoolYear.TryParse(Year, out var y) ? y : Current;
        Impact = await ProvisionQueries.SchoolImpactAsync(new SchoolData(db, School), SchoolYear, ct);
        return Page();
    }
}
