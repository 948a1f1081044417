using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Pupils;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Provision;

/// One pupil's costed provision for a year, against the £6,000 and the top-up received.
public sealed class PupilMapModel(UserContext user, PupilFinder finder, SencoDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Year { get; set; }
    [TempData] public string? Notice { get; set; }
    public Pupil Pupil { get; private set; } = null!;
    public PupilMapDto Map { get; private set; } = null!;
    public SchoolYear SchoolYear { get; private set; }
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await finder.FindAsync(id, Permission.ViewProvision, ct: ct);
        if (found.Kind == OutcomeKind.NotFound) return NotFound();
        if (found.Kind == OutcomeKind.Forbidden) return StatusCode(403);
        Pupil = found.Value!;
        ViewData["SchoolUrn"] = Pupil.School!.Urn;
        CanManage = user.Can(Pupil.SchoolId, Permission.ManageProvision);
        SchoolYear = SchoolYear.TryParse(Year, out var y) ? y : SchoolYear.Containing(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        Map = await ProvisionApi.PupilMapAsync(db, user, Pupil, SchoolYear, ct);
        audit.Read("provision.pupil.read", $"Viewed the provision map of {Pupil.Upn} for {SchoolYear.Label}", Pupil.SchoolId, id);
        return Page();
    }
}
