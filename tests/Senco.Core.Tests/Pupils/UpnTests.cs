using Senco.Core.Pupils;

namespace Senco.Core.Tests.Pupils;

public class UpnTests
{
    // Worked examples from send-facts.md §3, checked by hand.
    [Theory]
    [InlineData("H801200001001", false)]
    [InlineData("G80120000101A", true)]
    [InlineData("U936200124123", false)]
    [InlineData("Q93620012412B", true)]
    [InlineData("P207000016049", false)]
    public void Valid_upns_pass_and_are_normalised(string upn, bool temporary)
    {
        var r = Upn.Check(upn);
        Assert.True(r.IsValid, r.Error);
        Assert.Equal(temporary, r.IsTemporary);
        Assert.Equal(upn, r.Normalised);
        Assert.Null(r.Error);
        Assert.Null(r.ExpectedCheckLetter);
    }

    [Theory]
    [InlineData(" h801200001001 ", "H801200001001")]
    [InlineData("g80120000101a", "G80120000101A")]
    [InlineData("\tu936200124123\n", "U936200124123")]
    public void Lower_case_and_surrounding_whitespace_are_accepted(string input, string expected)
    {
        var r = Upn.Check(input);
        Assert.True(r.IsValid, r.Error);
        Assert.Equal(expected, r.Normalised);
    }

    [Theory]
    [InlineData("801200001001", 'H')]
    [InlineData("80120000101A", 'G')]
    [InlineData("936200124123", 'U')]
    [InlineData("93620012412B", 'Q')]
    // Juniper/Pupil Asset's help page says Q (sum 267); the sum is 266, 266 mod 23 = 13 = P.
    [InlineData("207000016049", 'P')]
    [InlineData("93620012412b", 'Q')]
    public void Check_letter_is_computed(string last12, char expected) =>
        Assert.Equal(expected, Upn.CheckLetterFor(last12));

    [Theory]
    [InlineData("B207000016049", 'P')]  // the third-party "Q" example is itself wrong, so Q fails too
    [InlineData("Q207000016049", 'P')]
    [InlineData("A801200001001", 'H')]
    [InlineData("H80120000101A", 'G')]
    [InlineData("I801200001001", 'H')]
    public void Wrong_check_letter_names_the_expected_letter(string upn, char expected)
    {
        var r = Upn.Check(upn);
        Assert.False(r.IsValid);
        Assert.Null(r.Normalised);
        Assert.Equal(expected, r.ExpectedCheckLetter);
        Assert.Equal($"The check letter should be {expected}.", r.Error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_asks_for_the_upn(string? input)
    {
        var r = Upn.Check(input);
        Assert.False(r.IsValid);
        Assert.Equal("Enter the pupil's UPN", r.Error);
        Assert.Null(r.ExpectedCheckLetter);
    }

    [Theory]
    [InlineData("H80120000100")]     // 12 characters
    [InlineData("H8012000010011")]   // 14 characters
    [InlineData("8801200001001")]    // first character a digit
    [InlineData("H801-00001001")]    // punctuation
    [InlineData("H801 00001001")]    // inner space
    [InlineData("É801200001001")]    // non-ASCII letter
    public void Wrong_length_or_shape(string input)
    {
        var r = Upn.Check(input);
        Assert.False(r.IsValid);
        Assert.Equal(Upn.ShapeMessage, r.Error);
    }

    [Theory]
    [InlineData("X80120000A001")]
    [InlineData("X8012000010A1")]
    [InlineData("X801A00001001")]
    public void Characters_5_to_12_must_be_digits(string input)
    {
        var r = Upn.Check(input);
        Assert.False(r.IsValid);
        Assert.Equal("Characters 5 to 12 of the UPN must be digits", r.Error);
    }

    [Theory]
    [InlineData("A80120000101I")]
    [InlineData("A80120000101O")]
    [InlineData("A80120000101S")]
    [InlineData("a80120000101s")]
    public void I_O_and_S_are_never_a_temporary_final_letter(string input)
    {
        var r = Upn.Check(input);
        Assert.False(r.IsValid);
        Assert.Equal(
            "Character 13 of the UPN must be a digit, or a letter other than I, O or S for a temporary UPN", r.Error);
    }

    [Theory]
    [InlineData("E000200005001", "000")]
    [InlineData("E123200005001", "123")]
    [InlineData("E999200005001", "999")]
    [InlineData("EAB1200005001", "AB1")]
    public void Unrecognised_la_code_is_named(string input, string la)
    {
        var r = Upn.Check(input);
        Assert.False(r.IsValid);
        Assert.Equal($"Characters 2 to 4 of the UPN (\"{la}\") are not a recognised local authority code", r.Error);
    }

    [Theory]
    [InlineData("909")]   // Cumbria: abolished 2023, its UPNs live on
    [InlineData("928")]   // Northamptonshire
    [InlineData("681")]   // Cardiff
    [InlineData("942")]   // Cumberland
    public void Upns_from_former_and_welsh_authorities_are_accepted(string la)
    {
        var last12 = la + "200124123";
        var upn = Upn.CheckLetterFor(last12) + last12;
        Assert.True(Upn.Check(upn).IsValid);
    }

    [Theory]
    [InlineData("80120000100")]
    [InlineData("8012000010011")]
    [InlineData("8012000010I1")]
    [InlineData("80120000101I")]
    [InlineData("80120000101S")]
    [InlineData("A01200001001")]
    public void Check_letter_rejects_malformed_input(string last12) =>
        Assert.Throws<ArgumentException>(() => Upn.CheckLetterFor(last12));

    [Fact]
    public void Every_generated_upn_round_trips_and_any_other_check_letter_fails()
    {
        const string letters = "ABCDEFGHJKLMNPQRTUVWXYZ";
        foreach (var last in new[] { "0", "9", "A", "Z" })
        {
            var last12 = "87320002501" + last;
            var right = Upn.CheckLetterFor(last12);
            Assert.True(Upn.Check(right + last12).IsValid);
            foreach (var wrong in letters.Where(c => c != right))
                Assert.Equal(right, Upn.Check(wrong + last12).ExpectedCheckLetter);
        }
    }
}

public class LocalAuthoritiesTests
{
    [Theory]
    [InlineData("201", "City of London")]
    [InlineData("202", "Camden")]
    [InlineData("207", "Kensington and Chelsea")]
    [InlineData("801", "Bristol, City of")]
    [InlineData("838", "Dorset")]
    [InlineData("839", "Bournemouth, Christchurch and Poole")]
    [InlineData("840", "County Durham")]
    [InlineData("841", "Darlington")]
    [InlineData("873", "Cambridgeshire")]
    [InlineData("936", "Surrey")]
    [InlineData("938", "West Sussex")]
    [InlineData("940", "North Northamptonshire")]
    [InlineData("941", "West Northamptonshire")]
    [InlineData("942", "Cumberland")]
    [InlineData("943", "Westmorland and Furness")]
    [InlineData("660", "Isle of Anglesey")]
    [InlineData("681", "Cardiff")]
    [InlineData(" 801 ", "Bristol, City of")]
    public void Known_codes_have_names(string code, string name)
    {
        Assert.True(LocalAuthorities.IsRecognised(code));
        Assert.Equal(name, LocalAuthorities.NameOf(code));
    }

    [Theory]
    [InlineData("000")]
    [InlineData("123")]
    [InlineData("659")]
    [InlineData("682")]
    [InlineData("944")]
    [InlineData("80")]
    [InlineData("")]
    public void Unknown_codes_are_not_recognised(string code)
    {
        Assert.False(LocalAuthorities.IsRecognised(code));
        Assert.Null(LocalAuthorities.NameOf(code));
    }

    [Theory]
    [InlineData("909", true, false)]
    [InlineData("928", true, false)]
    [InlineData("835", true, false)]
    [InlineData("681", true, false)]
    [InlineData("942", true, true)]
    [InlineData("801", true, true)]
    public void Former_and_welsh_codes_are_recognised_but_not_current_english(string code, bool recognised, bool current)
    {
        Assert.Equal(recognised, LocalAuthorities.IsRecognised(code));
        Assert.Equal(current, LocalAuthorities.IsCurrentEnglish(code));
    }

    [Fact]
    public void There_are_153_english_and_22_welsh_authorities()
    {
        Assert.Equal(153, LocalAuthorities.CurrentEnglish.Count);
        Assert.Equal(22, LocalAuthorities.Welsh.Count);
        Assert.Equal(
            LocalAuthorities.CurrentEnglish.Count + LocalAuthorities.Welsh.Count + LocalAuthorities.Historical.Count,
            LocalAuthorities.All.Count);
        Assert.All(LocalAuthorities.All.Keys, k => Assert.Matches("^[0-9]{3}$", k));
        Assert.Equal(LocalAuthorities.All.Keys.OrderBy(k => k, StringComparer.Ordinal), LocalAuthorities.All.Keys);
    }
}
