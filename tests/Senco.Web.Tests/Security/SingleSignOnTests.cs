using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Web.Tests.Ehc;
using Senco.Web.Tests.Infrastructure;

namespace Senco.Web.Tests.Security;

/// Single sign-on with OpenID Connect against a real (loopback) provider: matched to existing accounts by verified email.
public sealed partial class SingleSignOnTests(TestWorld world) : IClassFixture<TestWorld>, IAsyncLifetime
{
    private FakeIdentityProvider _idp = null!;
    private WebApplicationFactory<Program> _app = null!;
    private readonly Senco.Web.Tests.Ehc.SmtpSink _smtp = new();

    public async Task InitializeAsync()
    {
        _idp = await FakeIdentityProvider.StartAsync();
        _app = world.Factory.WithWebHostBuilder(b => b
            .UseSetting("Senco:Sso:Providers:0:Name", "school")
            .UseSetting("Senco:Sso:Providers:0:DisplayName", "your school account")
            .UseSetting("Senco:Sso:Providers:0:Kind", "Oidc")
            .UseSetting("Senco:Sso:Providers:0:Authority", _idp.Issuer)
            .UseSetting("Senco:Sso:Providers:0:ClientId", "senco-tests")
            .UseSetting("Senco:Sso:Providers:0:ClientSecret", "a client secret for tests")
            .UseSetting("Senco:Sso:Providers:0:RequireHttpsMetadata", "false")
            .UseSetting("Senco:Sso:Providers:0:AllowedDomains:0", "senco.test")
            .UseSetting("Senco:Smtp:Host", "127.0.0.1")
            .UseSetting("Senco:Smtp:Port", _smtp.Port.ToString()));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _idp.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    private HttpClient Browser() => _app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });

    /// Clicks "Sign in with your school account" and follows the protocol's redirects; returns the last response.
    private async Task<(HttpClient Client, HttpResponseMessage Last)> SignInWithSso(FakeIdentityProvider.Person who)
    {
        _idp.NextSignIn = who;
        var client = Browser();
        var page = await client.GetStringAsync("/account/sign-in");
        Assert.Contains("Sign in with your school account", page);
        var token = WebUtility.HtmlDecode(TokenRegex().Match(page).Groups[1].Value);
        var start = await client.PostAsync("/account/sign-in?handler=Sso&provider=school", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var authorize = start.Headers.Location!;
        Assert.StartsWith(_idp.Issuer + "/authorize", authorize.ToString());
        Assert.Contains("code_challenge=", authorize.Query);

        using var toIdp = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var back = await toIdp.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var callback = await client.GetAsync(back.Headers.Location!.PathAndQuery);
        Assert.True(callback.StatusCode == HttpStatusCode.Redirect, $"callback answered {(int)callback.StatusCode}: {await callback.Content.ReadAsStringAsync()}");
        var complete = await client.GetAsync(callback.Headers.Location!.OriginalString);
        return (client, complete);
    }

    [Fact]
    public async Task A_person_with_a_senco_account_signs_in_with_the_school_identity_provider()
    {
        var senco = world.User(SchoolRole.Senco, "A");
        var (client, complete) = await SignInWithSso(new("entra-object-id-1", senco.Email));
        Assert.Equal(HttpStatusCode.Redirect, complete.StatusCode);
        Assert.Equal("/", complete.Headers.Location!.OriginalString);
        var home = await client.GetAsync($"/schools/{world.A.Urn}/register");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);

        var (scope, db) = world.SystemDb();
        using (scope)
        {
            Assert.True(await db.AuditEntries.AnyAsync(a => a.UserId == senco.Id && a.Action == "auth.sign-in" && a.Summary == "Signed in with your school account"));
            Assert.True(await db.UserLogins.AnyAsync(l => l.UserId == senco.Id && l.LoginProvider == "sso-school" && l.ProviderKey == "entra-object-id-1"));
        }
        // The second time the provider's subject is already linked.
        var (_, again) = await SignInWithSso(new("entra-object-id-1", senco.Email));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Theory]
    [InlineData("nobody-here@senco.test", true, "No Senco account uses nobody-here@senco.test")]
    [InlineData("UNVERIFIED", false, "has not verified the email address")]
    [InlineData("someone@elsewhere.example", true, "does not accept your school account sign-ins for elsewhere.example addresses")]
    public async Task Nobody_gets_in_without_a_matching_verified_allowed_email(string email, bool verified, string message)
    {
        if (email == "UNVERIFIED") email = world.User(SchoolRole.Teacher, "A").Email;
        var (client, complete) = await SignInWithSso(new($"subject-{Guid.NewGuid():N}", email, verified));
        Assert.Equal(HttpStatusCode.OK, complete.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await complete.Content.ReadAsStringAsync()));
        var register = await client.GetAsync($"/schools/{world.A.Urn}/register");
        Assert.Equal(HttpStatusCode.Redirect, register.StatusCode);
        Assert.StartsWith("/account/sign-in", register.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_subject_already_linked_to_one_account_cannot_sign_in_as_another()
    {
        var teacher = world.User(SchoolRole.Teacher, "B");
        var ta = world.User(SchoolRole.TeachingAssistant, "B");
        var (_, first) = await SignInWithSso(new("shared-subject", teacher.Email));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var (_, second) = await SignInWithSso(new("shared-subject", ta.Email));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("No Senco account uses", await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Linking_a_school_account_is_emailed_and_discards_the_administrators_temporary_password()
    {
        using var admin = await world.AdminClient();
        var email = $"sso.starter.{Guid.NewGuid():N}@senco.test";
        await TestWorld.CreateUserAsyncWithoutChoosing(admin, email, "Sol Starter", (world.A.Urn, "Teacher"));
        var (client, complete) = await SignInWithSso(new($"subject-{Guid.NewGuid():N}", email));
        // Signed in by the school's provider: no password to choose, straight in.
        Assert.Equal(HttpStatusCode.Redirect, complete.StatusCode);
        Assert.Equal("/", complete.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/schools/{world.A.Urn}")).StatusCode);
        // The temporary password can no longer be used by anyone.
        await world.Anonymous().PostJson("/api/v1/auth/token", new { email, password = TemporaryPasswords.Temporary }).Expect(HttpStatusCode.Unauthorized);

        SmtpSink.Message? mail = null;
        for (var i = 0; i < 300 && mail is null; i++)
        {
            mail = _smtp.Messages.FirstOrDefault(m => m.To.Contains(email) && m.Data.Contains("account was linked"));
            if (mail is null) await Task.Delay(100);
        }
        Assert.NotNull(mail);
        var (scope, db) = world.SystemDb();
        using (scope)
        {
            Assert.True(await db.AuditEntries.AnyAsync(a => a.UserName == email && a.Action == "auth.sso.linked"));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.UserName == email && a.Action == "auth.password.discarded"));
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
