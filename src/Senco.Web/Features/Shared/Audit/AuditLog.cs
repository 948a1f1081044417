using System.Threading.Channels;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Shared.Audit;

/// Records reads of pupil data. Changes are audited inside their own transaction (see AuditExtensions);
/// reads are queued and written in batches by <see cref="AuditWriter"/>, so that looking at the register never
/// waits on a database write. The queue is drained at shutdown.
public sealed class AuditLog(Channel<AuditEntry> queue, UserContext user)
{
    public void Read(string action, string summary, int? schoolId = null, Guid? pupilId = null)
    {
        var actor = user.Actor;
        queue.Writer.TryWrite(new AuditEntry
        {
            At = DateTime.UtcNow,
            UserId = actor.UserId,
            UserName = actor.Name,
            IpAddress = actor.IpAddress,
            SchoolId = schoolId,
            PupilId = pupilId,
            Action = action,
            Summary = summary.Length > 4000 ? summary[..4000] : summary,
        });
    }
}

public sealed class AuditWriter(Channel<AuditEntry> queue, IServiceScopeFactory scopes, ILogger<AuditWriter> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                await FlushAsync(CancellationToken.None);
            }
        }
        catch (OperationCanceledException) { }
        await FlushAsync(CancellationToken.None);
    }

    /// Writes everything queued so far. Tests call it to read the audit trail deterministically.
    public async Task FlushAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try { await FlushCoreAsync(ct); }
        finally { _gate.Release(); }
    }

    private readonly SemaphoreSlim _gate = new(1, 1);

    private async Task FlushCoreAsync(CancellationToken ct)
    {
        var batch = new List<AuditEntry>();
        while (batch.Count < 500 && queue.Reader.TryRead(out var e)) batch.Add(e);
        while (batch.Count > 0)
        {
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<SencoDbContext>();
                db.AuditEntries.AddRange(batch);
                await db.SaveChangesAsync(ct);
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Could not write {Count} audit entries", batch.Count);
            }
            batch.Clear();
            while (batch.Count < 500 && queue.Reader.TryRead(out var e)) batch.Add(e);
        }
    }
}

public static class AuditServices
{
    public static IServiceCollection AddSencoAudit(this IServiceCollection services)
    {
        services.AddSingleton(Channel.CreateUnbounded<AuditEntry>(new UnboundedChannelOptions { SingleReader = false }));
        services.AddScoped<AuditLog>();
        services.AddSingleton<AuditWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditWriter>());
        services.AddOptions<AuditChainOptions>().BindConfiguration("Senco:Audit");
        services.AddSingleton<AuditChainService>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditChainService>());
        return services;
    }
}
