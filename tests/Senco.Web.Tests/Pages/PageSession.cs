using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Senco.Web.Tests.Infrastructure;

namespace Senco.Web.Tests.Pages;

/// A browser-like session for page tests: cookies kept, redirects not followed, signed in through the sign-in form.
public sealed partial class PageSession : IDisposable
{
    public HttpClient Client { get; }

    private PageSession(HttpClient client) => Client = client;

    public static async Task<PageSession> SignInAsync(WebApplicationFactory<Program> factory, string email, string password)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var session = new PageSession(client);
        var form = await session.GetFormTokenAsync("/account/sign-in");
        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = password, ["__RequestVerificationToken"] = form,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"sign-in as {email} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return session;
    }

    /// The anti-forgery token of the form on a page, as a browser would submit it.
    public async Task<string> GetFormTokenAsync(string path)
    {
        var html = await Client.GetStringAsync(path);
        var match = TokenRegex().Match(html);
        if (!match.Success) throw new InvalidOperationException($"no anti-forgery token on {path}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    public void Dispose() => Client.Dispose();
}
