namespace Senco.Core.Tests;

public class ValidationErrorsTests
{
    [Fact]
    public void Empty_is_valid()
    {
        var e = new ValidationErrors();
        Assert.True(e.IsValid);
        Assert.False(e.Has("x"));
        Assert.Empty(e.For("x"));
        Assert.Empty(e.ToDictionary());
    }

    [Fact]
    public void Keeps_fields_and_messages_in_insertion_order_without_duplicates()
    {
        var e = new ValidationErrors();
        e.Add("surname", "a");
        e.Add("upn", "b");
        e.Add("surname", "c");
        e.Add("surname", "a");

        Assert.False(e.IsValid);
        Assert.True(e.Has("surname"));
        Assert.False(e.Has("Surname"));
        Assert.Equal(new[] { "a", "c" }, e.For("surname"));
        Assert.Equal(new[] { "surname", "upn" }, e.ToDictionary().Keys);
        Assert.Equal(new[] { "surname", "upn" }, e.Select(kv => kv.Key));
        Assert.Equal(2, e.Count);
    }

    [Fact]
    public void Merge_appends_and_prefixed_merge_nests_field_names()
    {
        var a = new ValidationErrors();
        a.Add("reason", "r1");
        var b = new ValidationErrors();
        b.Add("reason", "r2");
        b.Add("value", "v");

        a.Merge(b);
        a.Merge("entry", b);

        Assert.Equal(new[] { "r1", "r2" }, a.For("reason"));
        Assert.Equal(new[] { "v" }, a.For("entry.value"));
        Assert.Equal(new[] { "reason", "value", "entry.reason", "entry.value" }, a.ToDictionary().Keys);
    }

    [Fact]
    public void Dictionary_is_a_copy()
    {
        var e = new ValidationErrors();
        e.Add("a", "m");
        var d = e.ToDictionary();
        d["a"][0] = "changed";
        Assert.Equal("m", e.For("a")[0]);
    }

    [Theory]
    [InlineData("", "m")]
    [InlineData("f", "")]
    [InlineData(" ", "m")]
    public void Blank_field_or_message_is_a_programming_error(string field, string message) =>
        Assert.Throws<ArgumentException>(() => new ValidationErrors().Add(field, message));
}
