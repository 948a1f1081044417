using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Senco.Data;

namespace Senco.Web.Features.Account;

/// <summary>
/// Signed-in browsers as rows in the database (ASVS 3.3.4, 3.3.3). A fresh sign-in adds a row and puts its id in the
/// cookie's protected properties (carried through renewals, "confirm your password" and refreshes after a change); every
/// request with the cookie checks the row is still there, so a session ended from "Your account", by a password change
/// or by an administrator stops working at once, on every app instance that shares the database. A cookie without a
/// session id (issued before sessions were recorded) is refused: the person signs in again once.
/// </summary>
public static class UserSessions
{
    public const string PropertyKey = ".senco.session";
    /// The claim that ties a bearer token to its session row (a token carries its claims, not cookie properties).
    public const string TokenClaim = "senco_session";
    /// How sessions made by POST /api/v1/auth/token are described: they last as long as the token, not the idle limit.
    public const string TokenMethod = "API token";
    /// A bearer token's lifetime (SencoApp configures the bearer scheme with it).
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);
    private const string ItemKey = "senco.session";
    /// Set when the session could not be checked because the database was unreachable.
    public const string RecheckKey = "senco.session.recheck";
    internal static readonly TimeSpan LastSeenEvery = TimeSpan.FromMinutes(1);

    /// The session of this request's cookie, once validated.
    public static string? Current(HttpContext http) => http.Items[ItemKey] as string;

    // Read on every request with the sign-in cookie: compiled (see CompiledQuery).
    private static readonly CompiledQuery<Func<SencoDbContext, string, CancellationToken, Task<(Guid UserId, DateTime LastSeenAt, string? IpAddress)>>> SessionQuery = new(() =>
        EF.CompileAsyncQuery((SencoDbContext db, string id, CancellationToken ct) =>
            db.UserSessions.AsNoTracking().Where(s => s.Id == id)
                .Select(s => new ValueTuple<Guid, DateTime, string?>(s.UserId, s.LastSeenAt, s.IpAddress)).FirstOrDefault()));

    public static void Configure(CookieAuthenticationOptions o)
    {
        var previousSigningIn = o.Events.OnSigningIn;
        o.Events.OnSigningIn = async ctx =>
        {
            await previousSigningIn(ctx);
            if (ctx.Properties.Items.ContainsKey(PropertyKey)) return; // a renewal or refresh of an existing session
            var http = ctx.HttpContext;
            if (!Guid.TryParse(ctx.Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)) return;
            var db = http.RequestServices.GetRequiredService<SencoDbContext>();
            var now = Now(http);
            var row = NewRow(http, userId, MethodOf(ctx.Principal!), now);
            db.UserSessions.Add(row);
            await db.SaveChangesAsync(http.RequestAborted);
            db.Entry(row).State = EntityState.Detached;
            ctx.Properties.Items[PropertyKey] = row.Id;
            http.Items[ItemKey] = row.Id;
            // Sessions that can no longer be used (idle or past the absolute limit) are tidied away at each sign-in.
            var session = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SessionOptions>>().Value;
            var idleBefore = now - TimeSpan.FromMinutes(Math.Max(1, session.IdleMinutes)) - LastSeenEvery;
            var signedInBefore = now - TimeSpan.FromHours(Math.Max(1, session.AbsoluteHours));
            await TidyAsync(db, userId, idleBefore, signedInBefore, now, http.RequestAborted);
        };
        var previousValidate = o.Events.OnValidatePrincipal;
        o.Events.OnValidatePrincipal = async ctx =>
        {
            var http = ctx.HttpContext;
            var id = ctx.Properties.Items.TryGetValue(PropertyKey, out var v) ? v : null;
            var db = http.RequestServices.GetRequiredService<SencoDbContext>();
            (Guid UserId, DateTime LastSeenAt, string? IpAddress)? row;
            try
            {
                row = id is null ? null : await SessionQuery.For(db)(db, id, http.RequestAborted);
                if (row is { UserId: var u } && u == Guid.Empty) row = null;
            }
            catch (Exception ex) when (Senco.Web.Features.Shared.DatabaseUnavailableHandler.Is(ex))
            {
                // The database is unreachable: this request will fail on its next query and be told so. The check is
                // repeated by UserContextMiddleware once the database answers, so a session is never trusted unchecked.
                http.Items[RecheckKey] = id;
                await previousValidate(ctx);
                return;
            }
            if (row is null || row.Value.UserId.ToString() != ctx.Principal?.FindFirstValue(ClaimTypes.NameIdentifier))
            {
                ctx.RejectPrincipal();
                await http.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
            http.Items[ItemKey] = id;
            var now = Now(http);
            var ip = Truncate(http.Connection.RemoteIpAddress?.ToString(), 64);
            if ((now - row.Value.LastSeenAt >= LastSeenEvery && Touches(http).Claim(id!, now)) || ip != row.Value.IpAddress)
                await db.UserSessions.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now).SetProperty(x => x.IpAddress, ip), http.RequestAborted);
            await previousValidate(ctx);
        };
    }

    /// A session for a bearer token being issued: listed on "Your account" as an API token, ended like any other
    /// session (and the token refused at once). Returns the id to put in the token as <see cref="TokenClaim"/>.
    public static async Task<string> StartTokenAsync(HttpContext http, SencoDbContext db, Guid userId, bool twoFactor)
    {
        var now = Now(http);
        var row = NewRow(http, userId, twoFactor ? TokenMethod + " (password and two-factor code)" : TokenMethod, now);
        db.UserSessions.Add(row);
        await db.SaveChangesAsync(http.RequestAborted);
        db.Entry(row).State = EntityState.Detached;
        var session = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SessionOptions>>().Value;
        await TidyAsync(db, userId, now - TimeSpan.FromMinutes(Math.Max(1, session.IdleMinutes)) - LastSeenEvery,
            now - TimeSpan.FromHours(Math.Max(1, session.AbsoluteHours)), now, http.RequestAborted);
        return row.Id;
    }

    /// A bearer token's session was found (UserContextMiddleware reads it with the user): note when it was last used,
    /// at most once a minute, as for browsers.
    public static async Task TouchTokenAsync(HttpContext http, SencoDbContext db, string id, DateTime lastSeenAt)
    {
        http.Items[ItemKey] = id;
        var now = Now(http);
        if (now - lastSeenAt >= LastSeenEvery && Touches(http).Claim(id, now))
            await db.UserSessions.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), http.RequestAborted);
    }

    public static bool IsToken(string method) => method.StartsWith(TokenMethod, StringComparison.Ordinal);

    /// Removes sessions that can no longer be used: browsers idle or past the absolute limit, tokens past their expiry.
    private static Task<int> TidyAsync(SencoDbContext db, Guid userId, DateTime idleBefore, DateTime signedInBefore, DateTime now, CancellationToken ct)
    {
        var tokensBefore = now - TokenLifetime;
        return db.UserSessions.Where(s => s.UserId == userId && (s.Method.StartsWith(TokenMethod)
                ? s.SignedInAt < tokensBefore
                : s.LastSeenAt < idleBefore || s.SignedInAt < signedInBefore))
            .ExecuteDeleteAsync(ct);
    }

    /// True when the session still exists (the re-check after the database was briefly unreachable).
    public static async Task<bool> StillExistsAsync(HttpContext http, SencoDbContext db, Guid userId, CancellationToken ct)
    {
        if (http.Items[RecheckKey] is not string id) return true;
        if (!await db.UserSessions.AnyAsync(s => s.Id == id && s.UserId == userId, ct)) return false;
        http.Items[ItemKey] = id;
        return true;
    }

    /// Ends this browser's own session (signing out).
    public static async Task EndCurrentAsync(HttpContext http, SencoDbContext db)
    {
        var id = Current(http);
        if (id is null)
        {
            var auth = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
            if (auth.Succeeded) auth.Properties!.Items.TryGetValue(PropertyKey, out id);
        }
        if (id is not null) await db.UserSessions.Where(s => s.Id == id).ExecuteDeleteAsync(http.RequestAborted);
    }

    /// Ends every session of the person except <paramref name="keep"/> (null: all of them). Returns how many ended.
    public static Task<int> EndOthersAsync(SencoDbContext db, Guid userId, string? keep, CancellationToken ct = default) =>
        db.UserSessions.Where(s => s.UserId == userId && (keep == null || s.Id != keep)).ExecuteDeleteAsync(ct);

    /// The person's sessions that can still be used, most recently seen first.
    public static async Task<IReadOnlyList<UserSession>> ActiveAsync(HttpContext http, SencoDbContext db, Guid userId, CancellationToken ct = default)
    {
        var session = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SessionOptions>>().Value;
        var now = Now(http);
        var idleBefore = now - TimeSpan.FromMinutes(Math.Max(1, session.IdleMinutes)) - LastSeenEvery;
        var signedInBefore = now - TimeSpan.FromHours(Math.Max(1, session.AbsoluteHours));
        var tokensFrom = now - TokenLifetime;
        var rows = await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == userId && (s.Method.StartsWith(TokenMethod)
                ? s.SignedInAt >= tokensFrom
                : s.LastSeenAt >= idleBefore && s.SignedInAt >= signedInBefore))
            .ToListAsync(ct);
        return rows.OrderByDescending(s => s.Id == Current(http)).ThenByDescending(s => s.LastSeenAt).ToList();
    }

    /// A new session row: a random id (the only thing the cookie or token holds), who, from where, how.
    private static UserSession NewRow(HttpContext http, Guid userId, string method, DateTime now) => new()
    {
        Id = WebEncoders(RandomNumberGenerator.GetBytes(16)),
        UserId = userId,
        SignedInAt = now,
        LastSeenAt = now,
        IpAddress = Truncate(http.Connection.RemoteIpAddress?.ToString(), 64),
        UserAgent = Truncate(http.Request.Headers.UserAgent.ToString(), 512),
        Method = method,
    };

    private static string MethodOf(ClaimsPrincipal p)
    {
        var amr = p.FindFirstValue("amr");
        if (amr == "mfa") return "Password and two-factor code";
        if (amr == "pwd") return "Password";
        var provider = p.FindFirstValue(ClaimTypes.AuthenticationMethod);
        return provider is null ? "Password" : "Single sign-on";
    }

    private static SessionTouches Touches(HttpContext http) => http.RequestServices.GetRequiredService<SessionTouches>();

    private static DateTime Now(HttpContext http) => http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

    private static string? Truncate(string? s, int max) => string.IsNullOrEmpty(s) ? null : s.Length <= max ? s : s[..max];

    private static string WebEncoders(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>
/// Which sessions this instance has just marked as seen. A session's "last seen" is written at most once a minute;
/// without this, every request of a session that arrives while the minute is up writes it: a program sending 32
/// requests at once made 32 writers queue for SQLite's single write lock, and every request of that minute waited
/// up to 1.6 s (bench/run.sh, once a minute). Now one request per instance writes it and the rest go on.
/// </summary>
public sealed class SessionTouches
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTime> touched = new();
    private int claims;

    /// True for the one request that should write the session's "last seen" now.
    public bool Claim(string sessionId, DateTime now)
    {
        if (Interlocked.Increment(ref claims) % 1024 == 0) Prune(now);
        while (true)
        {
            if (touched.TryGetValue(sessionId, out var at))
            {
                if (now - at < UserSessions.LastSeenEvery) return false;
                if (touched.TryUpdate(sessionId, now, at)) return true;
            }
            else if (touched.TryAdd(sessionId, now)) return true;
        }
    }

    private void Prune(DateTime now)
    {
        foreach (var (id, at) in touched)
            if (now - at >= UserSessions.LastSeenEvery) touched.TryRemove(new KeyValuePair<string, DateTime>(id, at));
    }
}
