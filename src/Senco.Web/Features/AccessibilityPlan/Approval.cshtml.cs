using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.AccessibilityPlan;

/// Record that the governing body approved the plan, when, and when it is next reviewed.
public sealed class ApprovalModel(UserContext user, AccessibilityPlanUseCases useCases) : PlanPageModel(user)
{
    public sealed class ApprovalForm
    {
        public DateOnly? ApprovedOn { get; set; }
        public string? ApprovedBy { get; set; }
        public DateOnly? NextReviewOn { get; set; }
    }

    [BindProperty] public ApprovalForm Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public PlanView Plan { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string urn, int year, CancellationToken ct)
    {
        if (await LoadAsync(urn, year, ct) is { } denied) return denied;
        var p = Plan.Plan;
        Input = new ApprovalForm { ApprovedOn = p.ApprovedOn, ApprovedBy = p.ApprovedBy ?? "Full governing body", NextReviewOn = p.NextReviewOn };
        Version = p.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string urn, int year, CancellationToken ct)
    {
        if (await LoadAsync(urn, year, ct) is { } denied) return denied;
        if (!ModelState.IsValid) return Page();
        var outcome = await useCases.ApproveAsync(urn, year, new PlanApprovalInput(Input.ApprovedOn, Input.ApprovedBy, Input.NextReviewOn, Version), ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                Notice = $"The governors' approval on {Core.Dates.Long(Input.ApprovedOn!.Value)} and the next review on {Core.Dates.Long(Input.NextReviewOn!.Value)} have been recorded.";
                return Redirect(Href(urn, year));
            case OutcomeKind.Invalid:
                AddErrors(outcome.Errors!);
                return Page();
            case OutcomeKind.Conflict:
                Version = Plan.Plan.Version;
                ModelState.AddModelError("", outcome.Message!);
                return Page();
            default:
                return Deny(outcome.Kind)!;
        }
    }

    private async Task<IActionResult?> LoadAsync(string urn, int year, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ManageAccessibilityPlan) is { } denied) return denied;
        var plan = await useCases.PlanAsync(School, year, ct);
        if (plan is null) return NotFound();
        if (plan.ReadOnly) return Redirect(Href(urn, year));
        Plan = plan;
        return null;
    }
}
