using Senco.Core.Pupils;

namespace Senco.Core.Tests.Pupils;

public class PupilRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 10);

    private static PupilDetails Valid => new("H801200001001", "Amira", "Khan", new DateOnly(2015, 3, 4), "F", "6");

    [Fact]
    public void Valid_pupil()
    {
        var errors = PupilRules.Validate(Valid, Today);
        Assert.True(errors.IsValid, errors.ToString());
    }

    [Fact]
    public void Lenient_input_is_accepted_and_normalised()
    {
        var p = new PupilDetails(" h801200001001 ", " Amira ", " Khan ", new DateOnly(2015, 3, 4), " f ", " r ");
        Assert.True(PupilRules.Validate(p, Today).IsValid);
        Assert.Equal(new PupilDetails("H801200001001", "Amira", "Khan", new DateOnly(2015, 3, 4), "F", "R"), PupilRules.Normalise(p));
    }

    [Fact]
    public void Everything_missing_reports_every_field_in_form_order()
    {
        var errors = PupilRules.Validate(new PupilDetails(null, null, null, null, null, null), Today);
        Assert.Equal(new[] { "upn", "forename", "surname", "dateOfBirth", "gender", "yearGroup" }, errors.ToDictionary().Keys);
        Assert.Equal("Enter the pupil's UPN", errors.For("upn").Single());
        Assert.Equal("Enter the pupil's forename", errors.For("forename").Single());
        Assert.Equal("Enter the pupil's surname", errors.For("surname").Single());
        Assert.Equal("Enter the pupil's date of birth", errors.For("dateOfBirth").Single());
        Assert.Equal("Select the pupil's gender as recorded in the census: M or F", errors.For("gender").Single());
        Assert.Equal("Select a year group: N1, N2, R or 1 to 14", errors.For("yearGroup").Single());
    }

    [Fact]
    public void Upn_error_comes_from_the_upn_check()
    {
        var errors = PupilRules.Validate(Valid with { Upn = "B207000016049" }, Today);
        Assert.Equal(new[] { "The check letter should be P." }, errors.For("upn"));
    }

    [Theory]
    [InlineData(100, null)]
    [InlineData(101, "The surname must be 100 characters or fewer")]
    public void Name_length(int length, string? message)
    {
        var errors = PupilRules.Validate(Valid with { Surname = new string('x', length) }, Today);
        Assert.Equal(message is null ? Array.Empty<string>() : new[] { message }, errors.For("surname"));
    }

    [Theory]
    [InlineData("Ann\tMarie")]
    [InlineData("Ann\nMarie")]
    [InlineData("Ann\u0000")]
    public void Names_with_control_characters(string forename) =>
        Assert.Equal(new[] { "The forename must not contain tabs, line breaks or other hidden characters" },
            PupilRules.Validate(Valid with { Forename = forename }, Today).For("forename"));

    [Theory]
    [InlineData("O'Neill-Sánchez")]
    [InlineData("Zoë")]
    [InlineData("D'Souza")]
    public void Real_names_are_accepted(string surname) =>
        Assert.False(PupilRules.Validate(Valid with { Surname = surname }, Today).Has("surname"));

    [Theory]
    [InlineData("2024-11-10", null)]                  // 2 today
    [InlineData("2024-11-11", "The pupil must be at least 2 years old today: check the date of birth")]
    [InlineData("2000-11-11", null)]                  // 25, 26 tomorrow
    [InlineData("2000-11-10", "The pupil must be 25 or younger today: check the date of birth")]
    [InlineData("2026-11-11", "The date of birth must be in the past")]
    [InlineData("2026-11-10", "The pupil must be at least 2 years old today: check the date of birth")]
    public void Date_of_birth(string dob, string? message)
    {
        var errors = PupilRules.Validate(Valid with { DateOfBirth = DateOnly.Parse(dob) }, Today);
        Assert.Equal(message is null ? Array.Empty<string>() : new[] { message }, errors.For("dateOfBirth"));
    }

    [Theory]
    [InlineData("M", true)]
    [InlineData("f", true)]
    [InlineData("U", false)]
    [InlineData("Male", false)]
    [InlineData("", false)]
    public void Gender(string g, bool ok) => Assert.Equal(ok, !PupilRules.Validate(Valid with { Gender = g }, Today).Has("gender"));

    [Theory]
    [InlineData("N1", true)]
    [InlineData("14", true)]
    [InlineData("15", false)]
    [InlineData("Year 6", false)]
    public void Year_group(string y, bool ok) => Assert.Equal(ok, !PupilRules.Validate(Valid with { YearGroup = y }, Today).Has("yearGroup"));
}
