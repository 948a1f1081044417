namespace Senco.Core.Provision;

/// <summary>What an intervention's entry and exit assessments measure.</summary>
public enum MeasureKind { ReadingAgeMonths, SpellingAgeMonths, StandardisedScore, SchoolMeasure }

/// <summary>
/// A measure with its valid range: one of the published kinds, or a school's own measure (a phonics check score,
/// a Boxall profile total…) with the name and range the school gives it. Own measures are reported as points gained.
/// </summary>
public sealed record MeasureScale(MeasureKind Kind, string Name, int Min, int Max)
{
    public static MeasureScale For(MeasureKind kind)
    {
        var (min, max) = Impact.Range(kind);
        return new MeasureScale(kind, Impact.Describe(kind), min, max);
    }

    public static MeasureScale Own(string name, int min, int max) => new(MeasureKind.SchoolMeasure, name, min, max);

    public bool IsAge => Impact.IsAgeMeasure(Kind);
}

/// <summary>One assessment: a score and the date it was taken. Either may be missing on a form.</summary>
public sealed record Assessment(int? Value, DateOnly? On);

/// <summary>A pupil's entry and exit assessments for one intervention; exit is null until they leave it.</summary>
public sealed record PupilAssessments(string PupilRef, Assessment? Entry, Assessment? Exit);

/// <summary>Ratio gain, or why there is none.</summary>
public sealed record RatioGainResult(decimal? Ratio, int MonthsGained, decimal MonthsElapsed, string? Reason);

/// <summary>Attendance at group sessions for one pupil; <see cref="Percent"/> is null when no session counted.</summary>
public sealed record AttendanceResult(int SessionsCounted, int Attended, decimal? Percent);

/// <summary>One timetabled session and whether this pupil came.</summary>
public sealed record SessionRecord(DateOnly On, bool Cancelled, bool Attended);

/// <summary>
/// A group's results. Only pupils with both an entry and an exit score count: a missing score is not zero.
/// Means are to 2 decimal places; <see cref="MeanRatioGain"/> is only for age measures.
/// </summary>
public sealed record GroupImpact(
    MeasureKind Kind,
    int Pupils,
    int Included,
    int Excluded,
    decimal? MeanEntry,
    decimal? MeanExit,
    decimal? MeanGain,
    int TotalGain,
    decimal? MeanRatioGain);

public static class Impact
{
    public static (int Min, int Max) Range(MeasureKind kind) => kind switch
    {
        // Reading and spelling ages in months: 0 to 20 years covers every published test's ceiling.
        MeasureKind.ReadingAgeMonths or MeasureKind.SpellingAgeMonths => (0, 240),
        // Standardised scores: mean 100, SD 15; published tests report about 40 to 160 (±4 SD).
        MeasureKind.StandardisedScore => (40, 160),
        MeasureKind.SchoolMeasure => throw new ArgumentException("A school's own measure has the range the school gives it: use MeasureScale.Own.", nameof(kind)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool IsAgeMeasure(MeasureKind kind) => kind is MeasureKind.ReadingAgeMonths or MeasureKind.SpellingAgeMonths;

    public static string Describe(MeasureKind kind) => kind switch
    {
        MeasureKind.ReadingAgeMonths => "reading age in months",
        MeasureKind.SpellingAgeMonths => "spelling age in months",
        MeasureKind.StandardisedScore => "standardised score",
        MeasureKind.SchoolMeasure => "score",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// Calendar months from <paramref name="from"/> to <paramref name="to"/>: whole months (the largest n with
    /// from.AddMonths(n) &lt;= to), plus the remaining days as a fraction of the next month-long span.
    /// 1 September to 15 December is 3 + 14/31. Negative spans are the programming error of the caller.
    /// </summary>
    public static decimal MonthsElapsed(DateOnly from, DateOnly to)
    {
        if (to < from) throw new ArgumentException("The end date is before the start date.", nameof(to));
        var whole = (to.Year - from.Year) * 12 + to.Month - from.Month;
        if (from.AddMonths(whole) > to) whole--;
        var start = from.AddMonths(whole);
        var next = from.AddMonths(whole + 1);
        var fraction = (decimal)(to.DayNumber - start.DayNumber) / (next.DayNumber - start.DayNumber);
        return whole + fraction;
    }

    /// <summary>
    /// Ratio gain (Brooks, "What Works for Children and Young People with Literacy Difficulties"): months of
    /// reading or spelling age gained ÷ calendar months elapsed, to 2 decimal places. A ratio of 1 is the
    /// progress expected of any child; a fall gives a negative ratio, which is reported, not hidden.
    /// </summary>
    public static RatioGainResult RatioGain(int entryMonths, int exitMonths, DateOnly entryOn, DateOnly exitOn)
    {
        var gained = exitMonths - entryMonths;
        if (exitOn < entryOn) return new RatioGainResult(null, gained, 0m, "The exit assessment is before the entry assessment");
        var elapsed = MonthsElapsed(entryOn, exitOn);
        if (elapsed == 0m) return new RatioGainResult(null, gained, 0m, "No time passed between the entry and exit assessments");
        return new RatioGainResult(Math.Round(gained / elapsed, 2, MidpointRounding.AwayFromZero), gained, elapsed, null);
    }

    /// <summary>Standardised points gained: exit − entry. Holding steady (0) means keeping pace with peers.</summary>
    public static int StandardisedPointsGained(int entryScore, int exitScore) => exitScore - entryScore;

    /// <summary>
    /// Field errors for a pupil's assessments, keyed "entry.value", "entry.on", "exit.value", "exit.on".
    /// The entry assessment is required; the exit is optional as a whole, but a half-filled exit is not.
    /// </summary>
    public static ValidationErrors Validate(MeasureKind kind, Assessment? entry, Assessment? exit, DateOnly today) =>
        Validate(MeasureScale.For(kind), entry, exit, today);

    /// <summary>As above, on any scale, including a school's own measure and its range.</summary>
    public static ValidationErrors Validate(MeasureScale scale, Assessment? entry, Assessment? exit, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(scale);
        var errors = new ValidationErrors();
        var (min, max) = (scale.Min, scale.Max);
        var what = scale.Name;

        One(errors, "entry", entry ?? new Assessment(null, null));
        if (exit is not null && (exit.Value is not null || exit.On is not null))
        {
            One(errors, "exit", exit);
            if (entry?.On is { } e && exit.On is { } x && x < e && !errors.Has("exit.on"))
                errors.Add("exit.on", $"The exit assessment must be on or after the entry assessment, {Dates.Long(e)}");
        }
        return errors;

        void One(ValidationErrors errs, string name, Assessment a)
        {
            var prefix = name;
            if (a.Value is not { } v)
                errs.Add(prefix + ".value", $"Enter the {name} {what}");
            else if (v < min || v > max)
                errs.Add(prefix + ".value", $"The {name} {what} must be between {min} and {max}");

            if (a.On is not { } on)
                errs.Add(prefix + ".on", $"Enter the date of the {name} assessment");
            else if (on > today)
                errs.Add(prefix + ".on", $"The date of the {name} assessment must be today or in the past");
        }
    }

    /// <summary>
    /// Summary for a group. Pupils without both scores (and both dates, for age measures) are counted in
    /// <see cref="GroupImpact.Excluded"/>, not averaged as zero. The mean ratio gain averages the pupils'
    /// own ratios; pupils assessed twice on the same day have no ratio and are left out of that mean only.
    /// </summary>
    public static GroupImpact Summarise(MeasureKind kind, IEnumerable<PupilAssessments> pupils)
    {
        ArgumentNullException.ThrowIfNull(pupils);
        var all = pupils.ToList();
        var complete = all.Where(p => p.Entry?.Value is not null && p.Exit?.Value is not null
                                      && (!IsAgeMeasure(kind) || (p.Entry.On is not null && p.Exit.On is not null)))
                          .ToList();

        if (complete.Count == 0)
            return new GroupImpact(kind, all.Count, 0, all.Count, null, null, null, 0, null);

        var entries = complete.Select(p => (decimal)p.Entry!.Value!.Value).ToList();
        var exits = complete.Select(p => (decimal)p.Exit!.Value!.Value).ToList();
        var totalGain = complete.Sum(p => p.Exit!.Value!.Value - p.Entry!.Value!.Value);

        decimal? meanRatio = null;
        if (IsAgeMeasure(kind))
        {
            var ratios = complete
                .Select(p => RatioGain(p.Entry!.Value!.Value, p.Exit!.Value!.Value, p.Entry.On!.Value, p.Exit.On!.Value).Ratio)
                .Where(r => r is not null)
                .Select(r => r!.Value)
                .ToList();
            if (ratios.Count > 0) meanRatio = Round2(ratios.Average());
        }

        return new GroupImpact(kind, all.Count, complete.Count, all.Count - complete.Count,
            Round2(entries.Average()), Round2(exits.Average()), Round2((decimal)totalGain / complete.Count), totalGain, meanRatio);
    }

    /// <summary>
    /// Attendance: sessions attended ÷ sessions held while the pupil was in the group, as a percentage to
    /// 1 decimal place. Cancelled sessions are not counted; nor are sessions before the pupil joined or after
    /// they left (both dates inclusive). Null percentage when no session counts.
    /// </summary>
    public static AttendanceResult Attendance(IEnumerable<SessionRecord> sessions, DateOnly joinedOn, DateOnly? leftOn)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        if (leftOn is { } l && l < joinedOn) throw new ArgumentException("The pupil left before joining.", nameof(leftOn));
        var counted = sessions.Where(s => !s.Cancelled && s.On >= joinedOn && (leftOn is null || s.On <= leftOn)).ToList();
        var attended = counted.Count(s => s.Attended);
        decimal? percent = counted.Count == 0
            ? null
            : Math.Round(100m * attended / counted.Count, 1, MidpointRounding.AwayFromZero);
        return new AttendanceResult(counted.Count, attended, percent);
    }

    /// <summary>
    /// Cost ÷ progress, to the penny: e.g. £ per month of reading age gained, or per standardised point.
    /// Null when there was no progress to divide by (zero or a fall): a cost per unit would be meaningless.
    /// </summary>
    public static decimal? CostPerUnitOfProgress(decimal totalCost, decimal totalProgress)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(totalCost);
        return totalProgress <= 0m ? null : InterventionCost.RoundPennies(totalCost / totalProgress);
    }

    /// <summary>Cost per unit of progress across a group's included pupils.</summary>
    public static decimal? CostPerUnitOfProgress(decimal totalCost, GroupImpact group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return CostPerUnitOfProgress(totalCost, group.TotalGain);
    }

    private static decimal Round2(decimal d) => Math.Round(d, 2, MidpointRounding.AwayFromZero);
}
