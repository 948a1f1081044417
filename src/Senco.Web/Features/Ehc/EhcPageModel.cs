using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Senco.Core;
using Senco.Core.Ehc;
using Senco.Core.Sen;
using Senco.Web.Features.Shared;

namespace Senco.Web.Features.Ehc;

/// Shared by the EHC pages: turning a use case's outcome into the page's answer, and its field errors into
/// ModelState keys so that the error summary links to the field that needs fixing.
public abstract class EhcPageModel : PageModel
{
    [TempData] public string? Notice { get; set; }
    public string? ConflictMessage { get; protected set; }

    protected IActionResult? Deny(OutcomeKind kind) => kind switch
    {
        OutcomeKind.NotFound => NotFound(),
        OutcomeKind.Forbidden => StatusCode(StatusCodes.Status403Forbidden),
        _ => null,
    };

    /// "decisionToAssessOn" → "Input.DecisionToAssessOn"; "provision[0].hoursPerWeek" → "Input.Provision[0].HoursPerWeek".
    protected void AddErrors(ValidationErrors errors, Func<string, string?>? map = null)
    {
        foreach (var (field, messages) in errors)
        {
            var key = map?.Invoke(field) ?? "Input." + string.Join('.', field.Split('.').Select(Pascal));
            foreach (var m in messages) ModelState.AddModelError(key, m);
        }
    }

    protected static string Pascal(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    public static string Date(DateOnly? d) => d is { } v ? Dates.Long(v) : "Not recorded";

    public static IEnumerable<SelectListItem> EnumItems<T>(Func<T, string> label, string? selected = null, string? empty = null) where T : struct, Enum =>
        (empty is null ? [] : new[] { new SelectListItem(empty, "") })
        .Concat(Enum.GetValues<T>().Select(v => new SelectListItem(label(v), v.ToString(), v.ToString() == selected)));

    public static IEnumerable<SelectListItem> NeedItems(string? selected, string empty) =>
        new[] { new SelectListItem(empty, "") }.Concat(NeedTypes.All.Where(n => n.Code != "NSA").Select(n => new SelectListItem($"{n.Name} ({n.Code})", n.Code, n.Code == selected)));

    public static string Requester(AssessmentRequester r) => r switch
    {
        AssessmentRequester.School => "The school",
        AssessmentRequester.Parent => "A parent or carer",
        AssessmentRequester.YoungPerson => "The young person (aged 16 to 25)",
        _ => "Someone else",
    };

    public static string Evidence(EvidenceKind k) => k switch
    {
        EvidenceKind.SupportPlan => "SEN support plan",
        EvidenceKind.Review => "Review of support",
        EvidenceKind.Assessment => "Assessment",
        EvidenceKind.AgencyReport => "Report from another agency",
        _ => "Other",
    };

    public static string ExceptionLabel(ExceptionKind k) => k switch
    {
        ExceptionKind.SchoolClosureAdvice => "School closed for 4 weeks or more when advice was asked for",
        ExceptionKind.EarlyYearsClosureAdvice => "Early years provider closed for 4 weeks or more when advice was asked for",
        ExceptionKind.ExceptionalPersonalCircumstances => "Exceptional personal circumstances",
        ExceptionKind.AbsentFromArea => "Child or parent away from the area for 4 weeks or more",
        ExceptionKind.MissedAppointment => "A missed appointment",
        _ => k.ToString(),
    };

    public static string Transfer(TransferKind? k) => k switch
    {
        TransferKind.EarlyYearsToSchool => "Early years to school",
        TransferKind.InfantToJunior => "Infant to junior",
        TransferKind.PrimaryToMiddle => "Primary to middle",
        TransferKind.PrimaryToSecondary => "Primary to secondary",
        TransferKind.MiddleToSecondary => "Middle to secondary",
        TransferKind.SecondaryToPostSixteen => "Secondary to post-16",
        _ => "",
    };

    /// A date's status as a GOV.UK tag: red when overdue, orange within 2 weeks, otherwise plain.
    public static (string Text, string Class) DueTag(DateOnly due, DateOnly today)
    {
        var days = StatutoryDates.DaysUntil(due, today);
        if (days < 0) return ($"Overdue by {-days} day{(days == -1 ? "" : "s")}", "govuk-tag--red");
        if (days == 0) return ("Due today", "govuk-tag--orange");
        if (days <= 14) return ($"Due in {days} day{(days == 1 ? "" : "s")}", "govuk-tag--orange");
        return ($"Due in {days} days", "govuk-tag--grey");
    }
}
