using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Model;
using Senco.Core.Provision;
using Senco.Core.Sen;

namespace Senco.Web.Features.Provision;

public sealed record MapGroup(
    Guid Id, string Name, Guid ProvisionId, string Provision, AreaOfNeed Area, int Wave, Guid? StaffId, string? Staff,
    DateOnly StartOn, int Weeks, int SessionsPerWeek, int MinutesPerSession, decimal StaffHourlyCost, decimal ResourceCost,
    MeasureKind? Measure, string? OwnMeasureName, int? OwnMeasureMin, int? OwnMeasureMax)
{
    public DateOnly EndOn => StartOn.AddDays(Weeks * 7 - 1);
    public decimal Total => InterventionCost.Total(StaffHourlyCost, MinutesPerSession, SessionsPerWeek, Weeks, ResourceCost);
    public decimal StaffHours => InterventionCost.StaffHours(MinutesPerSession, SessionsPerWeek, Weeks);

    public MeasureScale? Scale => Measure switch
    {
        null => null,
        MeasureKind.SchoolMeasure when OwnMeasureName is not null && OwnMeasureMin is { } lo && OwnMeasureMax is { } hi => MeasureScale.Own(OwnMeasureName, lo, hi),
        MeasureKind.SchoolMeasure => null,
        var k => MeasureScale.For(k.Value),
    };
}

public sealed record MapMember(Guid GroupId, Guid PupilId, DateOnly JoinedOn, DateOnly? LeftOn, int? EntryValue, DateOnly? EntryOn, int? ExitValue, DateOnly? ExitOn)
{
    public decimal Share { get; init; }
}

public sealed record MapPupil(Guid Id, string Upn, string Forename, string Surname, string YearGroup, SenStatus Status, string? PrimaryNeed)
{
    public string FullName => $"{Forename} {Surname}";
}

public sealed record TopUpInYear(Guid Id, Guid PupilId, string Band, decimal Amount, DateOnly From, DateOnly To, decimal InYear, string? Note);

/// <summary>A school's provision for one academic year, loaded once and shared by the map, the funding page and the impact report.</summary>
public sealed class YearProvision
{
    public required SchoolYear Year { get; init; }
    public required IReadOnlyList<MapGroup> Groups { get; init; }
    public required IReadOnlyList<MapMember> Members { get; init; }
    public required IReadOnlyDictionary<Guid, MapPupil> Pupils { get; init; }
    public required ProvisionMapSummary Summary { get; init; }
    public required IReadOnlyList<TopUpInYear> TopUps { get; init; }
    public required decimal? NotionalBudget { get; init; }
    public required FundingSummary Funding { get; init; }

    public IEnumerable<MapMember> MembersOf(Guid groupId) => Members.Where(m => m.GroupId == groupId);
    public MapGroup Group(Guid id) => Groups.First(g => g.Id == id);
}

public static class ProvisionQueries
{
    /// <summary>
    /// Loads the groups that start in <paramref name="year"/> (all of them, or only those <paramref name="pupilId"/> was in),
    /// their pupils and costs, and the year's funding. Money is added up here, in memory: SQLite cannot sum decimals.
    /// </summary>
    public static async Task<YearProvision> LoadYearAsync(SchoolData data, SchoolYear year, CancellationToken ct, Guid? pupilId = null, Guid? groupId = null)
    {
        var q = data.Q<InterventionGroup>();
        if (groupId is { } gid) q = q.Where(g => g.Id == gid);
        else q = q.Where(g => g.StartOn >= year.Start && g.StartOn <= year.End);
        if (pupilId is { } pid) q = q.Where(g => g.Pupils.Any(m => m.PupilId == pid));
        var groups = await q
            .Select(g => new MapGroup(g.Id, g.Name, g.ProvisionId, g.Provision!.Name, g.Provision.AreaOfNeed, g.Provision.Wave, g.StaffMemberId,
                g.StaffMember != null ? g.StaffMember.Name : null, g.StartOn, g.Weeks, g.SessionsPerWeek, g.MinutesPerSession, g.StaffHourlyCost, g.ResourceCost,
                g.Measure, g.OwnMeasureName, g.OwnMeasureMin, g.OwnMeasureMax))
            .ToListAsync(ct);
        groups = groups.OrderBy(g => g.Wave).ThenBy(g => g.Provision, StringComparer.OrdinalIgnoreCase).ThenBy(g => g.StartOn).ThenBy(g => g.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var ids = groups.Select(g => g.Id).ToList();

        var rawMembers = ids.Count == 0 ? [] : await data.Q<GroupPupil>().Where(m => ids.Contains(m.GroupId))
            .Select(m => new MapMember(m.GroupId, m.PupilId, m.JoinedOn, m.LeftOn, m.EntryValue, m.EntryOn, m.ExitValue, m.ExitOn))
            .ToListAsync(ct);
        var byGroup = rawMembers.ToLookup(m => m.GroupId);
        var members = new List<MapMember>(rawMembers.Count);
        var groupCosts = new List<GroupCost>(groups.Count);
        foreach (var g in groups)
        {
            var inGroup = byGroup[g.Id].ToList();
            var shares = ProvisionMap.Shares(g.Total, g.StartOn, g.EndOn, inGroup.Select(m => new PupilSpan<Guid>(m.PupilId, m.JoinedOn, m.LeftOn)));
            members.AddRange(inGroup.Select(m => m with { Share = shares[m.PupilId] }));
            groupCosts.Add(new GroupCost(g.Id, g.Provision, g.Area, g.Wave, g.Total, shares.Values.Any(v => v > 0)));
        }

        var pupilIds = members.Select(m => m.PupilId).Distinct().ToList();
        var pupils = pupilIds.Count == 0 ? new Dictionary<Guid, MapPupil>() : await data.Q<Pupil>().Where(p => pupilIds.Contains(p.Id))
            .Select(p => new MapPupil(p.Id, p.Upn, p.Forename, p.Surname, p.YearGroup, p.SenStatus, p.PrimaryNeed))
            .ToDictionaryAsync(p => p.Id, ct);
        var groupsById = groups.ToDictionary(g => g.Id);
        var lines = members.Where(m => pupils.ContainsKey(m.PupilId)).Select(m =>
        {
            var g = groupsById[m.GroupId];
            return new ProvisionLine(m.PupilId, pupils[m.PupilId].YearGroup, g.Id, g.Provision, g.Area, g.Wave, m.Share);
        }).ToList();
        var summary = ProvisionMap.Summarise(groupCosts, lines);

        var (start, end) = (year.Start, year.End);
        var topUpQuery = data.Q<TopUpFunding>().Where(t => t.From <= end && t.To >= start);
        if (pupilId is { } onlyPupil) topUpQuery = topUpQuery.Where(t => t.PupilId == onlyPupil);
        var topUps = (await topUpQuery.ToListAsync(ct))
            .Select(t => new TopUpInYear(t.Id, t.PupilId, t.Band, t.Amount, t.From, t.To, Senco.Core.Provision.Funding.InYear(t.Amount, t.From, t.To, year), t.Note))
            .OrderBy(t => t.From).ToList();
        var budget = await data.Q<SenBudget>().Where(b => b.StartYear == year.StartYear).Select(b => (decimal?)b.NotionalSenBudget).FirstOrDefaultAsync(ct);
        // Pupils with top-up but no provision recorded still show on the funding page.
        var missing = topUps.Select(t => t.PupilId).Where(id => !pupils.ContainsKey(id)).Distinct().ToList();
        if (missing.Count > 0)
        {
            var more = await data.Q<Pupil>().Where(p => missing.Contains(p.Id))
                .Select(p => new MapPupil(p.Id, p.Upn, p.Forename, p.Surname, p.YearGroup, p.SenStatus, p.PrimaryNeed)).ToListAsync(ct);
            foreach (var p in more) pupils[p.Id] = p;
        }
        var funding = Senco.Core.Provision.Funding.Compare(budget, summary.Total, lines.Select(l => (l.PupilId, l.Cost)), topUps.Select(t => (t.PupilId, t.InYear)));

        return new YearProvision
        {
            Year = year, Groups = groups, Members = members, Pupils = pupils, Summary = summary, TopUps = topUps, NotionalBudget = budget, Funding = funding,
        };
    }

    /// <summary>
    /// Registers of the given groups, for attendance and impact. For one or a few groups the sessions are found by
    /// group; for a whole year's groups, by date (the year and the twelve months after it, for groups that run on),
    /// which the database answers from one range scan rather than a long IN list.
    /// </summary>
    public static async Task<Dictionary<Guid, List<RegisterRecord>>> RegistersAsync(SchoolData data, IReadOnlyCollection<Guid> groupIds, CancellationToken ct, SchoolYear? year = null)
    {
        if (groupIds.Count == 0) return [];
        var ids = groupIds.ToList();
        var wanted = ids.ToHashSet();
        IQueryable<InterventionSession> sessionQuery;
        if (year is { } y && ids.Count > 8)
        {
            var (from, to) = (y.Start, y.End.AddYears(1));
            sessionQuery = data.Q<InterventionSession>().Where(s => s.On >= from && s.On <= to);
        }
        else
        {
            sessionQuery = data.Q<InterventionSession>().Where(s => ids.Contains(s.GroupId));
        }
        var sessions = (await sessionQuery.Select(s => new { s.Id, s.GroupId, s.On, s.Status }).ToListAsync(ct)).Where(s => wanted.Contains(s.GroupId)).ToList();
        var marks = await data.Q<SessionAttendance>()
            .Join(sessionQuery, a => a.SessionId, s => s.Id, (a, s) => new { a.SessionId, a.PupilId, a.Attended })
            .ToListAsync(ct);
        var bySession = marks.ToLookup(m => m.SessionId);
        return sessions.GroupBy(s => s.GroupId).ToDictionary(g => g.Key, g => g.OrderBy(s => s.On)
            .Select(s => new RegisterRecord(s.On, s.Status == SessionStatus.Cancelled, bySession[s.Id].ToDictionary(m => m.PupilId, m => m.Attended)))
            .ToList());
    }

    public static GroupImpactReport Impact(YearProvision year, MapGroup g, IReadOnlyDictionary<Guid, List<RegisterRecord>> registers) =>
        ImpactReport.ForGroup(g.Scale, g.Total,
            year.MembersOf(g.Id).Select(m => new PupilInGroup(m.PupilId, m.JoinedOn, m.LeftOn,
                m.EntryValue is null && m.EntryOn is null ? null : new Assessment(m.EntryValue, m.EntryOn),
                m.ExitValue is null && m.ExitOn is null ? null : new Assessment(m.ExitValue, m.ExitOn), m.Share)),
            registers.TryGetValue(g.Id, out var r) ? r : []);

    /// <summary>The impact of every group in the year, and rolled up per provision and per member of staff.</summary>
    public static async Task<SchoolImpact> SchoolImpactAsync(SchoolData data, SchoolYear year, CancellationToken ct)
    {
        var provision = await LoadYearAsync(data, year, ct);
        var registers = await RegistersAsync(data, provision.Groups.Select(g => g.Id).ToList(), ct, year);
        var reports = provision.Groups.Select(g => (Group: g, Report: Impact(provision, g, registers))).ToList();
        return new SchoolImpact(provision, reports,
            ImpactReport.Roll(reports.Select(r => (r.Group.Provision, r.Report))),
            ImpactReport.Roll(reports.Select(r => (r.Group.Staff ?? "No member of staff recorded", r.Report))),
            ImpactReport.Roll(reports.Select(r => (ProvisionMap.Describe(r.Group.Area), r.Report))));
    }

    /// <summary>The unit, short, for table cells: "month", "point".</summary>
    public static string ShortUnit(MeasureScale? scale) => scale?.IsAge == true ? "month" : "point";

    /// <summary>The unit a group's progress is counted in, for "cost per …".</summary>
    public static string Unit(MeasureScale? scale) => scale?.Kind switch
    {
        MeasureKind.ReadingAgeMonths => "month of reading age",
        MeasureKind.SpellingAgeMonths => "month of spelling age",
        MeasureKind.StandardisedScore => "standardised point",
        MeasureKind.SchoolMeasure => $"point ({scale.Name})",
        _ => "unit",
    };
}

public sealed record SchoolImpact(
    YearProvision Provision,
    IReadOnlyList<(MapGroup Group, GroupImpactReport Report)> Groups,
    IReadOnlyList<ImpactRollup> ByProvision,
    IReadOnlyList<ImpactRollup> ByStaff,
    IReadOnlyList<ImpactRollup> ByArea);
