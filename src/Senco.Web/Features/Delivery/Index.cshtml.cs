using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Delivery;

/// Provision delivered in a school: the pupils below the threshold two weeks running (the SENCO's alert list) and, for
/// those who deliver provision, the way in to logging a session.
public sealed class IndexModel(UserContext user, DeliveryReports reports) : SchoolPageModel(user)
{
    public IReadOnlyList<DeliveryAlert> Alerts { get; private set; } = [];
    public DeliverySettings Settings { get; private set; } = null!;
    public bool CanView => School.Can(Permission.ViewDelivery);
    public bool CanLog => School.Can(Permission.LogDelivery);

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.LogDelivery) is { } denied && Authorise(urn, Permission.ViewDelivery) is { } denied2) return denied2;
        Settings = await reports.SettingsAsync(School.SchoolId, ct);
        if (CanView) Alerts = await reports.AlertsAsync(School.SchoolId, ct);
        return Page();
    }
}
