using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Core.Pupils;
using Senco.Core.Sen;
using Senco.Data;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Schools;

/// A school at a glance: how many pupils are on the register, at which status and with which needs. Aggregates
/// only, so it is the page governors see.
public sealed class OverviewModel(UserContext user, SencoDbContext db) : SchoolPageModel(user)
{
    public int OnRoll { get; private set; }
    public int SupportCount { get; private set; }
    public int PlanCount { get; private set; }
    public IReadOnlyList<(string Need, int K, int E)> ByNeed { get; private set; } = [];
    public IReadOnlyList<(string Year, int OnRoll, int K, int E)> ByYear { get; private set; } = [];
    public bool CanViewPupils => School.Can(Permission.ViewPupils);

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ViewAggregates) is { } denied) return denied;
        // Aggregates bypass the pupil-row tenancy filter deliberately (governors may count but not read), and are
        // scoped to this one school explicitly.
        var rows = await db.Pupils.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.SchoolId == School.SchoolId && p.OnRoll)
            .GroupBy(p => new { p.YearGroup, p.SenStatus, p.PrimaryNeed })
            .Select(g => new { g.Key.YearGroup, g.Key.SenStatus, g.Key.PrimaryNeed, Count = g.Count() })
            .ToListAsync(ct);
        OnRoll = rows.Sum(r => r.Count);
        SupportCount = rows.Where(r => r.SenStatus == SenStatus.K).Sum(r => r.Count);
        PlanCount = rows.Where(r => r.SenStatus == SenStatus.E).Sum(r => r.Count);
        ByNeed = rows.Where(r => r.PrimaryNeed != null).GroupBy(r => r.PrimaryNeed!)
            .Select(g => (g.Key, g.Where(r => r.SenStatus == SenStatus.K).Sum(r => r.Count), g.Where(r => r.SenStatus == SenStatus.E).Sum(r => r.Count)))
            .OrderByDescending(x => x.Item2 + x.Item3).ThenBy(x => x.Key).ToList();
        ByYear = rows.GroupBy(r => r.YearGroup).OrderBy(g => YearGroups.Order(g.Key))
            .Select(g => (g.Key, g.Sum(r => r.Count), g.Where(r => r.SenStatus == SenStatus.K).Sum(r => r.Count), g.Where(r => r.SenStatus == SenStatus.E).Sum(r => r.Count)))
            .ToList();
        return Page();
    }

    public static string Percent(int part, int whole) => whole == 0 ? "0%" : $"{100.0 * part / whole:0.0}%";
}
