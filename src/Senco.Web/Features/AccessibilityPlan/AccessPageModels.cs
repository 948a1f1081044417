using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Senco.Core.Access;
using Senco.Core.Leadership;
using Senco.Core.Model;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.AccessibilityPlan;

/// Shared by the accessibility plan pages: everyone who sees aggregates reads the plan (governors included); those
/// with ManageAccessibilityPlan write it.
public abstract class PlanPageModel(UserContext user) : SchoolPageModel(user)
{
    [TempData] public string? Notice { get; set; }
    public bool CanManage => School.Can(Permission.ManageAccessibilityPlan);

    protected IActionResult? Deny(OutcomeKind kind) => kind switch
    {
        OutcomeKind.NotFound => NotFound(),
        OutcomeKind.Forbidden => StatusCode(StatusCodes.Status403Forbidden),
        _ => null,
    };

    public static string Href(string urn, int year) => $"/schools/{urn}/accessibility-plan/{year}";
}

/// Shared by a pupil's reasonable adjustments pages: the school, the answer to an outcome and the form's field errors.
public abstract class AdjustmentPageModel : PageModel
{
    [TempData] public string? Notice { get; set; }
    public SchoolGrant School { get; protected set; } = null!;
    public bool CanManage => School.Can(Permission.ManageReasonableAdjustments);

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

    protected void AddErrors(Core.ValidationErrors errors) => FormErrors.AddTo(ModelState, errors, "Input", skipWhereAlreadyInvalid: true);

    public static string Href(Guid pupilId) => $"/pupils/{pupilId}/reasonable-adjustments";
}

/// Words and tags the pages share.
public static class AccessText
{
    public static IEnumerable<SelectListItem> Items<T>(Func<T, string> label, string? selected, string? prompt = null) where T : struct, Enum
    {
        var items = Enum.GetValues<T>().Select(v => new SelectListItem(label(v), v.ToString(), v.ToString() == selected));
        return prompt is null ? items : items.Prepend(new SelectListItem(prompt, ""));
    }

    public static (string Colour, string Text)? ReviewTag(AccessReviewState s) => s switch
    {
        AccessReviewState.Overdue => ("red", "Review overdue"),
        AccessReviewState.DueSoon => ("yellow", "Review due soon"),
        _ => null,
    };

    public static string StatusColour(AccessibilityActionStatus s) => s switch
    {
        AccessibilityActionStatus.Done => "green",
        AccessibilityActionStatus.InProgress => "blue",
        _ => "grey",
    };

    public static string DecisionColour(AdjustmentDecision? d) => d switch
    {
        null => "yellow",
        AdjustmentDecision.Agreed => "green",
        AdjustmentDecision.AgreedInPart => "turquoise",
        _ => "red",
    };
}
