using System.Text;
using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.AccessibilityPlan;

/// One plan: its period, approval and next review, every strand's objectives with progress, and the documents to take
/// to governors (Word) and to print or publish (HTML). Names no pupil, so governors read it too.
public sealed class PlanModel(UserContext user, AccessibilityPlanUseCases useCases) : PlanPageModel(user)
{
    public PlanView Plan { get; private set; } = null!;
    public bool CanEdit => CanManage && !Plan.ReadOnly;

    public async Task<IActionResult> OnGetAsync(string urn, int year, CancellationToken ct) => await LoadAsync(urn, year, ct) ?? Page();

    public async Task<IActionResult> OnGetWordAsync(string urn, int year, CancellationToken ct) =>
        await LoadAsync(urn, year, ct) ?? File(AccessibilityPlanDocument.Word(Plan), AccessibilityPlanDocument.WordContentType, AccessibilityPlanDocument.FileName(Plan, "docx"));

    public async Task<IActionResult> OnGetHtmlAsync(string urn, int year, CancellationToken ct) =>
        await LoadAsync(urn, year, ct) ?? File(Encoding.UTF8.GetBytes(AccessibilityPlanDocument.Html(Plan)), AccessibilityPlanDocument.HtmlContentType, AccessibilityPlanDocument.FileName(Plan, "html"));

    /// The same page shown in the browser, to print. Its styles come from the next handler: the app's CSP allows no inline style.
    public async Task<IActionResult> OnGetPrintAsync(string urn, int year, CancellationToken ct) =>
        await LoadAsync(urn, year, ct) ?? Content(AccessibilityPlanDocument.Html(Plan, $"{Href(urn, year)}?handler=PrintCss"), AccessibilityPlanDocument.HtmlContentType);

    public IActionResult OnGetPrintCss() => Content(AccessibilityPlanDocument.Css, "text/css; charset=utf-8");

    private async Task<IActionResult?> LoadAsync(string urn, int year, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ViewAggregates) is { } denied) return denied;
        var plan = await useCases.PlanAsync(School, year, ct);
        if (plan is null) return NotFound();
        Plan = plan;
        return null;
    }
}
