using Senco.Core.Ehc;

namespace Senco.Core.Tests.Ehc;

public class NeedsAssessmentClockTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s);

    [Theory]
    // received,    6 weeks,      16 weeks,     20 weeks
    [InlineData("2026-09-07", "2026-10-19", "2026-12-28", "2027-01-25")]  // Monday: same weekday each time
    [InlineData("2024-01-18", "2024-02-29", "2024-05-09", "2024-06-06")]  // lands on 29 February
    [InlineData("2023-12-31", "2024-02-11", "2024-04-21", "2024-05-19")]  // across a year end, a Sunday
    [InlineData("2024-02-29", "2024-04-11", "2024-06-20", "2024-07-18")]  // received on 29 February
    [InlineData("2025-12-22", "2026-02-02", "2026-04-13", "2026-05-11")]  // over Christmas: no pause
    public void Deadlines_run_from_receipt(string received, string decide, string notToIssue, string finalPlan)
    {
        var t = NeedsAssessmentClock.For(D(received));
        Assert.Equal(D(received), t.RequestReceivedOn);
        Assert.Equal(D(decide), t.DecisionToAssessDue);
        Assert.Equal(D(notToIssue), t.DecisionNotToIssueDue);
        Assert.Equal(D(finalPlan), t.FinalPlanDue);
        Assert.False(t.Week20ExceptionApplies);
        Assert.True(t.WeekLimitsApply);
        Assert.Empty(t.ApplicableExceptions);
    }

    [Theory]
    [InlineData("2026-09-07", "2026-10-19")]
    [InlineData("2024-01-31", "2024-03-13")]
    [InlineData("2025-01-31", "2025-03-14")]
    public void Advice_is_due_6_weeks_after_the_request_for_advice(string asked, string due) =>
        Assert.Equal(D(due), NeedsAssessmentClock.AdviceDue(D(asked)));

    [Theory]
    [InlineData("2026-02-14", "2026-03-01")]
    [InlineData("2024-02-14", "2024-02-29")]
    [InlineData("2026-12-20", "2027-01-04")]
    [InlineData("2026-01-31", "2026-02-15")]
    public void Draft_comment_window_is_15_days(string served, string ends) =>
        Assert.Equal(D(ends), NeedsAssessmentClock.DraftCommentWindowEnds(D(served)));

    [Fact]
    public void An_applicable_exception_flags_the_limits_but_keeps_the_dates()
    {
        var absence = new TimescaleException(ExceptionKind.AbsentFromArea, D("2026-10-01"), D("2026-11-15"), "Family abroad");
        var tooShort = new TimescaleException(ExceptionKind.AbsentFromArea, D("2026-10-01"), D("2026-10-10"), null);

        var t = NeedsAssessmentClock.For(D("2026-09-07"), new[] { tooShort, absence });

        Assert.True(t.Week20ExceptionApplies);
        Assert.False(t.WeekLimitsApply);
        Assert.Equal(new[] { absence }, t.ApplicableExceptions);
        Assert.Equal(D("2027-01-25"), t.FinalPlanDue);
        Assert.Equal(D("2026-12-28"), t.DecisionNotToIssueDue);
    }

    [Fact]
    public void An_exception_that_cannot_apply_leaves_the_limits_in_force()
    {
        var tooShort = new TimescaleException(ExceptionKind.AbsentFromArea, D("2026-10-01"), D("2026-10-10"), null);
        var t = NeedsAssessmentClock.For(D("2026-09-07"), new[] { tooShort });
        Assert.False(t.Week20ExceptionApplies);
        Assert.Empty(t.ApplicableExceptions);
    }
}

public class TimescaleExceptionsTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s);

    // Summer holiday: closed 22 July to 2 September 2026, re-opens 3 September. Window: 15 July to 27 August.
    [Theory]
    [InlineData("2026-07-14", false)]  // 8 days before closing
    [InlineData("2026-07-15", true)]   // exactly one week before
    [InlineData("2026-08-10", true)]   // during the holiday
    [InlineData("2026-08-27", true)]   // one week before re-opening
    [InlineData("2026-08-28", false)]
    [InlineData("2026-09-03", false)]  // re-opening day
    public void Closure_advice_window(string asked, bool applies) =>
        Assert.Equal(applies, TimescaleExceptions.ClosureAdviceExceptionApplies(D(asked), D("2026-07-22"), D("2026-09-03")));

    [Theory]
    [InlineData("2026-12-18", "2027-01-14", false)]  // 27 days closed
    [InlineData("2026-12-18", "2027-01-15", true)]   // 28 days: "not less than 4 weeks"
    public void Closure_must_be_at_least_4_weeks(string closedFrom, string reopens, bool applies) =>
        Assert.Equal(applies, TimescaleExceptions.ClosureAdviceExceptionApplies(D("2026-12-20"), D(closedFrom), D(reopens)));

    [Theory]
    [InlineData(ExceptionKind.SchoolClosureAdvice, "2026-07-22", "2026-09-02", "2026-07-20", true, null)]
    [InlineData(ExceptionKind.EarlyYearsClosureAdvice, "2026-07-22", "2026-09-02", "2026-08-27", true, null)]
    [InlineData(ExceptionKind.SchoolClosureAdvice, "2026-07-22", "2026-09-02", "2026-08-28", false,
        "The advice must have been asked for between 15 July 2026 and 27 August 2026: one week before the closure to one week before it re-opens")]
    [InlineData(ExceptionKind.SchoolClosureAdvice, "2026-07-22", "2026-08-17", "2026-07-20", false,
        "The school must be closed for at least 4 weeks in a row")]
    [InlineData(ExceptionKind.SchoolClosureAdvice, "2026-07-22", "2026-08-18", "2026-07-20", true, null)]
    [InlineData(ExceptionKind.EarlyYearsClosureAdvice, "2026-07-22", "2026-09-02", null, false,
        "Enter the date the local authority asked the early years provider for advice")]
    [InlineData(ExceptionKind.SchoolClosureAdvice, "2026-07-22", "2026-09-02", "2026-05-29", false,
        "The advice must have been asked for after the request for assessment was received")]
    [InlineData(ExceptionKind.AbsentFromArea, "2026-07-01", "2026-07-27", null, false,
        "The absence from the area must be at least 4 weeks in a row")]
    [InlineData(ExceptionKind.AbsentFromArea, "2026-07-01", "2026-07-28", null, true, null)]
    [InlineData(ExceptionKind.ExceptionalPersonalCircumstances, "2026-06-10", "2026-06-10", null, true, null)]
    [InlineData(ExceptionKind.MissedAppointment, "2026-06-15", "2026-06-15", null, true, null)]
    [InlineData(ExceptionKind.MissedAppointment, "2026-05-31", "2026-05-31", null, false,
        "The dates must overlap the assessment, 1 June 2026 to 19 October 2026")]
    [InlineData(ExceptionKind.MissedAppointment, "2026-10-20", "2026-10-20", null, false,
        "The dates must overlap the assessment, 1 June 2026 to 19 October 2026")]
    [InlineData(ExceptionKind.ExceptionalPersonalCircumstances, "2026-06-10", "2026-06-09", null, false,
        "The end date must be the same as or after the start date")]
    public void Can_apply(ExceptionKind kind, string from, string to, string? asked, bool ok, string? reason)
    {
        var e = new TimescaleException(kind, D(from), D(to), null, asked is null ? null : D(asked));
        var r = TimescaleExceptions.CanApply(e, D("2026-06-01"));
        Assert.Equal(ok, r.CanApply);
        Assert.Equal(reason, r.Reason);
    }

    [Fact]
    public void Validate_puts_errors_on_the_right_field()
    {
        var received = D("2026-06-01");
        var today = D("2026-10-01");

        var future = TimescaleExceptions.Validate(
            new TimescaleException(ExceptionKind.AbsentFromArea, D("2026-10-02"), D("2026-11-02"), null), received, today);
        Assert.Equal(new[] { "The start date must be today or in the past" }, future.For("from"));

        var backwards = TimescaleExceptions.Validate(
            new TimescaleException(ExceptionKind.AbsentFromArea, D("2026-08-02"), D("2026-07-02"), null), received, today);
        Assert.Equal(new[] { "to" }, backwards.ToDictionary().Keys);

        var advice = TimescaleExceptions.Validate(
            new TimescaleException(ExceptionKind.SchoolClosureAdvice, D("2026-07-22"), D("2026-09-02"), null, D("2026-08-30")), received, today);
        Assert.Equal(new[] { "adviceRequestedOn" }, advice.ToDictionary().Keys);

        var longNote = TimescaleExceptions.Validate(
            new TimescaleException(ExceptionKind.MissedAppointment, D("2026-06-15"), D("2026-06-15"), new string('n', 2001)), received, today);
        Assert.Equal(new[] { "The note must be 2,000 characters or fewer" }, longNote.For("note"));

        Assert.True(TimescaleExceptions.Validate(
            new TimescaleException(ExceptionKind.MissedAppointment, D("2026-06-15"), D("2026-06-15"), new string('n', 2000)), received, today).IsValid);
    }
}
