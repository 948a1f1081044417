using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Senco.Data;

namespace Senco.Web.Features.Account;

/// Repeated failed sign-ins for an email with no account are "locked out" exactly as a real account would be,
/// so that the lockout message cannot be used to discover which email addresses have accounts.
public sealed class UnknownAccountLockout(IMemoryCache cache, IOptions<IdentityOptions> identity, TimeProvider clock)
{
    private sealed class Entry
    {
        public int Failures;
        public DateTimeOffset? LockedUntil;
    }

    private static string Key(string email) => "unknown-signin:" + email.Trim().ToUpperInvariant();

    public bool IsLockedOut(string email) =>
        cache.TryGetValue(Key(email), out Entry? e) && e!.LockedUntil is { } until && until > clock.GetUtcNow();

    /// Records a failure; answers whether the (non-existent) account is now locked.
    public bool RecordFailure(string email)
    {
        var options = identity.Value.Lockout;
        var entry = cache.GetOrCreate(Key(email), c =>
        {
            c.SlidingExpiration = options.DefaultLockoutTimeSpan;
            return new Entry();
        })!;
        lock (entry)
        {
            if (entry.LockedUntil is { } until && until > clock.GetUtcNow()) return true;
            entry.Failures++;
            if (entry.Failures < options.MaxFailedAccessAttempts) return false;
            entry.Failures = 0;
            entry.LockedUntil = clock.GetUtcNow() + options.DefaultLockoutTimeSpan;
            return true;
        }
    }
}
