using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Account;

/// A system administrator can change who sees what, so the UI is closed to them until two-factor sign-in is on.
public sealed class TwoFactorRequiredMiddleware(RequestDelegate next)
{
    private static readonly string[] Open = ["/account", "/api", "/dist", "/js", "/health", "/openapi", "/home"];

    public Task InvokeAsync(HttpContext http, UserContext user)
    {
        if (user.IsAuthenticated && user.IsSystemAdmin && !user.TwoFactorEnabled &&
            !Open.Any(p => http.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            http.Response.Redirect("/account/security/authenticator?required=true");
            return Task.CompletedTask;
        }
        return next(http);
    }
}
