using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Senco.Browser.Tests.Infrastructure;
using Senco.Core.Access;
using Senco.Data;
using Senco.Web.Tests.Contract;
using Senco.Web.Tests.Infrastructure;

namespace Senco.Web.Tests.Security;

/// A clock the test moves forward, so timeouts can be tested without waiting for them.
public sealed class MovableClock : TimeProvider
{
    private TimeSpan _offset;
    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UtcNow + _offset;
    public void Advance(TimeSpan by) => _offset += by;
}

/// Session timeouts, "confirm it is you" before sensitive actions, rate limits and the common-password rule.
public sealed partial class SessionAndLimitsTests(TestWorld world) : IClassFixture<TestWorld>
{
    private static HttpClient Browser(WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<string> Token(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        return WebUtility.HtmlDecode(TokenRegex().Match(html).Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    private static async Task<HttpResponseMessage> Post(HttpClient client, string path, Dictionary<string, string> form, string? tokenFrom = null)
    {
        form["__RequestVerificationToken"] = await Token(client, tokenFrom ?? path);
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    /// Signs the system administrator in through the pages, with their authenticator code.
    internal static async Task<HttpClient> SignInAdmin(WebApplicationFactory<Program> app)
    {
        string key;
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<SencoUser>>();
            var admin = (await users.FindByEmailAsync(SencoFactory.AdminEmail))!;
            key = await users.GetAuthenticatorKeyAsync(admin) ?? "";
            if (!admin.TwoFactorEnabled || key.Length == 0)
            {
                await users.ResetAuthenticatorKeyAsync(admin);
                key = (await users.GetAuthenticatorKeyAsync(admin))!;
                await users.SetTwoFactorEnabledAsync(admin, true);
            }
        }
        var client = Browser(app);
        var signIn = await Post(client, "/account/sign-in", new() { ["Input.Email"] = SencoFactory.AdminEmail, ["Input.Password"] = SencoFactory.AdminPassword });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.StartsWith("/account/two-factor", signIn.Headers.Location!.OriginalString);
        var twoFactor = await Post(client, signIn.Headers.Location.OriginalString, new() { ["Code"] = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.Redirect, twoFactor.StatusCode);
        return client;
    }

    private WebApplicationFactory<Program> WithClock(MovableClock clock) =>
        world.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));

    [Fact]
    public async Task Managing_people_needs_a_recent_sign_in_and_the_password_confirms_it()
    {
        var clock = new MovableClock();
        await using var app = WithClock(clock);
        using var admin = await SignInAdmin(app);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users/new")).StatusCode);

        clock.Advance(TimeSpan.FromMinutes(16));
        var stale = await admin.GetAsync("/admin/users/new");
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Equal("/account/confirm-password?returnUrl=%2Fadmin%2Fusers%2Fnew", stale.Headers.Location!.OriginalString);
        // Pages that change nothing sensitive are not interrupted.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).StatusCode);

        var wrong = await Post(admin, "/account/confirm-password?returnUrl=%2Fadmin%2Fusers%2Fnew", new() { ["Password"] = "not the password at all", ["ReturnUrl"] = "/admin/users/new" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("The password is not right", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await admin.GetAsync("/admin/users/new")).StatusCode);

        var right = await Post(admin, "/account/confirm-password?returnUrl=%2Fadmin%2Fusers%2Fnew", new() { ["Password"] = SencoFactory.AdminPassword, ["ReturnUrl"] = "/admin/users/new" });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/admin/users/new", right.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users/new")).StatusCode);
    }

    [Fact]
    public async Task A_subject_access_export_needs_a_recent_sign_in()
    {
        var urn = world.A.Urn;
        var pupil = world.BasePupil("A", "K");
        using (var api = await world.ClientFor(SchoolRole.Senco, "A"))
        {
            var created = await api.PostJson($"/api/v1/schools/{urn}/subject-access-requests", new
            {
                upn = pupil.Upn, receivedOn = TestWorld.Today.AddDays(-2).ToString("yyyy-MM-dd"), requester = "Mx Reauth", relationship = "Parent",
            }).ExpectJson(HttpStatusCode.Created);
            _sarId = created.Str("id");
        }
        var clock = new MovableClock();
        await using var app = WithClock(clock);
        using var senco = await Pages.PageSession.SignInAsync(app, world.User(SchoolRole.Senco, "A").Email, TestWorld.Password);
        var export = $"/schools/{urn}/subject-access/{_sarId}?handler=export";
        var fresh = await senco.Client.GetAsync(export);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal("application/zip", fresh.Content.Headers.ContentType!.MediaType);

        clock.Advance(TimeSpan.FromMinutes(16));
        var stale = await senco.Client.GetAsync(export);
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.StartsWith("/account/confirm-password?returnUrl=", stale.Headers.Location!.OriginalString);
        Assert.Contains(Uri.EscapeDataString($"/schools/{urn}/subject-access/{_sarId}"), stale.Headers.Location.OriginalString);
        // The request page itself still opens: only the download is held back.
        Assert.Equal(HttpStatusCode.OK, (await senco.Client.GetAsync($"/schools/{urn}/subject-access/{_sarId}")).StatusCode);

        var confirm = "/account/confirm-password?returnUrl=" + Uri.EscapeDataString(export);
        var right = await Post(senco.Client, confirm, new() { ["Password"] = TestWorld.Password, ["ReturnUrl"] = export });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(export, right.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await senco.Client.GetAsync(export)).StatusCode);
    }

    private string? _sarId;

    [Fact]
    public async Task A_session_ends_after_thirty_idle_minutes()
    {
        var clock = new MovableClock();
        await using var app = WithClock(clock);
        using var admin = await SignInAdmin(app);
        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(31));
        var after = await admin.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/sign-in", after.Headers.Location!.PathAndQuery());
    }

    [Fact]
    public async Task A_busy_session_still_ends_twelve_hours_after_signing_in()
    {
        var clock = new MovableClock();
        await using var app = WithClock(clock);
        using var admin = await SignInAdmin(app);
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(11.5); elapsed += TimeSpan.FromMinutes(20))
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            Assert.True((await admin.GetAsync("/admin")).StatusCode == HttpStatusCode.OK, $"signed out early, {elapsed + TimeSpan.FromMinutes(20)} after sign-in");
        }
        clock.Advance(TimeSpan.FromMinutes(40));
        var after = await admin.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/sign-in", after.Headers.Location!.PathAndQuery());
    }

    [Fact]
    public async Task Sign_in_attempts_from_one_address_are_limited_and_told_when_to_retry()
    {
        await using var app = world.Factory.WithWebHostBuilder(b => b.UseSetting("Senco:RateLimits:SignInPerMinute", "3"));
        using var client = app.CreateClient();
        var body = new { email = "nobody@senco.test", password = "a wrong but long password" };
        for (var i = 0; i < 3; i++) await client.PostJson("/api/v1/auth/token", body).Expect(HttpStatusCode.Unauthorized);
        var limited = await client.PostJson("/api/v1/auth/token", body);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("60", limited.Headers.GetValues("Retry-After").Single());
        // The sign-in page is limited in the same window; reading it is not.
        using var browser = Browser(app);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/sign-in")).StatusCode);
    }

    [Fact]
    public async Task Api_calls_are_limited_per_person()
    {
        await using var app = world.Factory.WithWebHostBuilder(b => b.UseSetting("Senco:RateLimits:ApiPerMinute", "5"));
        using var client = app.CreateClient();
        var token = await client.PostJson("/api/v1/auth/token", new { email = world.User(Senco.Core.Access.SchoolRole.Senco, "A").Email, password = TestWorld.Password })
            .ExpectJson(HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token["accessToken"]!.GetValue<string>());
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++) codes.Add((await client.GetAsync($"/api/v1/schools/{world.A.Urn}/register")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, codes[^1]);
        Assert.All(codes.Take(4), c => Assert.Equal(HttpStatusCode.OK, c));
    }

    [Theory]
    [InlineData("Password123!")]
    [InlineData("liverpool2026")]
    [InlineData("qwertyuiop12")]
    public async Task Common_passwords_are_refused_with_a_reason(string password)
    {
        using var scope = world.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SencoUser>>();
        var result = await users.CreateAsync(new SencoUser { UserName = $"{Guid.NewGuid():N}@senco.test", Email = $"{Guid.NewGuid():N}@senco.test", DisplayName = "Test Person" }, password);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code == "CommonPassword" && e.Description.Contains("too easy to guess"));
    }
}

internal static class UriExtensions
{
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
