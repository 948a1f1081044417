namespace Senco.Core.Ehc;

/// <summary>Deadlines around one annual review meeting (SEND Regulations 2014, reg 20).</summary>
public sealed record ReviewMeetingDeadlines(
    DateOnly MeetingOn,
    DateOnly InvitationsDue,   // reg 20(3): at least 2 weeks' notice of the meeting
    DateOnly AdviceDue,        // reg 20(4): advice circulated at least 2 weeks before the meeting
    DateOnly ReportDue,        // reg 20: report to the LA and invitees within 2 weeks of the meeting
    DateOnly LaDecisionDue);   // reg 20: LA decides to maintain, amend or cease within 4 weeks of the meeting

/// <summary>Deadlines after the LA proposes amendments (SEND Regulations 2014, reg 22).</summary>
public sealed record PlanAmendmentDeadlines(
    DateOnly ProposedOn,
    DateOnly ParentCommentEnds,    // reg 22: at least 15 days to comment
    DateOnly FinalAmendedPlanDue); // reg 22: final amended plan within 8 weeks of the proposals

public static class AnnualReviewRules
{
    public const int ReviewIntervalMonths = 12;
    public const int UnderFiveIntervalMonths = 6;
    public const int UnderFiveAge = 5;

    /// <summary>
    /// When the next annual review meeting is due. Children and Families Act 2014 s44(1): the LA must review
    /// the plan within 12 months of it being made, then within 12 months of each previous review. For a
    /// child under 5 the Code of Practice (9.178) says the LA should consider reviewing every 3 to 6 months;
    /// Senco schedules 6 months (the outer end of that advice, so never later than the Code suggests).
    /// </summary>
    /// <remarks>
    /// <para>Which interval: compute the 6-month date; if the child is still under 5 on that date, use it;
    /// otherwise use 12 months. A child who turns 5 before the 6-month date goes onto the yearly cycle at once.</para>
    /// <para>The basis is the later of the date the plan was issued and the last review meeting, so a plan
    /// re-made after re-assessment restarts the clock, and a review held early or late moves the next one.</para>
    /// <para>Month arithmetic uses <see cref="DateOnly.AddMonths"/>, which clamps to the end of a shorter
    /// month: 31 August + 6 months = 28 February (29 in a leap year); 29 February 2024 + 12 months =
    /// 28 February 2025. Clamping lands on or before the anniversary, never after it, so "within 12 months"
    /// is always met.</para>
    /// </remarks>
    public static DateOnly NextReviewDue(DateOnly issuedOn, DateOnly? lastReviewHeldOn, DateOnly childDob)
    {
        var basis = lastReviewHeldOn is { } held && held > issuedOn ? held : issuedOn;
        var sixMonths = basis.AddMonths(UnderFiveIntervalMonths);
        return Dates.AgeOn(childDob, sixMonths) < UnderFiveAge ? sixMonths : basis.AddMonths(ReviewIntervalMonths);
    }

    /// <summary>
    /// Reg 20 deadlines counted back and forward from the meeting date, in whole weeks. Sub-paragraph numbers for
    /// the report and the LA decision are not yet checked against legislation.gov.uk (send-facts.md §1c).
    /// </summary>
    public static ReviewMeetingDeadlines ReviewDeadlines(DateOnly meetingOn) => new(
        meetingOn,
        meetingOn.AddWeeks(-2),
        meetingOn.AddWeeks(-2),
        meetingOn.AddWeeks(2),
        meetingOn.AddWeeks(4));

    public static PlanAmendmentDeadlines AmendmentDeadlines(DateOnly proposedOn) => new(
        proposedOn,
        proposedOn.AddDays(15),
        proposedOn.AddWeeks(8));
}
