using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Provision;

/// The school's catalogue of provision, by wave and area of need.
public sealed class CatalogueModel(UserContext user, SencoDbContext db) : SchoolPageModel(user)
{
    [BindProperty(SupportsGet = true)] public bool Archived { get; set; }
    [TempData] public string? Notice { get; set; }
    public List<ProvisionOffer> Offers { get; private set; } = [];
    public bool CanManage => School.Can(Permission.ManageProvision);

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ViewAggregates) is { } denied) return denied;
        Offers = await ProvisionCatalogue.ListAsync(new SchoolData(db, School), Archived, ct);
        return Page();
    }
}
