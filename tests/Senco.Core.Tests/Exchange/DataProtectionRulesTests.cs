using Senco.Core.Exchange;

namespace Senco.Core.Tests.Exchange;

public class SubjectAccessRulesTests
{
    // Hand-worked: the corresponding date next month (ICO), then past weekends and England and Wales bank holidays.
    [Theory]
    [InlineData("2026-09-03", "2026-10-03", "2026-10-05")] // ICO's example date, 3 October 2026, is a Saturday: Monday 5 October
    [InlineData("2026-01-31", "2026-02-28", "2026-03-02")] // no 31 February: 28 February 2026 is a Saturday, so Monday 2 March
    [InlineData("2025-01-31", "2025-02-28", "2025-02-28")] // no 31 February: 28 February 2025 is a Friday, a working day
    [InlineData("2027-01-31", "2027-02-28", "2027-03-01")] // 28 February 2027 is a Sunday: Monday 1 March
    [InlineData("2028-01-31", "2028-02-29", "2028-02-29")] // leap year: Tuesday 29 February 2028
    [InlineData("2026-01-30", "2026-02-28", "2026-03-02")] // clamped to 28 February (Saturday): Monday 2 March
    [InlineData("2026-03-31", "2026-04-30", "2026-04-30")] // no 31 April: Thursday 30 April
    [InlineData("2026-12-15", "2027-01-15", "2027-01-15")] // across the year end, a Friday
    [InlineData("2026-07-25", "2026-08-25", "2026-08-25")] // the summer holiday does not stop the clock: Tuesday 25 August
    [InlineData("2027-11-25", "2027-12-25", "2027-12-29")] // Christmas 2027 is a Saturday: Mon 27 and Tue 28 are the substitutes, so Wednesday 29
    [InlineData("2027-11-26", "2027-12-26", "2027-12-29")] // Boxing Day 2027 is a Sunday: Mon 27, Tue 28 substitutes, so Wednesday 29
    [InlineData("2022-11-25", "2022-12-25", "2022-12-28")] // Christmas 2022 a Sunday: Boxing Day Mon 26, Christmas substitute Tue 27, so Wednesday 28
    [InlineData("2027-12-01", "2028-01-01", "2028-01-04")] // New Year's Day 2028 a Saturday: substitute Monday 3 January, so Tuesday 4
    [InlineData("2026-03-03", "2026-04-03", "2026-04-07")] // Good Friday 2026 (Easter 5 April): Fri, weekend, Easter Monday 6, so Tuesday 7 April
    [InlineData("2026-04-04", "2026-05-04", "2026-05-05")] // early May bank holiday, first Monday of May 2026: Tuesday 5 May
    [InlineData("2026-04-25", "2026-05-25", "2026-05-26")] // spring bank holiday, last Monday of May 2026: Tuesday 26 May
    [InlineData("2026-07-31", "2026-08-31", "2026-09-01")] // summer bank holiday, last Monday of August 2026: Tuesday 1 September
    [InlineData("2022-05-02", "2022-06-02", "2022-06-06")] // Thu 2 June 2022 (spring holiday moved) and Fri 3 June (Platinum Jubilee), weekend: Monday 6 June
    [InlineData("2022-04-30", "2022-05-30", "2022-05-30")] // the last Monday of May 2022 was not a holiday that year (moved to 2 June)
    [InlineData("2022-08-19", "2022-09-19", "2022-09-20")] // the State Funeral bank holiday, Monday 19 September 2022: Tuesday 20
    [InlineData("2023-04-08", "2023-05-08", "2023-05-09")] // the coronation bank holiday, Monday 8 May 2023: Tuesday 9
    [InlineData("2020-04-08", "2020-05-08", "2020-05-11")] // early May holiday moved to Friday 8 May 2020 (VE Day), weekend: Monday 11
    [InlineData("2020-04-04", "2020-05-04", "2020-05-04")] // so Monday 4 May 2020 was a working day
    public void Due_one_calendar_month_after_receipt_or_the_next_working_day(string received, string calendarDate, string due)
    {
        var r = DateOnly.Parse(received);
        Assert.Equal(DateOnly.Parse(calendarDate), SubjectAccessRules.CalendarDueOn(r));
        Assert.Equal(DateOnly.Parse(due), SubjectAccessRules.DueOn(r));
        Assert.Equal(DateOnly.Parse(due), SubjectAccessRules.DueOn(r, extended: false));
        Assert.Equal(calendarDate == due, SubjectAccessRules.WhyMoved(r) is null);
    }

    [Theory]
    [InlineData("2026-09-03", "2026-12-03")] // Thursday 3 December 2026
    [InlineData("2026-11-30", "2027-03-01")] // 28 February 2027 (no 30th) is a Sunday: Monday 1 March
    [InlineData("2027-11-30", "2028-02-29")] // leap year, a Tuesday
    [InlineData("2026-01-31", "2026-04-30")] // no 31 April: Thursday 30 April
    [InlineData("2027-09-25", "2027-12-29")] // Saturday 25 December 2027, substitutes Mon 27 and Tue 28: Wednesday 29
    public void Extended_by_two_further_months(string received, string due)
    {
        Assert.Equal(DateOnly.Parse(due), SubjectAccessRules.ExtendedDueOn(DateOnly.Parse(received)));
        Assert.Equal(DateOnly.Parse(due), SubjectAccessRules.DueOn(DateOnly.Parse(received), extended: true));
    }

    [Fact]
    public void Why_the_date_moved_names_the_bank_holiday_or_the_weekend()
    {
        // 25 December 2027 is itself a Saturday (Christmas's holiday is the substitute Monday); 3 April 2026 is Good Friday.
        Assert.Contains("25 December 2027", SubjectAccessRules.WhyMoved(new DateOnly(2027, 11, 25)));
        Assert.Contains("is a Saturday", SubjectAccessRules.WhyMoved(new DateOnly(2027, 11, 25)));
        Assert.Contains("is a bank holiday (Good Friday)", SubjectAccessRules.WhyMoved(new DateOnly(2026, 3, 3)));
        Assert.Contains("is a Saturday", SubjectAccessRules.WhyMoved(new DateOnly(2026, 9, 3)));
        Assert.Contains("three calendar months", SubjectAccessRules.WhyMoved(new DateOnly(2027, 9, 25), extended: true));
        Assert.Null(SubjectAccessRules.WhyMoved(new DateOnly(2026, 3, 31)));
    }

    [Fact]
    public void An_extension_must_be_decided_within_the_first_month()
    {
        // Received Saturday 31 January 2026: one month on is Saturday 28 February, so the first month ends Monday 2 March.
        var received = new DateOnly(2026, 1, 31);
        Assert.Null(SubjectAccessRules.ExtensionError(received, new DateOnly(2026, 3, 2)));
        Assert.Contains("2 March 2026", SubjectAccessRules.ExtensionError(received, new DateOnly(2026, 3, 3)));
    }

    [Fact]
    public void Days_left_go_negative_when_overdue()
    {
        Assert.Equal(3, SubjectAccessRules.DaysLeft(new DateOnly(2026, 10, 3), new DateOnly(2026, 9, 30)));
        Assert.Equal(-2, SubjectAccessRules.DaysLeft(new DateOnly(2026, 10, 3), new DateOnly(2026, 10, 5)));
    }

    [Fact]
    public void A_request_needs_a_received_date_in_the_past_and_a_requester()
    {
        var today = new DateOnly(2026, 11, 23);
        Assert.True(SubjectAccessRules.Validate(today, "Mx Robin Okafor", today).IsValid);
        var e = SubjectAccessRules.Validate(today.AddDays(1), " ", today);
        Assert.True(e.Has("receivedOn"));
        Assert.True(e.Has("requester"));
        Assert.True(SubjectAccessRules.Validate(null, "x", today).Has("receivedOn"));
    }
}

public class RetentionRulesTests
{
    [Theory]
    [InlineData("1992-03-14", null, RetentionBasis.DateOfBirth, 31, "2023-03-14")]
    [InlineData("2008-02-29", null, RetentionBasis.DateOfBirth, 31, "2039-02-28")] // not a leap year
    [InlineData("2008-02-29", null, RetentionBasis.DateOfBirth, 32, "2040-02-29")]
    [InlineData("1992-03-14", "2009-07-22", RetentionBasis.DateOfBirth, 25, "2017-03-14")]
    [InlineData("1992-03-14", "2009-07-22", RetentionBasis.LeavingDate, 6, "2015-07-22")]
    [InlineData("1992-03-14", null, RetentionBasis.LeavingDate, 6, "2023-03-14")] // no leaving date: the default rule
    public void Kept_until(string dob, string? left, RetentionBasis basis, int years, string until) =>
        Assert.Equal(DateOnly.Parse(until), RetentionRules.KeepUntil(DateOnly.Parse(dob), left is null ? null : DateOnly.Parse(left), basis, years));

    [Fact]
    public void Only_pupils_off_roll_are_ever_past_retention()
    {
        var today = new DateOnly(2026, 11, 23);
        Assert.True(RetentionRules.IsPastRetention(false, today.AddDays(-1), today));
        Assert.False(RetentionRules.IsPastRetention(false, today, today));
        Assert.False(RetentionRules.IsPastRetention(true, today.AddYears(-5), today));
    }

    [Theory]
    [InlineData(31, "DateOfBirth", true)]
    [InlineData(6, "LeavingDate", true)]
    [InlineData(0, "DateOfBirth", false)]
    [InlineData(101, "DateOfBirth", false)]
    [InlineData(31, "Birthday", false)]
    [InlineData(31, "1", false)]
    public void Settings_are_checked(int years, string basis, bool ok) => Assert.Equal(ok, RetentionRules.Validate(years, basis).IsValid);
}
