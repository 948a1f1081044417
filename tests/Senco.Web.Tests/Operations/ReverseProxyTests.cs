using System.Diagnostics;
using System.Net;
using System.Text;
using Senco.Web.Tests.Contract;
using Senco.Web.Tests.Infrastructure;

namespace Senco.Web.Tests.Operations;

/// <summary>
/// Behind nginx (docs/deployment.md) the app must see the browser's scheme and address, from the proxies the operator
/// names and from no one else. Real Kestrel on loopback, so the connection has a real address (127.0.0.1).
/// </summary>
public sealed class ReverseProxyTests : IDisposable
{
    private readonly TestDatabase _db = TestDatabase.Create();
    private readonly StringBuilder _log = new();

    public void Dispose() => _db.Dispose();

    private static HttpRequestMessage SignInAttempt(string baseUrl, string clientAddress)
    {
        var r = new HttpRequestMessage(HttpMethod.Post, baseUrl + "/api/v1/auth/token") { Content = Api.Body(new { email = "nobody@example.invalid", password = "not a password at all" }) };
        r.Headers.Add("X-Forwarded-For", clientAddress);
        r.Headers.Add("X-Forwarded-Proto", "https");
        return r;
    }

    private async Task<(HttpStatusCode[] FromOne, HttpStatusCode FromAnother, bool Hsts)> Probe(Dictionary<string, string> settings)
    {
        settings["Senco__RateLimits__SignInPerMinute"] = "2";
        var (app, baseUrl) = await AppProcess.StartAsync(_db, _log, settings);
        try
        {
            using var http = new HttpClient();
            var fromOne = new List<HttpStatusCode>();
            for (var i = 0; i < 3; i++) fromOne.Add((await http.SendAsync(SignInAttempt(baseUrl, "203.0.113.7"))).StatusCode);
            var fromAnother = (await http.SendAsync(SignInAttempt(baseUrl, "198.51.100.20"))).StatusCode;
            using var page = new HttpRequestMessage(HttpMethod.Get, baseUrl + "/account/sign-in");
            page.Headers.Add("X-Forwarded-Proto", "https");
            var response = await http.SendAsync(page);
            return (fromOne.ToArray(), fromAnother, response.Headers.Contains("Strict-Transport-Security"));
        }
        finally
        {
            app.Kill(true);
            await app.WaitForExitAsync();
            app.Dispose();
        }
    }

    [Fact]
    public async Task Forwarded_headers_are_honoured_only_from_a_named_proxy()
    {
        // Named: each client address has its own sign-in limit, and a request the browser made over HTTPS gets HSTS.
        var trusted = await Probe(new() { ["Senco__ReverseProxy__KnownProxies__0"] = "127.0.0.1" });
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], trusted.FromOne);
        Assert.Equal(HttpStatusCode.Unauthorized, trusted.FromAnother);
        Assert.True(trusted.Hsts);

        // Not named (the default): the headers are anyone's to forge, so they are ignored: every attempt counts against
        // the connection's own address, and plain HTTP gets no HSTS.
        var untrusted = await Probe([]);
        Assert.Equal(HttpStatusCode.TooManyRequests, untrusted.FromOne[2]);
        Assert.Equal(HttpStatusCode.TooManyRequests, untrusted.FromAnother);
        Assert.False(untrusted.Hsts);
    }
}
