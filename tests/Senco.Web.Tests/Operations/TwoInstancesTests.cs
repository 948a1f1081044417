using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Senco.Core.Access;
using Senco.Web.Tests.Contract;
using Senco.Web.Tests.Infrastructure;

namespace Senco.Web.Tests.Operations;

/// <summary>
/// Two app instances on one database, as behind a load balancer with no sticky sessions (docs/deployment.md): the
/// Data Protection keys live in the database, so a sign-in cookie, an anti-forgery token and an API token made by one
/// instance are accepted by the other.
/// </summary>
public sealed partial class TwoInstancesTests(TestWorld world) : IClassFixture<TestWorld>
{
    /// A second instance of the app on the first one's database, configured the same way an operator would.
    private sealed class SecondInstance(TestDatabase db) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", db.Provider);
            builder.UseSetting("ConnectionStrings:Senco", db.ConnectionString);
            builder.UseSetting("Senco:Demo", "false");
            builder.UseSetting("Senco:RateLimits:SignInPerMinute", "0");
            builder.UseSetting("Senco:RateLimits:ApiPerMinute", "0");
            builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    private static HttpClient Plain(WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static string Cookies(HttpResponseMessage r, string? existing = null)
    {
        var jar = (existing ?? "").Split("; ", StringSplitOptions.RemoveEmptyEntries).Select(c => c.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        foreach (var set in r.Headers.TryGetValues("Set-Cookie", out var v) ? v : [])
        {
            var pair = set.Split(';')[0].Split('=', 2);
            jar[pair[0]] = pair[1];
        }
        return string.Join("; ", jar.Select(p => $"{p.Key}={p.Value}"));
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, string cookies, HttpContent? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body };
        if (cookies.Length > 0) request.Headers.Add("Cookie", cookies);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_sign_in_on_one_instance_is_honoured_by_the_other()
    {
        await using var second = new SecondInstance(world.Factory.Database);
        using var one = Plain(world.Factory);
        using var two = Plain(second);
        var senco = world.User(SchoolRole.Senco, "A");

        // The sign-in form is served by instance two and posted to instance one: the anti-forgery cookie and token
        // made by two are valid on one.
        var form = await Send(two, HttpMethod.Get, "/account/sign-in", "");
        var cookies = Cookies(form);
        var token = WebUtility.HtmlDecode(TokenRegex().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value);
        var signIn = await Send(one, HttpMethod.Post, "/account/sign-in", cookies, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = senco.Email, ["Input.Password"] = TestWorld.Password, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        cookies = Cookies(signIn, cookies);

        // Every following request may land on either instance.
        foreach (var client in new[] { two, one, two })
        {
            var register = await Send(client, HttpMethod.Get, $"/schools/{world.A.Urn}/register", cookies);
            Assert.Equal(HttpStatusCode.OK, register.StatusCode);
            Assert.Contains("SEND register", await register.Content.ReadAsStringAsync());
        }
        // And without the cookie, neither lets you in: the test can fail.
        Assert.Equal(HttpStatusCode.Redirect, (await Send(two, HttpMethod.Get, $"/schools/{world.A.Urn}/register", "")).StatusCode);

        // Signing out on one instance ends the session on both (the security stamp is in the database).
        var page = await Send(two, HttpMethod.Get, $"/schools/{world.A.Urn}", cookies);
        var outToken = WebUtility.HtmlDecode(TokenRegex().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value);
        var signOut = await Send(one, HttpMethod.Post, "/account/sign-out", Cookies(page, cookies), new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = outToken }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
    }

    [Fact]
    public async Task An_api_token_from_one_instance_works_on_the_other()
    {
        await using var second = new SecondInstance(world.Factory.Database);
        var senco = world.User(SchoolRole.Senco, "A");
        var token = await world.FetchTokenAsync(senco.Email, TestWorld.Password);
        using var two = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        two.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        await two.GetAsync($"/api/v1/schools/{world.A.Urn}/register").ExpectJson(HttpStatusCode.OK);
        two.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token[..^4] + "AAAA");
        Assert.Equal(HttpStatusCode.Unauthorized, (await two.GetAsync($"/api/v1/schools/{world.A.Urn}/register")).StatusCode);
    }
}
