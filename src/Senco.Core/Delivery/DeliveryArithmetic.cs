using Senco.Core.Calendar;
using Senco.Core.Model;

namespace Senco.Core.Delivery;

/// One session as the arithmetic sees it: the day, its minutes, and whether it was delivered or missed (and why).
/// For a missed session <see cref="Minutes"/> is how long it would have lasted.
public sealed record SessionFact(DateOnly On, int Minutes, bool Delivered, MissedReason? Reason = null);

/// A line's planned dose for the arithmetic: minutes a week, between two dates (inclusive; no end = open).
public sealed record DoseSpan(int MinutesPerWeek, DateOnly From, DateOnly? To);

/// One school week (Monday to Friday) of one line or of a pupil's lines together.
public sealed record WeekFigures(
    DateOnly Monday,
    int SchoolDays,
    decimal PlannedMinutes,
    int DeliveredMinutes,
    /// Minutes of missed sessions whose reason does not count as shortfall: they leave the expected time.
    int NotPossibleMinutes,
    /// Minutes missed by reason, every reason (counting or not).
    IReadOnlyDictionary<MissedReason, int> MissedByReason)
{
    public DateOnly Friday => Monday.AddDays(4);
    public decimal ExpectedMinutes => Math.Max(0m, PlannedMinutes - NotPossibleMinutes);
    public decimal ShortfallMinutes => Math.Max(0m, ExpectedMinutes - DeliveredMinutes);
    public decimal? Percent => DeliveryArithmetic.Percent(DeliveredMinutes, ExpectedMinutes);
}

/// The same figures over a period (a term, the whole range).
public sealed record PeriodFigures(decimal PlannedMinutes, int DeliveredMinutes, int NotPossibleMinutes, IReadOnlyDictionary<MissedReason, int> MissedByReason, ShortfallPolicy Policy)
{
    public decimal ExpectedMinutes => Math.Max(0m, PlannedMinutes - NotPossibleMinutes);
    public decimal ShortfallMinutes => Math.Max(0m, ExpectedMinutes - DeliveredMinutes);
    public decimal? Percent => DeliveryArithmetic.Percent(DeliveredMinutes, ExpectedMinutes);

    /// The shortfall explained by missed sessions whose reason counts, reason by reason; what no record explains is
    /// <see cref="UnexplainedMinutes"/> (sessions never logged).
    public IReadOnlyList<(MissedReason Reason, int Minutes)> ShortfallReasons =>
        MissedByReason.Where(kv => Policy.Counts(kv.Key) && kv.Value > 0).OrderByDescending(kv => kv.Value).Select(kv => (kv.Key, kv.Value)).ToList();

    public decimal UnexplainedMinutes => Math.Max(0m, ShortfallMinutes - ShortfallReasons.Sum(r => r.Minutes));
}

public enum TermName { Autumn, Spring, Summer }

/// A term of a school year. <see cref="Start"/> and <see cref="End"/> are the conventional thirds of the school year
/// (autumn 1 September – 31 December, spring 1 January – 31 March, summer 1 April – 31 August), used when the school
/// has not entered its own term dates; the school's <see cref="SchoolCalendar"/> knows the real ones.
public readonly record struct Term(SchoolYear Year, TermName Name)
{
    public DateOnly Start => Name switch
    {
        TermName.Autumn => Year.Start,
        TermName.Spring => new DateOnly(Year.StartYear + 1, 1, 1),
        _ => new DateOnly(Year.StartYear + 1, 4, 1),
    };

    public DateOnly End => Name switch
    {
        TermName.Autumn => new DateOnly(Year.StartYear, 12, 31),
        TermName.Spring => new DateOnly(Year.StartYear + 1, 3, 31),
        _ => Year.End,
    };

    public string Label => $"{Name} {Year.Label}";

    public static Term Containing(DateOnly d)
    {
        var y = SchoolYear.Containing(d);
        return new Term(y, d.Month >= 9 ? TermName.Autumn : d.Month <= 3 ? TermName.Spring : TermName.Summer);
    }

    public override string ToString() => Label;
}

/// <summary>
/// Planned against delivered: pure arithmetic over school weeks (Monday to Friday). A week's planned time is the
/// line's minutes a week pro rata to the school days of that week inside the line's dates and the period asked for,
/// so a line starting on a Wednesday owes three fifths of a week. Delivered time is the minutes of sessions delivered
/// that week. Missed sessions whose reason does not count as shortfall (see <see cref="ShortfallPolicy"/>) leave the
/// expected time; those whose reason counts are shortfall with that reason. The percentage is delivered over expected.
/// </summary>
public static class DeliveryArithmetic
{
    public static int MinutesPerWeek(DoseBasis basis, decimal? hoursPerWeek, int? sessionsPerWeek, int? minutesPerSession) => basis switch
    {
        DoseBasis.HoursPerWeek => hoursPerWeek is { } h ? (int)Math.Round(h * 60m, MidpointRounding.AwayFromZero) : 0,
        _ => sessionsPerWeek is { } s && minutesPerSession is { } m ? s * m : 0,
    };

    public static DateOnly MondayOf(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    public static decimal? Percent(int delivered, decimal expected) =>
        expected <= 0 ? null : Math.Round(delivered * 100m / expected, 1, MidpointRounding.AwayFromZero);

    /// School days (Monday to Friday) between two dates inclusive.
    public static int SchoolDays(DateOnly from, DateOnly to)
    {
        var n = 0;
        for (var d = from; d <= to; d = d.AddDays(1))
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) n++;
        return n;
    }

    /// The term a week counts in: that of its first school day inside the period (so the week of Monday 4 January, when
    /// the spring term starts on Tuesday 5 January, is spring), or of its first day in the period when it has none.
    private static Term TermOfWeek(DateOnly monday, DateOnly? periodStart, SchoolCalendar calendar)
    {
        var first = periodStart is { } p && monday < p ? p : monday;
        for (var d = first; d <= monday.AddDays(4); d = d.AddDays(1))
            if (calendar.IsSchoolDay(d)) return calendar.TermContaining(d);
        return calendar.TermContaining(first);
    }

    /// <summary>
    /// The weeks of one line from <paramref name="start"/> to <paramref name="end"/> (inclusive), every week that has
    /// planned time or a session. Sessions outside the period are ignored; a session on a weekend counts in its week.
    /// </summary>
    /// With the school's <paramref name="calendar"/>, only its school days owe time: a week with an INSET day owes four
    /// fifths, half term owes nothing. Without one, every weekday does.
    public static IReadOnlyList<WeekFigures> Weeks(DoseSpan dose, IEnumerable<SessionFact> sessions, DateOnly start, DateOnly end, ShortfallPolicy policy,
        SchoolCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(dose);
        ArgumentNullException.ThrowIfNull(policy);
        if (end < start) throw new ArgumentException("The period ends before it starts.", nameof(end));
        var inPeriod = sessions.Where(s => s.On >= start && s.On <= end).ToList();
        var from = dose.From > start ? dose.From : start;
        var to = dose.To is { } t && t < end ? t : end;

        var result = new List<WeekFigures>();
        for (var monday = MondayOf(start); monday <= end; monday = monday.AddDays(7))
        {
            var sunday = monday.AddDays(6);
            var days = 0;
            if (from <= to)
            {
                var a = from > monday ? from : monday;
                var b = to < sunday ? to : sunday;
                if (a <= b) days = calendar is null ? SchoolDays(a, b) : calendar.SchoolDays(a, b);
            }
            var planned = days == 0 ? 0m : dose.MinutesPerWeek * days / 5m;
            var week = inPeriod.Where(s => s.On >= monday && s.On <= sunday).ToList();
            if (planned == 0 && week.Count == 0) continue;
            var missed = week.Where(s => !s.Delivered).GroupBy(s => s.Reason ?? MissedReason.Other).ToDictionary(g => g.Key, g => g.Sum(s => s.Minutes));
            var notPossible = missed.Where(kv => !policy.Counts(kv.Key)).Sum(kv => kv.Value);
            result.Add(new WeekFigures(monday, days, planned, week.Where(s => s.Delivered).Sum(s => s.Minutes), notPossible, missed));
        }
        return result;
    }

    /// Several lines' weeks added together, week by week (a pupil's whole provision).
    public static IReadOnlyList<WeekFigures> Combine(IEnumerable<IReadOnlyList<WeekFigures>> lines) =>
        lines.SelectMany(l => l).GroupBy(w => w.Monday).OrderBy(g => g.Key)
            .Select(g => new WeekFigures(g.Key, g.Max(w => w.SchoolDays), g.Sum(w => w.PlannedMinutes), g.Sum(w => w.DeliveredMinutes), g.Sum(w => w.NotPossibleMinutes),
                g.SelectMany(w => w.MissedByReason).GroupBy(kv => kv.Key).ToDictionary(x => x.Key, x => x.Sum(kv => kv.Value))))
            .ToList();

    public static PeriodFigures Total(IEnumerable<WeekFigures> weeks, ShortfallPolicy policy)
    {
        var list = weeks.ToList();
        return new PeriodFigures(list.Sum(w => w.PlannedMinutes), list.Sum(w => w.DeliveredMinutes), list.Sum(w => w.NotPossibleMinutes),
            list.SelectMany(w => w.MissedByReason).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value)), policy);
    }

    /// Weeks grouped by term, oldest first. A week belongs to the term of its first day inside the period (so the week
    /// of Monday 31 August, reported from 1 September, is autumn; the week of 28 December stays autumn).
    public static IReadOnlyList<(Term Term, PeriodFigures Figures)> ByTerm(IEnumerable<WeekFigures> weeks, ShortfallPolicy policy, DateOnly? periodStart = null,
        SchoolCalendar? calendar = null) =>
        weeks.GroupBy(w => TermOfWeek(w.Monday, periodStart, calendar ?? SchoolCalendar.Conventional)).OrderBy(g => g.Key.Start).Select(g => (g.Key, Total(g, policy))).ToList();

    /// <summary>
    /// The alert: the two most recent completed weeks (Friday before <paramref name="today"/>) that owed any time were
    /// both below the threshold. Weeks that owed nothing (holidays logged as closures, before the line started) are
    /// skipped rather than breaking the run. Returns those two weeks, most recent last, or null when there is no alert.
    /// </summary>
    public static (WeekFigures Earlier, WeekFigures Later)? BelowThresholdTwoWeeks(IReadOnlyList<WeekFigures> weeks, int thresholdPercent, DateOnly today)
    {
        var owed = weeks.Where(w => w.Friday < today && w.ExpectedMinutes > 0).OrderBy(w => w.Monday).ToList();
        if (owed.Count < 2) return null;
        var (a, b) = (owed[^2], owed[^1]);
        return a.Percent < thresholdPercent && b.Percent < thresholdPercent ? (a, b) : null;
    }

    /// "2 h 30 min", "45 min", "1 h".
    public static string Show(decimal minutes)
    {
        var m = (int)Math.Round(minutes, MidpointRounding.AwayFromZero);
        if (m < 60) return $"{m} min";
        return m % 60 == 0 ? $"{m / 60} h" : $"{m / 60} h {m % 60} min";
    }
}
