namespace Senco.Core.Tests;

public class DatesTests
{
    [Theory]
    [InlineData("2026-09-03", "3 September 2026")]
    [InlineData("2024-02-29", "29 February 2024")]
    [InlineData("2027-12-31", "31 December 2027")]
    public void Long_format(string d, string expected) => Assert.Equal(expected, Dates.Long(DateOnly.Parse(d)));

    [Theory]
    [InlineData("2020-02-29", "2021-02-28", 0)]
    [InlineData("2020-02-29", "2021-03-01", 1)]
    [InlineData("2020-02-29", "2024-02-29", 4)]
    [InlineData("2015-03-04", "2026-03-03", 10)]
    [InlineData("2015-03-04", "2026-03-04", 11)]
    [InlineData("2015-12-31", "2016-01-01", 0)]
    public void Age_on(string dob, string on, int age) => Assert.Equal(age, Dates.AgeOn(DateOnly.Parse(dob), DateOnly.Parse(on)));
}
