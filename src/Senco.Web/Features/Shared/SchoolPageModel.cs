using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Senco.Core.Access;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Shared;

/// A page about one school. Answers 404 for a school the user cannot see (so its existence is not revealed) and
/// 403 when their role there may not do this.
public abstract class SchoolPageModel(UserContext user) : PageModel
{
    protected UserContext CurrentUser => user;
    public SchoolGrant School { get; private set; } = null!;

    protected IActionResult? Authorise(string urn, Permission permission)
    {
        var school = user.School(urn);
        if (school is null) return NotFound();
        if (!school.Can(permission)) return StatusCode(StatusCodes.Status403Forbidden);
        School = school;
        ViewData["SchoolUrn"] = school.Urn;
        return null;
    }

    /// Copies a use case's validation errors onto the form fields (API names are camelCase; form fields are Input.X).
    protected void AddErrors(Senco.Core.ValidationErrors errors, string prefix = "Input") => FormErrors.AddTo(ModelState, errors, prefix);

}
