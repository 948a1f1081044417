using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Senco.Core.Access;
using Senco.Core.Schools;
using Senco.Data;

namespace Senco.Web.Features.Shared.Access;

/// A school the signed-in user can see, with the roles they hold there. A trust lead's role in one school of a
/// trust is extended to every school of that trust.
public sealed record SchoolGrant(int SchoolId, string Urn, string Name, Phase Phase, int? TrustId, string? TrustName, IReadOnlySet<SchoolRole> Roles)
{
    public bool Can(Permission p) => RolePermissions.Has(Roles, p);
    public string RoleNames => string.Join(", ", Roles.Order().Select(RolePermissions.Describe));
}

/// Who is asking, and what they may do where. Loaded once per request by <see cref="UserContextMiddleware"/>;
/// every page and API call asks it before touching a school's data.
public sealed class UserContext
{
    public bool IsAuthenticated { get; private set; }
    public Guid UserId { get; private set; }
    public string Name { get; private set; } = "";
    public string Email { get; private set; } = "";
    public bool IsSystemAdmin { get; private set; }
    public bool TwoFactorEnabled { get; private set; }
    /// Set while the person's password is one an administrator gave them: they must choose their own first (ASVS 2.3.1).
    public DateTime? TemporaryPasswordExpiresAt { get; private set; }
    public bool MustChoosePassword => IsAuthenticated && TemporaryPasswordExpiresAt is not null;
    public string? IpAddress { get; private set; }
    public IReadOnlyList<SchoolGrant> Schools { get; private set; } = [];

    public AuditActor Actor => IsAuthenticated ? new(UserId, $"{Name} <{Email}>", IpAddress) : new(null, "anonymous", IpAddress);

    public SchoolGrant? School(int schoolId) => Schools.FirstOrDefault(s => s.SchoolId == schoolId);
    public SchoolGrant? School(string? urn) => Schools.FirstOrDefault(s => s.Urn == urn);
    public bool CanSee(int schoolId) => School(schoolId) is not null;
    public bool Can(int schoolId, Permission p) => School(schoolId)?.Can(p) ?? false;
    public IEnumerable<int> SchoolsWhere(Permission p) => Schools.Where(s => s.Can(p)).Select(s => s.SchoolId);

    internal void SetAnonymous(string? ip)
    {
        IsAuthenticated = false;
        IpAddress = ip;
        Schools = [];
    }

    internal void Set(UserCheck user, IReadOnlyList<SchoolGrant> schools, string? ip)
    {
        IsAuthenticated = true;
        UserId = user.Id;
        Name = user.DisplayName;
        Email = user.Email ?? "";
        IsSystemAdmin = user.IsSystemAdmin;
        TwoFactorEnabled = user.TwoFactorEnabled;
        TemporaryPasswordExpiresAt = user.TemporaryPasswordExpiresAt;
        Schools = schools;
        IpAddress = ip;
    }

    /// The schools a user can see, from their memberships. Exposed for tests of the trust rule.
    internal static async Task<IReadOnlyList<SchoolGrant>> LoadGrantsAsync(SencoDbContext db, Guid userId, CancellationToken ct)
    {
        var memberships = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == userId)
            .Select(m => new { m.SchoolId, m.Role, m.School!.TrustId })
            .ToListAsync(ct);
        if (memberships.Count == 0) return [];

        var trustIds = memberships.Where(m => m.Role == SchoolRole.TrustLead && m.TrustId != null).Select(m => m.TrustId!.Value).Distinct().ToList();
        var schoolIds = memberships.Select(m => m.SchoolId).Distinct().ToList();
        var schools = await db.Schools.AsNoTracking()
            .Where(s => schoolIds.Contains(s.Id) || (s.TrustId != null && trustIds.Contains(s.TrustId.Value)))
            .Select(s => new { s.Id, s.Urn, s.Name, s.Phase, s.TrustId, TrustName = s.Trust != null ? s.Trust.Name : null })
            .ToListAsync(ct);

        return schools
            .Select(s =>
            {
                var roles = memberships.Where(m => m.SchoolId == s.Id).Select(m => m.Role).ToHashSet();
                if (s.TrustId != null && trustIds.Contains(s.TrustId.Value)) roles.Add(SchoolRole.TrustLead);
                return new SchoolGrant(s.Id, s.Urn, s.Name, s.Phase, s.TrustId, s.TrustName, roles);
            })
            .OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}

/// The few columns checked on every request (not the whole user row with its password hash).
internal sealed record UserCheck(Guid Id, string DisplayName, string? Email, bool IsSystemAdmin, bool TwoFactorEnabled, string? SecurityStamp, DateTimeOffset? LockoutEnd, DateTime? TemporaryPasswordExpiresAt = null, DateTime? TokenSessionSeenAt = null);

/// Grants are cached briefly per user AND security stamp: a changed stamp (sign out everywhere, a password or
/// two-factor change) bypasses the cache at once, and role changes evict the user's entry. With several app
/// instances a role change made on another instance reaches this one within <see cref="Lifetime"/>.
public sealed class GrantCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private static string Key(Guid userId) => $"grants:{userId}";

    internal async Task<IReadOnlyList<SchoolGrant>> GetAsync(SencoDbContext db, Guid userId, string? stamp, CancellationToken ct)
    {
        if (cache.TryGetValue(Key(userId), out (string? Stamp, IReadOnlyList<SchoolGrant> Grants) hit) && hit.Stamp == stamp) return hit.Grants;
        var grants = await UserContext.LoadGrantsAsync(db, userId, ct);
        cache.Set(Key(userId), (stamp, grants), Lifetime);
        return grants;
    }

    /// Call after changing someone's memberships, or a school's trust.
    public void Evict(Guid userId) => cache.Remove(Key(userId));

    /// Call after changing which trust a school belongs to: every trust lead's grants may change.
    public void Clear()
    {
        if (cache is MemoryCache mc) mc.Clear();
    }
}

/// Loads the user behind the request's credentials, refuses credentials that were revoked (a changed security
/// stamp after "sign out everywhere", a deleted or locked user), and narrows the database's tenancy scope to the
/// schools whose pupils this user may read.
public sealed class UserContextMiddleware(RequestDelegate next, Microsoft.Extensions.Options.IOptions<IdentityOptions> identity)
{
    private readonly string stampClaim = identity.Value.ClaimsIdentity.SecurityStampClaimType;

    // Runs on every signed-in request: compiled (see CompiledQuery). A bearer token names its session, whose row is
    // read with the user in the same query.
    private static readonly CompiledQuery<Func<SencoDbContext, Guid, string?, CancellationToken, Task<UserCheck?>>> UserQuery = new(() =>
        EF.CompileAsyncQuery((SencoDbContext db, Guid userId, string? tokenSession, CancellationToken ct) =>
            db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new UserCheck(u.Id, u.DisplayName, u.Email, u.IsSystemAdmin, u.TwoFactorEnabled, u.SecurityStamp, u.LockoutEnd, u.TemporaryPasswordExpiresAt,
                    tokenSession == null ? null : db.UserSessions.Where(s => s.Id == tokenSession && s.UserId == u.Id).Select(s => (DateTime?)s.LastSeenAt).FirstOrDefault()))
                .FirstOrDefault()));

    public async Task InvokeAsync(HttpContext http, UserContext ctx, TenantScope scope)
    {
        var ip = http.Connection.RemoteIpAddress?.ToString();
        var principal = http.User;
        if (DatabaseUnavailableHandler.Is(http.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error))
        {
            // Showing "the database cannot be reached" must not need the database: the page names no one.
            ctx.SetAnonymous(ip);
            scope.Restrict([]);
            await next(http);
            return;
        }
        if (principal.Identity?.IsAuthenticated == true && Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            // A bearer token names its session (a claim); its row is read with the user, in the same query.
            var bearer = http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
            var tokenSession = bearer ? principal.FindFirstValue(Senco.Web.Features.Account.UserSessions.TokenClaim) : null;
            // The database context is made only for signed-in requests (anonymous ones, /health among them, need none here).
            var db = http.RequestServices.GetRequiredService<SencoDbContext>();
            var grantCache = http.RequestServices.GetRequiredService<GrantCache>();
            var user = await UserQuery.For(db)(db, userId, tokenSession, http.RequestAborted);
            var stamp = principal.FindFirstValue(stampClaim);
            var locked = user?.LockoutEnd is { } end && end > DateTimeOffset.UtcNow;
            // A session that could not be checked while the database was unreachable is checked now (UserSessions);
            // a bearer token whose session was ended (or that names none) is refused.
            var sessionGone = user is not null && (bearer
                ? user.TokenSessionSeenAt is null
                : !await Senco.Web.Features.Account.UserSessions.StillExistsAsync(http, db, user.Id, http.RequestAborted));
            if (user is null || locked || stamp != user.SecurityStamp || sessionGone)
            {
                // Revoked credentials (signed out everywhere, locked, deleted): a bearer token is refused outright;
                // a browser's cookie is removed and the person is asked to sign in again.
                ctx.SetAnonymous(ip);
                scope.Restrict([]);
                if (http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                {
                    http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    await Results.Problem(statusCode: 401, title: "This token has been revoked. Sign in again.").ExecuteAsync(http);
                    return;
                }
                await http.SignOutAsync(IdentityConstants.ApplicationScheme);
                http.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
            else
            {
                if (bearer) await Senco.Web.Features.Account.UserSessions.TouchTokenAsync(http, db, tokenSession!, user.TokenSessionSeenAt!.Value);
                var grants = await grantCache.GetAsync(db, user.Id, user.SecurityStamp, http.RequestAborted);
                ctx.Set(user, grants, ip);
                scope.Restrict(ctx.SchoolsWhere(Permission.ViewPupils));
            }
        }
        else
        {
            ctx.SetAnonymous(ip);
            scope.Restrict([]);
        }
        await next(http);
    }
}
