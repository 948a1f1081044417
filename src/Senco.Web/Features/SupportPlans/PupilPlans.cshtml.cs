using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Graduated;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.SupportPlans;

/// A pupil's support plan over time: the current cycle, every reviewed cycle before it, and whether the parents were
/// told that SEN support started.
public sealed class PupilPlansModel(GraduatedAccess access, SencoDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    public Pupil Pupil { get; private set; } = null!;
    public SchoolGrant School { get; private set; } = null!;
    public IReadOnlyList<SupportPlan> Cycles { get; private set; } = [];
    public IReadOnlyList<ParentsInformed> ParentsInformed { get; private set; } = [];
    public bool ParentsNotYetTold { get; private set; }
    public bool CanManage => School.Can(Permission.ManagePlans);
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    [TempData] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await access.PupilAsync(id, Permission.ViewPlans, ct);
        if (PlanPageSupport.Deny(this, found) is { } denied) return denied;
        Pupil = found.Value!;
        School = access.User.School(Pupil.SchoolId)!;
        ViewData["SchoolUrn"] = School.Urn;
        Cycles = await db.SupportPlans.AsNoTracking().Include(p => p.Outcomes).Include(p => p.Review).AsSplitQuery()
            .Where(p => p.PupilId == id).OrderByDescending(p => p.Cycle).ToListAsync(ct);
        ParentsInformed = await db.ParentsInformed.AsNoTracking().Where(r => r.PupilId == id).OrderByDescending(r => r.ToldOn).ToListAsync(ct);
        ParentsNotYetTold = SupportPlanCommands.ParentsNotYetTold(Pupil, ParentsInformed);
        audit.Read("plan.list", $"Opened the support plan history of {Pupil.Upn}", Pupil.SchoolId, Pupil.Id);
        return Page();
    }
}
