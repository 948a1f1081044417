namespace Senco.Core.Tests;

public class SchoolYearTests
{
    [Theory]
    [InlineData("2026-09-01", 2026)]
    [InlineData("2026-08-31", 2025)]
    [InlineData("2027-01-01", 2026)]
    [InlineData("2027-08-31", 2026)]
    [InlineData("2024-02-29", 2023)]
    [InlineData("2026-12-31", 2026)]
    public void Containing_starts_on_1_september(string date, int start) =>
        Assert.Equal(start, SchoolYear.Containing(DateOnly.Parse(date)).StartYear);

    [Fact]
    public void Bounds_label_and_neighbours()
    {
        var y = new SchoolYear(2026);
        Assert.Equal(new DateOnly(2026, 9, 1), y.Start);
        Assert.Equal(new DateOnly(2027, 8, 31), y.End);
        Assert.Equal("2026/27", y.Label);
        Assert.Equal("2026/27", y.ToString());
        Assert.Equal(new SchoolYear(2027), y.Next);
        Assert.Equal(new SchoolYear(2025), y.Previous);
        Assert.Equal("1999/00", new SchoolYear(1999).Label);
    }

    [Theory]
    [InlineData("2026-08-31", false)]
    [InlineData("2026-09-01", true)]
    [InlineData("2027-08-31", true)]
    [InlineData("2027-09-01", false)]
    public void Contains_is_inclusive_at_both_ends(string date, bool expected) =>
        Assert.Equal(expected, new SchoolYear(2026).Contains(DateOnly.Parse(date)));

    [Theory]
    [InlineData("2026/27", true, 2026)]
    [InlineData(" 1999/00 ", true, 1999)]
    [InlineData("2026/28", false, 0)]
    [InlineData("2026-27", false, 0)]
    [InlineData("26/27", false, 0)]
    [InlineData(null, false, 0)]
    public void Parses_labels(string? s, bool ok, int start)
    {
        Assert.Equal(ok, SchoolYear.TryParse(s, out var y));
        if (ok) Assert.Equal(start, y.StartYear);
    }
}
