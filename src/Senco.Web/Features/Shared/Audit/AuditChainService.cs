using Microsoft.EntityFrameworkCore;
using Senco.Core.Model;
using Senco.Core.Security;
using Senco.Data;

namespace Senco.Web.Features.Shared.Audit;

public sealed class AuditChainOptions
{
    /// How often new audit entries are sealed into the chain.
    public int SealEverySeconds { get; set; } = 10;
    /// An entry still unsealed after this long is reported by verification (sealing has stopped, or a row was
    /// inserted behind the sealer's back).
    public int UnsealedWarningMinutes { get; set; } = 10;
}

/// What verification found.
public sealed record AuditChainReport(long Sealed, long Unsealed, long StaleUnsealed, DateTime? OldestUnsealedAt, ChainBreak? FirstBreak, long Redacted = 0)
{
    public bool Intact => FirstBreak is null && StaleUnsealed == 0;

    public string Describe()
    {
        if (FirstBreak is { } b)
            return $"BROKEN at audit entry #{b.Id} (chain position {b.Sequence}): {b.Reason}. {Sealed:N0} entries sealed.";
        var text = $"Intact: {Sealed:N0} entries sealed, each chained to the one before.";
        if (Redacted > 0) text += $" {Redacted:N0} of them had their text removed under the retention policy (their digests still chain).";
        if (Unsealed > 0) text += $" {Unsealed:N0} newer entries are waiting to be sealed.";
        if (StaleUnsealed > 0) text += $" WARNING: {StaleUnsealed:N0} entries have waited since {OldestUnsealedAt:u} without being sealed.";
        return text;
    }
}

/// Seals new audit entries into the hash chain and verifies the chain (see AuditChain for the why).
public sealed class AuditChainService(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<AuditChainOptions> options,
    TimeProvider clock, ILogger<AuditChainService> log) : BackgroundService
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(Math.Max(1, options.Value.SealEverySeconds));
        using var timer = new PeriodicTimer(every, clock);
        try
        {
            do
            {
                try { await SealAsync(stoppingToken); }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Another instance sealed the same entries first (unique chain position), or the database is briefly
                    // away: nothing is lost, the entries are sealed on a later tick.
                    log.LogWarning(ex, "Sealing the audit trail failed this time; it will be retried");
                }
            } while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) { }
    }

    /// Seals every entry not yet in the chain, in id order, in batches; returns how many were sealed.
    public async Task<int> SealAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var total = 0;
            while (true)
            {
                var (n, sqlite) = await SealBatchAsync(BatchSize, ct);
                total += n;
                if (n < BatchSize) return total;
                // On SQLite, one writer at a time: a request that wants to write (a save, a session's "last seen") and
                // finds the sealer holding the lock sleeps in SQLite's busy handler between tries. Sealing batch after
                // batch with no gap left such a request waiting up to a second behind a backlog (bench/seq.py: max
                // 0.5–1.1 s a minute under load; 8–28 ms with sealing off). A pause between batches lets it in, and
                // still seals about 4,000 entries a second.
                if (sqlite) await Task.Delay(BatchGapOnSqlite, clock, ct);
            }
        }
        finally { _gate.Release(); }
    }

    /// Entries sealed in one transaction. Small, because on SQLite a request's query can wait for the batch that is
    /// being written: under load the slowest request of each 15 s took 108–161 ms with batches of 1,000 and 25–47 ms
    /// with batches of 250 (bench/seq.py, one connection, 800 audited reads a second).
    public const int BatchSize = 250;

    /// The pause between two batches of a backlog on SQLite (see SealAsync).
    public static readonly TimeSpan BatchGapOnSqlite = TimeSpan.FromMilliseconds(50);

    private async Task<(int Count, bool Sqlite)> SealBatchAsync(int size, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SencoDbContext>();
        var sqlite = db.Database.IsSqlite();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var last = await db.AuditEntries.AsNoTracking().Where(a => a.Sequence != null)
            .OrderByDescending(a => a.Sequence).Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(ct);
        var pending = await db.AuditEntries.Where(a => a.Sequence == null).OrderBy(a => a.Id).Take(size).ToListAsync(ct);
        if (pending.Count == 0) return (0, sqlite);
        var sequence = last?.Sequence ?? 0;
        var previous = last?.Hash ?? AuditChain.Genesis;
        foreach (var e in pending)
        {
            e.Sequence = ++sequence;
            // The time as the database keeps it, so verification later recomputes the same hash.
            e.At = AuditChain.Truncate(e.At);
            e.ContentHash = AuditChain.ContentHash(ToLink(e));
            e.Hash = AuditChain.Hash(previous, e.Sequence.Value, e.ContentHash);
            previous = e.Hash;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (pending.Count, sqlite);
    }

    public async Task<AuditChainReport> VerifyAsync(CancellationToken ct = default)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SencoDbContext>();
        return await VerifyAsync(db, clock.GetUtcNow().UtcDateTime, TimeSpan.FromMinutes(options.Value.UnsealedWarningMinutes), ct);
    }

    /// Walks the whole chain in pages (keyset on the chain position), so memory stays flat for millions of entries.
    public static async Task<AuditChainReport> VerifyAsync(SencoDbContext db, DateTime now, TimeSpan staleAfter, CancellationToken ct = default)
    {
        var previous = AuditChain.Genesis;
        long expected = 1;
        long sealedCount = 0;
        ChainBreak? broken = null;
        long after = 0;
        long redacted = 0;
        while (broken is null)
        {
            var page = await db.AuditEntries.AsNoTracking().Where(a => a.Sequence != null && a.Sequence > after)
                .OrderBy(a => a.Sequence).Take(5000).ToListAsync(ct);
            if (page.Count == 0) break;
            broken = AuditChain.Verify(page.Select(e => new SealedLink(ToLink(e), e.ContentHash, e.Hash, e.RedactedAt is not null)), previous, expected);
            redacted += page.Count(e => e.RedactedAt is not null);
            if (broken is null)
            {
                previous = page[^1].Hash!;
                expected = page[^1].Sequence!.Value + 1;
                sealedCount += page.Count;
                after = page[^1].Sequence!.Value;
            }
        }
        var unsealed = await db.AuditEntries.CountAsync(a => a.Sequence == null, ct);
        var staleBefore = now - staleAfter;
        var stale = await db.AuditEntries.CountAsync(a => a.Sequence == null && a.At < staleBefore, ct);
        var oldest = stale > 0 ? await db.AuditEntries.Where(a => a.Sequence == null).MinAsync(a => (DateTime?)a.At, ct) : null;
        return new AuditChainReport(sealedCount, unsealed, stale, oldest, broken, redacted);
    }

    /// Removes an entry's text and pupil under the retention policy, keeping its place and digest in the chain.
    public static void Redact(AuditEntry e, DateTime now)
    {
        if (e.Sequence is not null && e.ContentHash is null) e.ContentHash = AuditChain.ContentHash(ToLink(e));
        e.Summary = "(removed under the school's retention policy)";
        e.PupilId = null;
        e.RedactedAt = now;
    }

    public static AuditLink ToLink(AuditEntry e) =>
        new(e.Sequence ?? 0, e.Id, e.At, e.UserId, e.UserName, e.SchoolId, e.PupilId, e.Action, e.Summary, e.IpAddress);
}
