using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Security;
using Senco.Data;

namespace Senco.Web.Features.Account;

/// A person's own account: two-factor sign-in, password, where they are signed in, and signing out of every device.
[Authorize]
public sealed class SecurityModel(UserManager<SencoUser> users, SignInManager<SencoUser> signIn, SencoDbContext db, PasswordChanges changes,
    AccountNotices notices, TimeProvider clock) : PageModel
{
    public SencoUser? Me { get; private set; }
    [TempData] public string? Notice { get; set; }

    [BindProperty, Display(Name = "Current password")] public string? CurrentPassword { get; set; }
    [BindProperty, Display(Name = "New password")] public string? NewPassword { get; set; }

    /// One signed-in browser, as a person reads it.
    public sealed record SessionRow(string Id, string Device, string? IpAddress, string Method, DateTime SignedInAt, DateTime LastSeenAt, bool IsThis, bool IsToken = false);

    public IReadOnlyList<SessionRow> Sessions { get; private set; } = [];
    public DateTime Now { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Me = await users.GetUserAsync(User);
        if (Me is null) return RedirectToPage("/Account/SignIn");
        await LoadSessionsAsync(Me);
        return Page();
    }

    /// Changes the security stamp: every other signed-in browser and every API token stops working at once.
    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return RedirectToPage("/Account/SignIn");
        await users.UpdateSecurityStampAsync(user);
        await UserSessions.EndOthersAsync(db, user.Id, keep: null);
        db.Audit(Actor(user), "auth.sign-out-everywhere", "Signed out of every device and revoked API tokens");
        await db.SaveChangesAsync();
        await signIn.SignOutAsync();
        TempData["Notice"] = "You have been signed out on every device. Sign in again to continue.";
        return RedirectToPage("/Account/SignIn");
    }

    /// Signs out one other browser (ASVS 3.3.4). Only the person's own sessions can be named; this one cannot.
    public async Task<IActionResult> OnPostEndSessionAsync(string? session)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return RedirectToPage("/Account/SignIn");
        var current = UserSessions.Current(HttpContext);
        var row = session is null || session == current ? null
            : await db.UserSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == session && s.UserId == user.Id);
        if (row is null)
        {
            Notice = "That session had already ended.";
            return RedirectToPage(null, null, "sessions");
        }
        await db.UserSessions.Where(s => s.Id == row.Id && s.UserId == user.Id).ExecuteDeleteAsync();
        var token = UserSessions.IsToken(row.Method);
        var device = token ? $"the API token of {UserAgents.DescribeProgram(row.UserAgent)}" : UserAgents.Describe(row.UserAgent);
        db.Audit(Actor(user), "auth.session.ended", $"Signed out another session: {device}, signed in {AccountNotices.UkTime(row.SignedInAt)}{(row.IpAddress is null ? "" : $" from {row.IpAddress}")}");
        await db.SaveChangesAsync();
        Notice = token ? $"You have stopped {device}: it no longer works." : $"You have signed out {device}.";
        return RedirectToPage(null, null, "sessions");
    }

    /// Signs out every browser but this one. API tokens are left alone: "Sign out on every device" stops those too.
    public async Task<IActionResult> OnPostEndOtherSessionsAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return RedirectToPage("/Account/SignIn");
        var current = UserSessions.Current(HttpContext);
        if (current is null) return RedirectToPage("/Account/SignIn");
        var ended = await UserSessions.EndOthersAsync(db, user.Id, current);
        db.Audit(Actor(user), "auth.session.ended", $"Signed out {ended} other session(s)");
        await db.SaveChangesAsync();
        Notice = ended == 0 ? "You were not signed in anywhere else." : $"You have signed out {ended} other session{(ended == 1 ? "" : "s")}.";
        return RedirectToPage(null, null, "sessions");
    }

    public async Task<IActionResult> OnPostDisableTwoFactorAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return RedirectToPage("/Account/SignIn");
        Me = user;
        if (user.IsSystemAdmin)
        {
            await LoadSessionsAsync(user);
            ModelState.AddModelError(string.Empty, "System administrators must keep two-factor sign-in on.");
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        user = (await users.FindByIdAsync(user.Id.ToString()))!;
        db.Audit(Actor(user), "auth.2fa.disabled", "Turned off two-factor sign-in");
        notices.Queue(user, "auth.2fa.disabled", "two-factor sign-in was turned off", "Two-factor sign-in was turned off");
        await db.SaveChangesAsync();
        await signIn.RefreshSignInAsync(user);
        Notice = "Two-factor sign-in is off.";
        return RedirectToPage();
    }

    /// Needs the current password; then every other browser and API token is signed out (ASVS 3.3.3) and the person
    /// is emailed (ASVS 2.2.3).
    public async Task<IActionResult> OnPostChangePasswordAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return RedirectToPage("/Account/SignIn");
        Me = user;
        if (string.IsNullOrEmpty(CurrentPassword)) ModelState.AddModelError(nameof(CurrentPassword), "Enter your current password");
        if (string.IsNullOrEmpty(NewPassword)) ModelState.AddModelError(nameof(NewPassword), "Enter a new password");
        if (ModelState.IsValid)
        {
            var problems = await changes.SetOwnAsync(user, CurrentPassword, NewPassword, Actor(user), UserSessions.Current(HttpContext),
                newField: nameof(NewPassword), currentField: nameof(CurrentPassword));
            foreach (var p in problems) ModelState.AddModelError(p.Field, p.Message);
        }
        if (!ModelState.IsValid)
        {
            await LoadSessionsAsync(user);
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        Notice = "Your password has been changed. You have been signed out everywhere else.";
        return RedirectToPage();
    }

    private async Task LoadSessionsAsync(SencoUser user)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        var current = UserSessions.Current(HttpContext);
        Sessions = (await UserSessions.ActiveAsync(HttpContext, db, user.Id))
            .Select(s => UserSessions.IsToken(s.Method)
                ? new SessionRow(s.Id, UserAgents.DescribeProgram(s.UserAgent), s.IpAddress,
                    $"{s.Method}, until {AccountNotices.UkTime(s.SignedInAt + UserSessions.TokenLifetime)}", s.SignedInAt, s.LastSeenAt, false, IsToken: true)
                : new SessionRow(s.Id, UserAgents.Describe(s.UserAgent), s.IpAddress, s.Method, s.SignedInAt, s.LastSeenAt, s.Id == current))
            .ToList();
    }

    private AuditActor Actor(SencoUser u) => new(u.Id, u.Email ?? "", HttpContext.Connection.RemoteIpAddress?.ToString());
}
