using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Provision;

/// <summary>
/// Where provision data comes from for a user in a school. People who may see pupils read through the tenancy filter
/// as everywhere else; a governor (aggregates only, not in the pupil scope) reads the school's rows past the filter,
/// only after <see cref="Register.RegisterApi.Authorise"/> confirmed their role there, and every page and endpoint that
/// does so returns totals only, never a name.
/// </summary>
public sealed class SchoolData(SencoDbContext db, SchoolGrant school)
{
    public SchoolGrant School => school;
    public bool AggregatesOnly => !school.Can(Permission.ViewPupils);

    public IQueryable<T> Q<T>() where T : class, ISchoolScoped
    {
        var set = AggregatesOnly ? db.Set<T>().IgnoreQueryFilters() : db.Set<T>();
        var id = school.SchoolId;
        return set.AsNoTracking().Where(x => x.SchoolId == id);
    }
}

/// <summary>
/// Finds a group (or a member of staff) for a user: another school's is "not found", never "forbidden", so that its
/// existence cannot be probed; a role that may not act on it is "forbidden".
/// </summary>
public sealed class ProvisionAccess(SencoDbContext db, UserContext user)
{
    public UserContext User => user;

    public async Task<Outcome<InterventionGroup>> FindGroupAsync(Guid id, Permission permission, bool track = false, CancellationToken ct = default)
    {
        var query = db.InterventionGroups.IgnoreQueryFilters().Include(g => g.Provision).Include(g => g.StaffMember).Include(g => g.Slots).Where(g => g.Id == id);
        if (!track) query = query.AsNoTracking();
        var group = await query.FirstOrDefaultAsync(ct);
        if (group is null || !user.CanSee(group.SchoolId)) return Outcome<InterventionGroup>.NotFound();
        if (!user.Can(group.SchoolId, permission)) return Outcome<InterventionGroup>.Forbidden();
        return Outcome<InterventionGroup>.Ok(group);
    }

    /// <summary>
    /// A group whose register (and scores) this user may record: anyone who manages provision, or a teacher or TA
    /// whose staff record runs the group.
    /// </summary>
    public async Task<Outcome<InterventionGroup>> FindGroupToRecordAsync(Guid id, bool track = false, CancellationToken ct = default)
    {
        var found = await FindGroupAsync(id, Permission.RecordSessions, track, ct);
        if (!found.IsOk) return found;
        return CanRecord(found.Value!) ? found : Outcome<InterventionGroup>.Forbidden();
    }

    public bool CanManage(int schoolId) => user.Can(schoolId, Permission.ManageProvision);

    public bool CanRecord(InterventionGroup g) =>
        CanManage(g.SchoolId) || (user.Can(g.SchoolId, Permission.RecordSessions) && g.StaffMember?.UserId is { } u && u == user.UserId);

    public async Task<Outcome<StaffMember>> FindStaffAsync(Guid id, Permission permission, bool track = false, CancellationToken ct = default)
    {
        var query = db.StaffMembers.IgnoreQueryFilters().Include(s => s.LineManager).Where(s => s.Id == id);
        if (!track) query = query.AsNoTracking();
        var staff = await query.FirstOrDefaultAsync(ct);
        if (staff is null || !user.CanSee(staff.SchoolId)) return Outcome<StaffMember>.NotFound();
        // Anyone may see their own timetable; other people's need the permission asked for.
        var own = permission == Permission.ViewDeployment && staff.UserId == user.UserId && user.Can(staff.SchoolId, Permission.ViewProvision);
        if (!own && !user.Can(staff.SchoolId, permission)) return Outcome<StaffMember>.Forbidden();
        return Outcome<StaffMember>.Ok(staff);
    }
}

/// <summary>Money as the API and the pages show it: pounds, two decimals.</summary>
public static class Money
{
    /// <summary>Rounded to the penny and always carrying two decimal places, so JSON shows 242.50, not 242.5.</summary>
    public static decimal Pounds(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero) + 0.00m;

    public static decimal? Pounds(decimal? amount) => amount is { } a ? Pounds(a) : null;

    /// <summary>"£1,234.50"; negative amounts as "−£12.00".</summary>
    public static string Show(decimal amount) =>
        (amount < 0 ? "−£" : "£") + Math.Abs(amount).ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static string Show(decimal? amount, string none = "—") => amount is { } a ? Show(a) : none;

    /// <summary>"£1,235" for totals where pence are noise.</summary>
    public static string Whole(decimal amount) =>
        (amount < 0 ? "−£" : "£") + Math.Round(Math.Abs(amount), 0, MidpointRounding.AwayFromZero).ToString("#,##0", CultureInfo.InvariantCulture);
}

/// <summary>
/// Numbers typed into forms. Pages keep what was typed as text, so that "12.5O" comes back as typed with a message
/// naming the field rather than being lost to the model binder.
/// </summary>
public static class FormValues
{
    public static decimal? Money(string? s, string field, string label, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        var t = s.Trim().Replace("£", "").Replace(",", "").Trim();
        if (decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v)) return v;
        errors.Add(field, $"{label} must be an amount in pounds, for example 14.50");
        return null;
    }

    public static decimal? Number(string? s, string field, string label, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        if (decimal.TryParse(s.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v)) return v;
        errors.Add(field, $"{label} must be a number, for example 27.5");
        return null;
    }

    public static int? Int(string? s, string field, string label, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        if (int.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)) return v;
        errors.Add(field, $"{label} must be a whole number, for example 30");
        return null;
    }

    public static string Text(decimal? d) => d is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "";

    public static string Text(int? i) => i?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>
    /// Copies rule errors (camelCase API names such as "slots[0].end") onto form fields ("Input.Slots[0].End"), keeping
    /// any error a field already has (a date that could not be read), so every problem shows at once.
    /// </summary>
    public static void AddTo(ModelStateDictionary modelState, ValidationErrors errors, string prefix = "Input", IReadOnlyDictionary<string, string>? rename = null)
    {
        foreach (var (field, messages) in errors)
        {
            var key = rename is not null && rename.TryGetValue(field, out var r) ? r : FormKey(prefix, field);
            if (modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0) continue;
            foreach (var m in messages) modelState.AddModelError(key, m);
        }
    }

    public static string FormKey(string prefix, string field)
    {
        var parts = field.Split('.').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]);
        var name = string.Join('.', parts);
        return string.IsNullOrEmpty(prefix) ? name : $"{prefix}.{name}";
    }
}
