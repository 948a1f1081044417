using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Senco.Data;

namespace Senco.Web.Features.Account;

public sealed class SignInModel(SignInManager<SencoUser> signIn, UserManager<SencoUser> users, SencoDbContext db, UnknownAccountLockout unknown, DecoyPasswordHash decoy, SsoOptions sso, TimeProvider clock) : PageModel
{
    public sealed class InputModel
    {
        [Display(Name = "Email address")]
        public string? Email { get; set; }

        [Display(Name = "Password")]
        public string? Password { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [TempData] public string? Notice { get; set; }

    [BindProperty(SupportsGet = true, Name = "sso")] public string? SsoResult { get; set; }
    [BindProperty(SupportsGet = true)] public bool Expired { get; set; }
    public IReadOnlyList<SsoProviderOptions> Providers => sso.Providers;

    public void OnGet()
    {
        if (Expired) ModelState.AddModelError("Input.Password", TemporaryPasswords.ExpiredMessage);
        if (SsoResult == "failed")
            ModelState.AddModelError(string.Empty, "Signing in with your school account did not finish. Try again, or sign in with your Senco password.");
    }

    /// "Sign in with Microsoft / Google": off to the identity provider, back to /account/sso-complete.
    public IActionResult OnPostSso(string provider)
    {
        var p = sso.Providers.FirstOrDefault(x => x.Name == provider);
        if (p is null) return NotFound();
        var back = Url.Page("/Account/SsoComplete", new { provider = p.Name, returnUrl = SafeReturn() })!;
        return Challenge(new Microsoft.AspNetCore.Authentication.AuthenticationProperties { RedirectUri = back }, p.Scheme);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.Email)) ModelState.AddModelError("Input.Email", "Enter your email address");
        if (string.IsNullOrEmpty(Input.Password)) ModelState.AddModelError("Input.Password", "Enter your password");
        if (!ModelState.IsValid) return Page();

        var user = await users.FindByEmailAsync(Input.Email!.Trim());
        var actor = new AuditActor(user?.Id, Input.Email.Trim(), HttpContext.Connection.RemoteIpAddress?.ToString());
        if (user is null)
        {
            // The same effort and the same lockout as for a real account: nothing reveals whether the email exists.
            decoy.Verify(Input.Password!);
            if (!unknown.RecordFailure(Input.Email)) return Failed(actor);
        }
        if (user is not null && TemporaryPasswords.HasExpired(user.TemporaryPasswordExpiresAt, clock) && !await users.IsLockedOutAsync(user)
            && await users.CheckPasswordAsync(user, Input.Password!))
        {
            // The right temporary password, too late: say so (only someone who knows it learns this), and sign nobody in.
            db.Audit(actor, "auth.failed", "Sign-in refused: the temporary password has expired");
            await db.SaveChangesAsync();
            ModelState.AddModelError("Input.Password", TemporaryPasswords.ExpiredMessage);
            Input.Password = null;
            return Page();
        }
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.LockedOut
            : await signIn.PasswordSignInAsync(user, Input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            db.Audit(actor, "auth.locked", "Sign-in refused: account locked after repeated failures");
            await db.SaveChangesAsync();
            ModelState.AddModelError("Input.Email", "There have been too many attempts to sign in to this account. Wait 15 minutes, then try again, or ask your system administrator to unlock it.");
            return Page();
        }
        if (user is null) return Failed(actor);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/TwoFactor", new { returnUrl = SafeReturn() });
        }
        if (!result.Succeeded) return Failed(actor);

        db.Audit(actor, "auth.sign-in", "Signed in with password");
        await db.SaveChangesAsync();
        if (user.TemporaryPasswordExpiresAt is not null)
        {
            return RedirectToPage("/Account/ChoosePassword", new { returnUrl = SafeReturn() == "/" ? null : SafeReturn() });
        }
        if (user.IsSystemAdmin && !user.TwoFactorEnabled)
        {
            return RedirectToPage("/Account/Authenticator", new { required = true });
        }
        return LocalRedirect(SafeReturn());
    }

    private IActionResult Failed(AuditActor actor)
    {
        db.Audit(actor, "auth.failed", "Sign-in failed: wrong email address or password");
        db.SaveChanges();
        // The same message whether or not the email exists, so accounts cannot be discovered.
        ModelState.AddModelError("Input.Email", "The email address or password is not right");
        Input.Password = null;
        return Page();
    }

    private string SafeReturn() => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}
