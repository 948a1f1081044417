using Microsoft.EntityFrameworkCore;
using Senco.Core.Leadership;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.DataProtection;
using Senco.Web.Features.Team;

namespace Senco.Web.Features.AccessibilityPlan;

/// Subject access: every reasonable adjustment requested or considered for the pupil, with the decision, its reason and
/// the reviews, one row each.
[CoversPupilData(typeof(ReasonableAdjustment))]
public sealed class ReasonableAdjustmentRecordSection : IPupilRecordSection
{
    public string Title => "Reasonable adjustments";
    public int Order => 910;

    public async Task<IReadOnlyList<PupilRecordFile>> CollectAsync(SencoDbContext db, Pupil pupil, CancellationToken ct)
    {
        var rows = await db.ReasonableAdjustments.IgnoreQueryFilters().AsNoTracking().Where(a => a.PupilId == pupil.Id).OrderBy(a => a.RequestedOn).ThenBy(a => a.RecordedAt).ToListAsync(ct);
        if (rows.Count == 0) return [];
        return [TeamCsv.Write("reasonable-adjustments/adjustments.csv", rows.Select(a => new
        {
            Area = ReasonableAdjustmentRules.Label(a.Area), a.Barrier, a.Adjustment, RequestedBy = ReasonableAdjustmentRules.Label(a.RequestedBy), RequestedOn = TeamCsv.D(a.RequestedOn),
            Decision = ReasonableAdjustmentRules.Label(a.Decision), Ground = a.Ground is { } g ? ReasonableAdjustmentRules.Label(g) : null, Reason = a.DecisionReason,
            DecidedOn = TeamCsv.D(a.DecidedOn), a.DecidedBy, InPlaceOn = TeamCsv.D(a.InPlaceOn), NextReviewOn = TeamCsv.D(a.ReviewOn),
            LastReviewedOn = TeamCsv.D(a.LastReviewedOn), a.Outcome, a.RecordedBy,
        }))];
    }
}
