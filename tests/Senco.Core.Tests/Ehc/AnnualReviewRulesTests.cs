using Senco.Core.Ehc;

namespace Senco.Core.Tests.Ehc;

public class AnnualReviewRulesTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s);
    private static DateOnly? N(string? s) => s is null ? null : DateOnly.Parse(s);

    [Theory]
    // issued,      last review,  dob,          due
    [InlineData("2025-03-15", null, "2015-05-01", "2026-03-15")]          // first review: 12 months after issue
    [InlineData("2024-05-01", "2025-03-20", "2015-05-01", "2026-03-20")]  // review held early moves the next one
    [InlineData("2024-05-01", "2025-06-10", "2015-05-01", "2026-06-10")]  // review held late: 12 months from the meeting
    [InlineData("2025-08-31", null, "2012-01-01", "2026-08-31")]          // plan issued in August
    [InlineData("2024-02-29", null, "2012-01-01", "2025-02-28")]          // issued 29 Feb: clamps to 28 Feb
    [InlineData("2023-02-28", "2024-02-29", "2012-01-01", "2025-02-28")]
    [InlineData("2025-09-01", "2025-06-01", "2012-01-01", "2026-09-01")]  // plan re-made after the last review: issue date counts
    [InlineData("2025-08-31", null, "2022-03-01", "2026-02-28")]          // under 5: 31 Aug + 6 months = 28 Feb
    [InlineData("2023-08-31", null, "2020-01-01", "2024-02-29")]          // ... or 29 Feb in a leap year
    [InlineData("2025-01-10", null, "2020-04-01", "2026-01-10")]          // turns 5 before the 6-month date: yearly
    [InlineData("2025-01-10", null, "2020-07-10", "2026-01-10")]          // 5 on the 6-month date itself: yearly
    [InlineData("2025-01-10", null, "2020-07-11", "2025-07-10")]          // 4 on the 6-month date: 6 months
    [InlineData("2024-08-29", null, "2020-02-29", "2025-02-28")]          // leap-day child still 4 on 28 Feb 2025
    [InlineData("2025-03-01", "2025-09-01", "2021-03-01", "2026-09-01")]  // under-5 cycle: 5 on the next 6-month date, so yearly
    [InlineData("2025-03-01", "2025-09-01", "2021-03-02", "2026-03-01")]  // 4 on 1 Mar 2026: 6 months from last review
    public void Next_review_due(string issued, string? lastReview, string dob, string due) =>
        Assert.Equal(D(due), AnnualReviewRules.NextReviewDue(D(issued), N(lastReview), D(dob)));

    [Theory]
    // meeting,      invitations,  advice,       report,       LA decision
    [InlineData("2026-03-05", "2026-02-19", "2026-02-19", "2026-03-19", "2026-04-02")]
    [InlineData("2024-03-07", "2024-02-22", "2024-02-22", "2024-03-21", "2024-04-04")]
    [InlineData("2026-01-08", "2025-12-25", "2025-12-25", "2026-01-22", "2026-02-05")]  // over Christmas: no pause
    [InlineData("2024-02-15", "2024-02-01", "2024-02-01", "2024-02-29", "2024-03-14")]
    public void Review_meeting_deadlines(string meeting, string invitations, string advice, string report, string decision)
    {
        var r = AnnualReviewRules.ReviewDeadlines(D(meeting));
        Assert.Equal(D(meeting), r.MeetingOn);
        Assert.Equal(D(invitations), r.InvitationsDue);
        Assert.Equal(D(advice), r.AdviceDue);
        Assert.Equal(D(report), r.ReportDue);
        Assert.Equal(D(decision), r.LaDecisionDue);
    }

    [Theory]
    [InlineData("2026-02-20", "2026-03-07", "2026-04-17")]
    [InlineData("2024-02-14", "2024-02-29", "2024-04-10")]
    [InlineData("2026-12-10", "2026-12-25", "2027-02-04")]
    public void Amendment_deadlines(string proposed, string commentsEnd, string finalDue)
    {
        var a = AnnualReviewRules.AmendmentDeadlines(D(proposed));
        Assert.Equal(D(proposed), a.ProposedOn);
        Assert.Equal(D(commentsEnd), a.ParentCommentEnds);
        Assert.Equal(D(finalDue), a.FinalAmendedPlanDue);
    }
}
