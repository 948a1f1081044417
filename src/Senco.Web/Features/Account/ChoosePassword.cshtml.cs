using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Senco.Data;

namespace Senco.Web.Features.Account;

/// After signing in with a password an administrator gave them, a person chooses their own before anything else
/// (ASVS 2.3.1). <see cref="PasswordChoiceRequiredMiddleware"/> sends every other page here until they have.
[Authorize]
public sealed class ChoosePasswordModel(UserManager<SencoUser> users, SignInManager<SencoUser> signIn, SencoDbContext db, PasswordChanges changes, AccountNotices notices, TimeProvider clock) : PageModel
{
    [BindProperty, Display(Name = "New password")] public string? NewPassword { get; set; }
    [BindProperty, Display(Name = "Type your new password again")] public string? ConfirmPassword { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string ExpiresAtText { get; private set; } = "";
    public bool Saved { get; private set; }
    public bool Emailed => notices.Enabled;
    public string ContinueTo => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    public async Task<IActionResult> OnGetAsync()
    {
        var (user, redirect) = await LoadAsync();
        return redirect ?? Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (user, redirect) = await LoadAsync();
        if (redirect is not null) return redirect;
        if (string.IsNullOrEmpty(NewPassword)) ModelState.AddModelError(nameof(NewPassword), "Enter a new password");
        else if (string.IsNullOrEmpty(ConfirmPassword)) ModelState.AddModelError(nameof(ConfirmPassword), "Type your new password again");
        else if (NewPassword != ConfirmPassword) ModelState.AddModelError(nameof(ConfirmPassword), "The two passwords are not the same");
        if (!ModelState.IsValid) return Page();
        var actor = new AuditActor(user!.Id, user.Email ?? "", HttpContext.Connection.RemoteIpAddress?.ToString());
        var problems = await changes.SetOwnAsync(user, null, NewPassword, actor, UserSessions.Current(HttpContext), newField: nameof(NewPassword));
        if (problems.Count > 0)
        {
            foreach (var p in problems) ModelState.AddModelError(p.Field, p.Message);
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        Saved = true;
        return Page();
    }

    private async Task<(SencoUser? User, IActionResult? Redirect)> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return (null, RedirectToPage("/Account/SignIn"));
        if (user.TemporaryPasswordExpiresAt is null) return (null, LocalRedirect("/account/security"));
        if (TemporaryPasswords.HasExpired(user.TemporaryPasswordExpiresAt, clock))
        {
            await UserSessions.EndCurrentAsync(HttpContext, db);
            await signIn.SignOutAsync();
            return (null, RedirectToPage("/Account/SignIn", new { expired = true }));
        }
        ExpiresAtText = AccountNotices.UkTime(user.TemporaryPasswordExpiresAt.Value);
        return (user, null);
    }
}
