using System.Globalization;
using Senco.Core.Provision;
using static Senco.Core.Tests.Provision.Money;

namespace Senco.Core.Tests.Provision;

internal static class Money
{
    /// <summary>Decimal from test data, whatever the machine's culture ("14.50" is 1450 in de-DE).</summary>
    public static decimal M(string s) => decimal.Parse(s, CultureInfo.InvariantCulture);
}

public class InterventionCostTests
{
    [Theory]
    // hourly, minutes, sessions/week, weeks, resources, total
    [InlineData("14.50", 30, 3, 10, "25", "242.50")]
    [InlineData("25", 45, 2, 39, "120.00", "1582.50")]
    [InlineData("18.75", 15, 5, 12, "0", "281.25")]
    [InlineData("10.01", 20, 5, 39, "0", "650.65")]   // rounding per session would give 651.30
    [InlineData("12.34", 20, 1, 1, "0", "4.11")]      // 4.1133...
    [InlineData("0.25", 30, 1, 1, "0", "0.13")]       // 0.125: midpoint away from zero (banker's gives 0.12)
    [InlineData("0.01", 30, 1, 1, "0", "0.01")]       // 0.005
    [InlineData("0", 30, 1, 1, "10", "10.00")]        // resources only
    [InlineData("20", 0, 1, 1, "0", "0.00")]
    public void Total(string hourly, int minutes, int sessions, int weeks, string resources, string expected) =>
        Assert.Equal(M(expected), InterventionCost.Total(M(hourly), minutes, sessions, weeks, M(resources)));

    [Theory]
    [InlineData("-1", 30, 1, 1, "0")]
    [InlineData("10", -30, 1, 1, "0")]
    [InlineData("10", 30, -1, 1, "0")]
    [InlineData("10", 30, 1, -1, "0")]
    [InlineData("10", 30, 1, 1, "-0.01")]
    public void Total_refuses_negative_inputs(string hourly, int minutes, int sessions, int weeks, string resources) =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            InterventionCost.Total(M(hourly), minutes, sessions, weeks, M(resources)));

    [Theory]
    [InlineData(30, 3, 10, "15")]
    [InlineData(20, 1, 1, "0.33")]
    [InlineData(45, 2, 39, "58.5")]
    public void Staff_hours(int minutes, int sessions, int weeks, string hours) =>
        Assert.Equal(M(hours), InterventionCost.StaffHours(minutes, sessions, weeks));

    [Theory]
    [InlineData("242.50", 4, "60.63", false)]  // 60.625 rounds up
    [InlineData("100", 3, "33.33", false)]
    [InlineData("1582.50", 1, "1582.50", false)]
    [InlineData("1582.50", 0, "0", true)]
    [InlineData("0", 0, "0", true)]
    public void Cost_per_pupil(string total, int pupils, string amount, bool none)
    {
        var c = InterventionCost.CostPerPupil(M(total), pupils);
        Assert.Equal(M(amount), c.Amount);
        Assert.Equal(none, c.HasNoPupils);
    }

    [Fact]
    public void Cost_per_pupil_refuses_negative_count() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => InterventionCost.CostPerPupil(10m, -1));

    [Fact]
    public void Valid_inputs()
    {
        Assert.True(InterventionCost.Validate(14.50m, 30, 3, 10, 25m).IsValid);
        Assert.True(InterventionCost.Validate(0m, 1, 1, 1, null).IsValid);  // volunteer-led, no resources
        Assert.True(InterventionCost.Validate(1000m, 480, 50, 52, 1_000_000m).IsValid);
    }

    [Fact]
    public void Missing_inputs_in_form_order()
    {
        var e = InterventionCost.Validate(null, null, null, null, null);
        Assert.Equal(new[] { "staffHourlyCost", "minutesPerSession", "sessionsPerWeek", "weeks" }, e.ToDictionary().Keys);
        Assert.Equal("Enter the hourly cost of staff", e.For("staffHourlyCost").Single());
        Assert.Equal("Enter the length of each session in minutes", e.For("minutesPerSession").Single());
        Assert.Equal("Enter the number of sessions each week", e.For("sessionsPerWeek").Single());
        Assert.Equal("Enter the number of weeks", e.For("weeks").Single());
    }

    [Theory]
    [InlineData("-0.01", 30, 3, 10, "0", "staffHourlyCost", "The hourly cost of staff cannot be negative")]
    [InlineData("1000.01", 30, 3, 10, "0", "staffHourlyCost", "The hourly cost of staff must be £1,000 or less")]
    [InlineData("14.505", 30, 3, 10, "0", "staffHourlyCost", "The hourly cost of staff must be in pounds and pence, for example 14.50")]
    [InlineData("14.50", 0, 3, 10, "0", "minutesPerSession", "Each session must last at least 1 minute")]
    [InlineData("14.50", -5, 3, 10, "0", "minutesPerSession", "Each session must last at least 1 minute")]
    [InlineData("14.50", 481, 3, 10, "0", "minutesPerSession", "Each session must last 480 minutes or less")]
    [InlineData("14.50", 30, 0, 10, "0", "sessionsPerWeek", "There must be at least 1 session each week")]
    [InlineData("14.50", 30, 51, 10, "0", "sessionsPerWeek", "There can be at most 50 sessions each week")]
    [InlineData("14.50", 30, 3, 0, "0", "weeks", "The intervention must run for at least 1 week")]
    [InlineData("14.50", 30, 3, 53, "0", "weeks", "The intervention can run for at most 52 weeks: cost each school year separately")]
    [InlineData("14.50", 30, 3, 10, "-1", "resourceCost", "The cost of resources cannot be negative")]
    [InlineData("14.50", 30, 3, 10, "1000000.01", "resourceCost", "The cost of resources must be £1,000,000 or less")]
    public void Each_bad_input_is_named(string hourly, int minutes, int sessions, int weeks, string resources, string field, string message)
    {
        var e = InterventionCost.Validate(M(hourly), minutes, sessions, weeks, M(resources));
        Assert.Equal(new[] { field }, e.ToDictionary().Keys);
        Assert.Equal(message, e.For(field).Single());
    }
}

public class HighNeedsFundingTests
{
    [Theory]
    [InlineData("0", "0", "6000")]
    [InlineData("5999.99", "0", "0.01")]
    [InlineData("6000", "0", "0")]
    [InlineData("6000.01", "0.01", "0")]
    [InlineData("14250", "8250", "0")]
    public void Top_up_above_the_notional_threshold(string total, string topUp, string remaining)
    {
        Assert.Equal(6000m, HighNeedsFunding.NotionalThreshold);
        Assert.Equal(M(topUp), HighNeedsFunding.TopUpRequired(M(total)));
        Assert.Equal(M(remaining), HighNeedsFunding.RemainingBeforeThreshold(M(total)));
    }

    [Fact]
    public void Negative_totals_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HighNeedsFunding.TopUpRequired(-1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => HighNeedsFunding.RemainingBeforeThreshold(-1m));
    }
}
