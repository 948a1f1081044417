using Senco.Core.Security;

namespace Senco.Core.Tests.Security;

public class BreachedPasswordsTests
{
    [Fact]
    public void The_list_is_embedded_and_holds_the_long_passwords_of_the_top_million() =>
        // 43,940 when generated; a list that failed to load or lost most of its lines would be far off.
        Assert.InRange(BreachedPasswords.Count, 40_000, 50_000);

    [Theory]
    // Breached passwords that the pattern rules let through: only the corpus stops them.
    [InlineData("leavemealone")]
    [InlineData("sonyericsson")]
    [InlineData("mailcreated5240")]
    [InlineData("polniypizdec0211")]
    [InlineData("justinbieber")]
    public void Refuses_breached_passwords_that_the_pattern_rules_miss(string password)
    {
        Assert.False(CommonPasswords.IsCommon(password), $"{password} is caught by the patterns; pick one only the corpus catches");
        Assert.True(BreachedPasswords.Contains(password), password);
    }

    [Theory]
    [InlineData("LeaveMeAlone")]
    [InlineData("  SONYERICSSON ")]
    [InlineData("qwerty123456")]
    public void Ignores_case_and_surrounding_spaces(string password) => Assert.True(BreachedPasswords.Contains(password), password);

    [Theory]
    [InlineData("a long admin passphrase for tests")]
    [InlineData("violet kettle marches north")]
    [InlineData("Tide-Pencil-Orbit-42")]
    [InlineData("")]
    [InlineData(null)]
    public void Accepts_passwords_not_in_the_list(string? password) => Assert.False(BreachedPasswords.Contains(password), password);
}
