using Microsoft.EntityFrameworkCore;
using Senco.Core.Delivery;
using Senco.Core.Model;
using Senco.Data;

namespace Senco.Web.Features.Monitoring;

/// The evidence a new support plan starts with when its pupil came from the monitoring list.
public static class ConcernEvidence
{
    /// The escalated concern named in the query (or else the pupil's latest escalated concern), as text for the plan's
    /// assessment evidence; null when there is none. Read through the tenancy filter, for this pupil only.
    public static async Task<string?> ForPlanAsync(SencoDbContext db, Guid pupilId, string? concernId, CancellationToken ct)
    {
        var q = db.MonitoringConcerns.AsNoTracking().Include(c => c.Observations).Where(c => c.PupilId == pupilId && c.Status == ConcernStatus.Escalated);
        if (Guid.TryParse(concernId, out var id)) q = q.Where(c => c.Id == id);
        var concern = await q.OrderByDescending(c => c.DecidedAt).FirstOrDefaultAsync(ct);
        return concern is null ? null : ConcernRules.EvidenceText(concern);
    }
}
