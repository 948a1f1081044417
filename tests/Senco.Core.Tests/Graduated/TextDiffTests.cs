using Senco.Core.Graduated;

namespace Senco.Core.Tests.Graduated;

public class TextDiffTests
{
    private static string Show(IReadOnlyList<DiffPart> parts) =>
        string.Concat(parts.Select(p => p.Kind switch { DiffKind.Added => $"[+{p.Text}]", DiffKind.Removed => $"[-{p.Text}]", _ => p.Text }));

    [Theory]
    [InlineData("My dog Biscuit and football.", "My dog Biscuit and football.", "My dog Biscuit and football.")]
    [InlineData("My dog Biscuit and football.", "My dog Biscuit, football and swimming.", "My dog [-Biscuit and football.][+Biscuit, football and swimming.]")]
    [InlineData("Give me time to answer.", "Give me time to think before I answer.", "Give me time to [+think before I ]answer.")]
    [InlineData("Sit at the front and use a timer.", "Sit at the front.", "Sit at the [-front and use a timer.][+front.]")]
    [InlineData("", "New text", "[+New text]")]
    [InlineData("Old text", "", "[-Old text]")]
    [InlineData("Line one\nLine two", "Line one\nLine 2", "Line one\nLine [-two][+2]")]
    [InlineData("My dog Biscuit and football on Saturdays", "Swimming on Tuesdays", "[-My dog Biscuit and football on Saturdays][+Swimming on Tuesdays]")]
    [InlineData("Read with me every day at home", "Read with me at school", "Read with me [-every day at home][+at school]")]
    public void Shows_which_words_changed(string before, string after, string expected) =>
        Assert.Equal(expected, Show(TextDiff.Words(before, after)));

    [Fact]
    public void Rebuilds_both_texts_exactly()
    {
        const string before = "Funny, kind and a brilliant builder.\nPeople say I am a good friend.";
        const string after = "Funny, kind, a brilliant builder\nand a great swimmer. People say I am a good friend!";
        var parts = TextDiff.Words(before, after);
        Assert.Equal(before, string.Concat(parts.Where(p => p.Kind != DiffKind.Added).Select(p => p.BeforeText)));
        Assert.Equal(after, string.Concat(parts.Where(p => p.Kind != DiffKind.Removed).Select(p => p.Text)));
    }

    [Fact]
    public void Words_in_common_keep_each_texts_own_spacing()
    {
        var parts = TextDiff.Words("teaching me.\n(own words)", "teaching me. Swimming.\n(own words)");
        Assert.Equal("teaching me.\n(own words)", string.Concat(parts.Where(p => p.Kind != DiffKind.Added).Select(p => p.BeforeText)));
        Assert.Equal("teaching me. Swimming.\n(own words)", string.Concat(parts.Where(p => p.Kind != DiffKind.Removed).Select(p => p.Text)));
    }

    [Fact]
    public void Very_long_texts_are_shown_whole()
    {
        var a = string.Join(' ', Enumerable.Repeat("word", TextDiff.MaxWords + 1));
        var parts = TextDiff.Words(a, "short");
        Assert.Equal([DiffKind.Removed, DiffKind.Added], parts.Select(p => p.Kind));
    }
}
