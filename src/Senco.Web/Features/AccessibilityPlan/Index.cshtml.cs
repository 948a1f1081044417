using Microsoft.AspNetCore.Mvc;
using Senco.Core;
using Senco.Core.Access;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.AccessibilityPlan;

/// The school's accessibility plans, one per period, and starting the next one.
public sealed class IndexModel(UserContext user, AccessibilityPlanUseCases useCases) : PlanPageModel(user)
{
    public sealed class StartForm
    {
        public int? StartYear { get; set; }
        public int? EndYear { get; set; }
        public DateOnly? NextReviewOn { get; set; }
    }

    [BindProperty] public StartForm Input { get; set; } = new();
    public IReadOnlyList<Core.Model.AccessibilityPlan> Plans { get; private set; } = [];
    public DateOnly Today => useCases.Today;

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ViewAggregates) is { } denied) return denied;
        Plans = await useCases.PlansAsync(School, ct);
        var start = Plans.Count > 0 ? Plans[0].EndYear : SchoolYear.Containing(Today).StartYear;
        Input = new StartForm { StartYear = start, EndYear = start + 3 };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ManageAccessibilityPlan) is { } denied) return denied;
        if (ModelState.IsValid)
        {
            var outcome = await useCases.StartAsync(urn, new StartPlanInput(Input.StartYear, Input.EndYear, Input.NextReviewOn), ct);
            if (outcome.IsOk)
            {
                Notice = $"The accessibility plan for {outcome.Value!.Period} has been started. Add its objectives under each strand.";
                return Redirect(Href(urn, outcome.Value.StartYear));
            }
            if (Deny(outcome.Kind) is { } d) return d;
            if (outcome.Errors is { } errors) AddErrors(errors);
            else ModelState.AddModelError("", outcome.Message!);
        }
        Plans = await useCases.PlansAsync(School, ct);
        return Page();
    }
}
