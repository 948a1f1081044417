using Senco.Core.Ehc;
using Senco.Core.Schools;

namespace Senco.Core.Tests.Ehc;

public class StatutoryClockTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s);
    private static DateOnly? N(string? s) => s is null ? null : DateOnly.Parse(s);

    [Fact]
    public void A_new_request_watches_the_6_week_decision_and_the_20_week_plan()
    {
        var list = StatutoryClock.ForAssessment(new AssessmentDecisions(D("2026-01-12")), weekLimitsApply: true, D("2026-01-13"));
        Assert.Equal([(StatutoryDateKind.DecisionToAssess, D("2026-02-23"), false), (StatutoryDateKind.FinalPlan, D("2026-06-01"), false)],
            list.Select(d => (d.Kind, d.DueOn, d.Done)));
    }

    [Fact]
    public void Once_assessing_the_16_week_decision_whether_to_issue_is_watched_until_a_draft_is_served()
    {
        var assessing = new AssessmentDecisions(D("2026-01-12"), D("2026-02-20"), true);
        var list = StatutoryClock.ForAssessment(assessing, weekLimitsApply: true, D("2026-03-01"));
        Assert.Equal([(StatutoryDateKind.DecisionToAssess, D("2026-02-23"), true), (StatutoryDateKind.DecisionWhetherToIssue, D("2026-05-04"), false), (StatutoryDateKind.FinalPlan, D("2026-06-01"), false)],
            list.Select(d => (d.Kind, d.DueOn, d.Done)));
        var drafted = assessing with { DraftPlanServedOn = D("2026-04-20") };
        Assert.Contains(StatutoryClock.ForAssessment(drafted, true, D("2026-04-21")), d => d.Kind == StatutoryDateKind.DecisionWhetherToIssue && d.Done);
        Assert.DoesNotContain(StatutoryClock.ForAssessment(assessing, weekLimitsApply: false, D("2026-03-01")), d => d.Kind == StatutoryDateKind.DecisionWhetherToIssue);
    }

    [Fact]
    public void An_exception_lifts_the_20_week_limit_but_not_the_6_week_decision()
    {
        var list = StatutoryClock.ForAssessment(new AssessmentDecisions(D("2026-01-12")), weekLimitsApply: false, D("2026-01-13"));
        Assert.Equal([StatutoryDateKind.DecisionToAssess], list.Select(d => d.Kind));
    }

    [Theory]
    [InlineData(false, null)]        // LA decided not to assess
    public void A_closed_request_watches_nothing(bool willAssess, string? _)
    {
        Assert.Empty(StatutoryClock.ForAssessment(new AssessmentDecisions(D("2026-01-12"), D("2026-02-01"), willAssess), true, D("2026-03-01")));
        Assert.Empty(StatutoryClock.ForAssessment(new AssessmentDecisions(D("2026-01-12"), WithdrawnOn: D("2026-01-20")), true, D("2026-03-01")));
        Assert.Empty(StatutoryClock.ForAssessment(new AssessmentDecisions(D("2026-01-12"), D("2026-02-01"), true, D("2026-04-01"), null, D("2026-04-20")), true, D("2026-05-01")));
    }

    [Theory]
    // today, comments window done?
    [InlineData("2026-04-16", false)]   // the last day (1 April + 15)
    [InlineData("2026-04-17", true)]
    public void The_draft_comment_window_closes_15_days_after_the_draft(string today, bool done)
    {
        var list = StatutoryClock.ForAssessment(new AssessmentDecisions(D("2026-01-12"), D("2026-02-01"), true, D("2026-04-01")), true, D(today));
        var window = Assert.Single(list, d => d.Kind == StatutoryDateKind.DraftComments);
        Assert.Equal(D("2026-04-16"), window.DueOn);
        Assert.Equal(done, window.Done);
        Assert.True(list.Single(d => d.Kind == StatutoryDateKind.DecisionToAssess).Done);
    }

    [Theory]
    // meeting,      held,         invitations sent, report sent, LA decision, proposed,     amended;  expected "kind:due:done" list
    [InlineData("2026-03-05", null, null, null, null, null, null, "ReviewInvitations:2026-02-19:False,ReviewAdvice:2026-02-19:False")]
    [InlineData("2026-03-05", null, "2026-02-10", null, null, null, null, "ReviewInvitations:2026-02-19:True,ReviewAdvice:2026-02-19:False")]
    // the meeting moved: the report and decision run from the day it was actually held
    [InlineData("2026-03-05", "2026-03-12", null, null, null, null, null, "ReviewReport:2026-03-26:False,LaDecision:2026-04-09:False")]
    [InlineData("2026-03-05", "2026-03-05", null, "2026-03-10", "2026-03-30", "2026-03-30", null, "ReviewReport:2026-03-19:True,LaDecision:2026-04-02:True,AmendedPlan:2026-05-25:False")]
    [InlineData("2024-02-15", "2024-02-15", null, null, null, null, null, "ReviewReport:2024-02-29:False,LaDecision:2024-03-14:False")] // leap year
    public void Review_dates(string meeting, string? held, string? invited, string? report, string? decision, string? proposed, string? amended, string expected)
    {
        var r = new ReviewRecord(D(meeting), N(held), N(invited), null, N(report), N(decision), N(proposed), N(amended));
        var actual = string.Join(",", StatutoryClock.ForReview(r).Select(d => $"{d.Kind}:{d.DueOn:yyyy-MM-dd}:{d.Done}"));
        Assert.Equal(expected, actual);
    }

    [Theory]
    // issued,       dob,          held reviews,             year, today,        expected "kind:due:done"
    [InlineData("2025-03-10", "2016-05-01", "", "4", "2026-01-10", "AnnualReviewMeeting:2026-03-10:False")]
    [InlineData("2025-03-10", "2016-05-01", "2026-02-20", "4", "2026-02-21", "AnnualReviewMeeting:2027-02-20:False")]
    // Year 6 in 2025/26: the 15 February 2026 transfer deadline, not yet reviewed
    [InlineData("2024-10-01", "2014-10-01", "", "6", "2025-11-01", "AnnualReviewMeeting:2025-10-01:False,PhaseTransferReview:2026-02-15:False")]
    // Year 11: 31 March of the calendar year of transfer
    [InlineData("2024-10-01", "2009-10-01", "", "11", "2025-11-01", "AnnualReviewMeeting:2025-10-01:False,PhaseTransferReview:2026-03-31:False")]
    // a plan issued in August, child turning 5 between reviews: 6 months, then yearly
    [InlineData("2025-08-31", "2021-06-15", "", "R", "2025-09-05", "AnnualReviewMeeting:2026-02-28:False")]
    [InlineData("2025-08-31", "2021-06-15", "2026-02-20", "R", "2026-03-01", "AnnualReviewMeeting:2027-02-20:False")]  // 5 on 15 June: yearly from here
    public void Plan_dates(string issued, string dob, string held, string year, string today, string expected)
    {
        var reviews = held.Length == 0 ? [] : held.Split(';').Select(h => new ReviewRecord(D(h), D(h))).ToList();
        var transfer = PhaseTransfer.Check(year, Phase.Primary, D(today));
        var actual = string.Join(",", StatutoryClock.ForPlan(D(issued), D(dob), reviews, transfer, ceased: false, D(today)).Select(d => $"{d.Kind}:{d.DueOn:yyyy-MM-dd}:{d.Done}"));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_ceased_plan_has_no_dates() =>
        Assert.Empty(StatutoryClock.ForPlan(D("2025-03-10"), D("2016-05-01"), [], PhaseTransferCheck.None, ceased: true, D("2026-01-01")));

    [Theory]
    // held,         LA decision,  proposed,     amended,      today,        done
    [InlineData("2025-11-20", "2025-12-10", null, null, "2026-01-05", true)]
    [InlineData("2025-11-20", null, null, null, "2026-01-05", false)]                            // no LA decision yet
    [InlineData("2025-11-20", "2025-12-10", "2025-12-10", null, "2026-01-05", false)]            // amendments not yet issued
    [InlineData("2025-11-20", "2025-12-10", "2025-12-10", "2026-01-30", "2026-02-01", true)]
    [InlineData("2025-06-20", "2025-07-10", null, null, "2026-01-05", false)]                    // last school year's review
    public void Phase_transfer_review_done(string held, string? decision, string? proposed, string? amended, string today, bool done)
    {
        var r = new ReviewRecord(D(held), D(held), LaDecisionOn: N(decision), AmendmentsProposedOn: N(proposed), AmendedPlanIssuedOn: N(amended));
        Assert.Equal(done, StatutoryClock.PhaseTransferReviewDone([r], SchoolYear.Containing(D(today))));
    }

    [Theory]
    // due,          done,  today,        within, shows
    [InlineData("2026-03-01", false, "2026-03-02", 0, true)]    // overdue: always shown
    [InlineData("2020-03-01", false, "2026-03-02", 30, true)]   // long overdue
    [InlineData("2026-04-01", false, "2026-03-02", 30, true)]   // the last day of the window
    [InlineData("2026-04-02", false, "2026-03-02", 30, false)]
    [InlineData("2026-03-02", false, "2026-03-02", 0, true)]    // due today
    [InlineData("2026-03-01", true, "2026-03-02", 30, false)]   // done
    public void Shows(string due, bool done, string today, int within, bool shows) =>
        Assert.Equal(shows, StatutoryClock.Shows(new StatutoryDeadline(StatutoryDateKind.ReviewReport, D(due), done), D(today), within));
}
