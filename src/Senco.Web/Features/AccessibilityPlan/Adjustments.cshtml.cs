using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Senco.Core.Access;
using Senco.Core.Leadership;
using Senco.Core.Model;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.AccessibilityPlan;

/// <summary>
/// The school's reasonable adjustments. Staff who make them see every adjustment with the pupil named, filtered by
/// decision, area and review due (each view audited); everyone else who sees aggregates (governors, the office) sees
/// only the counts, never a name.
/// </summary>
public sealed class AdjustmentsModel(UserContext user, ReasonableAdjustmentUseCases useCases, AuditLog audit) : PlanPageModel(user)
{
    [BindProperty(SupportsGet = true)] public string? Decision { get; set; }
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Review { get; set; }
    public bool Named => School.Can(Permission.ViewReasonableAdjustments);
    public AdjustmentCounts Counts { get; private set; } = null!;
    public IReadOnlyList<ReasonableAdjustment> Rows { get; private set; } = [];
    public DateOnly Today => useCases.Today;
    public bool Filtered => !string.IsNullOrEmpty(Decision) || !string.IsNullOrEmpty(Area) || !string.IsNullOrEmpty(Review);

    public IEnumerable<SelectListItem> DecisionItems =>
        new[] { new SelectListItem("Any decision", ""), new SelectListItem("Awaiting decision", "Pending", Decision == "Pending") }
            .Concat(Enum.GetValues<AdjustmentDecision>().Select(d => new SelectListItem(ReasonableAdjustmentRules.Label(d), d.ToString(), d.ToString() == Decision)));
    public IEnumerable<SelectListItem> AreaItems => AccessText.Items<AdjustmentArea>(ReasonableAdjustmentRules.Label, Area, "Any area");
    public IEnumerable<SelectListItem> ReviewItems =>
    [
        new("Any review date", ""), new("Overdue or due soon", "due", Review == "due"), new("Overdue", "overdue", Review == "overdue"),
    ];

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ViewAggregates) is { } denied) return denied;
        Counts = await useCases.CountsAsync(School, ct);
        if (Named)
        {
            Rows = await useCases.SchoolAsync(School, new AdjustmentFilter(Decision, Area, Review), ct);
            audit.Read("reasonable-adjustment.list", $"Viewed the reasonable adjustments list ({Rows.Count} rows)", School.SchoolId);
        }
        return Page();
    }
}
