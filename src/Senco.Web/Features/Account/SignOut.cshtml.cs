using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Senco.Data;

namespace Senco.Web.Features.Account;

public sealed class SignOutModel(SignInManager<SencoUser> signIn, SencoDbContext db) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Account/SignIn");

    public async Task<IActionResult> OnPostAsync()
    {
        await UserSessions.EndCurrentAsync(HttpContext, db);
        await signIn.SignOutAsync();
        TempData["Notice"] = "You have signed out.";
        return RedirectToPage("/Account/SignIn");
    }
}
