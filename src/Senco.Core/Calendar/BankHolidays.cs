namespace Senco.Core.Calendar;

/// <summary>
/// Bank holidays in England and Wales, computed rather than downloaded, so the rule works for any year and offline.
/// The pattern is the Banking and Financial Dealings Act 1971 Schedule 1 plus the dates fixed each year by royal
/// proclamation, which in practice are: New Year's Day, Good Friday, Easter Monday, the early May bank holiday (first
/// Monday in May), the spring bank holiday (last Monday in May), the summer bank holiday (last Monday in August),
/// Christmas Day and Boxing Day. When New Year's Day, Christmas Day or Boxing Day falls at a weekend the next weekday
/// that is not already a holiday is the substitute (25 December on a Saturday: Christmas moves to Monday 27, Boxing
/// Day to Tuesday 28). Proclamations have also moved some holidays and added one-off days (jubilees, royal weddings,
/// a state funeral, a coronation): those are the tables below, checked against gov.uk/bank-holidays and the London
/// Gazette. A one-off day proclaimed in future has to be added here.
/// </summary>
public static class BankHolidays
{
    /// Extra one-off bank holidays, on top of the usual eight.
    private static readonly Dictionary<DateOnly, string> OneOff = new()
    {
        [new(1999, 12, 31)] = "Millennium bank holiday",
        [new(2002, 6, 3)] = "Golden Jubilee bank holiday",
        [new(2011, 4, 29)] = "Royal wedding bank holiday",
        [new(2012, 6, 5)] = "Diamond Jubilee bank holiday",
        [new(2022, 6, 3)] = "Platinum Jubilee bank holiday",
        [new(2022, 9, 19)] = "Bank holiday for the State Funeral of Queen Elizabeth II",
        [new(2023, 5, 8)] = "Bank holiday for the coronation of King Charles III",
    };

    /// Years in which the early May bank holiday was moved from the first Monday in May (VE Day anniversaries).
    private static readonly Dictionary<int, DateOnly> EarlyMayMoved = new()
    {
        [1995] = new(1995, 5, 8),
        [2020] = new(2020, 5, 8),
    };

    /// Years in which the spring bank holiday was moved from the last Monday in May (jubilees).
    private static readonly Dictionary<int, DateOnly> SpringMoved = new()
    {
        [2002] = new(2002, 6, 4),
        [2012] = new(2012, 6, 4),
        [2022] = new(2022, 6, 2),
    };

    /// The bank holidays of one calendar year in England and Wales, in date order, with their names.
    public static IReadOnlyList<(DateOnly Date, string Name)> InYear(int year)
    {
        var days = new List<(DateOnly Date, string Name)>();
        var newYear = new DateOnly(year, 1, 1);
        days.Add((NextWeekday(newYear), newYear.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? "New Year's Day (substitute day)" : "New Year's Day"));
        var easter = EasterSunday(year);
        days.Add((easter.AddDays(-2), "Good Friday"));
        days.Add((easter.AddDays(1), "Easter Monday"));
        days.Add((EarlyMayMoved.TryGetValue(year, out var earlyMay) ? earlyMay : FirstMonday(year, 5), "Early May bank holiday"));
        days.Add((SpringMoved.TryGetValue(year, out var spring) ? spring : LastMonday(year, 5), "Spring bank holiday"));
        days.Add((LastMonday(year, 8), "Summer bank holiday"));

        // Christmas first, then Boxing Day on the next weekday after both 26 December and Christmas's own (perhaps
        // substitute) day: Sat 25 → Mon 27 and Tue 28; Sun 25 → Boxing Day Mon 26 and Christmas substitute Tue 27.
        var christmas = new DateOnly(year, 12, 25);
        var boxing = new DateOnly(year, 12, 26);
        if (christmas.DayOfWeek == DayOfWeek.Sunday)
        {
            days.Add((boxing, "Boxing Day"));
            days.Add((boxing.AddDays(1), "Christmas Day (substitute day)"));
        }
        else
        {
            var c = NextWeekday(christmas);
            days.Add((c, c == christmas ? "Christmas Day" : "Christmas Day (substitute day)"));
            var b = NextWeekday(boxing);
            if (b <= c) b = NextWeekday(c.AddDays(1));
            days.Add((b, b == boxing ? "Boxing Day" : "Boxing Day (substitute day)"));
        }

        days.AddRange(OneOff.Where(o => o.Key.Year == year).Select(o => (o.Key, o.Value)));
        return days.OrderBy(d => d.Date).ToList();
    }

    public static bool IsBankHoliday(DateOnly date) => InYear(date.Year).Any(d => d.Date == date);

    /// The name of the bank holiday on this date, or null.
    public static string? NameOf(DateOnly date) => InYear(date.Year).Where(d => d.Date == date).Select(d => d.Name).FirstOrDefault();

    /// A working day: Monday to Friday and not a bank holiday in England and Wales.
    public static bool IsWorkingDay(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsBankHoliday(date);

    /// The date itself when it is a working day, else the next working day after it.
    public static DateOnly OnOrNextWorkingDay(DateOnly date)
    {
        while (!IsWorkingDay(date)) date = date.AddDays(1);
        return date;
    }

    /// Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher).
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    private static DateOnly NextWeekday(DateOnly d)
    {
        while (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) d = d.AddDays(1);
        return d;
    }

    private static DateOnly FirstMonday(int year, int month)
    {
        var d = new DateOnly(year, month, 1);
        while (d.DayOfWeek != DayOfWeek.Monday) d = d.AddDays(1);
        return d;
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var d = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        while (d.DayOfWeek != DayOfWeek.Monday) d = d.AddDays(-1);
        return d;
    }
}
