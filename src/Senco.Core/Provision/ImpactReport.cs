namespace Senco.Core.Provision;

/// <summary>One session's register: cancelled, or who was there (a pupil with no mark was not in the group yet).</summary>
public sealed record RegisterRecord(DateOnly On, bool Cancelled, IReadOnlyDictionary<Guid, bool> Attended);

/// <summary>A pupil in a group: their time in it, scores, and share of the cost.</summary>
public sealed record PupilInGroup(Guid PupilId, DateOnly JoinedOn, DateOnly? LeftOn, Assessment? Entry, Assessment? Exit, decimal CostShare);

public sealed record PupilImpactRow(
    Guid PupilId, DateOnly JoinedOn, DateOnly? LeftOn, int? Entry, DateOnly? EntryOn, int? Exit, DateOnly? ExitOn,
    int? Gain, RatioGainResult? Ratio, AttendanceResult Attendance, decimal Cost, decimal? CostPerUnitOfProgress)
{
    public bool Complete => Entry is not null && Exit is not null;
}

/// <summary>
/// A group's impact: per pupil and for the group, with attendance and cost beside progress, so a SENCO sees what
/// worked and what it cost. <see cref="Scale"/> is null while the group has no measure.
/// </summary>
public sealed record GroupImpactReport(
    MeasureScale? Scale,
    GroupImpact? Summary,
    IReadOnlyList<PupilImpactRow> Pupils,
    decimal TotalCost,
    decimal CostPerPupil,
    decimal IncludedCost,
    decimal? CostPerUnitOfProgress,
    AttendanceResult Attendance,
    int SessionsHeld,
    int SessionsCancelled)
{
    public IEnumerable<PupilAssessments> Assessments =>
        Pupils.Select(p => new PupilAssessments(p.PupilId.ToString(), new Assessment(p.Entry, p.EntryOn), p.Exit is null && p.ExitOn is null ? null : new Assessment(p.Exit, p.ExitOn)));
}

/// <summary>Impact of several groups together (all the runs of one provision, or every group one person ran) on one measure.</summary>
public sealed record ImpactRollup(
    string Key,
    MeasureScale? Scale,
    int Groups,
    int Pupils,
    GroupImpact? Summary,
    decimal TotalCost,
    decimal CostPerPupil,
    decimal? CostPerUnitOfProgress,
    AttendanceResult Attendance);

public static class ImpactReport
{
    /// <summary>
    /// The impact of one group. Cost per unit of progress divides the cost of the pupils with both scores by their
    /// total gain: pupils not yet assessed neither add progress nor count against it.
    /// </summary>
    public static GroupImpactReport ForGroup(MeasureScale? scale, decimal totalCost, IEnumerable<PupilInGroup> pupils, IEnumerable<RegisterRecord> registers)
    {
        ArgumentNullException.ThrowIfNull(pupils);
        ArgumentNullException.ThrowIfNull(registers);
        var regs = registers.ToList();
        var rows = new List<PupilImpactRow>();
        foreach (var p in pupils)
        {
            var sessions = regs.Where(r => r.Cancelled || r.Attended.ContainsKey(p.PupilId))
                .Select(r => new SessionRecord(r.On, r.Cancelled, !r.Cancelled && r.Attended[p.PupilId]));
            var attendance = Impact.Attendance(sessions, p.JoinedOn, p.LeftOn);
            int? gain = p.Entry?.Value is { } e && p.Exit?.Value is { } x ? x - e : null;
            RatioGainResult? ratio = scale is { IsAge: true } && p.Entry is { Value: { } ev, On: { } eo } && p.Exit is { Value: { } xv, On: { } xo }
                ? Impact.RatioGain(ev, xv, eo, xo)
                : null;
            rows.Add(new PupilImpactRow(p.PupilId, p.JoinedOn, p.LeftOn, p.Entry?.Value, p.Entry?.On, p.Exit?.Value, p.Exit?.On, gain, ratio, attendance,
                p.CostShare, gain is { } g ? Impact.CostPerUnitOfProgress(p.CostShare, g) : null));
        }

        var summary = scale is null ? null : Impact.Summarise(scale.Kind, rows.Select(r => new PupilAssessments(r.PupilId.ToString(),
            new Assessment(r.Entry, r.EntryOn), new Assessment(r.Exit, r.ExitOn))));
        var included = rows.Where(r => r.Complete && (scale is not { IsAge: true } || (r.EntryOn is not null && r.ExitOn is not null))).ToList();
        var includedCost = included.Sum(r => r.Cost);
        var totalGain = included.Sum(r => r.Gain ?? 0);
        var counted = rows.Sum(r => r.Attendance.SessionsCounted);
        var attended = rows.Sum(r => r.Attendance.Attended);
        return new GroupImpactReport(scale, summary, rows, totalCost, ProvisionMap.EqualShare(totalCost, rows.Count), includedCost,
            included.Count == 0 ? null : Impact.CostPerUnitOfProgress(includedCost, totalGain),
            new AttendanceResult(counted, attended, counted == 0 ? null : Math.Round(100m * attended / counted, 1, MidpointRounding.AwayFromZero)),
            regs.Count(r => !r.Cancelled), regs.Count(r => r.Cancelled));
    }

    /// <summary>
    /// Rolls groups up under a key (a provision, a member of staff), one row per key and measure: progress on
    /// different measures cannot be added together. Rows come in key order, then measured before unmeasured.
    /// </summary>
    public static IReadOnlyList<ImpactRollup> Roll(IEnumerable<(string Key, GroupImpactReport Report)> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        return groups
            .GroupBy(g => (g.Key, Kind: g.Report.Scale?.Kind, Name: g.Report.Scale?.Name))
            .Select(set =>
            {
                var reports = set.Select(s => s.Report).ToList();
                var scale = reports[0].Scale;
                var pupils = reports.Sum(r => r.Pupils.Count);
                var summary = scale is null ? null : Impact.Summarise(scale.Kind, reports.SelectMany(r => r.Assessments));
                var total = reports.Sum(r => r.TotalCost);
                var includedCost = reports.Sum(r => r.IncludedCost);
                var counted = reports.Sum(r => r.Attendance.SessionsCounted);
                var attended = reports.Sum(r => r.Attendance.Attended);
                return new ImpactRollup(set.Key.Key, scale, reports.Count, pupils, summary, total,
                    ProvisionMap.EqualShare(total, pupils),
                    summary is { Included: > 0 } ? Impact.CostPerUnitOfProgress(includedCost, summary.TotalGain) : null,
                    new AttendanceResult(counted, attended, counted == 0 ? null : Math.Round(100m * attended / counted, 1, MidpointRounding.AwayFromZero)));
            })
            .OrderBy(r => r.Key, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Scale is null).ThenBy(r => r.Scale?.Name, StringComparer.Ordinal)
            .ToList();
    }
}
