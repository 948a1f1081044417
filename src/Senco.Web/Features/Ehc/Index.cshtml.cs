using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Core.Ehc;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Ehc;

/// The school's EHC work in one place: requests in progress, current plans with their next review, and the
/// pupils who move phase next September with the reg 18 deadline and the autumn review it implies.
public sealed class IndexModel(UserContext user, SencoDbContext db, StatutoryClockQuery query, AuditLog audit) : SchoolPageModel(user)
{
    public sealed record PlanRow(EhcPlan Plan, Pupil Pupil, PlanDates Dates, bool PhaseReviewDone);
    public IReadOnlyList<PlanRow> Plans { get; private set; } = [];
    public IReadOnlyList<(EhcNeedsAssessment Request, Pupil Pupil)> Requests { get; private set; } = [];
    public IReadOnlyList<PlanRow> Transfers { get; private set; } = [];
    public DateOnly Today => query.Today;
    public bool CanManage => School.Can(Permission.ManageEhc);

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ViewEhc) is { } denied) return denied;
        var plans = await db.EhcPlans.AsNoTracking().Include(p => p.Reviews).Where(p => p.SchoolId == School.SchoolId && p.CeasedOn == null).ToListAsync(ct);
        var requests = (await db.EhcNeedsAssessments.AsNoTracking().Where(a => a.SchoolId == School.SchoolId && a.FinalPlanIssuedOn == null).ToListAsync(ct))
            .Where(a => EhcRules.IsOpen(a.Status)).ToList();
        var ids = plans.Select(p => p.PupilId).Concat(requests.Select(r => r.PupilId)).Distinct().ToList();
        var pupils = await db.Pupils.AsNoTracking().Where(p => p.SchoolId == School.SchoolId && ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var year = Senco.Core.SchoolYear.Containing(Today);
        Plans = plans.Where(p => pupils.ContainsKey(p.PupilId))
            .Select(p => new PlanRow(p, pupils[p.PupilId], StatutoryClockQuery.DatesFor(p, pupils[p.PupilId], School.Phase, Today),
                StatutoryClock.PhaseTransferReviewDone(p.Reviews.Select(r => r.ToRecord()), year)))
            .OrderBy(r => r.Dates.NextReviewDue).ToList();
        Transfers = Plans.Where(r => r.Dates.PhaseTransfer.TransfersAtEndOfYear).OrderBy(r => r.Dates.PhaseTransfer.ReviewDeadline).ThenBy(r => r.Pupil.Surname).ToList();
        Requests = requests.Where(r => pupils.ContainsKey(r.PupilId)).Select(r => (r, pupils[r.PupilId])).OrderBy(x => x.r.RequestReceivedOn).ToList();
        audit.Read("ehc.list", $"Opened the list of EHC plans ({Plans.Count}) and requests ({Requests.Count})", School.SchoolId);
        return Page();
    }
}
