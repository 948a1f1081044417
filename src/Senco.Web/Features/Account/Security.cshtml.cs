using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Senco.Data;
using Senco.Web.Features.Admin;

namespace Senco.Web.Features.Account;

/// A person's own account: two-factor sign-in, password, and signing out of every device.
[Authorize]
public sealed class SecurityModel(UserManager<SencoUser> users, SignInManager<SencoUser> signIn, SencoDbContext db) : PageModel
{
    public SencoUser? Me { get; private set; }
    [TempData] public string? Notice { get; set; }

    [BindProperty, Display(Name = "Current password")] public string? CurrentPassword { get; set; }
    [BindProperty, Display(Name = "New password")] public string? NewPassword { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Me = await users.GetUserAsync(User);
        return Me is null ? RedirectToPage("/Account/SignIn") : Page();
    }

    /// Changes the security stamp: every other signed-in browser and every API token stops working at once.
    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return RedirectToPage("/Account/SignIn");
        await users.UpdateSecurityStampAsync(user);
        db.Audit(Actor(user), "auth.sign-out-everywhere", "Signed out of every device and revoked API tokens");
        await db.SaveChangesAsync();
        await signIn.SignOutAsync();
        TempData["Notice"] = "You have been signed out on every device. Sign in again to continue.";
        return RedirectToPage("/Account/SignIn");
    }

    public async Task<IActionResult> OnPostDisableTwoFactorAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return RedirectToPage("/Account/SignIn");
        Me = user;
        if (user.IsSystemAdmin)
        {
            ModelState.AddModelError(string.Empty, "System administrators must keep two-factor sign-in on.");
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        user = (await users.FindByIdAsync(user.Id.ToString()))!;
        db.Audit(Actor(user), "auth.2fa.disabled", "Turned off two-factor sign-in");
        await db.SaveChangesAsync();
        await signIn.RefreshSignInAsync(user);
        Notice = "Two-factor sign-in is off.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostChangePasswordAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return RedirectToPage("/Account/SignIn");
        Me = user;
        if (string.IsNullOrEmpty(CurrentPassword)) ModelState.AddModelError(nameof(CurrentPassword), "Enter your current password");
        if (string.IsNullOrEmpty(NewPassword)) ModelState.AddModelError(nameof(NewPassword), "Enter a new password");
        if (!ModelState.IsValid) return Page();
        var result = await users.ChangePasswordAsync(user, CurrentPassword!, NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code == "PasswordMismatch" ? nameof(CurrentPassword) : nameof(NewPassword),
                    e.Code == "PasswordMismatch" ? "Your current password is not right" : AdminCommands.PasswordMessage(e));
            return Page();
        }
        db.Audit(Actor(user), "auth.password.changed", "Changed own password");
        await db.SaveChangesAsync();
        await signIn.RefreshSignInAsync(user);
        Notice = "Your password has been changed.";
        return RedirectToPage();
    }

    private AuditActor Actor(SencoUser u) => new(u.Id, u.Email ?? "", HttpContext.Connection.RemoteIpAddress?.ToString());
}
