using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Senco.Web.Features.Shared;

/// Settings under Senco:ReverseProxy. Empty (the default) means Senco trusts no forwarding headers at all.
public sealed class ReverseProxyOptions
{
    /// Addresses of the proxies in front of Senco (nginx, a load balancer), e.g. ["127.0.0.1"]. Only requests that come
    /// from one of them may say, in X-Forwarded-For and X-Forwarded-Proto, who the client was and that it used HTTPS.
    public List<string> KnownProxies { get; set; } = [];
    /// Networks of proxies in CIDR form, e.g. ["10.0.0.0/8"], for a load balancer whose address changes.
    public List<string> KnownNetworks { get; set; } = [];
}

/// <summary>
/// Behind a reverse proxy (docs/deployment.md), the app sees the proxy's address and plain HTTP. The audit trail must
/// name the person's address, rate limits must count per person's address, and secure cookies and HSTS depend on
/// knowing the browser used HTTPS: so the forwarding headers are honoured, but only from the proxies the operator
/// names (anyone else could forge them; ASVS 14.5.x). With none named, they are ignored.
/// </summary>
public static class ReverseProxy
{
    public static IServiceCollection AddSencoReverseProxy(this IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection("Senco:ReverseProxy").Get<ReverseProxyOptions>() ?? new ReverseProxyOptions();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var p in options.KnownProxies.Where(p => !string.IsNullOrWhiteSpace(p)))
            {
                if (!IPAddress.TryParse(p.Trim(), out var ip)) throw new InvalidOperationException($"Senco:ReverseProxy:KnownProxies has \"{p}\", which is not an IP address.");
                o.KnownProxies.Add(ip);
            }
            foreach (var n in options.KnownNetworks.Where(n => !string.IsNullOrWhiteSpace(n)))
            {
                if (!System.Net.IPNetwork.TryParse(n.Trim(), out var net)) throw new InvalidOperationException($"Senco:ReverseProxy:KnownNetworks has \"{n}\", which is not a network such as 10.0.0.0/8.");
                o.KnownIPNetworks.Add(net);
            }
            // One proxy hop: the last address nginx adds is the client's.
            o.ForwardLimit = 1;
        });
        return services;
    }

    /// True when the operator named at least one proxy (otherwise the middleware is not added at all).
    public static bool Enabled(IConfiguration config)
    {
        var options = config.GetSection("Senco:ReverseProxy").Get<ReverseProxyOptions>() ?? new ReverseProxyOptions();
        return options.KnownProxies.Any(p => !string.IsNullOrWhiteSpace(p)) || options.KnownNetworks.Any(n => !string.IsNullOrWhiteSpace(n));
    }
}
