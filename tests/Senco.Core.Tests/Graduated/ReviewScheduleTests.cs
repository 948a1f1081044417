using Senco.Core.Graduated;

namespace Senco.Core.Tests.Graduated;

public class ReviewScheduleTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s);

    [Theory]
    // due,          today,        state
    [InlineData("2026-11-22", "2026-11-23", DueState.Overdue)]   // the day after the review date
    [InlineData("2025-01-01", "2026-11-23", DueState.Overdue)]
    [InlineData("2026-11-23", "2026-11-23", DueState.DueSoon)]   // due today is due, not yet overdue
    [InlineData("2026-12-07", "2026-11-23", DueState.DueSoon)]   // the 14th day ahead is inside the window
    [InlineData("2026-12-08", "2026-11-23", DueState.NotDue)]    // the 15th is not
    [InlineData("2027-03-01", "2027-02-28", DueState.DueSoon)]   // across the end of February
    [InlineData("2028-03-14", "2028-02-29", DueState.DueSoon)]   // leap day + 14
    [InlineData("2028-03-15", "2028-02-29", DueState.NotDue)]
    public void State_of_a_review(string due, string today, DueState expected) =>
        Assert.Equal(expected, ReviewSchedule.StateOf(D(due), D(today)));

    [Theory]
    [InlineData("2026-11-30", "2026-11-23", 0, DueState.NotDue)]
    [InlineData("2026-11-23", "2026-11-23", 0, DueState.DueSoon)]
    [InlineData("2026-12-23", "2026-11-23", 30, DueState.DueSoon)]
    public void The_warning_window_can_be_chosen(string due, string today, int days, DueState expected) =>
        Assert.Equal(expected, ReviewSchedule.StateOf(D(due), D(today), days));

    [Fact]
    public void A_negative_window_is_a_programming_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReviewSchedule.StateOf(D("2026-01-01"), D("2026-01-01"), -1));

    [Theory]
    [InlineData("2026-09-03", "2026-11-26")]   // a cycle started on the first day of the autumn term: 12 weeks
    [InlineData("2026-12-14", "2027-03-08")]   // across Christmas: the calendar, not school weeks
    [InlineData("2028-01-01", "2028-03-25")]   // leap year
    public void Default_review_date_is_twelve_weeks_on(string start, string due) =>
        Assert.Equal(D(due), ReviewSchedule.DefaultReviewDate(D(start)));

    [Theory]
    [InlineData("2026-09-03", "2027-09-03")]
    [InlineData("2028-02-29", "2029-02-28")]   // clamps, never later than a year
    public void Latest_review_date_is_a_year_on(string start, string latest) =>
        Assert.Equal(D(latest), ReviewSchedule.LatestReviewDate(D(start)));

    [Theory]
    // last reviewed, months, next due
    [InlineData("2026-03-10", 6, "2026-09-10")]
    [InlineData("2026-08-31", 6, "2027-02-28")]   // 31 August + 6 months clamps to 28 February
    [InlineData("2027-08-31", 6, "2028-02-29")]   // ... or 29 February in a leap year
    [InlineData("2026-01-31", 1, "2026-02-28")]
    [InlineData("2026-11-23", 12, "2027-11-23")]
    [InlineData("2026-05-15", 4, "2026-09-15")]   // roughly termly
    public void Passport_review_due_after_the_schools_interval(string lastReviewed, int months, string due) =>
        Assert.Equal(D(due), ReviewSchedule.PassportReviewDue(D(lastReviewed), months));

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    [InlineData(-1)]
    public void Passport_interval_outside_one_to_twelve_months_is_refused(int months)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReviewSchedule.PassportReviewDue(D("2026-01-01"), months));
        Assert.True(ReviewSchedule.ValidatePassportInterval(months).Has("passportReviewMonths"));
    }

    [Fact]
    public void Passport_interval_must_be_given()
    {
        Assert.Equal(["Enter how many months between passport reviews"], ReviewSchedule.ValidatePassportInterval(null).For("passportReviewMonths"));
        Assert.True(ReviewSchedule.ValidatePassportInterval(1).IsValid);
        Assert.True(ReviewSchedule.ValidatePassportInterval(12).IsValid);
    }

    [Theory]
    [InlineData("2026-11-20", "2026-11-23", "Overdue by 3 days")]
    [InlineData("2026-11-22", "2026-11-23", "Overdue by 1 day")]
    [InlineData("2026-11-23", "2026-11-23", "Due today")]
    [InlineData("2026-11-24", "2026-11-23", "Due tomorrow")]
    [InlineData("2026-12-07", "2026-11-23", "Due in 14 days")]
    [InlineData("2026-12-08", "2026-11-23", "Due 8 December 2026")]
    public void Describes_when_a_review_is_due(string due, string today, string words) =>
        Assert.Equal(words, ReviewSchedule.Describe(D(due), D(today)));
}
