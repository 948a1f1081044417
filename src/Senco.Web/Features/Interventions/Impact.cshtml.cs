using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Core.Provision;
using Senco.Data;
using Senco.Web.Features.Provision;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Interventions;

/// A group's impact: progress per pupil and for the group, attendance, and what it cost per pupil and per unit of progress.
public sealed class ImpactModel(UserContext user, ProvisionAccess access, SencoDbContext db, AuditLog audit) : PageModel
{
    public InterventionGroup Group { get; private set; } = null!;
    public YearProvision Year { get; private set; } = null!;
    public MapGroup Costed { get; private set; } = null!;
    public GroupImpactReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await access.FindGroupAsync(id, Permission.ViewProvision, ct: ct);
        if (found.Kind == OutcomeKind.NotFound) return NotFound();
        if (found.Kind == OutcomeKind.Forbidden) return StatusCode(403);
        Group = found.Value!;
        ViewData["SchoolUrn"] = user.School(Group.SchoolId)!.Urn;
        (Year, Costed, Report) = await InterventionsApi.GroupImpactAsync(db, user, Group, ct);
        audit.Read("intervention.impact.read", $"Viewed the impact of \"{Group.Name}\"", Group.SchoolId);
        return Page();
    }
}
