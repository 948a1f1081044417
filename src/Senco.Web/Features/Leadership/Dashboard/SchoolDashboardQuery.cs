using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Calendar;
using Senco.Core.Leadership;
using Senco.Core.Model;
using Senco.Core.Provision;
using Senco.Core.Trust;
using Senco.Data;
using Senco.Web.Features.Ehc;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Trusts;
using DeliveryTerm = Senco.Core.Delivery.Term;
using TermName = Senco.Core.Delivery.TermName;

namespace Senco.Web.Features.Leadership.Dashboard;

/// <summary>The figures of one school's leaders' and governors' dashboard for a school year and a term of it.</summary>
/// <param name="Figures">Register, funding and impact as the trust view computes them (<see cref="TrustComparison"/>).</param>
/// <param name="Suppressing">Small groups withheld: the person may not read the register (a governor).</param>
/// <param name="From">The first day the term's changes are counted from (see <see cref="SchoolDashboardRules.TermWindow"/>).</param>
/// <param name="To">The last, at most today.</param>
public sealed record SchoolDashboard(
    SchoolGrant School,
    SchoolYear Year,
    DeliveryTerm Term,
    IReadOnlyList<DeliveryTerm> Terms,
    DateOnly From,
    DateOnly To,
    DateOnly Today,
    bool CalendarEntered,
    bool Suppressing,
    SchoolComparison Figures,
    IReadOnlyList<NeedLine> Needs,
    TermChanges Changes,
    IReadOnlyList<StatutoryCount> Statutory,
    int DueWithinDays,
    int PlacesImproved,
    decimal MeasuredGroupsCost,
    decimal? CostPerPupilImproved)
{
    public SchoolCounts Counts => Figures.Counts;
    public int Overdue => Statutory.Sum(s => s.Overdue);
    public int DueSoon => Statutory.Sum(s => s.DueSoon);
    public string TermLabel => $"{Term.Name} term {Year.Label}";
}

/// <summary>
/// The leaders' and governors' dashboard (issue 8, point 4). Reuses the trust view's counts for the one school
/// (<see cref="TrustDashboardQuery.CountsAsync"/>), the statutory clock's counts (<see cref="StatutoryClockQuery.CountBySchoolAsync"/>)
/// and the school's calendar; adds the term's changes from the SEN history and the roll's joiners and leavers. No pupil
/// row leaves the database with a name: the history is read as (pupil id, date, status). A governor is not in the pupil
/// tenancy scope, so for them the school's rows are read past the filter, after the caller checked their role there, as
/// the provision pages do (<see cref="Provision.SchoolData"/>).
/// </summary>
public sealed class SchoolDashboardQuery(SencoDbContext db, TrustDashboardQuery trust, StatutoryClockQuery clock)
{
    public DateOnly Today => clock.Today;

    public SchoolYear CurrentYear => SchoolYear.Containing(Today);

    /// The years offered: this one and the three before, as the trust dashboard and the impact page offer.
    public IReadOnlyList<SchoolYear> Years => Enumerable.Range(0, 4).Select(i => new SchoolYear(CurrentYear.StartYear - i)).ToList();

    /// <summary>
    /// Reads the year and term asked for ("2026/27", "autumn"); either may be absent, for this year and its current
    /// term (the last for a past year). A year out of range or a term not started yet is invalid, with the field named.
    /// </summary>
    public async Task<Outcome<SchoolDashboard>> RunAsync(SchoolGrant school, string? yearText, string? termText, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        var year = CurrentYear;
        if (!string.IsNullOrWhiteSpace(yearText))
        {
            if (!SchoolYear.TryParse(yearText, out year)) errors.Add("year", "Enter the school year in the form 2026/27");
            else if (!Years.Contains(year)) errors.Add("year", $"Choose a school year from {Years[^1].Label} to {Years[0].Label}");
        }
        TermName? name = null;
        if (!string.IsNullOrWhiteSpace(termText))
        {
            if (Enum.TryParse<TermName>(termText.Trim(), true, out var n) && Enum.IsDefined(n) && !int.TryParse(termText, out _)) name = n;
            else errors.Add("term", "Choose the autumn, spring or summer term");
        }
        if (!errors.IsValid) return Outcome<SchoolDashboard>.Invalid(errors);

        var past = !school.Can(Permission.ViewPupils);
        var today = Today;
        var calendar = await db.CalendarOfAsync(school.SchoolId, past, ct);
        var terms = Enum.GetValues<TermName>().Select(t => new DeliveryTerm(year, t))
            .Where(t => SchoolDashboardRules.TermWindow(calendar, t, today) is not null).ToList();
        var term = name is { } chosen ? new DeliveryTerm(year, chosen)
            : year == CurrentYear ? calendar.TermContaining(today) : new DeliveryTerm(year, TermName.Summer);
        if (SchoolDashboardRules.TermWindow(calendar, term, today) is not { } window)
        {
            errors.Add("term", $"The {term.Name.ToString().ToLowerInvariant()} term of {year.Label} has not started yet");
            return Outcome<SchoolDashboard>.Invalid(errors);
        }
        var (from, to) = window;

        var counts = (await trust.CountsAsync([school], year, past, ct))[0];
        var figures = TrustComparison.Compare([counts]).Schools[0];
        var statutory = (await clock.CountBySchoolAsync([school.SchoolId], EhcApi.DefaultWithinDays, past, ct)).GetValueOrDefault(school.SchoolId) ?? [];
        var changes = await ChangesAsync(school.SchoolId, from, to, past, ct);
        var measuredCost = await MeasuredGroupsCostAsync(school.SchoolId, year, past, ct);
        var improved = counts.Impact.Sum(i => i.Improved);

        return Outcome<SchoolDashboard>.Ok(new SchoolDashboard(school, year, term, terms, from, to, today, calendar.Knows(year), past, figures,
            SchoolDashboardRules.Needs(counts.PrimaryNeeds, suppress: past), changes, statutory, EhcApi.DefaultWithinDays,
            improved, measuredCost, SchoolDashboardRules.CostPerPupilImproved(measuredCost, improved)));
    }

    private IQueryable<T> Rows<T>(bool past) where T : class => past ? db.Set<T>().IgnoreQueryFilters().AsNoTracking() : db.Set<T>().AsNoTracking();

    /// <summary>
    /// The term's changes: the SEN history of the pupils whose status changed in the period or who joined or left the
    /// roll in it (every entry of theirs, for the status they started from), the roll's moves, and the plans issued.
    /// </summary>
    private async Task<TermChanges> ChangesAsync(int schoolId, DateOnly from, DateOnly to, bool past, CancellationToken ct)
    {
        var moves = await Rows<PupilEvent>(past)
            .Where(e => e.SchoolId == schoolId && e.OccurredOn >= from && e.OccurredOn <= to
                        && (e.Kind == PupilEventKind.Added || e.Kind == PupilEventKind.Returned || e.Kind == PupilEventKind.LeftRoll))
            .Select(e => new { e.PupilId, e.OccurredOn, e.Kind })
            .ToListAsync(ct);
        var changed = await Rows<SenStatusChange>(past)
            .Where(h => h.SchoolId == schoolId && h.EffectiveFrom >= from && h.EffectiveFrom <= to)
            .Select(h => h.PupilId).Distinct().ToListAsync(ct);
        var pupilIds = changed.Concat(moves.Select(m => m.PupilId)).Distinct().ToList();
        var history = new List<SenHistoryPoint>();
        // Chunked so that a busy term stays well inside every database's parameter limit.
        foreach (var chunk in pupilIds.Chunk(500))
            history.AddRange(await Rows<SenStatusChange>(past)
                .Where(h => h.SchoolId == schoolId && chunk.Contains(h.PupilId))
                .Select(h => new SenHistoryPoint(h.PupilId, h.EffectiveFrom, h.Status, h.Id))
                .ToListAsync(ct));
        var plans = await Rows<EhcPlan>(past).CountAsync(p => p.SchoolId == schoolId && p.IssuedOn >= from && p.IssuedOn <= to, ct);
        return SchoolDashboardRules.Changes(from, to, history,
            moves.Select(m => new RollMove(m.PupilId, m.OccurredOn, m.Kind != PupilEventKind.LeftRoll)), plans);
    }

    /// The cost of the year's groups that measure progress (those whose places count in the impact figures).
    private async Task<decimal> MeasuredGroupsCostAsync(int schoolId, SchoolYear year, bool past, CancellationToken ct)
    {
        var (start, end) = (year.Start, year.End);
        var groups = await Rows<InterventionGroup>(past)
            .Where(g => g.SchoolId == schoolId && g.StartOn >= start && g.StartOn <= end && g.Measure != null
                        && (g.Measure != MeasureKind.SchoolMeasure || g.OwnMeasureName != null))
            .Select(g => new { g.StaffHourlyCost, g.MinutesPerSession, g.SessionsPerWeek, g.Weeks, g.ResourceCost })
            .ToListAsync(ct);
        return groups.Sum(g => InterventionCost.Total(g.StaffHourlyCost, g.MinutesPerSession, g.SessionsPerWeek, g.Weeks, g.ResourceCost));
    }
}
