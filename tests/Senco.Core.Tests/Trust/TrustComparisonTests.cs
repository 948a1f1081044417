using Senco.Core.Provision;
using Senco.Core.Trust;

namespace Senco.Core.Tests.Trust;

/// Hand-computed: three fictional schools of one trust. Every expected figure below is worked by hand in the comments.
public class TrustComparisonTests
{
    private static readonly Dictionary<string, int> NoNeeds = [];

    // Ash: 200 on roll, 20 K, 6 E. Register 26: SLCN 10, SEMH 8, ASD 8.
    //   Budget 50,000 + top-up 10,000 = 60,000; provision 45,000 → 75.0%.
    //   Standardised: 10 assessed, 7 improved, total gain +40 → mean 4.00. Reading age: 10 assessed, 9 improved, +60 → 6.00.
    private static readonly SchoolCounts Ash = new(1, "100001", "Ash Primary", 200, 20, 6,
        new Dictionary<string, int> { ["SLCN"] = 10, ["SEMH"] = 8, ["ASD"] = 8 }, 0, 50_000m, 10_000m, 45_000m,
        [new(MeasureKind.StandardisedScore, 10, 7, 40), new(MeasureKind.ReadingAgeMonths, 10, 9, 60)]);

    // Birch: 1,000 on roll, 100 K, 40 E. Register 140: ASD 50, SEMH 40, MLD 30, SLCN 20.
    //   Budget 200,000 + top-up 100,000 = 300,000; provision 270,000 → 90.0%.
    //   Standardised: 40 assessed, 30 improved, +100 → 2.50.
    private static readonly SchoolCounts Birch = new(2, "100002", "Birch Academy", 1000, 100, 40,
        new Dictionary<string, int> { ["ASD"] = 50, ["SEMH"] = 40, ["MLD"] = 30, ["SLCN"] = 20 }, 3, 200_000m, 100_000m, 270_000m,
        [new(MeasureKind.StandardisedScore, 40, 30, 100)]);

    // Cedar: 300 on roll, 75 K, 30 E (25.0% and 10.0%: far above). Register 105: SEMH 60, SPLD 45.
    //   Budget 40,000 + top-up 20,000 = 60,000; provision 90,000 → 150.0%, overspent.
    //   Standardised: 20 assessed, 4 improved (20.0%), −10 → −0.50.
    private static readonly SchoolCounts Cedar = new(3, "100003", "Cedar School", 300, 75, 30,
        new Dictionary<string, int> { ["SEMH"] = 60, ["SPLD"] = 45 }, 1, 40_000m, 20_000m, 90_000m,
        [new(MeasureKind.StandardisedScore, 20, 4, -10)]);

    [Fact]
    public void The_trust_figure_pools_every_pupil_not_the_mean_of_the_schools()
    {
        var r = TrustComparison.Compare([Ash, Birch, Cedar]);
        // Roll 1,500; K 195 → 13.0%; E 76 → 5.066… → 5.1%; register 271 → 18.066… → 18.1%.
        // (The mean of the schools' K percentages would be (10 + 10 + 25) / 3 = 15.0%: not what is shown.)
        Assert.Equal(1500, r.Trust.Counts.OnRoll);
        Assert.Equal(13.0m, r.Trust.SenSupportPercent);
        Assert.Equal(5.1m, r.Trust.EhcPlanPercent);
        Assert.Equal(18.1m, r.Trust.RegisterPercent);
        Assert.Equal(1229, r.Trust.Counts.NoSen);
        // Funding 290,000 + 130,000 = 420,000; provision 405,000 → 96.428… → 96.4%.
        Assert.Equal(420_000m, r.Trust.Funding);
        Assert.Equal(96.4m, r.Trust.SpendPercentOfFunding);
        Assert.False(r.Trust.Overspent);
        // Places: 80 assessed (70 standardised + 10 reading), 50 improved → 62.5%.
        Assert.Equal(80, r.Trust.Assessed);
        Assert.Equal(62.5m, r.Trust.ImprovedPercent);
        // Standardised: +130 over 70 → 1.857… → 1.86; reading age 6.00; spelling age none.
        Assert.Equal(1.86m, r.Trust.MeanGain[MeasureKind.StandardisedScore]);
        Assert.Equal(6.00m, r.Trust.MeanGain[MeasureKind.ReadingAgeMonths]);
        Assert.Null(r.Trust.MeanGain[MeasureKind.SpellingAgeMonths]);
        Assert.Equal(4, r.Trust.Counts.OverdueStatutoryDates);
        Assert.Empty(r.Trust.Outliers);
    }

    [Fact]
    public void Each_school_has_its_own_percentages_and_means()
    {
        var r = TrustComparison.Compare([Ash, Birch, Cedar]);
        var ash = r.Schools[0];
        Assert.Equal(10.0m, ash.SenSupportPercent);
        Assert.Equal(3.0m, ash.EhcPlanPercent);
        Assert.Equal(13.0m, ash.RegisterPercent);
        Assert.Equal(174, ash.Counts.NoSen);
        Assert.Equal(75.0m, ash.SpendPercentOfFunding);
        Assert.Equal(80.0m, ash.ImprovedPercent);          // 16 of 20
        Assert.Equal(4.00m, ash.MeanGain[MeasureKind.StandardisedScore]);
        Assert.Equal(6.00m, ash.MeanGain[MeasureKind.ReadingAgeMonths]);
        var cedar = r.Schools[2];
        Assert.True(cedar.Overspent);
        Assert.Equal(150.0m, cedar.SpendPercentOfFunding);
        Assert.Equal(-0.50m, cedar.MeanGain[MeasureKind.StandardisedScore]);
    }

    [Fact]
    public void A_school_far_from_the_trust_is_named_with_the_figure_and_the_direction()
    {
        var r = TrustComparison.Compare([Ash, Birch, Cedar]);
        var cedar = r.Schools[2];
        // K: 25.0 vs 13.0 → 12 points ≥ max(3, 3.25). E: 10.0 vs 5.1 → 4.9 ≥ max(1.5, 1.275).
        // Spend: 150.0 vs 96.4 → 53.6 ≥ max(10, 14.46). Improved: 20.0 vs 62.5 → 42.5 ≥ max(10, 12.5).
        Assert.Equal(
            [
                new Outlier(TrustMeasure.SenSupportPercent, Direction.Above, 25.0m, 13.0m),
                new Outlier(TrustMeasure.EhcPlanPercent, Direction.Above, 10.0m, 5.1m),
                new Outlier(TrustMeasure.SpendPercentOfFunding, Direction.Above, 150.0m, 96.4m),
                new Outlier(TrustMeasure.ImprovedPercent, Direction.Below, 20.0m, 62.5m),
            ], cedar.Outliers);
        Assert.Equal("SEN support (K): 25.0%, well above the trust's 13.0%", cedar.Outliers[0].Describe());
        Assert.Equal("Intervention places that improved: 20.0%, well below the trust's 62.5%", cedar.Outliers[3].Describe());

        // Birch: K 10.0 vs 13.0 → 3.0 < max(3, 3.25) = 3.25: in line. E 4.0 vs 5.1 → 1.1 < 1.5. Spend 90.0 vs 96.4 → 6.4 < 14.46.
        // Improved 75.0 vs 62.5 → 12.5 ≥ max(10, 12.5): exactly on the threshold counts.
        Assert.Equal([new Outlier(TrustMeasure.ImprovedPercent, Direction.Above, 75.0m, 62.5m)], r.Schools[1].Outliers);
        // Ash: K 10.0 (3.0 < 3.25), E 3.0 (2.1 ≥ 1.5: below), spend 75.0 (21.4 ≥ 14.46: below), improved 80.0 (17.5 ≥ 12.5: above).
        Assert.Equal(
            [
                new Outlier(TrustMeasure.EhcPlanPercent, Direction.Below, 3.0m, 5.1m),
                new Outlier(TrustMeasure.SpendPercentOfFunding, Direction.Below, 75.0m, 96.4m),
                new Outlier(TrustMeasure.ImprovedPercent, Direction.Above, 80.0m, 62.5m),
            ], r.Schools[0].Outliers);
    }

    [Theory]
    // trust 4.0: threshold max(1.5, 1.0) = 1.5
    [InlineData("5.5", "4.0", "Above")]
    [InlineData("5.4", "4.0", null)]
    [InlineData("2.5", "4.0", "Below")]
    [InlineData("2.6", "4.0", null)]
    // trust 20.0: threshold max(1.5, 5.0) = 5.0
    [InlineData("25.0", "20.0", "Above")]
    [InlineData("24.9", "20.0", null)]
    [InlineData("15.0", "20.0", "Below")]
    public void The_rule_needs_both_enough_points_and_enough_of_the_trust_figure(string school, string trust, string? expected)
    {
        var rule = new OutlierRule(TrustMeasure.EhcPlanPercent, 1.5m, 0.25m);
        var found = rule.Check(decimal.Parse(school, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(trust, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, found?.Direction.ToString());
    }

    [Fact]
    public void An_unknown_figure_is_never_an_outlier()
    {
        var rule = TrustComparison.Rules[0];
        Assert.Null(rule.Check(null, 10m));
        Assert.Null(rule.Check(10m, null));
    }

    [Fact]
    public void An_empty_school_and_a_missing_budget_give_no_percentages_rather_than_zero()
    {
        var empty = new SchoolCounts(4, "100004", "New School", 0, 0, 0, NoNeeds, 0, null, 0m, 1_000m, []);
        var r = TrustComparison.Compare([Ash, empty]);
        var s = r.Schools[1];
        Assert.Null(s.SenSupportPercent);
        Assert.Null(s.EhcPlanPercent);
        Assert.Null(s.Funding);
        Assert.Null(s.SpendPercentOfFunding);
        Assert.False(s.Overspent);
        Assert.Null(s.ImprovedPercent);
        Assert.Empty(s.Outliers);
        // One school without a budget leaves the trust's budget unknown rather than understated.
        Assert.Null(r.Trust.Funding);
        Assert.Equal("–", TrustComparison.Show(s.SenSupportPercent));
    }

    [Fact]
    public void Needs_are_shares_of_the_register_largest_first()
    {
        // Birch: 140 on the register. ASD 50 → 35.7%, SEMH 40 → 28.6%, MLD 30 → 21.4%, SLCN 20 → 14.3%.
        var shares = TrustComparison.NeedShares(Birch.PrimaryNeeds);
        Assert.Equal(
            [new NeedShare("ASD", 50, 35.7m), new NeedShare("SEMH", 40, 28.6m), new NeedShare("MLD", 30, 21.4m), new NeedShare("SLCN", 20, 14.3m)],
            shares);
        // Ties go by code: SEMH and ASD both 8 in Ash → ASD first.
        Assert.Equal(["SLCN", "ASD", "SEMH"], TrustComparison.NeedShares(Ash.PrimaryNeeds).Select(n => n.Need));
    }

    [Theory]
    [InlineData(1, 3, "33.3")]
    [InlineData(2, 3, "66.7")]
    [InlineData(1, 8, "12.5")]   // 12.5 exactly
    [InlineData(1, 16, "6.3")]   // 6.25 → midpoint away from zero
    public void Percentages_are_to_one_decimal_place(int part, int whole, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), TrustComparison.Percent(part, whole));

    [Fact]
    public void Nothing_divides_by_zero()
    {
        Assert.Null(TrustComparison.Percent(5, 0));
        Assert.Null(TrustComparison.Mean(5, 0));
    }

    [Fact]
    public void Figures_always_carry_their_decimal_places_for_json_and_downloads()
    {
        Assert.Equal("40.0", TrustComparison.Percent(2, 5)!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("3.00", TrustComparison.Mean(6, 2)!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
