using Senco.Core.Schools;

namespace Senco.Core.Tests.Schools;

public class SchoolRulesTests
{
    [Theory]
    [InlineData("Primary")]
    [InlineData("secondary")]
    [InlineData("AllThrough")]
    [InlineData("AlternativeProvision")]
    public void Valid_school(string phase)
    {
        var errors = SchoolRules.Validate("123456", "Oak Primary School", "801", "2000", phase);
        Assert.True(errors.IsValid, errors.ToString());
    }

    [Fact]
    public void All_missing_in_form_order()
    {
        var errors = SchoolRules.Validate(null, " ", "", null, null);
        Assert.Equal(new[] { "urn", "name", "laCode", "estab", "phase" }, errors.ToDictionary().Keys);
        Assert.Equal("Select the phase: Primary, Secondary, AllThrough, Special, Nursery, AlternativeProvision", errors.For("phase").Single());
    }

    [Theory]
    [InlineData("12345", "urn", "The URN must be 6 digits, for example 100000")]
    [InlineData("1234567", "urn", "The URN must be 6 digits, for example 100000")]
    [InlineData("12345a", "urn", "The URN must be 6 digits, for example 100000")]
    public void Bad_urn(string urn, string field, string message) =>
        Assert.Equal(new[] { message }, SchoolRules.Validate(urn, "N", "801", "2000", "Primary").For(field));

    [Theory]
    [InlineData("80", "The local authority code must be 3 digits, for example 801")]
    [InlineData("8O1", "The local authority code must be 3 digits, for example 801")]
    [InlineData("123", "\"123\" is not the code of a current English local authority")]
    [InlineData("909", "\"909\" is not the code of a current English local authority")]   // Cumbria, abolished 2023
    [InlineData("681", "\"681\" is not the code of a current English local authority")]   // Cardiff
    public void Bad_la(string la, string message) =>
        Assert.Equal(new[] { message }, SchoolRules.Validate("123456", "N", la, "2000", "Primary").For("laCode"));

    [Theory]
    [InlineData("200", false)]
    [InlineData("20000", false)]
    [InlineData("2x00", false)]
    [InlineData("7001", true)]
    public void Estab(string estab, bool ok) =>
        Assert.Equal(ok, !SchoolRules.Validate("123456", "N", "936", estab, "Special").Has("estab"));

    [Theory]
    [InlineData(200, true)]
    [InlineData(201, false)]
    public void Name_length(int length, bool ok) =>
        Assert.Equal(ok, !SchoolRules.Validate("123456", new string('n', length), "936", "2000", "Special").Has("name"));

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("Infant")]
    [InlineData("All-through")]
    public void Bad_phase(string phase) =>
        Assert.True(SchoolRules.Validate("123456", "N", "936", "2000", phase).Has("phase"));
}
