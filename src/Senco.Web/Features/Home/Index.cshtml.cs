using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Home;

public sealed class IndexModel(UserContext user) : PageModel
{
    public IReadOnlyList<SchoolGrant> Schools => user.Schools;
    public bool IsSystemAdmin => user.IsSystemAdmin;

    public IActionResult OnGet()
    {
        // Someone who works in one school goes straight to it; a trust lead or a multi-school person chooses.
        if (user.Schools.Count == 1) return Redirect($"/schools/{user.Schools[0].Urn}");
        if (user.Schools.Count == 0 && user.IsSystemAdmin) return Redirect("/admin");
        return Page();
    }
}
