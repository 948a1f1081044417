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

/// One cycle of a support plan: the current one (which can be changed and reviewed) or a reviewed one, read-only history.
public sealed class PlanModel(GraduatedAccess access, SencoDbContext db, AuditLog audit, TimeProvider clock) : PageModel
{
    public SupportPlan Plan { get; private set; } = null!;
    public SchoolGrant School { get; private set; } = null!;
    public bool CanManage => School.Can(Permission.ManagePlans);
    public int? NextCycle { get; private set; }
    public int? PreviousCycle { get; private set; }
    public IReadOnlyDictionary<int, PlanOutcome> CarriedFrom { get; private set; } = new Dictionary<int, PlanOutcome>();
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    [TempData] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid planId, CancellationToken ct)
    {
        var found = await access.PlanAsync(planId, Permission.ViewPlans, ct: ct);
        if (PlanPageSupport.Deny(this, found) is { } denied) return denied;
        Plan = found.Value!;
        School = access.User.School(Plan.SchoolId)!;
        ViewData["SchoolUrn"] = School.Urn;
        if (Plan.Review?.NextPlanId is { } next) NextCycle = await db.SupportPlans.Where(p => p.Id == next).Select(p => (int?)p.Cycle).FirstOrDefaultAsync(ct);
        if (Plan.PreviousPlanId is { } prev) PreviousCycle = await db.SupportPlans.Where(p => p.Id == prev).Select(p => (int?)p.Cycle).FirstOrDefaultAsync(ct);
        var carriedIds = Plan.Outcomes.Where(o => o.CarriedFromOutcomeId is not null).Select(o => o.CarriedFromOutcomeId!.Value).ToList();
        if (carriedIds.Count > 0)
            CarriedFrom = await db.PlanOutcomes.AsNoTracking().Where(o => carriedIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        audit.Read("plan.read", $"Opened support plan cycle {Plan.Cycle} of {Plan.Pupil!.Upn}", Plan.SchoolId, Plan.PupilId);
        return Page();
    }
}
