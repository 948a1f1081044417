using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Transfers;

/// Transfers home: import and export CTFs, the census check, and every leaver with the state of their transfer file.
public sealed class IndexModel(UserContext user, TransferCommands transfers, AuditLog audit, TimeProvider clock) : SchoolPageModel(user)
{
    public IReadOnlyList<PupilTransfer> Transfers { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool CanSendPacks => School.Can(Permission.SendTransferPacks);

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ExchangeData) is { } denied) return denied;
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Transfers = await transfers.ListAsync(School.SchoolId, unsentOnly: false, ct);
        audit.Read("transfers.list", $"Listed {Transfers.Count} leavers and their transfers", School.SchoolId);
        return Page();
    }
}
