using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;
using Senco.Data;

namespace Senco.Web.Features.Account;

/// Turning on two-factor sign-in with an authenticator app (TOTP, RFC 6238). Required for system administrators,
/// open to everyone.
public sealed class AuthenticatorModel(UserManager<SencoUser> users, SignInManager<SencoUser> signIn, SencoDbContext db, AccountNotices notices) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool Required { get; set; }
    [BindProperty, Display(Name = "Code from your authenticator app")] public string? Code { get; set; }
    public string SharedKey { get; private set; } = "";
    public string QrDataUri { get; private set; } = "";
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return RedirectToPage("/Account/SignIn");
        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return RedirectToPage("/Account/SignIn");
        var code = Code?.Replace(" ", "").Replace("-", "");
        if (string.IsNullOrEmpty(code)) ModelState.AddModelError(nameof(Code), "Enter the 6-digit code from your authenticator app");
        else if (code.Length != 6 || !code.All(char.IsAsciiDigit)) ModelState.AddModelError(nameof(Code), "The code must be 6 digits");
        else if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            ModelState.AddModelError(nameof(Code), "The code is not right. Check that your app shows Senco and enter the code it shows now");
        if (!ModelState.IsValid)
        {
            await LoadKeyAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList();
        db.Audit(new AuditActor(user.Id, user.Email ?? "", HttpContext.Connection.RemoteIpAddress?.ToString()), "auth.2fa.enabled", "Turned on two-factor sign-in");
        notices.Queue(user, "auth.2fa.enabled", "two-factor sign-in was turned on", "Two-factor sign-in was turned on");
        await db.SaveChangesAsync();
        await signIn.RefreshSignInAsync(user);
        return Page();
    }

    private async Task LoadKeyAsync(SencoUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Making a key changes the security stamp, which (rightly) revokes existing sign-ins: re-issue this one.
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
        }
        SharedKey = string.Join(" ", Enumerable.Range(0, (key!.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - i * 4)))).ToLowerInvariant();
        var uri = $"otpauth://totp/{Uri.EscapeDataString("Senco")}:{Uri.EscapeDataString(user.Email ?? "")}?secret={key}&issuer=Senco&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        QrDataUri = "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
