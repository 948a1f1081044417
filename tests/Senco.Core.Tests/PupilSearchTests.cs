using Senco.Core.Pupils;

namespace Senco.Core.Tests;

public sealed class PupilSearchTests
{
    [Theory]
    [InlineData("Sam", "sam", null)]
    [InlineData("  Abara, Amira ", "abara amira", null)]
    [InlineData("Year 5", "", "5")]
    [InlineData("y10", "", "10")]
    [InlineData("yr 7 lee", "lee", "7")]
    [InlineData("Sam year 5", "sam", "5")]
    [InlineData("Reception", "", "R")]
    [InlineData("nursery 2", "", "N2")]
    [InlineData("N1 Ola", "ola", "N1")]
    [InlineData("5", "", "5")]
    [InlineData("A123456789012", "a123456789012", null)]
    [InlineData("year 20", "year 20", null)]
    [InlineData("", "", null)]
    [InlineData(null, "", null)]
    public void A_search_splits_into_words_and_a_year_group(string? text, string words, string? year)
    {
        var s = PupilSearch.Parse(text);
        Assert.Equal(words, string.Join(' ', s.Words));
        Assert.Equal(year, s.YearGroup);
    }

    [Fact]
    public void A_search_is_empty_only_when_nothing_was_asked()
    {
        Assert.True(PupilSearch.Parse("   ").IsEmpty);
        Assert.False(PupilSearch.Parse("Year 3").IsEmpty);
    }

    [Fact]
    public void A_long_search_is_cut_to_the_limit_and_six_words()
    {
        var s = PupilSearch.Parse(string.Join(' ', Enumerable.Repeat("abcdefghij", 20)));
        Assert.Equal(6, s.Words.Count);
    }
}
