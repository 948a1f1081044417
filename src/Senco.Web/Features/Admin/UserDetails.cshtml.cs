using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Admin;

/// One person: their roles in schools, and the account actions an administrator may take.
[Senco.Web.Features.Account.RequireRecentSignIn]
public sealed class UserDetailsModel(UserContext user, SencoDbContext db, UserManager<SencoUser> users, GrantCache grants, AdminCommands admin,
    Senco.Web.Features.Account.AccountNotices notices) : AdminPageModel(user)
{
    public SencoUser Person { get; private set; } = null!;
    public IReadOnlyList<SchoolMembership> Memberships { get; private set; } = [];
    public IReadOnlyList<SelectListItem> SchoolItems { get; private set; } = [];
    [BindProperty, Display(Name = "School")] public string? SchoolUrn { get; set; }
    [BindProperty, Display(Name = "Role")] public string? Role { get; set; }
    [TempData] public string? Notice { get; set; }
    public bool Locked => Person.LockoutEnd is { } end && end > DateTimeOffset.UtcNow;
    /// Shown once, on the response to the reset only: never stored where it could be read back.
    public AdminCommands.PasswordReset? Reset { get; private set; }
    public bool IsMe => Person.Id == CurrentUser.UserId;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddRoleAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var school = SchoolUrn is null ? null : await db.Schools.FirstOrDefaultAsync(s => s.Urn == SchoolUrn, ct);
        if (school is null) ModelState.AddModelError(nameof(SchoolUrn), "Select a school");
        if (Role is null || !Enum.GetNames<SchoolRole>().Contains(Role) || !Enum.TryParse<SchoolRole>(Role, out var role)) { ModelState.AddModelError(nameof(Role), "Select a role"); role = default; }
        else if (school is not null && role == SchoolRole.TrustLead && school.TrustId is null)
            ModelState.AddModelError(nameof(Role), $"{school.Name} is not part of a trust, so no one can be its trust SEND lead");
        else if (school is not null && Memberships.Any(m => m.SchoolId == school.Id && m.Role == role))
            ModelState.AddModelError(nameof(Role), $"{Person.DisplayName} already has this role at {school.Name}");
        if (!ModelState.IsValid) return Page();
        db.Memberships.Add(new SchoolMembership { UserId = id, SchoolId = school!.Id, Role = role });
        db.Audit(CurrentUser.Actor, "user.role.add", $"Gave {Person.Email} the role {role} at {school.Urn}", school.Id);
        await db.SaveChangesAsync(ct);
        grants.Evict(id);
        Notice = $"{Person.DisplayName} is now {RolePermissions.Describe(role)} at {school.Name}.";
        return Redirect($"/admin/users/{id}");
    }

    public async Task<IActionResult> OnPostRemoveRoleAsync(Guid id, int membershipId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var m = Memberships.FirstOrDefault(x => x.Id == membershipId);
        if (m is null) return NotFound();
        db.Memberships.Remove(await db.Memberships.FirstAsync(x => x.Id == membershipId, ct));
        db.Audit(CurrentUser.Actor, "user.role.remove", $"Removed the role {m.Role} at {m.School!.Urn} from {Person.Email}", m.SchoolId);
        await db.SaveChangesAsync(ct);
        grants.Evict(id);
        Notice = $"{Person.DisplayName} is no longer {RolePermissions.Describe(m.Role)} at {m.School.Name}.";
        return Redirect($"/admin/users/{id}");
    }

    public async Task<IActionResult> OnPostUnlockAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var tracked = await users.FindByIdAsync(id.ToString());
        await users.SetLockoutEndDateAsync(tracked!, null);
        await users.ResetAccessFailedCountAsync(tracked!);
        db.Audit(CurrentUser.Actor, "user.unlock", $"Unlocked {Person.Email}");
        await db.SaveChangesAsync(ct);
        Notice = $"{Person.DisplayName} can sign in again.";
        return Redirect($"/admin/users/{id}");
    }

    /// For a lost phone: turns two-factor off and signs the person out everywhere. They set it up again at next sign-in.
    public async Task<IActionResult> OnPostResetTwoFactorAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var tracked = await users.FindByIdAsync(id.ToString());
        await users.SetTwoFactorEnabledAsync(tracked!, false);
        await users.ResetAuthenticatorKeyAsync(tracked!);
        await users.UpdateSecurityStampAsync(tracked!);
        await Senco.Web.Features.Account.UserSessions.EndOthersAsync(db, id, keep: null, ct);
        db.Audit(CurrentUser.Actor, "user.2fa.reset", $"Reset two-factor sign-in for {Person.Email}");
        notices.Queue(tracked!, "user.2fa.reset", "your two-factor sign-in was reset", "Two-factor sign-in was turned off by an administrator",
            byWhom: $"{CurrentUser.Name}, a Senco administrator");
        await db.SaveChangesAsync(ct);
        Notice = $"Two-factor sign-in has been reset for {Person.DisplayName}, and they have been signed out everywhere.";
        return Redirect($"/admin/users/{id}");
    }

    /// A forgotten password: a temporary one, shown here once, to hand over; the person chooses their own at next sign-in.
    public async Task<IActionResult> OnPostResetPasswordAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var outcome = await admin.ResetPasswordAsync(id, ct);
        if (outcome.Kind == Senco.Web.Features.Shared.OutcomeKind.Invalid)
        {
            ModelState.AddModelError(string.Empty, "You cannot reset your own password here. Change it from Your account.");
            return Page();
        }
        if (outcome.Kind != Senco.Web.Features.Shared.OutcomeKind.Ok) return NotFound();
        Reset = outcome.Value;
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var person = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (person is null) return false;
        Person = person;
        Memberships = await db.Memberships.AsNoTracking().Include(m => m.School).Where(m => m.UserId == id).OrderBy(m => m.School!.Name).ToListAsync(ct);
        SchoolItems = new[] { new SelectListItem("Select school", "") }
            .Concat(await db.Schools.AsNoTracking().OrderBy(s => s.Name).Select(s => new SelectListItem(s.Name + " (" + s.Urn + ")", s.Urn)).ToListAsync(ct)).ToList();
        return true;
    }
}
