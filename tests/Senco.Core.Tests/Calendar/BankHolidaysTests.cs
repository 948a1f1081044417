using Senco.Core.Calendar;

namespace Senco.Core.Tests.Calendar;

/// England and Wales bank holidays, hand-checked against the lists published on gov.uk/bank-holidays.
public class BankHolidaysTests
{
    private static string[] Dates(int year) => BankHolidays.InYear(year).Select(d => d.Date.ToString("yyyy-MM-dd")).ToArray();

    [Fact]
    public void Year_2026_Christmas_on_a_Friday_so_Boxing_Day_Saturday_moves_to_Monday_28() =>
        Assert.Equal(["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"], Dates(2026));

    [Fact]
    public void Year_2027_Christmas_on_a_Saturday_so_substitutes_Monday_27_and_Tuesday_28() =>
        Assert.Equal(["2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"], Dates(2027));

    [Fact]
    public void Year_2022_New_Year_Saturday_substitute_Monday_3_jubilee_moves_spring_to_2_June_adds_3_June_state_funeral_19_September_Christmas_Sunday() =>
        Assert.Equal(["2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27"], Dates(2022));

    [Fact]
    public void Year_2023_New_Year_Sunday_substitute_Monday_2_and_the_coronation_on_8_May() =>
        Assert.Equal(["2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25", "2023-12-26"], Dates(2023));

    [Fact]
    public void Year_2020_early_May_moved_to_Friday_8_May_for_VE_Day() =>
        Assert.Equal(["2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28"], Dates(2020));

    [Fact]
    public void Christmas_names_say_which_day_is_a_substitute()
    {
        var y2027 = BankHolidays.InYear(2027).ToDictionary(d => d.Date, d => d.Name);
        Assert.Equal("Christmas Day (substitute day)", y2027[new DateOnly(2027, 12, 27)]);
        Assert.Equal("Boxing Day (substitute day)", y2027[new DateOnly(2027, 12, 28)]);
        var y2022 = BankHolidays.InYear(2022).ToDictionary(d => d.Date, d => d.Name);
        Assert.Equal("Boxing Day", y2022[new DateOnly(2022, 12, 26)]);
        Assert.Equal("Christmas Day (substitute day)", y2022[new DateOnly(2022, 12, 27)]);
    }

    [Theory]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2028, "2028-04-16")]
    [InlineData(2038, "2038-04-25")] // the latest possible Easter
    [InlineData(2285, "2285-03-22")] // the earliest possible Easter
    public void Easter_Sunday(int year, string date) => Assert.Equal(DateOnly.Parse(date), BankHolidays.EasterSunday(year));

    [Theory]
    [InlineData("2027-12-24", "2027-12-24")] // Friday, a working day
    [InlineData("2027-12-25", "2027-12-29")] // Saturday, Sunday, two substitute days
    [InlineData("2026-10-03", "2026-10-05")] // an ordinary weekend
    [InlineData("2028-01-01", "2028-01-04")] // Saturday, Sunday, Monday 3 January substitute
    public void Next_working_day(string date, string working) =>
        Assert.Equal(DateOnly.Parse(working), BankHolidays.OnOrNextWorkingDay(DateOnly.Parse(date)));

    [Fact]
    public void Every_year_has_eight_usual_holidays_all_on_weekdays()
    {
        for (var y = 1980; y <= 2100; y++)
        {
            var days = BankHolidays.InYear(y);
            Assert.True(days.Count >= 8, $"{y}");
            Assert.All(days, d => Assert.True(d.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), $"{d.Date} {d.Name}"));
            Assert.Equal(days.Count, days.Select(d => d.Date).Distinct().Count());
        }
    }
}
