using Senco.Core.Pupils;
using Senco.Core.Schools;

namespace Senco.Core.Ehc;

/// <summary>Transfers between phases of education as SEND Regulations 2014 reg 2 lists them.</summary>
public enum TransferKind
{
    EarlyYearsToSchool,
    InfantToJunior,
    PrimaryToMiddle,
    PrimaryToSecondary,
    MiddleToSecondary,
    SecondaryToPostSixteen,
}

/// <summary>Where a school sits in a three-tier (first, middle, upper/high) area.</summary>
public enum ThreeTier { None, FirstSchool, MiddleSchool }

public sealed record PhaseTransferCheck(
    bool TransfersAtEndOfYear,
    TransferKind? Kind,
    DateOnly? TransferOn,
    DateOnly? ReviewDeadline,
    DateOnly? LatestReviewMeeting,
    DateOnly? LatestReviewMeetingIfNoAmendments)
{
    public static readonly PhaseTransferCheck None = new(false, null, null, null, null, null);
}

/// <summary>
/// Phase transfer reviews (SEND Regulations 2014 reg 18). A pupil transferring phase at the end of this
/// school year must have their plan reviewed and amended by 15 February of the calendar year of transfer,
/// or 31 March for secondary to post-16 (reg 18(1)). Post-16 to post-16 moves at other times (reg 18(2),
/// 5 months before) are not end-of-year transfers and are not covered here.
/// </summary>
public static class PhaseTransfer
{
    public const string InfantLastYear = "2";
    public const string DefaultFirstSchoolLastYear = "4";
    public const string DefaultMiddleSchoolLastYear = "8";

    /// <summary>
    /// Decisions (tell the LA if they differ locally):
    /// <list type="bullet">
    /// <item>N2 to Reception counts in every school, including a primary's own nursery class: the plan must
    /// name the Reception school, and LAs run their 15 February round for every child starting school.</item>
    /// <item>Year 2 to 3 counts only at an infant school.</item>
    /// <item>Year 6 to 7 and Year 11 to 12 count in every phase, all-through and special schools included,
    /// even when the pupil stays on the same site: a review that proves unnecessary costs less than a
    /// missed statutory deadline.</item>
    /// <item>Three-tier: a first school's last year (default Year 4) is primary to middle; a middle school's
    /// last year (default Year 8) is middle to secondary; Year 6 is then not a transfer point.</item>
    /// </list>
    /// </summary>
    /// <param name="phase">Every phase follows the same year-group rules; the caller states it so that the
    /// rule can tighten later without changing callers.</param>
    /// <param name="lastYearGroup">Three-tier only: the school's last year group, if not the default.</param>
    public static PhaseTransferCheck Check(
        string yearGroup, Phase phase, DateOnly today,
        bool isInfantSchool = false, ThreeTier tier = ThreeTier.None, string? lastYearGroup = null)
    {
        var year = YearGroups.Normalise(yearGroup)
                   ?? throw new ArgumentException($"\"{yearGroup}\" is not a year group.", nameof(yearGroup));
        if (lastYearGroup is not null && YearGroups.Normalise(lastYearGroup) is null)
            throw new ArgumentException($"\"{lastYearGroup}\" is not a year group.", nameof(lastYearGroup));

        var kind = KindFor(year, isInfantSchool, tier, lastYearGroup);
        if (kind is null) return PhaseTransferCheck.None;

        var transferYear = SchoolYear.Containing(today).StartYear + 1;
        var deadline = kind == TransferKind.SecondaryToPostSixteen
            ? new DateOnly(transferYear, 3, 31)  // reg 18(1)(a)
            : new DateOnly(transferYear, 2, 15); // reg 18(1)(b)
        return new PhaseTransferCheck(
            true,
            kind,
            new SchoolYear(transferYear).Start,
            deadline,
            LatestReviewMeeting(deadline),
            LatestReviewMeetingIfNoAmendments(deadline));
    }

    /// <summary>
    /// The latest meeting date from which the plan can still be amended by <paramref name="deadline"/> if
    /// every step takes its full statutory time: LA decision within 4 weeks of the meeting (reg 20), then
    /// the final amended plan within 8 weeks of the proposed amendments (reg 22). 12 weeks in all: for
    /// 15 February that is late November, matching the "autumn term" guidance.
    /// </summary>
    /// <remarks>
    /// The 2-week report (reg 20) runs alongside the LA's 4 weeks, both counted from the meeting, so it
    /// adds nothing; adding 2 + 4 would double count.
    /// </remarks>
    public static DateOnly LatestReviewMeeting(DateOnly deadline) => deadline.AddWeeks(-12);

    /// <summary>The latest meeting if the plan needs no amendment: only the LA's 4-week decision remains.</summary>
    public static DateOnly LatestReviewMeetingIfNoAmendments(DateOnly deadline) => deadline.AddWeeks(-4);

    private static TransferKind? KindFor(string year, bool isInfantSchool, ThreeTier tier, string? lastYearGroup)
    {
        if (year == "N2") return TransferKind.EarlyYearsToSchool;
        if (year == "11") return TransferKind.SecondaryToPostSixteen;
        switch (tier)
        {
            case ThreeTier.FirstSchool:
                return year == (YearGroups.Normalise(lastYearGroup) ?? DefaultFirstSchoolLastYear) ? TransferKind.PrimaryToMiddle : null;
            case ThreeTier.MiddleSchool:
                return year == (YearGroups.Normalise(lastYearGroup) ?? DefaultMiddleSchoolLastYear) ? TransferKind.MiddleToSecondary : null;
        }
        if (year == InfantLastYear && isInfantSchool) return TransferKind.InfantToJunior;
        if (year == "6") return TransferKind.PrimaryToSecondary;
        return null;
    }
}
