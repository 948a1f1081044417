using Senco.Core.Exchange;

namespace Senco.Core.Tests.Exchange;

public class SubjectAccessRulesTests
{
    [Theory]
    [InlineData("2026-09-03", "2026-10-03")] // ICO example: the corresponding date next month
    [InlineData("2026-01-31", "2026-02-28")] // no 31 February: the last day of the month
    [InlineData("2028-01-31", "2028-02-29")] // leap year
    [InlineData("2026-01-30", "2026-02-28")]
    [InlineData("2026-03-31", "2026-04-30")]
    [InlineData("2026-12-15", "2027-01-15")] // across the year end
    [InlineData("2026-07-25", "2026-08-25")] // the summer holiday does not stop the clock
    public void Due_one_calendar_month_after_receipt(string received, string due) =>
        Assert.Equal(DateOnly.Parse(due), SubjectAccessRules.DueOn(DateOnly.Parse(received)));

    [Theory]
    [InlineData("2026-09-03", "2026-12-03")]
    [InlineData("2026-11-30", "2027-02-28")]
    [InlineData("2027-11-30", "2028-02-29")]
    [InlineData("2026-01-31", "2026-04-30")]
    public void Extended_by_two_further_months(string received, string due)
    {
        Assert.Equal(DateOnly.Parse(due), SubjectAccessRules.ExtendedDueOn(DateOnly.Parse(received)));
        Assert.Equal(DateOnly.Parse(due), SubjectAccessRules.DueOn(DateOnly.Parse(received), extended: true));
    }

    [Fact]
    public void An_extension_must_be_decided_within_the_first_month()
    {
        var received = new DateOnly(2026, 1, 31);
        Assert.Null(SubjectAccessRules.ExtensionError(received, new DateOnly(2026, 2, 28)));
        Assert.Contains("28 February 2026", SubjectAccessRules.ExtensionError(received, new DateOnly(2026, 3, 1)));
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
