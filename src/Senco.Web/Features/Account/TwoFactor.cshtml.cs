using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Senco.Data;

namespace Senco.Web.Features.Account;

public sealed class TwoFactorModel(SignInManager<SencoUser> signIn, SencoDbContext db) : PageModel
{
    [BindProperty, Display(Name = "Code from your authenticator app")] public string? Code { get; set; }
    [BindProperty, Display(Name = "Recovery code")] public string? RecoveryCode { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public bool UseRecovery { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToPage("/Account/SignIn");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("/Account/SignIn");
        var actor = new AuditActor(user.Id, user.Email ?? "", HttpContext.Connection.RemoteIpAddress?.ToString());
        Microsoft.AspNetCore.Identity.SignInResult result;
        if (UseRecovery)
        {
            var code = RecoveryCode?.Replace(" ", "").Replace("-", "");
            if (string.IsNullOrEmpty(code)) { ModelState.AddModelError(nameof(RecoveryCode), "Enter one of your recovery codes"); return Page(); }
            result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        }
        else
        {
            var code = Code?.Replace(" ", "").Replace("-", "");
            if (string.IsNullOrEmpty(code)) { ModelState.AddModelError(nameof(Code), "Enter the 6-digit code from your authenticator app"); return Page(); }
            if (code.Length != 6 || !code.All(char.IsAsciiDigit)) { ModelState.AddModelError(nameof(Code), "The code must be 6 digits"); return Page(); }
            result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        }
        if (result.IsLockedOut)
        {
            ModelState.AddModelError(UseRecovery ? nameof(RecoveryCode) : nameof(Code), "There have been too many attempts. Wait 15 minutes, then try again.");
            return Page();
        }
        if (!result.Succeeded)
        {
            db.Audit(actor, "auth.failed", "Two-factor code was not right");
            await db.SaveChangesAsync();
            ModelState.AddModelError(UseRecovery ? nameof(RecoveryCode) : nameof(Code), UseRecovery ? "That recovery code is not right or has been used" : "The code is not right. Check your app and enter the code it shows now");
            return Page();
        }
        db.Audit(actor, "auth.sign-in", UseRecovery ? "Signed in with a recovery code" : "Signed in with password and two-factor code");
        await db.SaveChangesAsync();
        return LocalRedirect(!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
