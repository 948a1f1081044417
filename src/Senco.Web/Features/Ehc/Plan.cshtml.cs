using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Ehc;

/// An EHC plan as the SENCO reads it: sections A to K in order, section B's needs each with their E outcomes
/// and F provision side by side (the golden thread), the hours and cost, the dates and the reviews.
public sealed class PlanModel(UserContext user, EhcFinder finder, EhcCommands commands, SencoDbContext db, TimeProvider clock, AuditLog audit) : EhcPageModel
{
    public EhcPlan Plan { get; private set; } = null!;
    public Pupil Pupil { get; private set; } = null!;
    public PlanDates Dates { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    public decimal TotalHours => Plan.Needs.SelectMany(n => n.Provision).Sum(p => p.HoursPerWeek ?? 0);
    public decimal TotalCost => Plan.Needs.SelectMany(n => n.Provision).Sum(p => p.AnnualCost ?? 0);

    public async Task<IActionResult> OnGetAsync(Guid planId, CancellationToken ct)
    {
        if (await LoadAsync(planId, Permission.ViewEhc, ct) is { } denied) return denied;
        audit.Read("ehc.plan.read", "Opened an EHC plan", Plan.SchoolId, Plan.PupilId);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveNeedAsync(Guid planId, long needId, CancellationToken ct)
    {
        var outcome = await commands.RemoveNeedAsync(planId, needId, ct);
        if (outcome.Kind is OutcomeKind.NotFound or OutcomeKind.Forbidden) return Deny(outcome.Kind)!;
        Notice = outcome.IsOk ? "The need, its outcomes and its provision have been removed." : outcome.Message;
        return Redirect($"/ehc-plans/{planId}");
    }

    private async Task<IActionResult?> LoadAsync(Guid planId, Permission permission, CancellationToken ct)
    {
        var found = await finder.PlanAsync(planId, permission, ct);
        if (Deny(found.Kind) is { } denied) return denied;
        Plan = found.Value!;
        Pupil = await db.Pupils.IgnoreQueryFilters().AsNoTracking().Include(p => p.School).FirstAsync(p => p.Id == Plan.PupilId, ct);
        ViewData["SchoolUrn"] = Pupil.School!.Urn;
        CanManage = user.Can(Plan.SchoolId, Permission.ManageEhc) && !Plan.IsCeased;
        Dates = StatutoryClockQuery.DatesFor(Plan, Pupil, Pupil.School.Phase, Today);
        return null;
    }
}
