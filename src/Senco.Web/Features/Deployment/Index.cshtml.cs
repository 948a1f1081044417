using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Core.Provision;
using Senco.Data;
using Senco.Web.Features.Provision;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Deployment;

/// TA deployment at a glance: everyone's hours this week against their contract, clashes, line managers.
public sealed class IndexModel(UserContext user, SencoDbContext db, TimeProvider clock) : SchoolPageModel(user)
{
    [BindProperty(SupportsGet = true)] public DateOnly? Week { get; set; }
    [TempData] public string? Notice { get; set; }
    public DateOnly Monday { get; private set; }
    public List<StaffSummary> Staff { get; private set; } = [];
    public bool CanManage => School.Can(Permission.ManageProvision);

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ViewDeployment) is { } denied) return denied;
        Monday = Timetable.WeekBeginning(Week ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        Staff = await StaffCommands.SummariesAsync(db, new SchoolData(db, School), Monday, ct);
        return Page();
    }
}
