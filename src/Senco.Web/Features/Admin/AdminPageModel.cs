using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Admin;

/// Administration pages are for system administrators only; everyone else gets 403.
public abstract class AdminPageModel(UserContext user) : PageModel
{
    protected UserContext CurrentUser => user;

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (!user.IsSystemAdmin) context.Result = StatusCode(StatusCodes.Status403Forbidden);
    }

    protected void AddErrors(Senco.Core.ValidationErrors errors, string prefix = "Input") =>
        Senco.Web.Features.Shared.FormErrors.AddTo(ModelState, errors, prefix);
}
