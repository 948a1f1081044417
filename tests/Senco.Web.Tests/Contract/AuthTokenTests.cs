using System.Net;
using System.Text.Json.Nodes;
using Senco.Core.Access;
using Senco.Web.Tests.Infrastructure;

namespace Senco.Web.Tests.Contract;

/// POST /api/v1/auth/token: the door every integration uses.
public sealed class AuthTokenTests(TestWorld world) : IClassFixture<TestWorld>
{
    [Fact]
    public async Task The_app_is_prepared_by_its_own_start_up_so_the_configured_administrator_can_sign_in()
    {
        // PrepareAsync (migrations + admin bootstrap from SENCO_ADMIN_EMAIL/PASSWORD) ran inside Program.Main:
        // otherwise there would be no schema and no administrator to sign in with.
        using var anon = world.Anonymous();
        var r = await anon.PostJson("/api/v1/auth/token", new { email = SencoFactory.AdminEmail, password = SencoFactory.AdminPassword });
        await r.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_right_password_gets_a_bearer_token_valid_for_an_hour()
    {
        using var anon = world.Anonymous();
        var r = await anon.PostJson("/api/v1/auth/token", new { email = world.User(SchoolRole.Senco, "A").Email, password = TestWorld.Password });
        await r.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("application/json", r.Content.Headers.ContentType?.MediaType);
        var body = await r.ReadNode();
        body.ShouldHaveProperties("accessToken", "tokenType", "expiresIn");
        Assert.Equal("Bearer", body.Str("tokenType"));
        Assert.Equal(3600, body["expiresIn"]!.GetValue<int>());
        var token = body.Str("accessToken");
        Assert.False(string.IsNullOrWhiteSpace(token));

        using var client = world.Anonymous();
        client.UseBearer(token);
        var schools = await client.GetAsync("/api/v1/schools").ExpectJson(HttpStatusCode.OK);
        Assert.Equal([world.A.Urn], schools.AsArray().Select(s => s.Str("urn")).ToArray());
    }

    [Fact]
    public async Task The_email_is_matched_without_regard_to_case_or_surrounding_spaces()
    {
        using var anon = world.Anonymous();
        var email = "  " + world.User(SchoolRole.Teacher, "B").Email.ToUpperInvariant() + " ";
        await anon.PostJson("/api/v1/auth/token", new { email, password = TestWorld.Password }).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unknown_email_and_a_wrong_password_get_the_same_401_so_no_one_can_learn_which_emails_exist()
    {
        using var anon = world.Anonymous();
        var unknown = await anon.PostJson("/api/v1/auth/token", new { email = "nobody.here@senco.test", password = TestWorld.Password });
        var wrong = await anon.PostJson("/api/v1/auth/token", new { email = world.User(SchoolRole.Governor, "C").Email, password = "not the password at all" });

        var a = await unknown.ShouldBeProblem(HttpStatusCode.Unauthorized);
        var b = await wrong.ShouldBeProblem(HttpStatusCode.Unauthorized);
        a.Remove("traceId");
        b.Remove("traceId");
        Assert.Equal(a.ToJsonString(), b.ToJsonString());
        Assert.False(unknown.Headers.Contains("WWW-Authenticate") != wrong.Headers.Contains("WWW-Authenticate"));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"email\":\"\",\"password\":\"\"}")]
    [InlineData("{\"email\":\"senco.a@senco.test\"}")]
    public async Task Missing_credentials_are_refused_with_401(string json)
    {
        using var anon = world.Anonymous();
        var r = await anon.PostAsync("/api/v1/auth/token", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        await r.ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task After_five_wrong_passwords_the_account_is_locked_and_even_the_right_password_is_refused()
    {
        var email = await world.NewUserAsync((SchoolRole.Teacher, "A"));
        using var anon = world.Anonymous();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var r = await anon.PostJson("/api/v1/auth/token", new { email, password = $"wrong password number {i}" });
            statuses.Add(r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        }
        Assert.All(statuses.Take(4), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Contains(statuses[4], new[] { HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests });

        var right = await anon.PostJson("/api/v1/auth/token", new { email, password = TestWorld.Password });
        Assert.Contains(right.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests });
        Assert.DoesNotContain("accessToken", await right.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Repeated_failures_answer_the_same_for_an_unknown_email_as_for_a_real_one_so_lockout_does_not_reveal_accounts()
    {
        // The contract: wrong credentials get "the same answer whether the email exists or not". If a real account
        // answers differently once locked (e.g. 429) while an unknown email keeps answering 401, six guesses tell an
        // attacker which emails have accounts.
        var real = await world.NewUserAsync((SchoolRole.Teacher, "C"));
        var unknown = "no.such.person." + Guid.NewGuid().ToString("N")[..8] + "@senco.test";
        using var anon = world.Anonymous();
        async Task<(int Status, string Title)> Attempt(string email, int i)
        {
            var r = await anon.PostJson("/api/v1/auth/token", new { email, password = $"guess number {i} wrong" });
            var problem = (await r.ReadNode()).AsObject();
            return ((int)r.StatusCode, problem["title"]?.GetValue<string>() ?? "");
        }
        for (var i = 0; i < 7; i++)
        {
            var a = await Attempt(real, i);
            var b = await Attempt(unknown, i);
            Assert.True(a == b, $"attempt {i + 1}: an existing account answered {a.Status} \"{a.Title}\" but an unknown email answered {b.Status} \"{b.Title}\"");
        }
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused_without_a_token()
    {
        using var anon = world.Anonymous();
        var r = await anon.PostAsync("/api/v1/auth/token", new StringContent("email=a&password=b", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.True((int)r.StatusCode is 400 or 401 or 415, $"got {(int)r.StatusCode}");
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/v1/schools")]
    [InlineData("/api/v1/schools/140001/register")]
    [InlineData("/api/v1/schools/140001/register.csv")]
    [InlineData("/api/v1/pupils/00000000-0000-0000-0000-000000000001")]
    public async Task Calls_without_a_token_or_with_a_forged_token_answer_401_problem(string url)
    {
        using var anon = world.Anonymous();
        await (await anon.GetAsync(url)).ShouldBeProblem(HttpStatusCode.Unauthorized);

        using var forged = world.Anonymous();
        forged.UseBearer("CfDJ8-not-a-real-token");
        await (await forged.GetAsync(url)).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }
}
