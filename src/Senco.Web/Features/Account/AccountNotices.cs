using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Senco.Data;
using Senco.Web.Features.Ehc;

namespace Senco.Web.Features.Account;

/// <summary>
/// "Was this you?" emails after a change to someone's credentials (ASVS 2.2.3): a password changed, chosen or reset, two-factor
/// sign-in turned on, off or reset, new recovery codes, a single sign-on account linked, a calendar feed address created
/// or turned off. The email says what changed, when and from which address, never a secret, and what to do if it was not
/// them. It is queued in the outbox in the same save as the change and its audit entry; <see cref="OutboxSender"/> sends it.
/// Without Senco:Smtp:Host nothing is queued (the audit trail still records the change).
/// </summary>
public sealed class AccountNotices(SencoDbContext db, IOptions<SmtpOptions> smtp, TimeProvider clock, IHttpContextAccessor http, OutboxSignal signal)
{
    public bool Enabled => !string.IsNullOrWhiteSpace(smtp.Value.Host);

    /// Queues the notice (saved with the caller's next SaveChanges). <paramref name="what"/> completes "… on your Senco account".
    public void Queue(SencoUser user, string reason, string subject, string what, string? byWhom = null)
    {
        if (!Enabled || string.IsNullOrWhiteSpace(user.Email)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var ip = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        var baseUrl = smtp.Value.PublicUrl?.TrimEnd('/') ?? "";
        var text = new StringBuilder();
        text.AppendLine($"Dear {user.DisplayName},");
        text.AppendLine();
        text.AppendLine($"{what} on your Senco account ({user.Email}).");
        text.AppendLine();
        text.AppendLine($"When: {UkTime(now)}");
        text.AppendLine($"By: {byWhom ?? "you (signed in as yourself)"}{(ip is null ? "" : $", from the internet address {ip}")}");
        text.AppendLine();
        text.AppendLine("If this was you, there is nothing more to do.");
        text.AppendLine("If it was not you, someone else may know your password: tell your SENCO or Senco administrator today, and");
        text.AppendLine($"sign out everywhere at {baseUrl}/account/security once you can sign in.");
        text.AppendLine();
        text.AppendLine("Senco sends this email to you whenever your password, two-factor sign-in or other sign-in details change.");
        text.AppendLine("It never asks for your password by email.");
        db.OutgoingEmails.Add(new OutgoingEmail
        {
            UserId = user.Id,
            ToAddress = user.Email,
            ToName = user.DisplayName,
            Subject = "Senco: " + subject,
            Body = text.ToString(),
            Reason = reason,
            CreatedAt = now,
            NextAttemptAt = now,
        });
        // Wake the sender once the change is saved, rather than at its next poll.
        db.SavedChanges += WakeOnce;
    }

    private void WakeOnce(object? sender, SavedChangesEventArgs e)
    {
        db.SavedChanges -= WakeOnce;
        signal.Wake();
    }

    private static readonly TimeZoneInfo London = TryLondon();

    private static TimeZoneInfo TryLondon()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Europe/London"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.Utc; }
    }

    /// "14:05 on 23 November 2026 (UK time)".
    public static string UkTime(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London);
        return local.ToString("HH:mm 'on' d MMMM yyyy", CultureInfo.InvariantCulture) + (London == TimeZoneInfo.Utc ? " (UTC)" : " (UK time)");
    }
}

/// Wakes the outbox sender when something has just been queued.
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        try { _wake.Release(); } catch (SemaphoreFullException) { }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _wake.WaitAsync(timeout, ct);
}

/// <summary>
/// Sends queued emails. Each row is claimed with a conditional update before sending, so with several app instances on
/// one database exactly one sends it; a failure is retried with growing gaps (1, 2, 4 … minutes, ten tries), then given
/// up and logged. Sent rows are kept for a week (what was sent, for an administrator's questions), then deleted.
/// </summary>
public sealed class OutboxSender(IServiceScopeFactory scopes, IOptions<SmtpOptions> options, TimeProvider clock, ILogger<OutboxSender> log)
{
    public const int MaxAttempts = 10;
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(2);

    /// Sends what is due; returns how many were sent. Tests call it directly; the hosted service calls it on a timer.
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.Host)) return 0;
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().RestrictToSystem();
        var db = scope.ServiceProvider.GetRequiredService<SencoDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutgoingEmails.AsNoTracking()
            .Where(m => m.SentAt == null && m.FailedAt == null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.Id).Take(20).ToListAsync(ct);
        var sent = 0;
        foreach (var m in due)
        {
            var claimedUntil = now + ClaimFor;
            var claimed = await db.OutgoingEmails
                .Where(x => x.Id == m.Id && x.SentAt == null && (x.ClaimedUntil == null || x.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ClaimedUntil, claimedUntil), ct);
            if (claimed != 1) continue; // another instance has it
            var message = new MimeMessage();
            message.From.Add(MailboxAddress.Parse(o.From));
            message.To.Add(new MailboxAddress(m.ToName, m.ToAddress));
            message.Subject = m.Subject;
            message.Body = new TextPart("plain") { Text = m.Body };
            try
            {
                await DeadlineDigest.SendAsync(o, message, ct);
                await db.OutgoingEmails.Where(x => x.Id == m.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.SentAt, clock.GetUtcNow().UtcDateTime)
                    .SetProperty(x => x.Attempts, m.Attempts + 1)
                    .SetProperty(x => x.ClaimedUntil, (DateTime?)null)
                    .SetProperty(x => x.LastError, (string?)null), CancellationToken.None);
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var attempts = m.Attempts + 1;
                var giveUp = attempts >= MaxAttempts;
                var error = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
                var next = clock.GetUtcNow().UtcDateTime + TimeSpan.FromMinutes(Math.Pow(2, Math.Min(attempts - 1, 8)));
                DateTime? failedAt = giveUp ? clock.GetUtcNow().UtcDateTime : null;
                await db.OutgoingEmails.Where(x => x.Id == m.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.Attempts, attempts)
                    .SetProperty(x => x.NextAttemptAt, next)
                    .SetProperty(x => x.ClaimedUntil, (DateTime?)null)
                    .SetProperty(x => x.FailedAt, failedAt)
                    .SetProperty(x => x.LastError, error), CancellationToken.None);
                if (giveUp) log.LogError(ex, "Gave up sending email {Id} ({Reason}) to {To} after {Attempts} attempts", m.Id, m.Reason, m.ToAddress, attempts);
                else log.LogWarning("Could not send email {Id} ({Reason}): {Error}; trying again at {Next:u}", m.Id, m.Reason, error, next);
            }
        }
        var keepUntil = now.AddDays(-7);
        await db.OutgoingEmails.Where(x => (x.SentAt != null && x.SentAt < keepUntil) || (x.FailedAt != null && x.FailedAt < keepUntil.AddDays(-23)))
            .ExecuteDeleteAsync(ct);
        return sent;
    }
}

/// Runs <see cref="OutboxSender"/> when woken and at least every 15 seconds, while Senco:Smtp:Host is set.
public sealed class OutboxSenderService(OutboxSender sender, OutboxSignal signal, IOptions<SmtpOptions> options, ILogger<OutboxSenderService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.Host))
        {
            log.LogInformation("Senco:Smtp:Host is not set: people are not emailed when their sign-in details change");
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await sender.SendDueAsync(stoppingToken);
                await signal.WaitAsync(TimeSpan.FromSeconds(15), stoppingToken);
            }
            catch (OperationCanceledException) { return; }
            catch (Exception ex)
            {
                log.LogError(ex, "The email outbox could not be read; trying again shortly");
                try { await Task.Delay(TimeSpan.FromSeconds(15), stoppingToken); } catch (OperationCanceledException) { return; }
            }
        }
    }
}
