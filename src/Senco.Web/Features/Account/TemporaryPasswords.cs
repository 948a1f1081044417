using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Account;

/// Settings under Senco:Passwords.
public sealed class PasswordPolicyOptions
{
    /// A password an administrator set (a new account, a reset) stops signing in after this many hours (ASVS 2.3.1).
    public int TemporaryHours { get; set; } = 72;
}

/// <summary>
/// Passwords an administrator gives someone are temporary (ASVS 2.3.1, 2.5.x): the person must choose their own at their
/// next sign-in before anything else, and the given one expires. Senco makes the reset ones itself, from a CSPRNG, so no
/// administrator has to invent (or reuse) one.
/// </summary>
public static class TemporaryPasswords
{
    // No 0/o, 1/l/i: read out over the phone or copied from a screen without doubt.
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    /// Four groups of four, e.g. "k7mp-q4xr-t9hc-w2nf": about 79 bits.
    public static string Generate()
    {
        Span<char> chars = stackalloc char[19];
        for (var i = 0; i < chars.Length; i++)
            chars[i] = i % 5 == 4 ? '-' : Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(chars);
    }

    public static DateTime ExpiresAt(TimeProvider clock, PasswordPolicyOptions o) =>
        clock.GetUtcNow().UtcDateTime.AddHours(Math.Max(1, o.TemporaryHours));

    public static bool HasExpired(DateTime? expiresAt, TimeProvider clock) => expiresAt is { } at && at <= clock.GetUtcNow().UtcDateTime;

    /// What a person is told when their temporary password has run out.
    public const string ExpiredMessage = "The temporary password you were given has expired. Ask your Senco administrator to reset your password again.";
}

/// <summary>
/// While someone's password is a temporary one, every page sends them to choose their own, and the API answers 403 saying
/// so; only choosing a password, signing out and the public pages stay open.
/// </summary>
public sealed class PasswordChoiceRequiredMiddleware(RequestDelegate next)
{
    private static readonly string[] Open = ["/account/choose-password", "/account/sign-out", "/account/sign-in", "/api/v1/auth", "/dist", "/js", "/health", "/home"];

    public async Task InvokeAsync(HttpContext http, UserContext user)
    {
        if (!user.MustChoosePassword || Open.Any(p => http.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            await next(http);
            return;
        }
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            await TypedResults.Problem(statusCode: 403,
                title: "You are using a temporary password. Choose your own first: sign in at /account/sign-in, or POST /api/v1/auth/password.",
                extensions: new Dictionary<string, object?> { ["passwordChangeRequired"] = true }).ExecuteAsync(http);
            return;
        }
        var back = HttpMethods.IsGet(http.Request.Method) ? http.Request.Path + http.Request.QueryString : "/";
        http.Response.Redirect("/account/choose-password" + (back is "/" or "" ? "" : "?returnUrl=" + Uri.EscapeDataString(back)));
    }
}
