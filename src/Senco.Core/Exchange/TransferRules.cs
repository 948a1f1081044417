using Senco.Core.Calendar;

namespace Senco.Core.Exchange;

/// <summary>
/// When a pupil's record must reach their next school. The Education (Pupil Information) (England) Regulations 2005,
/// reg 9, give 15 school days from the day the pupil ceases to be registered (send-facts.md §4). School days come from
/// the school's calendar (terms and closures) when it has entered one for that year; otherwise every weekday counts,
/// so over a holiday the real deadline is later than shown, and the pages say so.
/// </summary>
public static class TransferRules
{
    public const int SchoolDaysToSend = 15;

    public static DateOnly DueOn(DateOnly leftOn) => AddWeekdays(leftOn, SchoolDaysToSend);

    public static DateOnly DueOn(DateOnly leftOn, SchoolCalendar calendar) => calendar.AddSchoolDays(leftOn, SchoolDaysToSend);

    /// True when the deadline was counted in the school's own school days (its terms for that year are entered).
    public static bool CountedInSchoolDays(DateOnly leftOn, SchoolCalendar calendar) => calendar.Knows(SchoolYear.Containing(leftOn));

    /// <summary>The date <paramref name="days"/> weekdays after <paramref name="from"/> (from itself not counted).</summary>
    public static DateOnly AddWeekdays(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var d = from;
        while (days > 0)
        {
            d = d.AddDays(1);
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) days--;
        }
        return d;
    }

    /// <summary>Weekdays from <paramref name="today"/> to <paramref name="due"/>: positive while time remains, 0 on the
    /// day, negative (weekdays late) once past.</summary>
    public static int WeekdaysLeft(DateOnly today, DateOnly due)
    {
        if (today == due) return 0;
        var sign = today < due ? 1 : -1;
        var (a, b) = sign > 0 ? (today, due) : (due, today);
        var count = 0;
        for (var d = a.AddDays(1); d <= b; d = d.AddDays(1))
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) count++;
        return sign * count;
    }

    public const string HolidayNote = "Due dates count the school days in your school calendar; in a year whose term dates are not entered there, every weekday counts, so over a holiday the legal deadline is later than shown.";
}
