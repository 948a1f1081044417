using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Delivery;
using Senco.Core.Model;
using Senco.Data;

namespace Senco.Web.Features.Delivery;

/// One provision line of a pupil: a Section F line or a support-plan line with its dose, or an intervention group the
/// pupil is in (its dose derived from the group's schedule).
public sealed record LineReport(string Key, Guid? DoseId, Guid? GroupId, string Source, string Label, int MinutesPerWeek, string Mode, string? StaffType,
    string? StaffName, DateOnly From, DateOnly? To, string? DeliveredThrough, IReadOnlyList<WeekFigures> Weeks, PeriodFigures Total,
    IReadOnlyList<LoggedSession> Sessions)
{
    /// Where the dose is edited, while the line is still in its plan.
    public string? DoseUrl { get; init; }
}

/// A session as the report lists it: logged by hand, or read from a group's register.
public sealed record LoggedSession(DateOnly On, string? Start, int Minutes, bool Delivered, MissedReason? Reason, string? Note, string RecordedBy, DateTime RecordedAt,
    string Source, Guid? SessionId, int? Version);

public sealed record PupilDeliveryReport(Pupil Pupil, DateOnly From, DateOnly To, DateOnly Today, int ThresholdPercent, ShortfallPolicy Policy,
    IReadOnlyList<LineReport> Lines, IReadOnlyList<WeekFigures> Weeks, PeriodFigures Total, IReadOnlyList<(Term Term, PeriodFigures Figures)> Terms,
    (WeekFigures Earlier, WeekFigures Later)? Alert);

public sealed record DeliveryAlert(Guid PupilId, string Forename, string Surname, string YearGroup, string SenStatus, WeekFigures Earlier, WeekFigures Later, PeriodFigures Term);

/// <summary>
/// Builds planned-against-delivered for pupils. Group registers are read where they are kept (InterventionSession and
/// SessionAttendance), never copied: a held session the pupil attended is delivered for its minutes, a held session
/// they missed is "pupil absent", a cancelled register is missed with its note (registers carry no reason, so it counts
/// as "other").
/// </summary>
public sealed class DeliveryReports(SencoDbContext db, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private readonly Dictionary<int, Senco.Core.Calendar.SchoolCalendar> _calendars = [];

    /// The school's calendar (school days owe provision; terms group the weeks), read once per request.
    public async Task<Senco.Core.Calendar.SchoolCalendar> CalendarAsync(int schoolId, CancellationToken ct)
    {
        if (!_calendars.TryGetValue(schoolId, out var calendar)) _calendars[schoolId] = calendar = await db.CalendarOfAsync(schoolId, ct);
        return calendar;
    }

    public async Task<DeliverySettings> SettingsAsync(int schoolId, CancellationToken ct) =>
        await db.DeliverySettings.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(s => s.SchoolId == schoolId, ct)
        ?? new DeliverySettings { SchoolId = schoolId };

    /// The school year containing <paramref name="on"/> up to today (or the year's end, for a past year).
    public (DateOnly From, DateOnly To) YearToDate(SchoolYear year)
    {
        var to = year.End < Today ? year.End : Today;
        return (year.Start, to < year.Start ? year.Start : to);
    }

    public async Task<PupilDeliveryReport> PupilAsync(Pupil pupil, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var settings = await SettingsAsync(pupil.SchoolId, ct);
        var lines = await LinesAsync(pupil.SchoolId, [pupil.Id], from, to, settings.Policy, ct);
        var mine = lines.TryGetValue(pupil.Id, out var l) ? l : [];
        return Build(pupil, from, to, settings, mine, await CalendarAsync(pupil.SchoolId, ct));
    }

    private PupilDeliveryReport Build(Pupil pupil, DateOnly from, DateOnly to, DeliverySettings settings, IReadOnlyList<LineReport> lines, Senco.Core.Calendar.SchoolCalendar calendar)
    {
        var weeks = DeliveryArithmetic.Combine(lines.Select(l => l.Weeks));
        var policy = settings.Policy;
        return new PupilDeliveryReport(pupil, from, to, Today, settings.ThresholdPercent, policy, lines, weeks, DeliveryArithmetic.Total(weeks, policy),
            DeliveryArithmetic.ByTerm(weeks, policy, from, calendar), DeliveryArithmetic.BelowThresholdTwoWeeks(weeks, settings.ThresholdPercent, Today));
    }

    /// Pupils of a school whose delivery was below the threshold in the last two completed weeks that owed time.
    public async Task<IReadOnlyList<DeliveryAlert>> AlertsAsync(int schoolId, CancellationToken ct)
    {
        var settings = await SettingsAsync(schoolId, ct);
        var calendar = await CalendarAsync(schoolId, ct);
        var term = calendar.TermContaining(Today);
        var termStart = calendar.TermsOf(term.Year).First(t => t.Name == term.Name).Start;
        var from = DeliveryArithmetic.MondayOf(Today).AddDays(-7 * 8);
        if (from > termStart) from = termStart;
        var pupilIds = await db.PlannedDoses.Where(d => d.SchoolId == schoolId).Select(d => d.PupilId)
            .Union(db.GroupPupils.Where(g => g.SchoolId == schoolId).Select(g => g.PupilId)).Distinct().ToListAsync(ct);
        if (pupilIds.Count == 0) return [];
        var lines = await LinesAsync(schoolId, pupilIds, from, Today, settings.Policy, ct);
        var pupils = await db.Pupils.AsNoTracking().Where(p => pupilIds.Contains(p.Id) && p.OnRoll).ToDictionaryAsync(p => p.Id, ct);
        var result = new List<DeliveryAlert>();
        foreach (var (id, pupilLines) in lines)
        {
            if (!pupils.TryGetValue(id, out var p)) continue;
            var weeks = DeliveryArithmetic.Combine(pupilLines.Select(l => l.Weeks));
            if (DeliveryArithmetic.BelowThresholdTwoWeeks(weeks, settings.ThresholdPercent, Today) is not { } alert) continue;
            var termWeeks = weeks.Where(w => w.Monday >= DeliveryArithmetic.MondayOf(termStart));
            result.Add(new DeliveryAlert(p.Id, p.Forename, p.Surname, p.YearGroup, p.SenStatus.ToString(), alert.Earlier, alert.Later, DeliveryArithmetic.Total(termWeeks, settings.Policy)));
        }
        return result.OrderBy(a => a.Later.Percent).ThenBy(a => a.Surname).ToList();
    }

    /// Every line of the given pupils with its weeks between two dates.
    public async Task<Dictionary<Guid, List<LineReport>>> LinesAsync(int schoolId, IReadOnlyCollection<Guid> pupilIds, DateOnly from, DateOnly to, ShortfallPolicy policy, CancellationToken ct)
    {
        var calendar = await CalendarAsync(schoolId, ct);
        var doses = await db.PlannedDoses.IgnoreQueryFilters().AsNoTracking().Include(d => d.StaffMember)
            .Where(d => d.SchoolId == schoolId && pupilIds.Contains(d.PupilId)).ToListAsync(ct);
        var doseIds = doses.Select(d => d.Id).ToList();
        var logged = await db.DeliverySessions.IgnoreQueryFilters().AsNoTracking()
            .Where(s => s.SchoolId == schoolId && doseIds.Contains(s.DoseId) && s.On >= from && s.On <= to).ToListAsync(ct);

        // When a line's plan has ended, the line ends with it.
        var ehcIds = doses.Where(d => d.EhcProvisionId != null).Select(d => d.EhcProvisionId!.Value).ToList();
        var ehcEnds = await (from p in db.EhcProvision.IgnoreQueryFilters()
                             join n in db.EhcNeeds.IgnoreQueryFilters() on p.NeedId equals n.Id
                             join plan in db.EhcPlans.IgnoreQueryFilters() on n.PlanId equals plan.Id
                             where ehcIds.Contains(p.Id)
                             select new { p.Id, plan.CeasedOn }).ToDictionaryAsync(x => x.Id, x => x.CeasedOn, ct);
        var strategyIds = doses.Where(d => d.PlanStrategyId != null).Select(d => d.PlanStrategyId!.Value).ToList();
        var strategyEnds = await (from s in db.PlanStrategies.IgnoreQueryFilters()
                                  join r in db.PlanReviews.IgnoreQueryFilters() on s.PlanId equals r.PlanId into reviews
                                  from r in reviews.DefaultIfEmpty()
                                  where strategyIds.Contains(s.Id)
                                  select new { s.Id, HeldOn = r == null ? (DateOnly?)null : r.HeldOn }).ToDictionaryAsync(x => x.Id, x => x.HeldOn, ct);

        var memberships = await db.GroupPupils.IgnoreQueryFilters().AsNoTracking()
            .Where(g => g.SchoolId == schoolId && pupilIds.Contains(g.PupilId)).ToListAsync(ct);
        var groupIds = memberships.Select(m => m.GroupId).Distinct().ToList();
        var groups = await db.InterventionGroups.IgnoreQueryFilters().AsNoTracking().Include(g => g.Provision).Include(g => g.StaffMember).Include(g => g.Slots)
            .Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, ct);
        var registers = await db.InterventionSessions.IgnoreQueryFilters().AsNoTracking().Include(s => s.Attendance)
            .Where(s => groupIds.Contains(s.GroupId) && s.On >= from && s.On <= to).ToListAsync(ct);
        var registersByGroup = registers.GroupBy(r => r.GroupId).ToDictionary(g => g.Key, g => g.ToList());

        List<LoggedSession> FromRegister(Guid groupId, Guid pupilId, DateOnly joined, DateOnly? left)
        {
            var g = groups[groupId];
            var list = new List<LoggedSession>();
            foreach (var r in registersByGroup.GetValueOrDefault(groupId) ?? [])
            {
                if (r.On < joined || (left is { } l && r.On > l)) continue;
                // One register a day: its minutes are that weekday's timetabled slots (a 1:1 of two slots a day is two
                // sessions), or one session when the group has no slot that day.
                var dayMinutes = g.Slots.Where(x => x.Day == r.On.DayOfWeek).Sum(x => (int)(x.End - x.Start).TotalMinutes);
                var minutes = dayMinutes > 0 ? dayMinutes : g.MinutesPerSession;
                if (r.Status == SessionStatus.Cancelled)
                {
                    list.Add(new LoggedSession(r.On, null, minutes, false, RegisterNotes.ReasonFor(r.Note), string.IsNullOrWhiteSpace(r.Note) ? "Group session cancelled" : $"Group session cancelled: {r.Note}",
                        r.RecordedBy, r.RecordedAt, $"Register of {g.Name}", null, null));
                    continue;
                }
                var mark = r.Attendance.FirstOrDefault(a => a.PupilId == pupilId);
                if (mark is null) continue;
                list.Add(new LoggedSession(r.On, null, minutes, mark.Attended, mark.Attended ? null : MissedReason.PupilAbsent, mark.Note,
                    r.RecordedBy, r.RecordedAt, $"Register of {g.Name}", null, null));
            }
            return list;
        }

        var result = pupilIds.ToDictionary(id => id, _ => new List<LineReport>());
        foreach (var d in doses.OrderBy(d => d.Kind).ThenBy(d => d.From))
        {
            var end = d.To;
            DateOnly? planEnd = d.EhcProvisionId is { } e ? ehcEnds.GetValueOrDefault(e) : d.PlanStrategyId is { } s ? strategyEnds.GetValueOrDefault(s) : null;
            if (planEnd is { } pe && (end is null || pe < end)) end = pe;
            var sessions = logged.Where(x => x.DoseId == d.Id).Select(x => new LoggedSession(x.On, x.Start.ToString("HH:mm"), x.Minutes, x.Outcome == DeliveryOutcome.Delivered,
                x.Reason, x.Note, x.RecordedBy, x.RecordedAt, "Logged", x.Id, x.Version)).ToList();
            string? through = null;
            if (d.InterventionGroupId is { } gid && groups.TryGetValue(gid, out var grp))
            {
                var m = memberships.FirstOrDefault(x => x.GroupId == gid && x.PupilId == d.PupilId);
                sessions.AddRange(FromRegister(gid, d.PupilId, m?.JoinedOn ?? grp.StartOn, m?.LeftOn));
                through = grp.Name;
            }
            result[d.PupilId].Add(Line(d.Id.ToString(), d.Id, d.InterventionGroupId, d.Kind == DoseLineKind.EhcProvision ? "EHC plan Section F" : "Support plan",
                d.Label, d.MinutesPerWeek, d.Mode, d.StaffType?.ToString(), d.StaffMember?.Name, d.From, end, through, sessions, from, to, policy, calendar) with
            {
                DoseUrl = d.EhcProvisionId is { } ep ? $"/delivery/dose/ehc/{ep}" : d.PlanStrategyId is { } ps ? $"/delivery/dose/support/{ps}" : null,
            });
        }
        var linked = doses.Where(d => d.InterventionGroupId != null).Select(d => (d.PupilId, d.InterventionGroupId!.Value)).ToHashSet();
        foreach (var m in memberships)
        {
            if (linked.Contains((m.PupilId, m.GroupId)) || !groups.TryGetValue(m.GroupId, out var g)) continue;
            var start = m.JoinedOn > g.StartOn ? m.JoinedOn : g.StartOn;
            var end = m.LeftOn is { } left && left < g.EndOn ? left : g.EndOn;
            if (end < from || start > to) continue;
            result[m.PupilId].Add(Line("group-" + g.Id, null, g.Id, "Intervention group", $"{g.Name} ({g.Provision?.Name})", GroupMinutesPerWeek(g),
                DeliveryMode.Group, g.StaffMember?.Role.ToString() ?? g.Provision?.UsualStaffRole?.ToString(), g.StaffMember?.Name, start, end, g.Name,
                FromRegister(g.Id, m.PupilId, m.JoinedOn, m.LeftOn), from, to, policy, calendar));
        }
        return result;
    }

    /// A group's planned dose is its weekly timetable: the slots' minutes, or sessions × minutes when it has no slots.
    public static int GroupMinutesPerWeek(InterventionGroup g) =>
        g.Slots.Count > 0 ? g.Slots.Sum(x => (int)(x.End - x.Start).TotalMinutes) : g.SessionsPerWeek * g.MinutesPerSession;

    private static LineReport Line(string key, Guid? doseId, Guid? groupId, string source, string label, int minutesPerWeek, DeliveryMode mode, string? staffType, string? staffName,
        DateOnly lineFrom, DateOnly? lineTo, string? through, List<LoggedSession> sessions, DateOnly from, DateOnly to, ShortfallPolicy policy, Senco.Core.Calendar.SchoolCalendar calendar)
    {
        var weeks = DeliveryArithmetic.Weeks(new DoseSpan(minutesPerWeek, lineFrom, lineTo), sessions.Select(s => new SessionFact(s.On, s.Minutes, s.Delivered, s.Reason)), from, to, policy, calendar);
        return new LineReport(key, doseId, groupId, source, label, minutesPerWeek, mode == DeliveryMode.OneToOne ? "1:1" : "Group", staffType, staffName, lineFrom, lineTo, through,
            weeks, DeliveryArithmetic.Total(weeks, policy), sessions.OrderByDescending(s => s.On).ThenByDescending(s => s.Start).ToList());
    }
}
