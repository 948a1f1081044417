using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Senco.Core.Access;
using Senco.Core.Leadership;
using Senco.Core.Model;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.ExamAccess;

/// Shared by the exam access pages: the answer to an outcome and the field errors of the arrangement form.
public abstract class ExamAccessPageModel : PageModel
{
    [TempData] public string? Notice { get; set; }
    public SchoolGrant School { get; protected set; } = null!;
    public bool CanManage => School.Can(Permission.ManageExamAccess);

    protected IActionResult? Deny(OutcomeKind kind) => kind switch
    {
        OutcomeKind.NotFound => NotFound(),
        OutcomeKind.Forbidden => StatusCode(StatusCodes.Status403Forbidden),
        _ => null,
    };

    protected void UseSchool(SchoolGrant school)
    {
        School = school;
        ViewData["SchoolUrn"] = school.Urn;
    }

    protected void AddErrors(Core.ValidationErrors errors) => FormErrors.AddTo(ModelState, errors, "Input");

    public static string Tag(ExamFlagKind k) => k switch
    {
        ExamFlagKind.Expired => "red",
        ExamFlagKind.MissingEvidence => "orange",
        ExamFlagKind.ExpiringSoon => "yellow",
        _ => "blue",
    };

    public static string TagText(ExamFlagKind k) => k switch
    {
        ExamFlagKind.Expired => "Expired",
        ExamFlagKind.MissingEvidence => "Evidence missing",
        ExamFlagKind.ExpiringSoon => "Expiring soon",
        _ => "Older edition",
    };
}
