using System.Security.Cryptography;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Ehc;

/// <summary>
/// A personal iCalendar feed of the statutory EHC dates in the schools where the person may see EHC plans.
/// Calendar apps cannot sign in, so the URL itself is the secret: 32 random bytes, shown once, stored only as a
/// SHA-256 hash, and rotated (the old URL stops at once) from the person's account. Events name pupils by
/// initials and UPN ending only, because calendars sync to phones and are shared more than people expect.
/// </summary>
public sealed class CalendarFeed(SencoDbContext db, TenantScope scope, StatutoryClockQuery clockQuery, Senco.Web.Features.Account.AccountNotices notices)
{
    /// Dates up to a year ahead, and every overdue one.
    public const int HorizonDays = 366;

    public async Task<string> CreateOrRotateAsync(Guid userId, AuditActor actor, CancellationToken ct = default)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var row = await db.CalendarFeedTokens.FirstOrDefaultAsync(t => t.UserId == userId, ct);
        if (row is null) db.CalendarFeedTokens.Add(row = new CalendarFeedToken { UserId = userId });
        row.TokenHash = Hash(token);
        row.CreatedAt = DateTime.UtcNow;
        db.Audit(actor, "calendar.token", "Created a new calendar feed address (any earlier one stopped working)");
        // The address is a credential of its own (it reads EHC dates without signing in): the person is told (ASVS 2.2.3).
        if (await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct) is { } person)
            notices.Queue(person, "calendar.token", "a calendar feed address was created", "A new calendar feed address was created (any earlier one stopped working)");
        await db.SaveChangesAsync(ct);
        return token;
    }

    public async Task<bool> HasTokenAsync(Guid userId, CancellationToken ct = default) =>
        await db.CalendarFeedTokens.AnyAsync(t => t.UserId == userId, ct);

    public async Task RevokeAsync(Guid userId, AuditActor actor, CancellationToken ct = default)
    {
        var row = await db.CalendarFeedTokens.FirstOrDefaultAsync(t => t.UserId == userId, ct);
        if (row is null) return;
        db.CalendarFeedTokens.Remove(row);
        db.Audit(actor, "calendar.token.revoke", "Turned off the calendar feed");
        if (await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct) is { } person)
            notices.Queue(person, "calendar.token.revoke", "your calendar feed was turned off", "Your calendar feed address was turned off");
        await db.SaveChangesAsync(ct);
    }

    /// The feed for a token, or null when no one has it (answered as 404: a wrong token reveals nothing).
    public async Task<string?> RenderAsync(string token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return null;
        var hash = Hash(token);
        var row = await db.CalendarFeedTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (row is null) return null;
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == row.UserId, ct);
        if (user is null || user.LockoutEnd > DateTimeOffset.UtcNow) return null;

        var grants = await UserContext.LoadGrantsAsync(db, user.Id, ct);
        var schoolIds = grants.Where(g => g.Can(Permission.ViewEhc)).Select(g => g.SchoolId).ToList();
        // This request has no signed-in user: narrow the tenancy scope to what the token's owner may see.
        scope.Restrict(grants.Where(g => g.Can(Permission.ViewPupils)).Select(g => g.SchoolId));
        var items = await clockQuery.ForSchoolsAsync(schoolIds, HorizonDays, ct);

        var calendar = new Calendar { ProductId = "-//Senco//Statutory EHC deadlines//EN" };
        calendar.AddProperty("X-WR-CALNAME", "Senco: EHC deadlines");
        foreach (var i in items)
        {
            var school = grants.Count(g => g.Can(Permission.ViewEhc)) > 1 ? $" ({i.SchoolName})" : "";
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{i.Kind}-{i.ReviewId ?? i.PlanId ?? i.AssessmentId}-{i.DueOn:yyyyMMdd}@senco",
                Summary = $"{(i.Overdue ? "OVERDUE: " : "")}{i.Description} – {i.Initials}{school}",
                Description = $"{i.Description} due {Dates.Long(i.DueOn)}. {i.Source}. Open Senco: {i.Link}",
                DtStart = new CalDateTime(i.DueOn),
                DtEnd = new CalDateTime(i.DueOn.AddDays(1)),
            });
        }
        return new CalendarSerializer().SerializeToString(calendar);
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

public static class CalendarEndpoints
{
    /// GET /calendar/{token}.ics: anonymous by design (the token is the credential), never cached by proxies.
    public static void MapCalendarFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/calendar/{file}", async (string file, CalendarFeed feed, HttpContext http, CancellationToken ct) =>
        {
            // A calendar app wants a bare status, not the HTML "page not found".
            if (http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
            if (!file.EndsWith(".ics", StringComparison.OrdinalIgnoreCase)) return Results.NotFound();
            var ics = await feed.RenderAsync(file[..^4], ct);
            if (ics is null) return Results.NotFound();
            http.Response.Headers.CacheControl = "private, no-store";
            return Results.Text(ics, "text/calendar; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
    }
}
