using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Senco.Web.Features.Account;

/// Settings under Senco:Session.
public sealed class SessionOptions
{
    /// Signed out after this long without using Senco (ASVS 3.3.2, Level 2: 30 minutes).
    public int IdleMinutes { get; set; } = 30;
    /// Signed out this long after signing in, however busy (ASVS 3.3.2: 12 hours).
    public int AbsoluteHours { get; set; } = 12;
    /// Sensitive actions (people and roles, two-factor resets, subject-access exports, deleting records) need a sign-in
    /// or password confirmation at most this long ago (ASVS 3.7.1).
    public int RecentSignInMinutes { get; set; } = 15;
}

/// Idle and absolute session timeouts, and "confirm your password" before sensitive actions. Both times live in the
/// sign-in cookie's protected properties, so every app instance agrees without shared session storage.
public static class SessionRules
{
    private const string SignedInAt = ".senco.signed-in";
    private const string ConfirmedAt = ".senco.confirmed";

    public static void Configure(CookieAuthenticationOptions o, SessionOptions session)
    {
        o.ExpireTimeSpan = TimeSpan.FromMinutes(Math.Max(1, session.IdleMinutes));
        o.SlidingExpiration = true;
        var previousSigningIn = o.Events.OnSigningIn;
        o.Events.OnSigningIn = async ctx =>
        {
            // A fresh sign-in (not a renewal or a refresh after a role change, which carry the original time forward).
            var now = Now(ctx.HttpContext).UtcTicks.ToString(CultureInfo.InvariantCulture);
            ctx.Properties.Items.TryAdd(SignedInAt, now);
            ctx.Properties.Items.TryAdd(ConfirmedAt, now);
            await previousSigningIn(ctx);
        };
        // Here the handler before ours is Identity's security-stamp check (UserSessions.Configure wraps ours after).
        var previousValidate = StampCheckWhenDue(o.Events.OnValidatePrincipal);
        o.Events.OnValidatePrincipal = async ctx =>
        {
            if (Read(ctx.Properties, SignedInAt) is { } signedIn && Now(ctx.HttpContext) - signedIn > TimeSpan.FromHours(Math.Max(1, session.AbsoluteHours)))
            {
                ctx.RejectPrincipal();
                await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
            await previousValidate(ctx);
        };
    }

    /// Identity's security-stamp check acts only once its ValidationInterval has passed since the cookie was issued,
    /// but builds its validator (sign-in manager, user manager, stores) on every request to find that out: ~1.5 % of a
    /// pupil page's CPU in a perf profile. It is asked only when it would act; same options, same clock.
    private static Func<CookieValidatePrincipalContext, Task> StampCheckWhenDue(Func<CookieValidatePrincipalContext, Task> stampCheck) => ctx =>
    {
        var options = ctx.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityStampValidatorOptions>>().Value;
        var now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        return ctx.Properties.IssuedUtc is { } issued && now - issued <= options.ValidationInterval ? Task.CompletedTask : stampCheck(ctx);
    };

    public static async Task<bool> IsRecentAsync(HttpContext http, SessionOptions session)
    {
        var auth = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!auth.Succeeded) return false;
        var at = Read(auth.Properties!, ConfirmedAt);
        return at is not null && Now(http) - at < TimeSpan.FromMinutes(Math.Max(1, session.RecentSignInMinutes));
    }

    /// Records a password confirmation in the person's cookie, keeping everything else about their session.
    public static async Task MarkConfirmedAsync(HttpContext http)
    {
        var auth = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!auth.Succeeded) return;
        auth.Properties!.Items[ConfirmedAt] = Now(http).UtcTicks.ToString(CultureInfo.InvariantCulture);
        await http.SignInAsync(IdentityConstants.ApplicationScheme, auth.Principal!, auth.Properties);
    }

    private static DateTimeOffset Now(HttpContext http) => http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();

    private static DateTimeOffset? Read(AuthenticationProperties p, string key) =>
        p.Items.TryGetValue(key, out var v) && long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
}

/// On a page model: opening the page or acting on it needs a recent sign-in; otherwise the person confirms their password
/// first and comes back to the page (nothing is lost: they have not typed anything yet).
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequireRecentSignInAttribute : Attribute, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var session = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SessionOptions>>().Value;
        if (http.User.Identity?.IsAuthenticated == true && !await SessionRules.IsRecentAsync(http, session))
        {
            var back = HttpMethods.IsGet(http.Request.Method) ? http.Request.Path + http.Request.QueryString : http.Request.Path.ToString();
            context.Result = new RedirectToPageResult("/Account/ConfirmPassword", new { returnUrl = back });
            return;
        }
        await next();
    }
}
