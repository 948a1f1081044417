using Senco.Core.Provision;

namespace Senco.Core.Tests.Provision;

public class TimetableTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s);
    private static TimeOnly T(string s) => TimeOnly.Parse(s);
    private static DateOnly? Dn(string? s) => s is null ? null : D(s);

    private static TimetableItem Item(string r, DayOfWeek day, string start, string end, string? from = null, string? to = null) =>
        new(r, r, day, T(start), T(end), Dn(from), Dn(to));

    [Theory]
    // day A, A start-end, day B, B start-end, overlaps?
    [InlineData(DayOfWeek.Monday, "09:00", "09:30", DayOfWeek.Monday, "09:15", "09:45", true)]
    [InlineData(DayOfWeek.Monday, "09:00", "09:30", DayOfWeek.Monday, "09:30", "10:00", false)]   // touching is fine
    [InlineData(DayOfWeek.Monday, "09:00", "12:00", DayOfWeek.Monday, "10:00", "10:20", true)]    // inside
    [InlineData(DayOfWeek.Monday, "09:00", "09:30", DayOfWeek.Tuesday, "09:00", "09:30", false)]  // another day
    [InlineData(DayOfWeek.Friday, "13:00", "14:00", DayOfWeek.Friday, "12:00", "13:00", false)]
    [InlineData(DayOfWeek.Friday, "13:00", "14:00", DayOfWeek.Friday, "12:00", "13:01", true)]
    public void Overlap_by_day_and_time(DayOfWeek da, string sa, string ea, DayOfWeek db, string sb, string eb, bool expected)
    {
        Assert.Equal(expected, Timetable.Overlaps(Item("a", da, sa, ea), Item("b", db, sb, eb)));
        Assert.Equal(expected, Timetable.Overlaps(Item("b", db, sb, eb), Item("a", da, sa, ea)));
    }

    [Theory]
    // A from-to, B from-to: a group that ended does not clash with one that starts later
    [InlineData("2026-09-07", "2026-12-18", "2027-01-04", "2027-03-26", false)]
    [InlineData("2026-09-07", "2026-12-18", "2026-12-18", "2027-03-26", true)]    // share the last day
    [InlineData(null, null, "2027-01-04", "2027-03-26", true)]                   // open-ended
    [InlineData("2026-09-07", null, null, "2026-09-06", false)]
    [InlineData("2026-09-07", null, null, "2026-09-07", true)]
    public void Overlap_by_dates(string? fa, string? ta, string? fb, string? tb, bool expected) =>
        Assert.Equal(expected, Timetable.Overlaps(
            Item("a", DayOfWeek.Monday, "09:00", "09:30", fa, ta), Item("b", DayOfWeek.Monday, "09:00", "09:30", fb, tb)));

    [Fact]
    public void Clashes_lists_each_pair_once_in_timetable_order()
    {
        var items = new[]
        {
            Item("phonics", DayOfWeek.Tuesday, "09:00", "09:30"),
            Item("1:1", DayOfWeek.Monday, "09:00", "11:00"),
            Item("maths", DayOfWeek.Monday, "10:30", "11:30"),
            Item("reading", DayOfWeek.Monday, "09:15", "09:45"),
            Item("elsa", DayOfWeek.Tuesday, "09:30", "10:00"),
        };
        var clashes = Timetable.Clashes(items);
        Assert.Equal(["1:1/reading", "1:1/maths"], clashes.Select(c => $"{c.First.Ref}/{c.Second.Ref}"));
        Assert.Equal("1:1 (Monday 09:00–11:00) and reading (Monday 09:15–09:45) overlap", clashes[0].Describe());
    }

    [Fact]
    public void No_items_no_clashes() => Assert.Empty(Timetable.Clashes([]));

    [Fact]
    public void Clashes_with_ignores_the_item_being_edited()
    {
        var existing = new[] { Item("g1", DayOfWeek.Monday, "09:00", "09:30"), Item("g2", DayOfWeek.Monday, "09:20", "10:00"), Item("g3", DayOfWeek.Monday, "10:00", "10:30") };
        var edited = Item("g1", DayOfWeek.Monday, "09:00", "09:45");
        Assert.Equal(["g2"], Timetable.ClashesWith(edited, existing).Select(i => i.Ref));
    }

    [Theory]
    // week beginning, expected hours: groups on Mon 09:00-09:30 (autumn only), Wed 13:00-14:30, a 1:1 every day 09:00-12:00 from 2026-09-14
    [InlineData("2026-09-07", "2.00")]    // before the 1:1 starts: 0.5 + 1.5
    [InlineData("2026-09-14", "17.00")]   // 2 + 15
    [InlineData("2027-01-04", "16.50")]   // autumn group over
    public void Weekly_hours_count_items_active_that_week(string monday, string hours)
    {
        var items = new List<TimetableItem>
        {
            Item("autumn", DayOfWeek.Monday, "09:00", "09:30", "2026-09-07", "2026-12-18"),
            Item("wed", DayOfWeek.Wednesday, "13:00", "14:30"),
        };
        items.AddRange(Timetable.SchoolDays.Select(d => Item("1:1-" + d, d, "09:00", "12:00", "2026-09-14")));
        Assert.Equal(decimal.Parse(hours, System.Globalization.CultureInfo.InvariantCulture), Timetable.WeeklyHours(items, D(monday)));
    }

    [Fact]
    public void Weekly_hours_count_a_mid_week_start_from_that_day()
    {
        // Starts on Wednesday: Monday's and Tuesday's slots that week are not worked.
        var items = Timetable.SchoolDays.Select(d => Item("x" + d, d, "09:00", "10:00", "2026-09-09")).ToList();
        Assert.Equal(3m, Timetable.WeeklyHours(items, D("2026-09-07")));
    }

    [Theory]
    [InlineData("27.5", "20", "7.5", false, "72.7")]
    [InlineData("20", "22.25", "-2.25", true, "111.3")]
    [InlineData(null, "5", null, false, null)]
    [InlineData("0", "5", "-5", true, null)]
    public void Hours_use(string? contracted, string used, string? remaining, bool over, string? percent)
    {
        static decimal? M(string? s) => s is null ? null : decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        var use = new HoursUse(M(used)!.Value, M(contracted));
        Assert.Equal(M(remaining), use.Remaining);
        Assert.Equal(over, use.Over);
        Assert.Equal(M(percent), use.Percent);
    }

    [Theory]
    [InlineData("2026-09-07", "2026-09-07")]   // Monday
    [InlineData("2026-09-11", "2026-09-07")]   // Friday
    [InlineData("2026-09-13", "2026-09-07")]   // Sunday belongs to the week before
    [InlineData("2026-09-14", "2026-09-14")]
    public void Week_beginning(string date, string monday) => Assert.Equal(D(monday), Timetable.WeekBeginning(D(date)));

    [Fact]
    public void Session_dates_over_the_run()
    {
        var dates = Timetable.SessionDates(D("2026-09-09"), 2, [DayOfWeek.Monday, DayOfWeek.Wednesday]);
        // Starts on a Wednesday: 2 weeks = 9 Sep to 22 Sep.
        Assert.Equal([D("2026-09-09"), D("2026-09-14"), D("2026-09-16"), D("2026-09-21")], dates);
    }

    [Fact]
    public void Session_dates_up_to_today_and_none_without_slots()
    {
        Assert.Equal([D("2026-09-07")], Timetable.SessionDates(D("2026-09-07"), 10, [DayOfWeek.Monday], until: D("2026-09-13")));
        Assert.Empty(Timetable.SessionDates(D("2026-09-07"), 10, []));
        Assert.Empty(Timetable.SessionDates(D("2026-09-07"), 0, [DayOfWeek.Monday]));
        Assert.Empty(Timetable.SessionDates(D("2026-09-07"), 10, [DayOfWeek.Monday], until: D("2026-09-06")));
    }

    [Theory]
    [InlineData("9:30", "09:30")]
    [InlineData("09:30", "09:30")]
    [InlineData("0930", "09:30")]
    [InlineData(" 13.05 ", "13:05")]
    [InlineData("23:59", "23:59")]
    [InlineData("24:00", null)]
    [InlineData("9.30am", null)]
    [InlineData("", null)]
    [InlineData("half nine", null)]
    public void Parse_time(string s, string? expected) =>
        Assert.Equal(expected is null ? null : T(expected), Timetable.ParseTime(s));
}
