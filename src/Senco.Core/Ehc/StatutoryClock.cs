namespace Senco.Core.Ehc;

/// <summary>One statutory date and whether the step it limits has been done.</summary>
public sealed record StatutoryDeadline(StatutoryDateKind Kind, DateOnly DueOn, bool Done);

/// <summary>
/// Turns what has been recorded about an assessment, a plan and its reviews into the statutory dates still to
/// watch. Each function answers for one record; the caller joins them and asks <see cref="DueWithin"/> which
/// to show. Nothing here reads a clock except through <c>today</c>, so every case is testable.
/// </summary>
public static class StatutoryClock
{
    /// <summary>
    /// An open request: the 6-week decision (regs 4-5), then, once the LA assesses, the 16-week decision whether to
    /// issue (reg 10(1)) and the 20-week final plan (reg 13(2))
    /// unless a recorded reg 10(4) exception stops the limit applying, and the parent's 15 days on a draft (reg 13(1)).
    /// A closed request (not assessing, not issuing, withdrawn, plan issued) has nothing left to watch.
    /// </summary>
    public static IReadOnlyList<StatutoryDeadline> ForAssessment(AssessmentDecisions d, bool weekLimitsApply, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(d);
        var status = EhcRules.StatusOf(d);
        if (!EhcRules.IsOpen(status)) return [];
        var t = NeedsAssessmentClock.For(d.RequestReceivedOn);
        var list = new List<StatutoryDeadline>
        {
            new(StatutoryDateKind.DecisionToAssess, t.DecisionToAssessDue, d.DecisionToAssessOn is not null),
        };
        // Week 16 matters only once the LA is assessing: a draft plan served means it decided to issue; a recorded
        // decision not to issue closes the request (reg 10(1)).
        if (weekLimitsApply && d.WillAssess == true)
            list.Add(new(StatutoryDateKind.DecisionWhetherToIssue, t.DecisionNotToIssueDue, d.DraftPlanServedOn is not null || d.DecisionNotToIssueOn is not null));
        if (weekLimitsApply) list.Add(new(StatutoryDateKind.FinalPlan, t.FinalPlanDue, false));
        if (d.DraftPlanServedOn is { } draft)
        {
            // A window for the parent rather than a step anyone can miss: it is "done" once it has closed.
            var ends = NeedsAssessmentClock.DraftCommentWindowEnds(draft);
            list.Add(new(StatutoryDateKind.DraftComments, ends, today > ends));
        }
        return list;
    }

    /// <summary>
    /// A review's own dates. Before the meeting: invitations and advice 2 weeks ahead (reg 20(3), (4)). After it:
    /// the report within 2 weeks and the LA's decision within 4 weeks of the meeting actually held (reg 20), and
    /// the final amended plan within 8 weeks of proposed amendments (reg 22).
    /// </summary>
    public static IReadOnlyList<StatutoryDeadline> ForReview(ReviewRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var list = new List<StatutoryDeadline>();
        if (r.HeldOn is not { } held)
        {
            var before = AnnualReviewRules.ReviewDeadlines(r.MeetingOn);
            list.Add(new(StatutoryDateKind.ReviewInvitations, before.InvitationsDue, r.InvitationsSentOn is not null));
            list.Add(new(StatutoryDateKind.ReviewAdvice, before.AdviceDue, r.AdviceCirculatedOn is not null));
            return list;
        }
        var after = AnnualReviewRules.ReviewDeadlines(held);
        list.Add(new(StatutoryDateKind.ReviewReport, after.ReportDue, r.ReportSentOn is not null));
        list.Add(new(StatutoryDateKind.LaDecision, after.LaDecisionDue, r.LaDecisionOn is not null));
        if (r.AmendmentsProposedOn is { } proposed)
            list.Add(new(StatutoryDateKind.AmendedPlan, AnnualReviewRules.AmendmentDeadlines(proposed).FinalAmendedPlanDue, r.AmendedPlanIssuedOn is not null));
        return list;
    }

    /// <summary>
    /// A maintained plan: the next annual review (CAFA s44) and, for a pupil moving phase at the end of this
    /// school year, the reg 18 phase-transfer deadline. A ceased plan has none.
    /// </summary>
    public static IReadOnlyList<StatutoryDeadline> ForPlan(DateOnly issuedOn, DateOnly childDob, IReadOnlyList<ReviewRecord> reviews,
        PhaseTransferCheck phaseTransfer, bool ceased, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        ArgumentNullException.ThrowIfNull(phaseTransfer);
        if (ceased) return [];
        var list = new List<StatutoryDeadline>
        {
            new(StatutoryDateKind.AnnualReviewMeeting, NextReviewDue(issuedOn, childDob, reviews), false),
        };
        if (phaseTransfer.TransfersAtEndOfYear && phaseTransfer.ReviewDeadline is { } deadline)
            list.Add(new(StatutoryDateKind.PhaseTransferReview, deadline, PhaseTransferReviewDone(reviews, SchoolYear.Containing(today))));
        return list;
    }

    /// <summary>The plan's next review: 12 months (6 under 5) from issue or the latest meeting actually held.</summary>
    public static DateOnly NextReviewDue(DateOnly issuedOn, DateOnly childDob, IEnumerable<ReviewRecord> reviews)
    {
        var lastHeld = reviews.Where(r => r.HeldOn is not null).Select(r => r.HeldOn).Max();
        return AnnualReviewRules.NextReviewDue(issuedOn, lastHeld, childDob);
    }

    /// <summary>
    /// Reg 18 asks for the plan to be "reviewed and amended" by the deadline: done when a review held in the
    /// transfer's school year has the LA's decision, and any amendments it proposed have been issued.
    /// </summary>
    public static bool PhaseTransferReviewDone(IEnumerable<ReviewRecord> reviews, SchoolYear year) =>
        reviews.Any(r => r.HeldOn is { } h && year.Contains(h) && r.LaDecisionOn is not null
                         && (r.AmendmentsProposedOn is null || r.AmendedPlanIssuedOn is not null));

    /// <summary>
    /// Whether to show a date on the clock: not done, and either overdue (always shown, however old) or due
    /// within <paramref name="withinDays"/> of today.
    /// </summary>
    public static bool Shows(StatutoryDeadline d, DateOnly today, int withinDays)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentOutOfRangeException.ThrowIfNegative(withinDays);
        return !d.Done && d.DueOn <= today.AddDays(withinDays);
    }

    public const int MaxWithinDays = 366;
}
