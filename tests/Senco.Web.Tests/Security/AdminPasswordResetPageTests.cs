using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Senco.Core.Access;
using Senco.Web.Tests.Ehc;
using Senco.Web.Tests.Infrastructure;

namespace Senco.Web.Tests.Security;

/// The administrator's "Reset password" on a person's page (ASVS 2.5): a world of its own, because signing the
/// administrator in through the pages turns two-factor on for them, which other classes' API clients do not expect.
public sealed partial class AdminPasswordResetPageTests(TestWorld world) : IClassFixture<TestWorld>, IAsyncLifetime
{
    private readonly SmtpSink _smtp = new();
    private WebApplicationFactory<Program> _mailing = null!;

    public Task InitializeAsync()
    {
        _mailing = world.Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Senco:Smtp:Host", "127.0.0.1");
            b.UseSetting("Senco:Smtp:Port", _smtp.Port.ToString());
            b.UseSetting("Senco:Smtp:From", "senco@school.test");
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _mailing.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    private Task<HttpClient> SignIn(WebApplicationFactory<Program> app, string email, string password) => AccountSecurityTests.SignIn(app, email, password);
    private static Task<HttpResponseMessage> Post(HttpClient c, string path, Dictionary<string, string> form, string? from = null) => AccountSecurityTests.Post(c, path, form, from);

    private Guid UserIdOf(string email)
    {
        var (scope, db) = world.SystemDb();
        using (scope) return AccountSecurityTests.UserId(db, email);
    }

    private static async Task<bool> IsSignedIn(HttpClient browser) => (await browser.GetAsync("/account/security")).StatusCode == HttpStatusCode.OK;

    private async Task Email(string to, string subject)
    {
        for (var i = 0; i < 300; i++)
        {
            foreach (var m in _smtp.Messages.Where(m => m.To.Contains(to, StringComparer.OrdinalIgnoreCase)))
                if ((await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(m.Data)))).Subject.Contains(subject)) return;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"No email to {to} about {subject}");
    }

    [Fact]
    public async Task The_people_page_resets_a_password_shows_the_temporary_one_once_and_never_for_oneself()
    {
        var email = await world.NewUserAsync((SchoolRole.Senco, "A"));
        var id = UserIdOf(email);
        using var person = await SignIn(world.Factory, email, TestWorld.Password);
        using var admin = await SessionAndLimitsTests.SignInAdmin(_mailing);

        var before = await admin.GetStringAsync($"/admin/users/{id}");
        Assert.Contains("Reset password", before);
        Assert.Contains("Chosen by them", before);
        var reset = await Post(admin, $"/admin/users/{id}?handler=ResetPassword", [], $"/admin/users/{id}");
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var html = await reset.Content.ReadAsStringAsync();
        var temporary = TemporaryRegex().Match(html).Groups[1].Value;
        Assert.Matches("^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$", temporary);
        Assert.Contains("Give it to", html);
        Assert.Contains("Temporary, until", html);
        Assert.DoesNotContain(temporary, await admin.GetStringAsync($"/admin/users/{id}")); // shown once
        Assert.False(await IsSignedIn(person));
        await Email(email, "your password was reset");
        var (scope, db) = world.SystemDb();
        using (scope) Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "user.password.reset" && a.Summary.Contains(email)));

        // The administrator's own page offers no reset (they change theirs under Your account), and refuses one.
        var adminId = UserIdOf(SencoFactory.AdminEmail);
        Assert.DoesNotContain("Reset password", await admin.GetStringAsync($"/admin/users/{adminId}"));
        var own = await Post(admin, $"/admin/users/{adminId}?handler=ResetPassword", [], $"/admin/users/{adminId}");
        Assert.Contains("You cannot reset your own password here", await own.Content.ReadAsStringAsync());
        var still = await world.Anonymous().PostJson("/api/v1/auth/token", new { email = SencoFactory.AdminEmail, password = SencoFactory.AdminPassword })
            .ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.True(still["twoFactorRequired"]!.GetValue<bool>(), "the administrator's own password still works (only the code is missing)");
    }

    [GeneratedRegex("<code class=\"senco-key\">([^<]+)</code>")]
    private static partial Regex TemporaryRegex();

}
