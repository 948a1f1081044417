using System.Globalization;

namespace Senco.Core.Provision;

/// <summary>
/// One weekly commitment of a member of staff: a group's slot, a 1:1, a class, or anything else, on a weekday from
/// <see cref="Start"/> to <see cref="End"/>, optionally only between two dates (a group runs for some weeks only).
/// </summary>
public sealed record TimetableItem(string Ref, string Label, DayOfWeek Day, TimeOnly Start, TimeOnly End, DateOnly? From = null, DateOnly? To = null)
{
    public int Minutes => (int)(End - Start).TotalMinutes;

    /// <summary>Active at some point between the two dates (both inclusive).</summary>
    public bool ActiveBetween(DateOnly from, DateOnly to) => (From is null || From <= to) && (To is null || To >= from);

    public string When => $"{Timetable.DayName(Day)} {Timetable.Time(Start)}–{Timetable.Time(End)}";
}

/// <summary>Two commitments at the same time.</summary>
public sealed record Clash(TimetableItem First, TimetableItem Second)
{
    public string Describe() => $"{First.Label} ({First.When}) and {Second.Label} ({Second.When}) overlap";
}

/// <summary>Hours timetabled in a week against hours contracted.</summary>
public sealed record HoursUse(decimal Used, decimal? Contracted)
{
    /// <summary>Contracted − used; negative when over. Null without a contract.</summary>
    public decimal? Remaining => Contracted is { } c ? c - Used : null;

    public bool Over => Contracted is { } c && Used > c;

    /// <summary>Used ÷ contracted as a percentage to 1 decimal place; null without a (non-zero) contract.</summary>
    public decimal? Percent => Contracted is { } c && c > 0 ? Math.Round(100m * Used / c, 1, MidpointRounding.AwayFromZero) : null;
}

/// <summary>Weekly timetables of staff: clashes (a TA double-booked), hours used, and the dates a group meets.</summary>
public static class Timetable
{
    public static readonly DayOfWeek[] SchoolDays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>
    /// Same weekday, times overlapping (touching is not a clash: 09:00–09:30 then 09:30–10:00 is fine), and date
    /// ranges overlapping (a group that ended in December does not clash with one that starts in January).
    /// </summary>
    public static bool Overlaps(TimetableItem a, TimetableItem b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Day != b.Day) return false;
        if (!(a.Start < b.End && b.Start < a.End)) return false;
        var aFrom = a.From ?? DateOnly.MinValue;
        var aTo = a.To ?? DateOnly.MaxValue;
        var bFrom = b.From ?? DateOnly.MinValue;
        var bTo = b.To ?? DateOnly.MaxValue;
        return aFrom <= bTo && bFrom <= aTo;
    }

    /// <summary>Every pair of items that overlap, each pair once, in timetable order.</summary>
    public static IReadOnlyList<Clash> Clashes(IEnumerable<TimetableItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var list = Order(items).ToList();
        var clashes = new List<Clash>();
        for (var i = 0; i < list.Count; i++)
            for (var j = i + 1; j < list.Count; j++)
            {
                if (list[j].Day != list[i].Day || list[j].Start >= list[i].End) continue;
                if (Overlaps(list[i], list[j])) clashes.Add(new Clash(list[i], list[j]));
            }
        return clashes;
    }

    /// <summary>The existing items a new one would clash with (items with the same <see cref="TimetableItem.Ref"/> are itself, being edited).</summary>
    public static IReadOnlyList<TimetableItem> ClashesWith(TimetableItem candidate, IEnumerable<TimetableItem> existing)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(existing);
        return Order(existing.Where(e => e.Ref != candidate.Ref && Overlaps(candidate, e))).ToList();
    }

    /// <summary>
    /// Hours of the items active in the school week beginning <paramref name="monday"/> (Monday to Friday), to
    /// 2 decimal places. Overlapping items are each counted: a clash is flagged separately, not hidden here.
    /// </summary>
    public static decimal WeeklyHours(IEnumerable<TimetableItem> items, DateOnly monday)
    {
        ArgumentNullException.ThrowIfNull(items);
        var friday = monday.AddDays(4);
        var minutes = items.Where(i => i.ActiveBetween(monday, friday) && ActiveOnDay(i, monday)).Sum(i => i.Minutes);
        return Math.Round(minutes / 60m, 2, MidpointRounding.AwayFromZero);
    }

    public static HoursUse Use(IEnumerable<TimetableItem> items, DateOnly monday, decimal? contracted) =>
        new(WeeklyHours(items, monday), contracted);

    /// <summary>Items on the given day of the week that starts <paramref name="monday"/>, earliest first.</summary>
    public static IReadOnlyList<TimetableItem> Day(IEnumerable<TimetableItem> items, DateOnly monday, DayOfWeek day)
    {
        var date = DateOn(monday, day);
        return Order(items.Where(i => i.Day == day && i.ActiveBetween(date, date))).ToList();
    }

    /// <summary>The Monday of the week containing <paramref name="d"/> (a Saturday or Sunday belongs to the week before).</summary>
    public static DateOnly WeekBeginning(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    public static DateOnly DateOn(DateOnly monday, DayOfWeek day) => monday.AddDays(((int)day + 6) % 7);

    /// <summary>
    /// The dates a group meets: each timetabled weekday from <paramref name="startOn"/> for <paramref name="weeks"/>
    /// weeks, up to and including <paramref name="until"/> when given. Weekdays given twice count once.
    /// </summary>
    public static IReadOnlyList<DateOnly> SessionDates(DateOnly startOn, int weeks, IEnumerable<DayOfWeek> days, DateOnly? until = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(weeks);
        var set = days.ToHashSet();
        var end = startOn.AddDays(weeks * 7 - 1);
        if (until is { } u && u < end) end = u;
        var dates = new List<DateOnly>();
        for (var d = startOn; d <= end; d = d.AddDays(1))
            if (set.Contains(d.DayOfWeek)) dates.Add(d);
        return dates;
    }

    public static string DayName(DayOfWeek day) => CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(day);

    public static string Time(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Parses "9:30", "09:30" or "0930" (24-hour clock). Anything else is null.</summary>
    public static TimeOnly? ParseTime(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        var t = s.Trim().Replace('.', ':');
        if (t.Length == 4 && t.All(char.IsDigit)) t = t[..2] + ":" + t[2..];
        return TimeOnly.TryParseExact(t, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
    }

    private static bool ActiveOnDay(TimetableItem i, DateOnly monday)
    {
        var date = DateOn(monday, i.Day);
        return i.ActiveBetween(date, date);
    }

    private static IOrderedEnumerable<TimetableItem> Order(IEnumerable<TimetableItem> items) =>
        items.OrderBy(i => ((int)i.Day + 6) % 7).ThenBy(i => i.Start).ThenBy(i => i.End).ThenBy(i => i.Ref, StringComparer.Ordinal);
}
