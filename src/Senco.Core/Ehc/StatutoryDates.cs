namespace Senco.Core.Ehc;

/// <summary>The statutory dates Senco tracks for EHC assessments, plans and reviews.</summary>
public enum StatutoryDateKind
{
    DecisionToAssess,
    FinalPlan,
    DraftComments,
    ReviewInvitations,
    ReviewAdvice,
    AnnualReviewMeeting,
    ReviewReport,
    LaDecision,
    PhaseTransferReview,
    AmendedPlan,
    /// <summary>Once assessing, the LA must decide whether to issue a plan, and tell the parent if not, by week 16.</summary>
    DecisionWhetherToIssue,
}

public static class StatutoryDates
{
    /// <summary>
    /// Overdue only after the due date: every limit here is "within N weeks of" or "by" a date, so the
    /// due date itself is still on time. Done means done, whenever it happened.
    /// </summary>
    public static bool IsOverdue(DateOnly due, DateOnly today, bool done) => !done && today > due;

    /// <summary>Days left until <paramref name="due"/> (negative when overdue).</summary>
    public static int DaysUntil(DateOnly due, DateOnly today) => due.DayNumber - today.DayNumber;

    /// <summary>Where the limit comes from, for display next to the date.</summary>
    public static string Source(StatutoryDateKind kind) => kind switch
    {
        StatutoryDateKind.DecisionToAssess => "SEND Regulations 2014, regulations 4 and 5",
        StatutoryDateKind.FinalPlan => "SEND Regulations 2014, regulation 13(2)",
        StatutoryDateKind.DecisionWhetherToIssue => "SEND Regulations 2014, regulation 10(1)",
        StatutoryDateKind.DraftComments => "SEND Regulations 2014, regulation 13(1)",
        StatutoryDateKind.ReviewInvitations => "SEND Regulations 2014, regulation 20(3)",
        StatutoryDateKind.ReviewAdvice => "SEND Regulations 2014, regulation 20(4)",
        StatutoryDateKind.AnnualReviewMeeting => "Children and Families Act 2014, section 44",
        StatutoryDateKind.ReviewReport => "SEND Regulations 2014, regulation 20",
        StatutoryDateKind.LaDecision => "SEND Regulations 2014, regulation 20",
        StatutoryDateKind.PhaseTransferReview => "SEND Regulations 2014, regulation 18",
        StatutoryDateKind.AmendedPlan => "SEND Regulations 2014, regulation 22",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    internal static DateOnly AddWeeks(this DateOnly d, int weeks) => d.AddDays(7 * weeks);
}
