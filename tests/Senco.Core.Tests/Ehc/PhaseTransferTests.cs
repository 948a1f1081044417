using Senco.Core.Ehc;
using Senco.Core.Schools;

namespace Senco.Core.Tests.Ehc;

public class PhaseTransferTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s);

    [Theory]
    // year, phase, infant, today, kind, deadline, latest meeting, latest if no amendments
    [InlineData("N2", Phase.Nursery, false, "2026-11-10", TransferKind.EarlyYearsToSchool, "2027-02-15", "2026-11-23", "2027-01-18")]
    [InlineData("N2", Phase.Primary, false, "2026-11-10", TransferKind.EarlyYearsToSchool, "2027-02-15", "2026-11-23", "2027-01-18")]
    [InlineData("2", Phase.Primary, true, "2026-11-10", TransferKind.InfantToJunior, "2027-02-15", "2026-11-23", "2027-01-18")]
    [InlineData("6", Phase.Primary, false, "2026-09-01", TransferKind.PrimaryToSecondary, "2027-02-15", "2026-11-23", "2027-01-18")]
    [InlineData("6", Phase.Special, false, "2027-08-31", TransferKind.PrimaryToSecondary, "2027-02-15", "2026-11-23", "2027-01-18")]
    [InlineData("6", Phase.AllThrough, false, "2027-09-01", TransferKind.PrimaryToSecondary, "2028-02-15", "2027-11-23", "2028-01-18")]
    [InlineData("11", Phase.Secondary, false, "2026-11-10", TransferKind.SecondaryToPostSixteen, "2027-03-31", "2027-01-06", "2027-03-03")]
    [InlineData("11", Phase.Special, false, "2028-01-10", TransferKind.SecondaryToPostSixteen, "2028-03-31", "2028-01-07", "2028-03-03")]
    public void Transfers(string year, Phase phase, bool infant, string today, TransferKind kind,
        string deadline, string latestMeeting, string latestNoAmendments)
    {
        var c = PhaseTransfer.Check(year, phase, D(today), infant);
        Assert.True(c.TransfersAtEndOfYear);
        Assert.Equal(kind, c.Kind);
        Assert.Equal(D(deadline), c.ReviewDeadline);
        Assert.Equal(D(latestMeeting), c.LatestReviewMeeting);
        Assert.Equal(D(latestNoAmendments), c.LatestReviewMeetingIfNoAmendments);
        Assert.Equal(new DateOnly(D(deadline).Year, 9, 1), c.TransferOn);
    }

    [Theory]
    [InlineData("N1", Phase.Nursery, false)]
    [InlineData("R", Phase.Primary, false)]
    [InlineData("2", Phase.Primary, false)]   // Year 2 at a primary school stays put
    [InlineData("5", Phase.Primary, false)]
    [InlineData("7", Phase.Secondary, false)]
    [InlineData("10", Phase.Secondary, false)]
    [InlineData("12", Phase.Secondary, false)]
    [InlineData("13", Phase.Secondary, false)] // post-16 to post-16: reg 18(2), not an end-of-year rule
    [InlineData("14", Phase.Special, false)]
    public void No_transfer(string year, Phase phase, bool infant)
    {
        var c = PhaseTransfer.Check(year, phase, D("2026-11-10"), infant);
        Assert.Equal(PhaseTransferCheck.None, c);
        Assert.Null(c.ReviewDeadline);
    }

    [Theory]
    [InlineData("4", ThreeTier.FirstSchool, null, TransferKind.PrimaryToMiddle)]
    [InlineData("3", ThreeTier.FirstSchool, "3", TransferKind.PrimaryToMiddle)]
    [InlineData("8", ThreeTier.MiddleSchool, null, TransferKind.MiddleToSecondary)]
    [InlineData("7", ThreeTier.MiddleSchool, "7", TransferKind.MiddleToSecondary)]
    [InlineData("N2", ThreeTier.FirstSchool, null, TransferKind.EarlyYearsToSchool)]
    public void Three_tier_transfers(string year, ThreeTier tier, string? last, TransferKind kind)
    {
        var c = PhaseTransfer.Check(year, Phase.Primary, D("2026-11-10"), tier: tier, lastYearGroup: last);
        Assert.Equal(kind, c.Kind);
        Assert.Equal(D("2027-02-15"), c.ReviewDeadline);
    }

    [Theory]
    [InlineData("6", ThreeTier.MiddleSchool, null)]  // Year 6 in a middle school is not a transfer point
    [InlineData("6", ThreeTier.FirstSchool, null)]
    [InlineData("4", ThreeTier.MiddleSchool, null)]
    [InlineData("4", ThreeTier.FirstSchool, "3")]
    public void Three_tier_non_transfers(string year, ThreeTier tier, string? last) =>
        Assert.False(PhaseTransfer.Check(year, Phase.Primary, D("2026-11-10"), tier: tier, lastYearGroup: last).TransfersAtEndOfYear);

    [Fact]
    public void Bad_year_groups_are_programming_errors()
    {
        Assert.Throws<ArgumentException>(() => PhaseTransfer.Check("15", Phase.Primary, D("2026-11-10")));
        Assert.Throws<ArgumentException>(() => PhaseTransfer.Check("4", Phase.Primary, D("2026-11-10"), tier: ThreeTier.FirstSchool, lastYearGroup: "Y4"));
    }
}

public class StatutoryDatesTests
{
    [Theory]
    [InlineData("2026-03-01", "2026-02-28", false, false)]
    [InlineData("2026-03-01", "2026-03-01", false, false)]  // the due date is still on time
    [InlineData("2026-03-01", "2026-03-02", false, true)]
    [InlineData("2026-03-01", "2026-12-31", true, false)]   // done, even if late
    public void Overdue(string due, string today, bool done, bool overdue) =>
        Assert.Equal(overdue, StatutoryDates.IsOverdue(DateOnly.Parse(due), DateOnly.Parse(today), done));

    [Theory]
    [InlineData("2024-03-01", "2024-02-28", 2)]
    [InlineData("2025-03-01", "2025-02-28", 1)]
    [InlineData("2026-03-01", "2026-03-04", -3)]
    public void Days_until(string due, string today, int days) =>
        Assert.Equal(days, StatutoryDates.DaysUntil(DateOnly.Parse(due), DateOnly.Parse(today)));

    [Fact]
    public void Every_kind_names_its_source() =>
        Assert.All(Enum.GetValues<StatutoryDateKind>(), k => Assert.Matches("^(SEND Regulations 2014|Children and Families Act 2014)", StatutoryDates.Source(k)));
}
