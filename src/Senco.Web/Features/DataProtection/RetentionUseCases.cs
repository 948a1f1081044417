using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Exchange;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.DataProtection;

public sealed record RetentionRow(Guid PupilId, string Name, string Upn, DateOnly DateOfBirth, DateOnly? LeftOn, DateOnly KeepUntil, bool Past);

public sealed record RetentionReport(RetentionSettings Settings, IReadOnlyList<RetentionRow> OffRoll)
{
    public IReadOnlyList<RetentionRow> Past => OffRoll.Where(r => r.Past).ToList();
}

/// What deleting one pupil's records removes: how many records of each kind.
public sealed record DeletionPlan(RetentionRow Pupil, IReadOnlyList<(string Kind, int Count)> Counts);

/// Retention periods, the report of records past them, and deletion. Deletion finds every table holding a PupilId from
/// the EF model itself, so a table added later is deleted too without anyone remembering to add it here.
public sealed class RetentionCommands(SencoDbContext db, UserContext user, TimeProvider clock, UserManager<SencoUser> users, SignInManager<SencoUser> signIn)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private (SchoolGrant? School, OutcomeKind? Denied) Authorise(string urn)
    {
        var school = user.School(urn);
        if (school is null) return (null, OutcomeKind.NotFound);
        return school.Can(Permission.ManageRetention) ? (school, null) : (null, OutcomeKind.Forbidden);
    }

    public static async Task<RetentionSettings> SettingsAsync(SencoDbContext db, int schoolId, CancellationToken ct) =>
        await db.RetentionSettings.AsNoTracking().FirstOrDefaultAsync(s => s.SchoolId == schoolId, ct)
        ?? new RetentionSettings { SchoolId = schoolId, Years = RetentionRules.DefaultYears, Basis = RetentionRules.DefaultBasis };

    public async Task<Outcome<RetentionReport>> ReportAsync(string urn, CancellationToken ct)
    {
        var (school, denied) = Authorise(urn);
        if (denied is { } d) return new Outcome<RetentionReport>(d);
        return Outcome<RetentionReport>.Ok(await BuildReportAsync(school!.SchoolId, ct));
    }

    private async Task<RetentionReport> BuildReportAsync(int schoolId, CancellationToken ct)
    {
        var settings = await SettingsAsync(db, schoolId, ct);
        var offRoll = await db.Pupils.AsNoTracking().Where(p => p.SchoolId == schoolId && !p.OnRoll)
            .Select(p => new
            {
                p.Id, p.Forename, p.Surname, p.Upn, p.DateOfBirth,
                LeftOn = db.PupilEvents.Where(e => e.PupilId == p.Id && e.Kind == PupilEventKind.LeftRoll).Max(e => (DateOnly?)e.OccurredOn),
            }).ToListAsync(ct);
        var rows = offRoll.Select(p =>
        {
            var keep = RetentionRules.KeepUntil(p.DateOfBirth, p.LeftOn, settings.Basis, settings.Years);
            return new RetentionRow(p.Id, $"{p.Forename} {p.Surname}", p.Upn, p.DateOfBirth, p.LeftOn, keep, RetentionRules.IsPastRetention(false, keep, Today));
        }).OrderByDescending(r => r.Past).ThenBy(r => r.KeepUntil).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList();
        return new RetentionReport(settings, rows);
    }

    public async Task<Outcome<RetentionSettings>> SaveSettingsAsync(string urn, int? years, string? basis, CancellationToken ct)
    {
        var (school, denied) = Authorise(urn);
        if (denied is { } d) return new Outcome<RetentionSettings>(d);
        var errors = RetentionRules.Validate(years, basis);
        if (!errors.IsValid) return Outcome<RetentionSettings>.Invalid(errors);
        var settings = await db.RetentionSettings.FirstOrDefaultAsync(s => s.SchoolId == school!.SchoolId, ct);
        if (settings is null)
        {
            settings = new RetentionSettings { SchoolId = school!.SchoolId };
            db.RetentionSettings.Add(settings);
        }
        var before = RetentionRules.Describe(settings.Basis, settings.Years);
        settings.Years = years!.Value;
        settings.Basis = Enum.Parse<RetentionBasis>(basis!, true);
        settings.UpdatedAt = DateTime.UtcNow;
        settings.UpdatedBy = user.Name;
        db.Audit(user.Actor, "retention.settings", $"Retention period changed from {before} to {RetentionRules.Describe(settings.Basis, settings.Years)}", school!.SchoolId);
        await db.SaveChangesAsync(ct);
        return Outcome<RetentionSettings>.Ok(settings);
    }

    /// What deleting the chosen pupils would remove. Only pupils past retention can be chosen.
    public async Task<Outcome<IReadOnlyList<DeletionPlan>>> PlanAsync(string urn, IReadOnlyCollection<Guid> pupilIds, CancellationToken ct)
    {
        var (school, denied) = Authorise(urn);
        if (denied is { } d) return new Outcome<IReadOnlyList<DeletionPlan>>(d);
        var report = await BuildReportAsync(school!.SchoolId, ct);
        var errors = new ValidationErrors();
        var chosen = report.OffRoll.Where(r => pupilIds.Contains(r.PupilId)).ToList();
        if (pupilIds.Count == 0) errors.Add("pupils", "Choose the pupils whose records you want to delete");
        else if (chosen.Count != pupilIds.Count) errors.Add("pupils", "Some of the pupils chosen are on roll or are not in this school");
        else if (chosen.FirstOrDefault(r => !r.Past) is { } early)
            errors.Add("pupils", $"{early.Name}'s records are kept until {Dates.Long(early.KeepUntil)}: they cannot be deleted before then");
        if (!errors.IsValid) return Outcome<IReadOnlyList<DeletionPlan>>.Invalid(errors);
        var plans = new List<DeletionPlan>();
        foreach (var row in chosen)
        {
            var counts = new List<(string, int)> { ("Pupil record", 1) };
            foreach (var t in PupilTables(db))
            {
                var n = await CountAsync(t, row.PupilId, ct);
                if (n > 0) counts.Add((KindName(t.ClrType), n));
            }
            plans.Add(new DeletionPlan(row, counts));
        }
        return Outcome<IReadOnlyList<DeletionPlan>>.Ok(plans);
    }

    /// Deletes every record of the chosen pupils in one transaction, after the SENCO confirms their password. Records
    /// that can exist without the pupil (a staff member's one-to-one timetable slot) lose the link instead; the audit
    /// trail's entries about the pupil lose their text and pupil (redacted, keeping the hash chain whole), and one new
    /// entry records what was removed, by whom, by UPN only.
    public async Task<Outcome<IReadOnlyList<DeletionPlan>>> DeleteAsync(string urn, IReadOnlyCollection<Guid> pupilIds, string? password, CancellationToken ct)
    {
        var planned = await PlanAsync(urn, pupilIds, ct);
        if (!planned.IsOk) return planned;
        var school = user.School(urn)!;
        var account = await users.FindByIdAsync(user.UserId.ToString());
        var check = account is null || string.IsNullOrEmpty(password) ? SignInResult.Failed : await signIn.CheckPasswordSignInAsync(account, password, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            var errors = new ValidationErrors();
            errors.Add("password", check.IsLockedOut ? "Too many wrong passwords: your account is locked for a while" : "Enter your password correctly to confirm the deletion");
            return Outcome<IReadOnlyList<DeletionPlan>>.Invalid(errors);
        }
        var settings = await SettingsAsync(db, school.SchoolId, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var plan in planned.Value!)
        {
            var id = plan.Pupil.PupilId;
            foreach (var t in PupilTables(db))
            {
                var nullable = t.FindProperty("PupilId")!.IsNullable && t.ClrType != typeof(AuditEntry);
                var rows = await LoadAsync(t, id, ct);
                foreach (var row in rows)
                {
                    // The audit trail is a hash chain: an entry about the pupil loses its text and its link to the pupil
                    // but keeps its place, so the chain still proves nothing else was removed.
                    if (row is AuditEntry entry) Senco.Web.Features.Shared.Audit.AuditChainService.Redact(entry, DateTime.UtcNow);
                    else if (nullable) db.Entry(row).Property("PupilId").CurrentValue = null;
                    else db.Remove(row);
                }
            }
            var pupil = await db.Pupils.FirstAsync(p => p.Id == id, ct);
            db.Pupils.Remove(pupil);
            db.Audit(user.Actor, "retention.delete",
                $"Deleted the records of UPN {plan.Pupil.Upn} (off roll{(plan.Pupil.LeftOn is { } l ? $" since {Dates.Long(l)}" : "")}; kept until {Dates.Long(plan.Pupil.KeepUntil)} under the retention period of {RetentionRules.Describe(settings.Basis, settings.Years)}): " +
                string.Join(", ", plan.Counts.Select(c => $"{c.Count} × {c.Kind}")), school.SchoolId);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return planned;
    }

    /// Every stored entity type with a PupilId, other than the pupil itself.
    public static IReadOnlyList<Microsoft.EntityFrameworkCore.Metadata.IEntityType> PupilTables(SencoDbContext db) =>
        db.Model.GetEntityTypes().Where(t => t.ClrType != typeof(Pupil) && !t.IsOwned() && t.FindProperty("PupilId") is { } p && (p.ClrType == typeof(Guid) || p.ClrType == typeof(Guid?)))
            .OrderBy(t => t.ClrType.Name, StringComparer.Ordinal).ToList();

    public static string KindName(Type t) => RecordCsv.Words(t.Name).ToLowerInvariant().Replace("upn", "UPN").Replace("ehc", "EHC").Replace("sen ", "SEN ");

    private Task<int> CountAsync(Microsoft.EntityFrameworkCore.Metadata.IEntityType t, Guid pupilId, CancellationToken ct) =>
        (Task<int>)typeof(RetentionCommands).GetMethod(nameof(CountFor), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(t.ClrType).Invoke(null, [db, pupilId, ct])!;

    private async Task<IReadOnlyList<object>> LoadAsync(Microsoft.EntityFrameworkCore.Metadata.IEntityType t, Guid pupilId, CancellationToken ct) =>
        await (Task<IReadOnlyList<object>>)typeof(RetentionCommands).GetMethod(nameof(LoadFor), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(t.ClrType).Invoke(null, [db, pupilId, ct])!;

    private static Expression<Func<T, bool>> ForPupil<T>(Guid pupilId)
    {
        var e = Expression.Parameter(typeof(T), "e");
        var prop = Expression.Property(e, "PupilId");
        return Expression.Lambda<Func<T, bool>>(Expression.Equal(prop, Expression.Constant(pupilId, prop.Type)), e);
    }

    private static Task<int> CountFor<T>(SencoDbContext db, Guid pupilId, CancellationToken ct) where T : class =>
        db.Set<T>().IgnoreQueryFilters().CountAsync(ForPupil<T>(pupilId), ct);

    private static async Task<IReadOnlyList<object>> LoadFor<T>(SencoDbContext db, Guid pupilId, CancellationToken ct) where T : class =>
        (await db.Set<T>().IgnoreQueryFilters().Where(ForPupil<T>(pupilId)).ToListAsync(ct)).Cast<object>().ToList();
}

public static class DataProtectionServices
{
    public static void Add(IServiceCollection services)
    {
        services.AddScoped<SubjectAccessCommands>();
        services.AddScoped<RetentionCommands>();
    }
}
