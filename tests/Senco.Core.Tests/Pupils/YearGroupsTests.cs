using Senco.Core.Pupils;

namespace Senco.Core.Tests.Pupils;

public class YearGroupsTests
{
    [Fact]
    public void All_in_order()
    {
        Assert.Equal(new[] { "N1", "N2", "R", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14" },
            YearGroups.All);
        Assert.Equal(YearGroups.All, YearGroups.All.OrderBy(YearGroups.Order));
    }

    [Theory]
    [InlineData("N1", -2, "Nursery 1")]
    [InlineData("n2", -1, "Nursery 2")]
    [InlineData("R", 0, "Reception")]
    [InlineData(" r ", 0, "Reception")]
    [InlineData("1", 1, "Year 1")]
    [InlineData("6", 6, "Year 6")]
    [InlineData("14", 14, "Year 14")]
    public void Order_and_label(string s, int order, string label)
    {
        Assert.True(YearGroups.IsValid(s));
        Assert.Equal(order, YearGroups.Order(s));
        Assert.Equal(label, YearGroups.Label(s));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("15")]
    [InlineData("01")]
    [InlineData("Y7")]
    [InlineData("N3")]
    [InlineData("-1")]
    public void Invalid(string? s)
    {
        Assert.False(YearGroups.IsValid(s));
        Assert.Null(YearGroups.Normalise(s));
        if (s is not null)
        {
            Assert.Throws<ArgumentException>(() => YearGroups.Order(s));
            Assert.Throws<ArgumentException>(() => YearGroups.Label(s));
        }
    }

    [Theory]
    [InlineData("N1", "N2")]
    [InlineData("N2", "R")]
    [InlineData("R", "1")]
    [InlineData("6", "7")]
    [InlineData("13", "14")]
    [InlineData("14", null)]
    public void Next(string s, string? next) => Assert.Equal(next, YearGroups.Next(s));
}
