using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Core.Provision;
using Senco.Core.Sen;
using Senco.Core.Trust;
using Senco.Data;
using Senco.Web.Features.Ehc;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Trusts;

/// A trust the signed-in person leads, with the schools of it they see as its trust lead.
public sealed record LedTrust(int Id, string Name, IReadOnlyList<SchoolGrant> Schools);

/// The trust dashboard's figures for one academic year: each school's counts and the comparison with the trust.
public sealed record TrustDashboard(LedTrust Trust, SchoolYear Year, DateOnly Today, TrustComparisonResult Comparison);

/// <summary>
/// The trust view (issue 8, point 7): every figure of every school of a trust, in a fixed number of queries whatever the
/// number of schools — each one GROUP BY school in the database — so a trust of 30 schools costs the same round trips
/// as a trust of 2. No pupil row is loaded: the statutory clock's rules are not SQL, so it reads each open plan's dates
/// and its pupil's date of birth and year group, nothing else (<see cref="StatutoryClockQuery.OverdueBySchoolAsync"/>). The comparison rules are in
/// <see cref="TrustComparison"/>.
/// </summary>
public sealed class TrustDashboardQuery(SencoDbContext db, UserContext user, StatutoryClockQuery clock)
{
    /// The trusts the person leads: a trust lead's membership in one school of a trust extends to all its schools
    /// (<see cref="UserContext.LoadGrantsAsync"/>); a SENCO or governor of a school in a trust leads nothing.
    public IReadOnlyList<LedTrust> LedTrusts() => user.Schools
        .Where(s => s.TrustId is not null && s.Roles.Contains(SchoolRole.TrustLead) && s.Can(Permission.ViewAggregates))
        .GroupBy(s => (Id: s.TrustId!.Value, Name: s.TrustName ?? ""))
        .Select(g => new LedTrust(g.Key.Id, g.Key.Name, g.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToList()))
        .OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToList();

    /// Which trust a request may see. A trust in which the person sees no school at all is "not found" (its existence is
    /// not revealed); a trust of their own school that they do not lead is "forbidden".
    public Outcome<LedTrust> Authorise(int? trustId)
    {
        var led = LedTrusts();
        if (trustId is not { } id) return led.Count > 0 ? Outcome<LedTrust>.Ok(led[0]) : Outcome<LedTrust>.Forbidden();
        if (led.FirstOrDefault(t => t.Id == id) is { } trust) return Outcome<LedTrust>.Ok(trust);
        return user.Schools.Any(s => s.TrustId == id) ? Outcome<LedTrust>.Forbidden() : Outcome<LedTrust>.NotFound();
    }

    public async Task<TrustDashboard> RunAsync(LedTrust trust, SchoolYear year, CancellationToken ct = default) =>
        // Only the schools this person may see as trust lead: the tenancy filter stays on as well.
        new(trust, year, clock.Today, TrustComparison.Compare(await CountsAsync(trust.Schools, year, pastTenancyFilter: false, ct)));

    /// <summary>
    /// Each school's counts for the year: roll, register and primary needs as they stand today; the year's provision
    /// cost, funding and intervention impact; overdue statutory dates. Also the figures of one school's leaders' and
    /// governors' dashboard. <paramref name="pastTenancyFilter"/>: read past the pupil tenancy filter, for a caller that
    /// has checked the person may see these schools' aggregates though not their pupils (a governor); nothing read
    /// here names a pupil.
    /// </summary>
    public async Task<IReadOnlyList<SchoolCounts>> CountsAsync(IReadOnlyList<SchoolGrant> schools, SchoolYear year, bool pastTenancyFilter, CancellationToken ct = default)
    {
        var ids = schools.Select(s => s.SchoolId).ToList();
        var (start, end) = (year.Start, year.End);
        IQueryable<T> Rows<T>() where T : class => pastTenancyFilter ? db.Set<T>().IgnoreQueryFilters().AsNoTracking() : db.Set<T>().AsNoTracking();

        // 1. Roll, register and primary needs: one GROUP BY over the pupils on roll.
        var register = await Rows<Pupil>()
            .Where(p => ids.Contains(p.SchoolId) && p.OnRoll)
            .GroupBy(p => new { p.SchoolId, p.SenStatus, p.PrimaryNeed })
            .Select(g => new { g.Key.SchoolId, g.Key.SenStatus, g.Key.PrimaryNeed, Count = g.Count() })
            .ToListAsync(ct);

        // 2. Intervention impact: places with both scores in groups that started this year, by school and measure. Age
        //    measures need both dates too, and a school's own measure its range, as Impact.Summarise counts them.
        var impact = await Rows<InterventionGroup>()
            .Where(g => ids.Contains(g.SchoolId) && g.StartOn >= start && g.StartOn <= end && g.Measure != null
                        && (g.Measure != MeasureKind.SchoolMeasure || g.OwnMeasureName != null))
            .Join(Rows<GroupPupil>().Where(m => ids.Contains(m.SchoolId) && m.EntryValue != null && m.ExitValue != null),
                g => g.Id, m => m.GroupId,
                (g, m) => new { g.SchoolId, Measure = g.Measure!.Value, m.EntryOn, m.ExitOn, Gain = m.ExitValue!.Value - m.EntryValue!.Value })
            .Where(x => (x.Measure != MeasureKind.ReadingAgeMonths && x.Measure != MeasureKind.SpellingAgeMonths) || (x.EntryOn != null && x.ExitOn != null))
            .GroupBy(x => new { x.SchoolId, x.Measure })
            .Select(g => new { g.Key.SchoolId, g.Key.Measure, Assessed = g.Count(), Improved = g.Count(x => x.Gain > 0), TotalGain = g.Sum(x => (long)x.Gain) })
            .ToListAsync(ct);

        // 3. Provision cost: the year's groups (a few dozen a school), costed by the Core rule. Money is added up here,
        //    in memory: SQLite cannot sum decimals.
        var groups = await Rows<InterventionGroup>()
            .Where(g => ids.Contains(g.SchoolId) && g.StartOn >= start && g.StartOn <= end)
            .Select(g => new { g.SchoolId, g.StaffHourlyCost, g.MinutesPerSession, g.SessionsPerWeek, g.Weeks, g.ResourceCost })
            .ToListAsync(ct);
        var cost = groups.GroupBy(g => g.SchoolId)
            .ToDictionary(s => s.Key, s => s.Sum(g => InterventionCost.Total(g.StaffHourlyCost, g.MinutesPerSession, g.SessionsPerWeek, g.Weeks, g.ResourceCost)));

        // 4. Funding: the year's notional SEN budget, and top-up awards overlapping the year, pro rata into it.
        var budgets = await Rows<SenBudget>()
            .Where(b => ids.Contains(b.SchoolId) && b.StartYear == year.StartYear)
            .Select(b => new { b.SchoolId, b.NotionalSenBudget })
            .ToDictionaryAsync(b => b.SchoolId, b => b.NotionalSenBudget, ct);
        var topUps = await Rows<TopUpFunding>()
            .Where(t => ids.Contains(t.SchoolId) && t.From <= end && t.To >= start)
            .Select(t => new { t.SchoolId, t.Amount, t.From, t.To })
            .ToListAsync(ct);
        var received = topUps.GroupBy(t => t.SchoolId).ToDictionary(s => s.Key, s => s.Sum(t => Funding.InYear(t.Amount, t.From, t.To, year)));

        // 5. Overdue statutory dates: the existing clock, across the trust's schools at once.
        var overdue = (await clock.CountBySchoolAsync(ids, 0, pastTenancyFilter, ct)).ToDictionary(kv => kv.Key, kv => kv.Value.Sum(c => c.Overdue));

        var bySchool = register.ToLookup(r => r.SchoolId);
        var impactBySchool = impact.ToLookup(i => i.SchoolId);
        return schools.Select(s =>
        {
            var rows = bySchool[s.SchoolId].ToList();
            var needs = rows.Where(r => r.SenStatus != SenStatus.N && r.PrimaryNeed != null)
                .GroupBy(r => r.PrimaryNeed!).ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
            return new SchoolCounts(s.SchoolId, s.Urn, s.Name,
                rows.Sum(r => r.Count), rows.Where(r => r.SenStatus == SenStatus.K).Sum(r => r.Count), rows.Where(r => r.SenStatus == SenStatus.E).Sum(r => r.Count),
                needs, overdue.GetValueOrDefault(s.SchoolId),
                budgets.TryGetValue(s.SchoolId, out var b) ? b : null, received.GetValueOrDefault(s.SchoolId), cost.GetValueOrDefault(s.SchoolId),
                impactBySchool[s.SchoolId].OrderBy(i => i.Measure).Select(i => new ImpactTotals(i.Measure, i.Assessed, i.Improved, i.TotalGain)).ToList());
        }).ToList();
    }
}
