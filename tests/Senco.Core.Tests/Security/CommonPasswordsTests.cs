using Senco.Core.Security;

namespace Senco.Core.Tests.Security;

public class CommonPasswordsTests
{
    [Theory]
    [InlineData("password1234")]
    [InlineData("Password123!")]
    [InlineData("P@ssw0rd2026!")]
    [InlineData("passwordpassword")]
    [InlineData("liverpool2026")]
    [InlineData("Summer2026!!")]
    [InlineData("summer2026winter")]
    [InlineData("123456789012")]
    [InlineData("qwertyuiop12")]
    [InlineData("qwertyuiopasdf")]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("abababababab")]
    [InlineData("!!!!2024!!!!")]
    [InlineData("welcome12345")]
    [InlineData("Teacher2026!")]
    [InlineData("abcdefghijkl")]
    public void Refuses_what_attackers_try_first(string password) => Assert.True(CommonPasswords.IsCommon(password), password);

    [Theory]
    [InlineData("a long admin passphrase for tests")]
    [InlineData("correct horse battery staple")]
    [InlineData("violet kettle marches north")]
    [InlineData("Tide-Pencil-Orbit-42")]
    [InlineData("my hedgehog sings at dawn")]
    [InlineData("a long enough test password")]
    public void Accepts_long_unpredictable_passphrases(string password) => Assert.False(CommonPasswords.IsCommon(password), password);

    [Theory]
    [InlineData("jane.okafor2026!", "jane.okafor@millbrook.example")]
    [InlineData("okafor123456789", "jane.okafor@millbrook.example")]
    [InlineData("Millbrook20262026", "jane.okafor@millbrook.example")]
    public void Refuses_the_persons_own_name_or_email(string password, string email) =>
        Assert.True(CommonPasswords.IsCommon(password, email), password);

    [Fact]
    public void The_persons_name_inside_a_long_passphrase_is_fine()
    {
        Assert.False(CommonPasswords.IsCommon("jane's garden of violet kettles", "jane.okafor@millbrook.example"));
    }
}
