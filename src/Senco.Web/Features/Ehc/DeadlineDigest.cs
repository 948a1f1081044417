using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Senco.Core;
using Senco.Core.Access;
using Senco.Data;

namespace Senco.Web.Features.Ehc;

/// Settings under Senco:Smtp. No Host: no digest is sent (and the background job says so once in the log).
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string From { get; set; } = "senco@localhost";
    /// STARTTLS, required when true. Off only for a relay on the same machine or network.
    public bool UseTls { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// Hour of the day (UTC) to send the digest.
    public int DigestHourUtc { get; set; } = 6;
    /// Dates due within this many days are listed beside the overdue ones.
    public int DigestWithinDays { get; set; } = 14;
    /// Where links in the email point, e.g. https://senco.example.org. Without it the email names the page path.
    public string? PublicUrl { get; set; }
}

/// <summary>
/// The daily email to each school's SENCOs: overdue statutory dates first, then those due soon. Pupils appear by
/// initials and the end of their UPN, with a link into Senco: an email can be forwarded or read over a shoulder.
/// A school whose digest was sent today is skipped (the audit trail records each send), so a restart or a
/// second instance never sends twice.
/// </summary>
public sealed class DeadlineDigest(IServiceScopeFactory scopes, IOptions<SmtpOptions> options, TimeProvider clock, ILogger<DeadlineDigest> log)
{
    public const string AuditAction = "ehc.digest.sent";

    public sealed record Result(int SchoolsSent, int Emails);

    public async Task<Result> SendAllAsync(CancellationToken ct = default)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.Host)) return new(0, 0);
        using var scope = scopes.CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<TenantScope>().RestrictToSystem();
        var db = sp.GetRequiredService<SencoDbContext>();
        var query = sp.GetRequiredService<StatutoryClockQuery>();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var dayStart = today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

        var sencos = await db.Memberships.AsNoTracking().Where(m => m.Role == SchoolRole.Senco)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.SchoolId, u.Email, u.DisplayName, u.LockoutEnd })
            .ToListAsync(ct);
        var sentSchools = 0;
        var emails = 0;
        foreach (var group in sencos.Where(s => !string.IsNullOrWhiteSpace(s.Email) && !(s.LockoutEnd > DateTimeOffset.UtcNow)).GroupBy(s => s.SchoolId))
        {
            var schoolId = group.Key;
            if (await db.AuditEntries.AnyAsync(a => a.SchoolId == schoolId && a.Action == AuditAction && a.At >= dayStart, ct)) continue;
            var items = await query.ForSchoolsAsync([schoolId], o.DigestWithinDays, ct);
            if (items.Count == 0) continue;
            // Several app instances may reach this point together: only the one that claims today's run sends.
            var claim = await db.TryClaimAsync(AuditAction, $"{schoolId}:{today:yyyy-MM-dd}", ct);
            if (claim is null) continue;
            var school = await db.Schools.AsNoTracking().FirstAsync(s => s.Id == schoolId, ct);
            var message = Compose(o, school.Name, school.Urn, items, today);
            foreach (var r in group) message.To.Add(new MailboxAddress(r.DisplayName, r.Email));
            try
            {
                await SendAsync(o, message, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Could not send the statutory deadlines digest for school {Urn}", school.Urn);
                await db.ReleaseAsync(claim, CancellationToken.None);
                continue;
            }
            db.Audit(AuditActor.System, AuditAction,
                $"Emailed the statutory deadlines digest ({items.Count(i => i.Overdue)} overdue, {items.Count(i => !i.Overdue)} due soon) to {group.Count()} SENCO(s)", schoolId);
            await db.SaveChangesAsync(ct);
            sentSchools++;
            emails += group.Count();
        }
        return new(sentSchools, emails);
    }

    public static MimeMessage Compose(SmtpOptions o, string schoolName, string urn, IReadOnlyList<DeadlineItem> items, DateOnly today)
    {
        var overdue = items.Where(i => i.Overdue).ToList();
        var soon = items.Where(i => !i.Overdue).ToList();
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(o.From));
        message.Subject = overdue.Count > 0
            ? $"{overdue.Count} overdue EHC deadline{(overdue.Count == 1 ? "" : "s")} at {schoolName}"
            : $"EHC deadlines due soon at {schoolName}";
        var baseUrl = o.PublicUrl?.TrimEnd('/') ?? "";
        var text = new StringBuilder();
        text.AppendLine($"Statutory EHC deadlines at {schoolName}, {Dates.Long(today)}.");
        text.AppendLine();
        void Section(string title, List<DeadlineItem> list)
        {
            if (list.Count == 0) return;
            text.AppendLine(title);
            foreach (var i in list)
            {
                var when = i.Overdue ? $"OVERDUE since {Dates.Long(i.DueOn)} ({-i.DaysUntil} days)" : $"due {Dates.Long(i.DueOn)} (in {i.DaysUntil} days)";
                text.AppendLine($"- {i.Description}: {i.Initials}, {when}. {baseUrl}{i.Link}");
            }
            text.AppendLine();
        }
        Section("Overdue:", overdue);
        Section($"Due within {o.DigestWithinDays} days:", soon);
        text.AppendLine($"All dates: {baseUrl}/schools/{urn}/statutory-deadlines");
        text.AppendLine("You receive this because you are a SENCO of this school in Senco.");
        message.Body = new TextPart("plain") { Text = text.ToString() };
        return message;
    }

    internal static async Task SendAsync(SmtpOptions o, MimeMessage message, CancellationToken ct)
    {
        using var smtp = new SmtpClient();
        smtp.Timeout = 30_000;
        await smtp.ConnectAsync(o.Host, o.Port, o.UseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
        if (!string.IsNullOrEmpty(o.UserName)) await smtp.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
        await smtp.SendAsync(message, ct);
        await smtp.DisconnectAsync(true, ct);
    }
}

/// Sends the digest once a day at Senco:Smtp:DigestHourUtc. Tests call <see cref="DeadlineDigest.SendAllAsync"/> directly.
public sealed class DeadlineDigestService(DeadlineDigest digest, IOptions<SmtpOptions> options, TimeProvider clock, ILogger<DeadlineDigestService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.Host))
        {
            log.LogInformation("Senco:Smtp:Host is not set: the daily statutory deadlines email is off");
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var next = new DateTimeOffset(now.UtcDateTime.Date.AddHours(Math.Clamp(options.Value.DigestHourUtc, 0, 23)), TimeSpan.Zero);
            if (next <= now) next = next.AddDays(1);
            try
            {
                await Task.Delay(next - now, clock, stoppingToken);
                var result = await digest.SendAllAsync(stoppingToken);
                log.LogInformation("Statutory deadlines digest: {Schools} school(s), {Emails} recipient(s)", result.SchoolsSent, result.Emails);
            }
            catch (OperationCanceledException) { return; }
            catch (Exception ex)
            {
                log.LogError(ex, "The statutory deadlines digest failed; it will be tried again tomorrow");
            }
        }
    }
}
