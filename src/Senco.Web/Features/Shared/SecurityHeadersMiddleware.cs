namespace Senco.Web.Features.Shared;

/// Browser hardening on every response: a strict Content-Security-Policy with no inline script or style,
/// no framing, no referrer leaking pupil ids in URLs, and no caching of pages that hold pupil data.
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string Csp =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(() =>
        {
            var h = http.Response.Headers;
            h.ContentSecurityPolicy = Csp;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            if (http.Request.IsHttps) h.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            if (!http.Request.Path.StartsWithSegments("/dist") && !http.Request.Path.StartsWithSegments("/js"))
            {
                h.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        });
        return next(http);
    }
}
