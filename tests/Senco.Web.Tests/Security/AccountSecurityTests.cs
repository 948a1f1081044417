using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Senco.Core.Access;
using Senco.Web.Tests.Ehc;
using Senco.Web.Tests.Infrastructure;
using Senco.Web.Tests.Pages;

namespace Senco.Web.Tests.Security;

/// <summary>
/// Issue 9's account-security gaps, closed: credential changes are emailed (ASVS 2.2.3), passwords an administrator sets
/// are temporary (2.3.1), people see and end their sessions (3.3.4) and a password change ends the others (3.3.3), and
/// breached passwords are refused (2.1.7). Real cookies, real bearer tokens, a real SMTP conversation on loopback, and
/// two app instances on one database.
/// </summary>
public sealed partial class AccountSecurityTests(TestWorld world) : IClassFixture<TestWorld>, IAsyncLifetime
{
    private const string Firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
    private const string Chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    private readonly SmtpSink _smtp = new();
    private WebApplicationFactory<Program> _mailing = null!;

    public Task InitializeAsync()
    {
        // The same database as the world, with email configured: a second app instance, as behind a load balancer.
        _mailing = world.Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Senco:Smtp:Host", "127.0.0.1");
            b.UseSetting("Senco:Smtp:Port", _smtp.Port.ToString());
            b.UseSetting("Senco:Smtp:From", "senco@school.test");
            b.UseSetting("Senco:Smtp:PublicUrl", "https://senco.school.test");
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _mailing.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    private static HttpClient Browser(WebApplicationFactory<Program> app, string userAgent)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        return client;
    }

    internal static async Task<HttpClient> SignIn(WebApplicationFactory<Program> app, string email, string password, string userAgent = Firefox)
    {
        var client = Browser(app, userAgent);
        var r = await Post(client, "/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        return client;
    }

    internal static async Task<HttpResponseMessage> Post(HttpClient client, string path, Dictionary<string, string> form, string? tokenFrom = null)
    {
        var html = await client.GetStringAsync(tokenFrom ?? path);
        form["__RequestVerificationToken"] = WebUtility.HtmlDecode(TokenRegex().Match(html).Groups[1].Value);
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    /// Waits (up to 30 s) for the outbox to deliver a message to this address whose subject contains the words.
    private async Task<MimeMessage> Email(string to, string subject)
    {
        for (var i = 0; i < 300; i++)
        {
            foreach (var m in _smtp.Messages.Where(m => m.To.Contains(to, StringComparer.OrdinalIgnoreCase)))
            {
                var message = await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(m.Data)));
                if (message.Subject.Contains(subject, StringComparison.Ordinal)) return message;
            }
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"No email to {to} about \"{subject}\"; received: " +
            string.Join(" | ", _smtp.Messages.Select(m => string.Join(",", m.To))));
    }

    private async Task<bool> IsSignedIn(HttpClient browser)
    {
        var r = await browser.GetAsync("/account/security");
        if (r.StatusCode == HttpStatusCode.OK) return true;
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.StartsWith("/account/sign-in", r.Headers.Location!.PathAndQuery());
        return false;
    }

    private async Task<string> NewPersonWithOwnPassword(string password = TestWorld.Password) =>
        await world.NewUserAsync((SchoolRole.Senco, "A"));

    [Fact]
    public async Task Changing_your_password_signs_out_your_other_sessions_and_tokens_and_emails_you()
    {
        var email = await NewPersonWithOwnPassword();
        using var here = await SignIn(_mailing, email, TestWorld.Password, Firefox);
        using var elsewhere = await SignIn(world.Factory, email, TestWorld.Password, Chrome);
        using var api = world.Anonymous();
        api.UseBearer(await world.FetchTokenAsync(email, TestWorld.Password));
        await api.GetAsync($"/api/v1/schools/{world.A.Urn}/register").Expect(HttpStatusCode.OK);
        Assert.True(await IsSignedIn(elsewhere));

        // The same rules as everywhere: the new one must differ and must not be breached.
        var same = await Post(here, "/account/security?handler=ChangePassword", new() { ["CurrentPassword"] = TestWorld.Password, ["NewPassword"] = TestWorld.Password }, "/account/security");
        Assert.Contains("must be different from your current one", await same.Content.ReadAsStringAsync());
        var breached = await Post(here, "/account/security?handler=ChangePassword", new() { ["CurrentPassword"] = TestWorld.Password, ["NewPassword"] = "leavemealone" }, "/account/security");
        Assert.Contains("stolen in data breaches", WebUtility.HtmlDecode(await breached.Content.ReadAsStringAsync()));
        Assert.True(await IsSignedIn(elsewhere), "a refused change ends nothing");

        var changed = await Post(here, "/account/security?handler=ChangePassword", new() { ["CurrentPassword"] = TestWorld.Password, ["NewPassword"] = "quiet lantern over seven hills" }, "/account/security");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.True(await IsSignedIn(here), "the browser that changed it stays signed in");
        Assert.False(await IsSignedIn(elsewhere), "every other browser is signed out (ASVS 3.3.3)");
        await api.GetAsync($"/api/v1/schools/{world.A.Urn}/register").Expect(HttpStatusCode.Unauthorized);

        var mail = await Email(email, "your password was changed");
        Assert.Equal("senco@school.test", ((MailboxAddress)mail.From[0]).Address);
        Assert.Contains("Your password was changed on your Senco account", mail.TextBody);
        Assert.Contains("tell your SENCO or Senco administrator", mail.TextBody);
        Assert.Contains("https://senco.school.test/account/security", mail.TextBody);
        Assert.DoesNotContain("quiet lantern", mail.TextBody);
        var (scope, db) = world.SystemDb();
        using (scope)
        {
            // The SMTP server has the message before the sender marks the row sent: wait for the mark (up to 10 s).
            var row = await db.OutgoingEmails.AsNoTracking().Where(m => m.ToAddress == email && m.Reason == "auth.password.changed").SingleAsync();
            for (var i = 0; i < 100 && row.SentAt is null; i++)
            {
                await Task.Delay(100);
                row = await db.OutgoingEmails.AsNoTracking().Where(m => m.ToAddress == email && m.Reason == "auth.password.changed").SingleAsync();
            }
            Assert.NotNull(row.SentAt);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "auth.password.changed" && a.UserName == email));
        }
    }

    [Fact]
    public async Task Your_account_lists_your_sessions_and_ends_another_one_on_another_app_instance()
    {
        var email = await NewPersonWithOwnPassword();
        await using var secondInstance = world.Factory.WithWebHostBuilder(_ => { });
        using var laptop = await SignIn(world.Factory, email, TestWorld.Password, Firefox);
        using var desktop = await SignIn(secondInstance, email, TestWorld.Password, Chrome);
        using var third = await SignIn(world.Factory, email, TestWorld.Password, Chrome);

        var html = await desktop.GetStringAsync("/account/security");
        Assert.Contains("Where you are signed in", html);
        Assert.Contains("Firefox on Linux", html);
        Assert.Contains("Chrome on Windows", html);
        Assert.Contains("This browser", html);
        Assert.Equal(2, SessionButton().Matches(html).Count); // the two others, never this one
        var firefox = SessionButton().Matches(html).Select(m => m.Groups[1].Value).Single(id => RowOf(html, id).Contains("Firefox on Linux"));

        var ended = await Post(desktop, $"/account/security?handler=EndSession&session={firefox}", [], "/account/security");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        var after = await desktop.GetStringAsync("/account/security");
        Assert.Contains("You have signed out Firefox on Linux", WebUtility.HtmlDecode(after));
        Assert.False(await IsSignedIn(laptop), "the session ended on the other instance stops at once");
        Assert.True(await IsSignedIn(desktop));
        Assert.True(await IsSignedIn(third));
        Assert.Equal(1, SessionButton().Matches(after).Count);
        Assert.DoesNotContain("Firefox on Linux<span", after);

        // Someone else's session cannot be ended by naming it.
        var other = await world.NewUserAsync((SchoolRole.Senco, "A"));
        using var stranger = await SignIn(world.Factory, other, TestWorld.Password);
        var strangerId = SessionButton().Matches(await third.GetStringAsync("/account/security")).Select(m => m.Groups[1].Value).Single();
        await Post(stranger, $"/account/security?handler=EndSession&session={strangerId}", [], "/account/security");
        Assert.True(await IsSignedIn(third), "a session id of another person ends nothing");

        var all = await Post(desktop, "/account/security?handler=EndOtherSessions", [], "/account/security");
        Assert.Equal(HttpStatusCode.Redirect, all.StatusCode);
        Assert.False(await IsSignedIn(third));
        Assert.True(await IsSignedIn(desktop));
        await Post(desktop, "/account/security?handler=EndOtherSessions", [], "/account/security");
        Assert.Contains("You were not signed in anywhere else", WebUtility.HtmlDecode(await desktop.GetStringAsync("/account/security")));

        var (scope, db) = world.SystemDb();
        using (scope)
        {
            var userId = UserId(db, email);
            Assert.Equal(1, await db.UserSessions.CountAsync(s => s.UserId == userId));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "auth.session.ended" && a.UserName == email && a.Summary.Contains("Firefox on Linux")));
        }
        // Signing out ends this session's row too.
        await Post(desktop, "/account/sign-out", [], "/account/security");
        (scope, db) = world.SystemDb();
        using (scope)
        {
            var userId = UserId(db, email);
            Assert.Equal(0, await db.UserSessions.CountAsync(s => s.UserId == userId));
        }
    }

    [Fact]
    public async Task An_api_token_is_listed_with_your_sessions_and_stopping_it_refuses_it_at_once_on_every_instance()
    {
        var email = await NewPersonWithOwnPassword();
        await using var secondInstance = world.Factory.WithWebHostBuilder(_ => { });
        using var desktop = await SignIn(world.Factory, email, TestWorld.Password, Chrome);
        using var sync = secondInstance.CreateClient();
        sync.DefaultRequestHeaders.UserAgent.ParseAdd("SchoolMIS-Sync/3.2");
        var token = (await sync.PostAsJsonAsync("/api/v1/auth/token", new { email, password = TestWorld.Password }).ExpectJson(HttpStatusCode.OK))["accessToken"]!.GetValue<string>();
        sync.UseBearer(token);
        await sync.GetAsync($"/api/v1/schools/{world.A.Urn}/register").Expect(HttpStatusCode.OK);

        var html = WebUtility.HtmlDecode(await desktop.GetStringAsync("/account/security"));
        Assert.Contains("SchoolMIS-Sync/3.2", html);
        Assert.Contains("API token, until", html);
        Assert.Contains("Stop this token", html);
        var tokenId = SessionButton().Matches(html).Select(m => m.Groups[1].Value).Single(id => RowOf(html, id).Contains("SchoolMIS-Sync/3.2"));

        var stopped = await Post(desktop, $"/account/security?handler=EndSession&session={tokenId}", [], "/account/security");
        Assert.Equal(HttpStatusCode.Redirect, stopped.StatusCode);
        Assert.Contains("You have stopped the API token of SchoolMIS-Sync/3.2", WebUtility.HtmlDecode(await desktop.GetStringAsync("/account/security")));
        // Refused at once, by the instance that issued it and by the other.
        await sync.GetAsync($"/api/v1/schools/{world.A.Urn}/register").Expect(HttpStatusCode.Unauthorized);
        using var viaFirst = world.Anonymous();
        viaFirst.UseBearer(token);
        await viaFirst.GetAsync($"/api/v1/schools/{world.A.Urn}/register").Expect(HttpStatusCode.Unauthorized);
        Assert.True(await IsSignedIn(desktop), "stopping a token leaves the browser signed in");

        // "Sign out all other sessions" stops tokens too, and a new token works until then.
        using var fresh = secondInstance.CreateClient();
        var second = (await fresh.PostAsJsonAsync("/api/v1/auth/token", new { email, password = TestWorld.Password }).ExpectJson(HttpStatusCode.OK))["accessToken"]!.GetValue<string>();
        using var again = world.Anonymous();
        again.UseBearer(second);
        await again.GetAsync($"/api/v1/schools/{world.A.Urn}/register").Expect(HttpStatusCode.OK);
        await Post(desktop, "/account/security?handler=EndOtherSessions", [], "/account/security");
        await again.GetAsync($"/api/v1/schools/{world.A.Urn}/register").Expect(HttpStatusCode.Unauthorized);
        var (scope, db) = world.SystemDb();
        using (scope)
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "auth.session.ended" && a.UserName == email && a.Summary.Contains("API token of SchoolMIS-Sync/3.2")));
    }

    internal static Guid UserId(Senco.Data.SencoDbContext db, string email) => db.Users.AsNoTracking().Single(u => u.Email == email).Id;

    private static string RowOf(string html, string id)
    {
        var at = html.IndexOf(id, StringComparison.Ordinal);
        var start = html.LastIndexOf("<tr", at, StringComparison.Ordinal);
        return html[start..at];
    }

    [GeneratedRegex("action=\"/account/security[?][^\"]*session=([A-Za-z0-9_-]{10,})")]
    private static partial Regex SessionButton();

    [Fact]
    public async Task A_password_the_administrator_set_must_be_replaced_before_anything_else()
    {
        using var admin = await world.AdminClient();
        var email = $"new.starter.{Guid.NewGuid():N}@senco.test";
        await TestWorld.CreateUserAsyncWithoutChoosing(admin, email, "Nia Starter", (world.A.Urn, "Teacher"));

        // The API will not issue a token for it.
        using var anon = world.Anonymous();
        var refused = await anon.PostJson("/api/v1/auth/token", new { email, password = TemporaryPasswords.Temporary }).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.True(refused["passwordChangeRequired"]!.GetValue<bool>());
        Assert.Contains("temporary password", refused["title"]!.GetValue<string>());

        // Signing in leads straight to choosing a password, and every page leads back there until it is done.
        using var browser = Browser(_mailing, Chrome);
        var signIn = await Post(browser, "/account/sign-in?returnUrl=%2Fschools%2F" + world.A.Urn, new() { ["Input.Email"] = email, ["Input.Password"] = TemporaryPasswords.Temporary, ["ReturnUrl"] = "/schools/" + world.A.Urn });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.StartsWith("/account/choose-password", signIn.Headers.Location!.PathAndQuery());
        foreach (var path in new[] { $"/schools/{world.A.Urn}", "/account/security", "/", $"/pupils/{world.BasePupil("A", "K").Id}" })
        {
            var r = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.StartsWith("/account/choose-password", r.Headers.Location!.PathAndQuery());
        }
        var page = await browser.GetStringAsync("/account/choose-password");
        Assert.Contains("Choose your password", page);
        Assert.Contains("temporary password stops working at", page);

        var choose = "/account/choose-password?returnUrl=%2Fschools%2F" + world.A.Urn;
        async Task<string> Try(string pw, string again) => WebUtility.HtmlDecode(await (await Post(browser, choose, new() { ["NewPassword"] = pw, ["ConfirmPassword"] = again })).Content.ReadAsStringAsync());
        Assert.Contains("not the temporary one you were given", await Try(TemporaryPasswords.Temporary, TemporaryPasswords.Temporary));
        Assert.Contains("The two passwords are not the same", await Try("amber otter crosses rivers", "amber otter crosses river"));
        Assert.Contains("stolen in data breaches", await Try("sonyericsson", "sonyericsson"));
        Assert.Contains("at least 12 characters", await Try("short one", "short one"));
        var saved = await Try("amber otter crosses rivers", "amber otter crosses rivers");
        Assert.Contains("Your password has been saved", saved);
        Assert.Contains($"href=\"/schools/{world.A.Urn}\"", saved);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/schools/{world.A.Urn}")).StatusCode);
        await anon.PostJson("/api/v1/auth/token", new { email, password = TemporaryPasswords.Temporary }).Expect(HttpStatusCode.Unauthorized);
        await anon.PostJson("/api/v1/auth/token", new { email, password = "amber otter crosses rivers" }).Expect(HttpStatusCode.OK);
        var mail = await Email(email, "your password was changed");
        Assert.Contains("Dear Nia Starter", mail.TextBody);
    }

    [Fact]
    public async Task A_temporary_password_expires_after_72_hours()
    {
        using var admin = await world.AdminClient();
        var email = $"late.starter.{Guid.NewGuid():N}@senco.test";
        await TestWorld.CreateUserAsyncWithoutChoosing(admin, email, "Lee Late", (world.A.Urn, "Teacher"));
        var clock = new MovableClock();
        await using var later = world.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        clock.Advance(TimeSpan.FromHours(71));
        using (var early = later.CreateClient())
        {
            var problem = await early.PostJson("/api/v1/auth/token", new { email, password = TemporaryPasswords.Temporary }).ProblemAsync(HttpStatusCode.Forbidden);
            Assert.True(problem["passwordChangeRequired"]!.GetValue<bool>());
        }
        clock.Advance(TimeSpan.FromHours(2));
        using var client = later.CreateClient();
        var expired = await client.PostJson("/api/v1/auth/token", new { email, password = TemporaryPasswords.Temporary }).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("has expired", expired["title"]!.GetValue<string>());
        await client.PostJson("/api/v1/auth/password", new { email, currentPassword = TemporaryPasswords.Temporary, newPassword = "amber otter crosses rivers" })
            .ProblemAsync(HttpStatusCode.Forbidden);

        using var browser = Browser(later, Chrome);
        var page = await Post(browser, "/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = TemporaryPasswords.Temporary });
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("temporary password you were given has expired", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/account/security")).StatusCode);
        // A wrong password still gets the ordinary answer: only someone who knows the temporary one learns it expired.
        var wrong = await Post(browser, "/account/sign-in", new() { ["Input.Email"] = email, ["Input.Password"] = "not the temporary one at all" });
        Assert.DoesNotContain("has expired", await wrong.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_administrator_resets_a_forgotten_password_the_person_is_signed_out_and_emailed()
    {
        var email = await NewPersonWithOwnPassword();
        var id = UserIdOf(email);
        using var browser = await SignIn(world.Factory, email, TestWorld.Password);
        using var api = world.Anonymous();
        api.UseBearer(await world.FetchTokenAsync(email, TestWorld.Password));

        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        await senco.PostAsync($"/api/v1/users/{id}/password-reset", null).Expect(HttpStatusCode.Forbidden);

        using var admin = _mailing.CreateClient();
        admin.UseBearer(await world.FetchTokenAsync(SencoFactory.AdminEmail, SencoFactory.AdminPassword));
        var reset = await admin.PostAsync($"/api/v1/users/{id}/password-reset", null).ExpectJson(HttpStatusCode.OK);
        var temporary = reset.Str("temporaryPassword");
        Assert.Matches("^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$", temporary);
        Assert.True(DateTime.Parse(reset.Str("expiresAt")).ToUniversalTime() > DateTime.UtcNow.AddHours(71));

        Assert.False(await IsSignedIn(browser));
        await api.GetAsync($"/api/v1/schools/{world.A.Urn}/register").Expect(HttpStatusCode.Unauthorized);
        await world.Anonymous().PostJson("/api/v1/auth/token", new { email, password = TestWorld.Password }).Expect(HttpStatusCode.Unauthorized);
        var mail = await Email(email, "your password was reset");
        Assert.Contains("Your password was reset by an administrator", mail.TextBody);
        Assert.Contains("a Senco administrator", mail.TextBody);
        Assert.DoesNotContain(temporary, mail.TextBody);

        await TemporaryPasswords.ChooseOwnAsync(world.Anonymous(), email, "copper kite above the marsh", temporary);
        await world.Anonymous().PostJson("/api/v1/auth/token", new { email, password = "copper kite above the marsh" }).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_api_refuses_a_breached_new_password_with_a_reason_on_the_field()
    {
        var email = await NewPersonWithOwnPassword();
        using var anon = world.Anonymous();
        var r = await anon.PostJson("/api/v1/auth/password", new { email, currentPassword = TestWorld.Password, newPassword = "LeaveMeAlone" });
        var messages = await r.ShouldBeValidationProblemOn("newPassword");
        Assert.Contains(messages, m => m.Contains("stolen in data breaches"));
        await anon.PostJson("/api/v1/auth/password", new { email, currentPassword = "not my password at all", newPassword = "quiet lantern over seven hills" })
            .Expect(HttpStatusCode.Unauthorized);
        await anon.PostJson("/api/v1/auth/token", new { email, password = TestWorld.Password }).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_new_calendar_feed_address_and_turning_it_off_are_emailed()
    {
        var email = await world.NewUserAsync((SchoolRole.Senco, "A"));
        using var browser = await SignIn(_mailing, email, TestWorld.Password);
        var created = await Post(browser, "/account/calendar?handler=Create", [], "/account/calendar");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var mail = await Email(email, "a calendar feed address was created");
        Assert.Contains("A new calendar feed address was created", mail.TextBody);
        Assert.DoesNotContain("/calendar/", mail.TextBody);
        await Post(browser, "/account/calendar?handler=Revoke", [], "/account/calendar");
        await Email(email, "your calendar feed was turned off");
    }

    private Guid UserIdOf(string email)
    {
        var (scope, db) = world.SystemDb();
        using (scope) return UserId(db, email);
    }
}
