using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Ehc;

/// One pupil's EHC record: their requests for assessment and their plans, with the next steps.
public sealed class PupilEhcModel(UserContext user, EhcFinder finder, SencoDbContext db) : EhcPageModel
{
    public Pupil Pupil { get; private set; } = null!;
    public IReadOnlyList<EhcNeedsAssessment> Requests { get; private set; } = [];
    public IReadOnlyList<EhcPlan> Plans { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await finder.PupilAsync(id, Permission.ViewEhc, ct);
        if (Deny(found.Kind) is { } denied) return denied;
        Pupil = found.Value!;
        ViewData["SchoolUrn"] = Pupil.School!.Urn;
        CanManage = user.Can(Pupil.SchoolId, Permission.ManageEhc);
        Requests = await db.EhcNeedsAssessments.AsNoTracking().Where(a => a.PupilId == id).OrderByDescending(a => a.RequestReceivedOn).ToListAsync(ct);
        Plans = await db.EhcPlans.AsNoTracking().Where(p => p.PupilId == id).OrderByDescending(p => p.IssuedOn).ToListAsync(ct);
        return Page();
    }
}
