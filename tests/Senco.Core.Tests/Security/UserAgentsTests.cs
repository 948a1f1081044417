using Senco.Core.Security;

namespace Senco.Core.Tests.Security;

public class UserAgentsTests
{
    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome on Windows")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Edge on Windows")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15", "Safari on Mac")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1", "Safari on iPhone")]
    [InlineData("Mozilla/5.0 (iPad; CPU OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0 Mobile/15E148 Safari/604.1", "Chrome on iPad")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox on Linux")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36", "Samsung Internet on Android")]
    [InlineData("Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome on Chromebook")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36", "Chrome on Linux")]
    [InlineData("curl/8.5.0", "Another browser on an unknown device")]
    [InlineData("", "Unknown browser on an unknown device")]
    [InlineData(null, "Unknown browser on an unknown device")]
    public void Names_the_browser_and_device_as_a_person_would(string? userAgent, string expected) => Assert.Equal(expected, UserAgents.Describe(userAgent));

    [Theory]
    [InlineData("curl/8.5.0", "curl/8.5.0")]
    [InlineData("python-requests/2.31.0", "python-requests/2.31.0")]
    [InlineData("SchoolMIS-Sync/3.2 (+https://mis.example)", "SchoolMIS-Sync/3.2")]
    [InlineData("<script>alert(1)</script>", "scriptalert1/script")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox on Linux")]
    [InlineData("   ", "A program that gave no name")]
    [InlineData("\u00e9\u00e9\u00e9", "A program that gave no name")]
    [InlineData(null, "A program that gave no name")]
    public void Names_the_program_behind_an_api_token(string? userAgent, string expected) => Assert.Equal(expected, UserAgents.DescribeProgram(userAgent));

    [Fact]
    public void A_long_program_name_is_cut_to_sixty_characters() => Assert.Equal(60, UserAgents.DescribeProgram(new string('a', 500) + "/1").Length);
}
