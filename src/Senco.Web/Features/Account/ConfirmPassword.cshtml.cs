using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Senco.Data;

namespace Senco.Web.Features.Account;

/// "Confirm it's you" before a sensitive action: the password again (and lockout counts failures as at sign-in).
[Authorize]
public sealed class ConfirmPasswordModel(UserManager<SencoUser> users, SignInManager<SencoUser> signIn, SencoDbContext db, SsoOptions sso) : PageModel
{
    /// Identity providers this person has signed in with: they may confirm with one of those instead of a password.
    public IReadOnlyList<SsoProviderOptions> Providers { get; private set; } = [];

    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context,
        Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        if (await users.GetUserAsync(User) is { } me)
        {
            var logins = (await users.GetLoginsAsync(me)).Select(l => l.LoginProvider).ToHashSet();
            Providers = sso.Providers.Where(p => logins.Contains(p.Scheme)).ToList();
        }
        await next();
    }

    /// Confirm with the identity provider, which is asked to make the person sign in again (prompt=login).
    public IActionResult OnPostSso(string provider)
    {
        var p = Providers.FirstOrDefault(x => x.Name == provider);
        if (p is null) return NotFound();
        var back = Url.Page("/Account/SsoComplete", new { provider = p.Name, confirm = true, returnUrl = !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/" })!;
        return Challenge(new Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectChallengeProperties { RedirectUri = back, Prompt = "login" }, p.Scheme);
    }
    [BindProperty, Display(Name = "Password")] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return RedirectToPage("/Account/SignIn");
        var actor = new AuditActor(user.Id, user.Email ?? "", HttpContext.Connection.RemoteIpAddress?.ToString());
        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter your password");
            return Page();
        }
        var check = await signIn.CheckPasswordSignInAsync(user, Password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            db.Audit(actor, "auth.locked", "Password confirmation refused: account locked after repeated failures");
            await db.SaveChangesAsync();
            await signIn.SignOutAsync();
            TempData["Notice"] = "There have been too many wrong passwords. Wait 15 minutes, then sign in again.";
            return RedirectToPage("/Account/SignIn");
        }
        if (!check.Succeeded)
        {
            db.Audit(actor, "auth.confirm.failed", "Password confirmation failed");
            await db.SaveChangesAsync();
            ModelState.AddModelError(nameof(Password), "The password is not right");
            Password = null;
            return Page();
        }
        await SessionRules.MarkConfirmedAsync(HttpContext);
        db.Audit(actor, "auth.confirmed", "Confirmed their password for a sensitive action");
        await db.SaveChangesAsync();
        return LocalRedirect(!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
