using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Senco.Data;

namespace Senco.Web.Features.Account;

/// The return from the identity provider: match the verified email to a Senco account and sign in, with Senco's own
/// lockout and two-factor; or, when the person is already signed in, record that they confirmed it is them.
public sealed class SsoCompleteModel(SignInManager<SencoUser> signIn, UserManager<SencoUser> users, SencoDbContext db, SsoOptions sso, AccountNotices notices) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Provider { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public bool Confirm { get; set; }
    public string? Problem { get; private set; }
    public string ProviderName { get; private set; } = "your school account";

    public async Task<IActionResult> OnGetAsync()
    {
        var p = sso.Providers.FirstOrDefault(x => x.Name == Provider);
        if (p is null) return NotFound();
        ProviderName = p.DisplayName;
        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        // The hand-over cookie is used once.
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        if (!external.Succeeded || external.Principal is null)
        {
            Problem = $"Signing in with {p.DisplayName} did not finish. Try again.";
            return Page();
        }
        var ip = HttpContext.Connection.RemoteIpAddress?.ToString();
        var subject = external.Principal.FindFirst("sub")?.Value;
        var (email, problem) = SingleSignOn.VerifiedEmail(p, external.Principal);
        if (subject is null || email is null)
        {
            Problem = problem ?? $"{p.DisplayName} did not identify you.";
            db.Audit(new AuditActor(null, email ?? "(unknown)", ip), "auth.sso.refused", $"{p.DisplayName}: {Problem}");
            await db.SaveChangesAsync();
            return Page();
        }
        var user = await users.FindByEmailAsync(email);
        var linked = await users.FindByLoginAsync(p.Scheme, subject);
        if (user is null || (linked is not null && linked.Id != user.Id))
        {
            Problem = $"No Senco account uses {email}. Ask your SENCO or Senco administrator to add you; then sign in with {p.DisplayName} again.";
            db.Audit(new AuditActor(null, email, ip), "auth.sso.refused", $"{p.DisplayName}: no Senco account for {email}");
            await db.SaveChangesAsync();
            return Page();
        }
        var actor = new AuditActor(user.Id, user.Email ?? email, ip);

        if (Confirm)
        {
            // "Confirm it is you" for someone already signed in as this very person.
            if (User.Identity?.IsAuthenticated != true || users.GetUserId(User) != user.Id.ToString()) return Forbid();
            await SessionRules.MarkConfirmedAsync(HttpContext);
            db.Audit(actor, "auth.confirmed", $"Confirmed it is them with {p.DisplayName} for a sensitive action");
            await db.SaveChangesAsync();
            return LocalRedirect(SafeReturn());
        }

        if (linked is null)
        {
            await users.AddLoginAsync(user, new UserLoginInfo(p.Scheme, subject, p.DisplayName));
            db.Audit(actor, "auth.sso.linked", $"Linked a {p.DisplayName} account to this Senco account");
            notices.Queue(user, "auth.sso.linked", $"your {p.DisplayName} account was linked",
                $"Your {p.DisplayName} account ({email}) was linked, so you can now sign in with {p.DisplayName}");
            await db.SaveChangesAsync();
        }
        if (user.TemporaryPasswordExpiresAt is not null)
        {
            // They proved who they are with their school account: the temporary password an administrator gave them is no
            // longer needed, and is removed rather than left to be guessed or to expire.
            user.TemporaryPasswordExpiresAt = null;
            await users.RemovePasswordAsync(user);
            db.Audit(actor, "auth.password.discarded", $"Temporary password removed after signing in with {p.DisplayName}");
            await db.SaveChangesAsync();
        }
        var result = await signIn.ExternalLoginSignInAsync(p.Scheme, subject, isPersistent: false, bypassTwoFactor: false);
        if (result.IsLockedOut || result.IsNotAllowed)
        {
            Problem = "This Senco account is locked. Wait 15 minutes, or ask your Senco administrator to unlock it.";
            db.Audit(actor, "auth.locked", $"Sign-in with {p.DisplayName} refused: account locked");
            await db.SaveChangesAsync();
            return Page();
        }
        if (result.RequiresTwoFactor) return RedirectToPage("/Account/TwoFactor", new { returnUrl = SafeReturn() });
        if (!result.Succeeded)
        {
            Problem = $"Senco could not sign you in with {p.DisplayName}. Try again.";
            return Page();
        }
        db.Audit(actor, "auth.sign-in", $"Signed in with {p.DisplayName}");
        await db.SaveChangesAsync();
        if (user.IsSystemAdmin && !user.TwoFactorEnabled) return RedirectToPage("/Account/Authenticator", new { required = true });
        return LocalRedirect(SafeReturn());
    }

    private string SafeReturn() => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}
