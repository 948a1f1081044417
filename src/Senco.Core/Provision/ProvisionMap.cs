using Senco.Core.Model;
using Senco.Core.Pupils;

namespace Senco.Core.Provision;

/// <summary>A pupil's time in a group: joined (inclusive) and left (inclusive), or still there.</summary>
public sealed record PupilSpan<TKey>(TKey Pupil, DateOnly JoinedOn, DateOnly? LeftOn);

/// <summary>One pupil's share of one group's cost: a line of the provision map.</summary>
public sealed record ProvisionLine(Guid PupilId, string YearGroup, Guid GroupId, string Provision, AreaOfNeed Area, int Wave, decimal Cost);

/// <summary>A group's whole cost and where it sits on the map.</summary>
public sealed record GroupCost(Guid GroupId, string Provision, AreaOfNeed Area, int Wave, decimal Total, bool HasPupils);

/// <summary>A pupil's total for the year against the £6,000 the notional SEN budget meets.</summary>
public sealed record PupilProvisionTotal(Guid PupilId, string YearGroup, int Items, decimal Total)
{
    public bool ExceedsThreshold => Total > HighNeedsFunding.NotionalThreshold;
    public decimal TopUpRequired => HighNeedsFunding.TopUpRequired(Total);
}

/// <summary>A row of a breakdown (a year group, an area of need, a wave): pupils with provision, groups, cost.</summary>
public sealed record MapBreakdown<TKey>(TKey Key, int Pupils, int Groups, decimal Total);

public sealed record ProvisionMapSummary(
    decimal Total,
    decimal CostOfGroupsWithoutPupils,
    int Groups,
    int PupilsWithProvision,
    int PupilsOverThreshold,
    decimal TopUpRequired,
    IReadOnlyList<PupilProvisionTotal> Pupils,
    IReadOnlyList<MapBreakdown<string>> ByYearGroup,
    IReadOnlyList<MapBreakdown<AreaOfNeed>> ByArea,
    IReadOnlyList<MapBreakdown<int>> ByWave);

/// <summary>
/// The costed provision map: each group's cost shared among its pupils, and the totals per pupil, year group, area of
/// need, wave and whole school (send-facts.md §6: costed provision against the £6,000 threshold).
/// </summary>
public static class ProvisionMap
{
    /// <summary>
    /// Shares a group's cost among its pupils in proportion to the days each was in the group during its run
    /// (<paramref name="groupStart"/> to <paramref name="groupEnd"/>, inclusive). With everyone there throughout,
    /// that is the equal share of the API contract (total ÷ pupils). A pupil who left halfway pays for half the run,
    /// and the others share the rest. Each share is rounded to the penny (they may differ from the total by a penny
    /// or two). A pupil whose time falls outside the run gets 0; if nobody's does, everyone gets 0.
    /// </summary>
    public static IReadOnlyDictionary<TKey, decimal> Shares<TKey>(decimal total, DateOnly groupStart, DateOnly groupEnd, IEnumerable<PupilSpan<TKey>> pupils)
        where TKey : notnull
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        ArgumentNullException.ThrowIfNull(pupils);
        if (groupEnd < groupStart) throw new ArgumentException("The group ends before it starts.", nameof(groupEnd));

        var days = new Dictionary<TKey, int>();
        foreach (var p in pupils)
        {
            if (p.LeftOn is { } l && l < p.JoinedOn) throw new ArgumentException("A pupil left before joining.", nameof(pupils));
            var from = p.JoinedOn > groupStart ? p.JoinedOn : groupStart;
            var to = p.LeftOn is { } left && left < groupEnd ? left : groupEnd;
            var d = to >= from ? to.DayNumber - from.DayNumber + 1 : 0;
            days[p.Pupil] = days.GetValueOrDefault(p.Pupil) + d;   // a pupil who left and rejoined: both spells count
        }

        var totalDays = days.Values.Sum();
        return days.ToDictionary(kv => kv.Key,
            kv => totalDays == 0 ? 0m : InterventionCost.RoundPennies(total * kv.Value / totalDays));
    }

    /// <summary>Everyone there from start to end: the contract's equal share, to the penny (0 with no pupils).</summary>
    public static decimal EqualShare(decimal total, int pupils) => InterventionCost.CostPerPupil(total, pupils).Amount;

    /// <summary>
    /// Totals for the map. The whole-school total is the sum of the groups' costs (what was spent), which includes
    /// groups nobody attended; year-group and per-pupil totals are sums of pupils' shares. Area and wave totals come
    /// from the groups, so they add up to the whole-school total.
    /// </summary>
    public static ProvisionMapSummary Summarise(IEnumerable<GroupCost> groups, IEnumerable<ProvisionLine> lines)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(lines);
        var g = groups.ToList();
        var l = lines.ToList();

        var pupils = l.GroupBy(x => x.PupilId)
            .Select(p => new PupilProvisionTotal(p.Key, p.First().YearGroup, p.Count(), p.Sum(x => x.Cost)))
            .OrderByDescending(p => p.Total).ThenBy(p => p.PupilId)
            .ToList();

        var byYear = l.GroupBy(x => x.YearGroup)
            .Select(y => new MapBreakdown<string>(y.Key, y.Select(x => x.PupilId).Distinct().Count(), y.Select(x => x.GroupId).Distinct().Count(), y.Sum(x => x.Cost)))
            .OrderBy(y => YearGroups.Order(y.Key))
            .ToList();

        var byArea = Enum.GetValues<AreaOfNeed>()
            .Select(a => new MapBreakdown<AreaOfNeed>(a,
                l.Where(x => x.Area == a).Select(x => x.PupilId).Distinct().Count(),
                g.Count(x => x.Area == a),
                g.Where(x => x.Area == a).Sum(x => x.Total)))
            .ToList();

        var byWave = new[] { 1, 2, 3 }
            .Select(w => new MapBreakdown<int>(w,
                l.Where(x => x.Wave == w).Select(x => x.PupilId).Distinct().Count(),
                g.Count(x => x.Wave == w),
                g.Where(x => x.Wave == w).Sum(x => x.Total)))
            .ToList();

        return new ProvisionMapSummary(
            g.Sum(x => x.Total),
            g.Where(x => !x.HasPupils).Sum(x => x.Total),
            g.Count,
            pupils.Count,
            pupils.Count(p => p.ExceedsThreshold),
            pupils.Sum(p => p.TopUpRequired),
            pupils, byYear, byArea, byWave);
    }

    public static string Describe(AreaOfNeed area) => area switch
    {
        AreaOfNeed.CognitionAndLearning => "Cognition and learning",
        AreaOfNeed.CommunicationAndInteraction => "Communication and interaction",
        AreaOfNeed.SocialEmotionalMentalHealth => "Social, emotional and mental health",
        AreaOfNeed.SensoryPhysical => "Sensory and/or physical",
        _ => area.ToString(),
    };

    public static string DescribeWave(int wave) => wave switch
    {
        1 => "Wave 1: quality-first teaching",
        2 => "Wave 2: small-group intervention",
        3 => "Wave 3: individual or specialist",
        _ => $"Wave {wave}",
    };

    public static string Describe(StaffRole role) => role switch
    {
        StaffRole.TeachingAssistant => "Teaching assistant",
        StaffRole.Teacher => "Teacher",
        StaffRole.Senco => "SENCO",
        StaffRole.SpecialistTeacher => "Specialist teacher",
        StaffRole.Therapist => "Therapist",
        StaffRole.Mentor => "Learning mentor",
        StaffRole.Other => "Other",
        _ => role.ToString(),
    };

    /// <summary>The academic year a group's cost belongs to: the one in which it starts.</summary>
    public static SchoolYear YearOf(DateOnly groupStart) => SchoolYear.Containing(groupStart);
}
