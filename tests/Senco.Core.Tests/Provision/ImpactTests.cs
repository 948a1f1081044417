using System.Globalization;
using Senco.Core.Provision;
using static Senco.Core.Tests.Provision.Money;

namespace Senco.Core.Tests.Provision;

public class ImpactTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s);
    private static readonly DateOnly Today = new(2027, 3, 10);

    [Theory]
    [InlineData("2026-09-01", "2027-03-01", "6")]
    [InlineData("2026-09-10", "2026-09-10", "0")]
    [InlineData("2026-01-31", "2026-02-28", "1")]            // AddMonths clamps: one month to the month end
    [InlineData("2024-01-31", "2024-02-29", "1")]
    [InlineData("2026-02-28", "2026-03-28", "1")]
    public void Whole_months(string from, string to, string months) =>
        Assert.Equal(M(months), Impact.MonthsElapsed(D(from), D(to)));

    [Theory]
    [InlineData("2026-09-01", "2026-12-15", 3, 14, 31)]
    [InlineData("2026-01-31", "2026-02-27", 0, 27, 28)]
    [InlineData("2025-10-15", "2026-01-14", 2, 30, 31)]
    [InlineData("2024-02-01", "2024-02-15", 0, 14, 29)]      // leap February
    [InlineData("2025-02-01", "2025-02-15", 0, 14, 28)]
    public void Fractional_months(string from, string to, int whole, int days, int span) =>
        Assert.Equal(whole + (decimal)days / span, Impact.MonthsElapsed(D(from), D(to)));

    [Fact]
    public void Months_elapsed_refuses_a_backwards_span() =>
        Assert.Throws<ArgumentException>(() => Impact.MonthsElapsed(D("2026-09-02"), D("2026-09-01")));

    [Theory]
    [InlineData(84, 96, "2026-09-01", "2027-03-01", "2.00", 12)]
    [InlineData(90, 93, "2026-09-01", "2026-12-15", "0.87", 3)]     // 3 / 3.4516
    [InlineData(100, 98, "2026-09-01", "2027-03-01", "-0.33", -2)]  // a fall is reported
    [InlineData(72, 72, "2026-09-01", "2026-10-01", "0", 0)]
    public void Ratio_gain(int entry, int exit, string entryOn, string exitOn, string ratio, int gained)
    {
        var r = Impact.RatioGain(entry, exit, D(entryOn), D(exitOn));
        Assert.Equal(M(ratio), r.Ratio);
        Assert.Equal(gained, r.MonthsGained);
        Assert.Null(r.Reason);
    }

    [Theory]
    [InlineData("2026-09-01", "2026-09-01", "No time passed between the entry and exit assessments")]
    [InlineData("2026-09-02", "2026-09-01", "The exit assessment is before the entry assessment")]
    public void Ratio_gain_without_elapsed_time_has_a_reason(string entryOn, string exitOn, string reason)
    {
        var r = Impact.RatioGain(80, 90, D(entryOn), D(exitOn));
        Assert.Null(r.Ratio);
        Assert.Equal(reason, r.Reason);
        Assert.Equal(10, r.MonthsGained);
    }

    [Theory]
    [InlineData(85, 92, 7)]
    [InlineData(100, 100, 0)]
    [InlineData(95, 88, -7)]
    public void Standardised_points(int entry, int exit, int gained) =>
        Assert.Equal(gained, Impact.StandardisedPointsGained(entry, exit));

    [Theory]
    [InlineData(MeasureKind.ReadingAgeMonths, 0, 240)]
    [InlineData(MeasureKind.SpellingAgeMonths, 0, 240)]
    [InlineData(MeasureKind.StandardisedScore, 40, 160)]
    public void Ranges(MeasureKind kind, int min, int max) => Assert.Equal((min, max), Impact.Range(kind));

    [Fact]
    public void Missing_entry_is_reported_on_both_fields()
    {
        var e = Impact.Validate(MeasureKind.ReadingAgeMonths, null, null, Today);
        Assert.Equal(new[] { "entry.value", "entry.on" }, e.ToDictionary().Keys);
        Assert.Equal("Enter the entry reading age in months", e.For("entry.value").Single());
        Assert.Equal("Enter the date of the entry assessment", e.For("entry.on").Single());
    }

    [Theory]
    [InlineData(MeasureKind.ReadingAgeMonths, 0, true)]
    [InlineData(MeasureKind.ReadingAgeMonths, 240, true)]
    [InlineData(MeasureKind.ReadingAgeMonths, -1, false)]
    [InlineData(MeasureKind.SpellingAgeMonths, 241, false)]
    [InlineData(MeasureKind.StandardisedScore, 40, true)]
    [InlineData(MeasureKind.StandardisedScore, 160, true)]
    [InlineData(MeasureKind.StandardisedScore, 39, false)]
    [InlineData(MeasureKind.StandardisedScore, 161, false)]
    public void Value_ranges(MeasureKind kind, int value, bool ok)
    {
        var e = Impact.Validate(kind, new Assessment(value, D("2026-09-01")), new Assessment(value, D("2027-01-01")), Today);
        Assert.Equal(ok, e.IsValid);
        if (!ok)
        {
            var (min, max) = Impact.Range(kind);
            Assert.Equal($"The entry {Impact.Describe(kind)} must be between {min} and {max}", e.For("entry.value").Single());
            Assert.Equal($"The exit {Impact.Describe(kind)} must be between {min} and {max}", e.For("exit.value").Single());
        }
    }

    [Fact]
    public void No_exit_yet_is_valid()
    {
        var entry = new Assessment(84, D("2026-09-01"));
        Assert.True(Impact.Validate(MeasureKind.ReadingAgeMonths, entry, null, Today).IsValid);
        Assert.True(Impact.Validate(MeasureKind.ReadingAgeMonths, entry, new Assessment(null, null), Today).IsValid);
    }

    [Theory]
    [InlineData(96, null, "exit.on", "Enter the date of the exit assessment")]
    [InlineData(null, "2027-03-01", "exit.value", "Enter the exit reading age in months")]
    [InlineData(96, "2026-08-31", "exit.on", "The exit assessment must be on or after the entry assessment, 1 September 2026")]
    [InlineData(96, "2027-03-11", "exit.on", "The date of the exit assessment must be today or in the past")]
    public void Exit_errors(int? value, string? on, string field, string message)
    {
        var e = Impact.Validate(MeasureKind.ReadingAgeMonths, new Assessment(84, D("2026-09-01")),
            new Assessment(value, on is null ? null : D(on)), Today);
        Assert.Equal(new[] { field }, e.ToDictionary().Keys);
        Assert.Equal(message, e.For(field).Single());
    }

    [Fact]
    public void Entry_in_the_future()
    {
        var e = Impact.Validate(MeasureKind.StandardisedScore, new Assessment(85, D("2027-03-11")), null, Today);
        Assert.Equal("The date of the entry assessment must be today or in the past", e.For("entry.on").Single());
    }

    [Fact]
    public void Group_summary_ignores_pupils_without_both_scores()
    {
        var pupils = new[]
        {
            new PupilAssessments("A", new Assessment(84, D("2026-09-01")), new Assessment(96, D("2027-03-01"))),  // +12, RG 2.00
            new PupilAssessments("B", new Assessment(90, D("2026-09-01")), new Assessment(93, D("2026-12-15"))),  // +3, RG 0.87
            new PupilAssessments("C", new Assessment(80, D("2026-09-01")), null),                                  // no exit yet
            new PupilAssessments("D", null, new Assessment(90, D("2027-03-01"))),                                  // no entry
            new PupilAssessments("E", new Assessment(100, D("2027-01-10")), new Assessment(101, D("2027-01-10"))), // +1, no RG
        };

        var g = Impact.Summarise(MeasureKind.ReadingAgeMonths, pupils);

        Assert.Equal(5, g.Pupils);
        Assert.Equal(3, g.Included);
        Assert.Equal(2, g.Excluded);
        Assert.Equal(91.33m, g.MeanEntry);
        Assert.Equal(96.67m, g.MeanExit);
        Assert.Equal(5.33m, g.MeanGain);
        Assert.Equal(16, g.TotalGain);
        Assert.Equal(1.44m, g.MeanRatioGain);   // (2.00 + 0.87) / 2 = 1.435, E has no ratio
        Assert.Equal(98.91m, Impact.CostPerUnitOfProgress(1582.50m, g));  // £ per month gained
    }

    [Fact]
    public void Standardised_summary_needs_no_dates_and_has_no_ratio()
    {
        var pupils = new[]
        {
            new PupilAssessments("A", new Assessment(82, null), new Assessment(90, null)),
            new PupilAssessments("B", new Assessment(75, D("2026-09-01")), new Assessment(78, D("2027-01-01"))),
            new PupilAssessments("C", new Assessment(88, null), new Assessment(null, null)),
        };
        var g = Impact.Summarise(MeasureKind.StandardisedScore, pupils);
        Assert.Equal(2, g.Included);
        Assert.Equal(1, g.Excluded);
        Assert.Equal(5.5m, g.MeanGain);
        Assert.Equal(11, g.TotalGain);
        Assert.Null(g.MeanRatioGain);
    }

    [Fact]
    public void Age_measure_without_dates_is_excluded()
    {
        var g = Impact.Summarise(MeasureKind.SpellingAgeMonths,
            new[] { new PupilAssessments("A", new Assessment(82, null), new Assessment(90, D("2027-01-01"))) });
        Assert.Equal(0, g.Included);
        Assert.Equal(1, g.Excluded);
        Assert.Null(g.MeanGain);
        Assert.Null(g.MeanRatioGain);
    }

    [Fact]
    public void Empty_group()
    {
        var g = Impact.Summarise(MeasureKind.ReadingAgeMonths, Array.Empty<PupilAssessments>());
        Assert.Equal(0, g.Pupils);
        Assert.Null(g.MeanEntry);
        Assert.Null(Impact.CostPerUnitOfProgress(500m, g));
    }

    [Theory]
    [InlineData("1582.50", "16", "98.91")]
    [InlineData("100", "3", "33.33")]
    [InlineData("100", "0.5", "200")]
    [InlineData("100", "0", null)]
    [InlineData("100", "-4", null)]
    public void Cost_per_unit_of_progress(string cost, string progress, string? expected) =>
        Assert.Equal(expected is null ? null : M(expected), Impact.CostPerUnitOfProgress(M(cost), M(progress)));
}

public class AttendanceTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s);

    // Weekly group on Mondays in autumn 2026.
    private static readonly SessionRecord[] Sessions =
    {
        new(D("2026-09-07"), false, true),
        new(D("2026-09-14"), true, false),   // cancelled: staff absent
        new(D("2026-09-21"), false, false),
        new(D("2026-09-28"), false, true),
        new(D("2026-10-05"), false, true),
        new(D("2026-10-12"), false, false),
        new(D("2026-10-19"), true, true),    // cancelled but marked present: a data slip, not counted
    };

    [Theory]
    [InlineData("2026-09-07", null, 5, 3, "60")]
    [InlineData("2026-09-21", null, 4, 2, "50")]          // joined on a session day: that session counts
    [InlineData("2026-09-08", "2026-10-05", 3, 2, "66.7")] // left on a session day: that session counts
    [InlineData("2026-09-01", "2026-09-20", 1, 1, "100")]
    [InlineData("2026-10-13", null, 0, 0, null)]           // joined after the last session held
    public void Attendance_counts_only_sessions_held_while_in_the_group(string joined, string? left, int counted, int attended, string? percent)
    {
        var r = Impact.Attendance(Sessions, D(joined), left is null ? null : D(left));
        Assert.Equal(counted, r.SessionsCounted);
        Assert.Equal(attended, r.Attended);
        Assert.Equal(percent is null ? null : M(percent), r.Percent);
    }

    [Fact]
    public void Left_before_joining_is_a_programming_error() =>
        Assert.Throws<ArgumentException>(() => Impact.Attendance(Sessions, D("2026-10-01"), D("2026-09-30")));
}
