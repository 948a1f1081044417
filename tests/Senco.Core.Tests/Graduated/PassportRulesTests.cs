using Senco.Core.Graduated;

namespace Senco.Core.Tests.Graduated;

public class PassportRulesTests
{
    private static PassportContent Valid => new("Funny and kind", true, "My dog Biscuit", true, "Give me time to answer", false, ["Sit near the front", "Use a visual timetable"]);

    [Fact]
    public void A_complete_passport_is_valid() => Assert.True(PassportRules.Validate(Valid).IsValid);

    [Fact]
    public void The_three_sections_are_required_and_strategies_optional()
    {
        var e = PassportRules.Validate(PassportContent.Empty);
        Assert.Equal(["aboutMe", "importantToMe", "howToSupportMe"], e.Select(kv => kv.Key));
        Assert.Equal("Enter what people like and admire about the pupil", e.For("aboutMe")[0]);
    }

    [Fact]
    public void Sections_and_strategies_are_bounded_so_it_fits_one_page()
    {
        var e = PassportRules.Validate(Valid with { HowToSupportMe = new string('x', 1501), KeyStrategies = Enumerable.Range(1, 11).Select(i => $"Strategy {i}").ToList() });
        Assert.Equal("How best to support me must be 1,500 characters or fewer", e.For("howToSupportMe")[0]);
        Assert.Equal("List at most 10 key strategies, so the passport fits on one page", e.For("keyStrategies")[0]);

        var longOne = PassportRules.Validate(Valid with { KeyStrategies = ["ok", new string('s', 301)] });
        Assert.Equal("Key strategy 2 must be 300 characters or fewer", longOne.For("keyStrategies")[0]);
    }

    [Fact]
    public void Strategies_typed_one_per_line_lose_bullets_blanks_and_repeats() =>
        Assert.Equal(["Sit near the front", "Visual timetable", "Movement breaks"],
            PassportRules.StrategiesFromLines("- Sit near the front\r\n\n • Visual timetable\n* movement breaks\nVisual Timetable\nMovement breaks".Replace("* movement", "* Movement")));

    [Fact]
    public void Diff_shows_every_field_and_which_changed()
    {
        var after = Valid with { ImportantToMe = "My dog Biscuit and football", HowToSupportMeOwnWords = false, KeyStrategies = ["Sit near the front", "Use a visual timetable", "Movement breaks"] };
        var diff = PassportRules.Diff(Valid, after);
        Assert.Equal(["aboutMe", "importantToMe", "howToSupportMe", "keyStrategies"], diff.Select(d => d.Field));
        Assert.Equal([false, true, false, true], diff.Select(d => d.Changed));
        Assert.Equal("My dog Biscuit\n(in the pupil's own words)", diff[1].Before);
        Assert.Equal("Sit near the front\nUse a visual timetable\nMovement breaks", diff[3].After);
        Assert.Equal(PassportRules.KeyStrategiesLabel, diff[3].Label);
    }

    [Fact]
    public void Marking_a_section_as_the_pupils_own_words_is_a_change()
    {
        var diff = PassportRules.Diff(Valid, Valid with { HowToSupportMeOwnWords = true });
        Assert.True(diff.Single(d => d.Field == "howToSupportMe").Changed);
        Assert.False(PassportRules.SameContent(Valid, Valid with { HowToSupportMeOwnWords = true }));
        Assert.True(PassportRules.SameContent(Valid, Valid with { AboutMe = " Funny and kind " }));
    }
}

public class PhotoRulesTests
{
    private static readonly byte[] PngHeader = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    private static readonly byte[] JpegHeader = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F'];

    [Fact]
    public void Recognises_png_and_jpeg_by_their_bytes()
    {
        Assert.Equal((PhotoRules.Png, (string?)null), PhotoRules.Check(PngHeader));
        Assert.Equal((PhotoRules.Jpeg, (string?)null), PhotoRules.Check(JpegHeader));
    }

    [Theory]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 })]                 // GIF89a
    [InlineData(new byte[] { 0x3C, 0x73, 0x76, 0x67, 0x3E })]                       // <svg>: script could hide in it
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D })]                       // %PDF-
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47 })]                             // a truncated PNG signature
    [InlineData(new byte[] { 0xFF, 0xD8 })]                                         // a truncated JPEG
    public void Refuses_other_files_whatever_they_are_called(byte[] data) =>
        Assert.Equal("The photo must be a PNG or JPEG image", PhotoRules.Check(data).Error);

    [Fact]
    public void Refuses_empty_and_oversized_files()
    {
        Assert.Equal("The selected file is empty", PhotoRules.Check([]).Error);
        var big = new byte[PhotoRules.MaxBytes + 1];
        PngHeader.CopyTo(big, 0);
        Assert.Equal("The photo must be smaller than 2 MB", PhotoRules.Check(big).Error);
        Assert.Null(PhotoRules.Check(big.AsSpan(0, PhotoRules.MaxBytes)).Error);
    }
}
