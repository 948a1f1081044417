using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Senco.Core.Access;
using Senco.Core.Graduated;
using Senco.Core.Model;
using Senco.Web.Features.Graduated;
using Senco.Web.Features.Shared;

namespace Senco.Web.Features.SupportPlans;

/// Reviewing a cycle: each outcome rated with evidence, what was learned, the views at the review, and one action
/// that closes this cycle and starts the next, carrying forward what still applies.
public sealed class ReviewModel(GraduatedAccess access, SupportPlanCommands commands, TimeProvider clock) : PageModel
{
    public sealed class ReviewForm
    {
        public List<RatingRow> Outcomes { get; set; } = [];
        [Display(Name = "What did we learn?")] public string? WhatWeLearned { get; set; }
        [Display(Name = "The pupil's views")] public string? PupilViews { get; set; }
        [Display(Name = "The parents' views")] public string? ParentViews { get; set; }
        [Display(Name = "Date of the review")] public DateOnly? HeldOn { get; set; }
        [Display(Name = "What happens next?")] public string? Next { get; set; }
        public List<int> ContinueStrategyIds { get; set; } = [];
        [Display(Name = "Date of the next review")] public DateOnly? NextReviewDue { get; set; }
    }

    public sealed class RatingRow
    {
        public int OutcomeId { get; set; }
        [Display(Name = "How far was this achieved?")] public string? Rating { get; set; }
        [Display(Name = "Evidence")] public string? Evidence { get; set; }
    }

    [BindProperty] public ReviewForm Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public SupportPlan Plan { get; private set; } = null!;
    public string? ConflictMessage { get; private set; }
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public static IEnumerable<SelectListItem> RatingItems =>
        OutcomeStates.Ratings.Select(r => new SelectListItem(OutcomeStates.Describe(r), r.ToString()));

    public static IEnumerable<SelectListItem> NextItems =>
    [
        new("Start the next cycle: carry forward the outcomes not yet achieved and the strategies ticked below", "next"),
        new("End the support plan: no next cycle (for example, the pupil no longer needs SEN support)", "end"),
    ];

    public IEnumerable<SelectListItem> StrategyItems => Plan.Strategies.Select(s => new SelectListItem($"{s.Description} ({s.Who})", s.Id.ToString()));

    public async Task<IActionResult> OnGetAsync(Guid planId, CancellationToken ct)
    {
        if (await LoadAsync(planId, ct) is { } denied) return denied;
        if (!Plan.IsCurrent) return Redirect($"/support-plans/{planId}");
        Input = new ReviewForm
        {
            Outcomes = Plan.Outcomes.Select(o => new RatingRow { OutcomeId = o.Id }).ToList(),
            HeldOn = Today, Next = "next", ContinueStrategyIds = Plan.Strategies.Select(s => s.Id).ToList(),
            NextReviewDue = ReviewSchedule.DefaultReviewDate(Today),
        };
        Version = Plan.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid planId, CancellationToken ct)
    {
        if (await LoadAsync(planId, ct) is { } denied) return denied;
        if (!Plan.IsCurrent) return Redirect($"/support-plans/{planId}");
        // The rows follow the plan's outcomes, whatever was posted.
        var posted = Input.Outcomes.ToDictionary(r => r.OutcomeId, r => r);
        Input.Outcomes = Plan.Outcomes.Select(o => posted.GetValueOrDefault(o.Id) ?? new RatingRow { OutcomeId = o.Id }).ToList();
        var input = new PlanReviewInput(Input.HeldOn, Input.Outcomes.Select(r => new OutcomeRatingInput(r.OutcomeId, r.Rating, r.Evidence)).ToList(),
            Input.WhatWeLearned, Input.PupilViews, Input.ParentViews, Input.Next != "end", Input.NextReviewDue);
        if (Input.Next is not ("next" or "end")) ModelState.AddModelError("Input.Next", "Select whether to start the next cycle or end the support plan");
        if (!ModelState.IsValid)
        {
            var errors = PlanReviewRules.Validate(input, Plan.Outcomes.Select(o => new PlanOutcomeFacts(o.Id, o.Description, o.ByWhen, o.Measure)).ToList(), Plan.StartedOn, Today);
            FormErrors.AddTo(ModelState, errors, skipWhereAlreadyInvalid: true);
            return Page();
        }
        var outcome = await commands.ReviewAsync(planId, Version, input, input.StartNextCycle ? Input.ContinueStrategyIds : [], ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                var next = outcome.Value!.Next;
                TempData["Notice"] = next is null
                    ? $"The review is recorded and the support plan has ended. Cycle {Plan.Cycle} is kept as history."
                    : $"The review is recorded. Cycle {next.Cycle} has started with {next.Outcomes.Count} outcome{(next.Outcomes.Count == 1 ? "" : "s")} carried forward: check it and add new outcomes.";
                return Redirect(next is null ? $"/support-plans/{planId}" : $"/support-plans/{next.Id}");
            case OutcomeKind.Invalid:
                FormErrors.AddTo(ModelState, outcome.Errors!, map: f => f switch
                {
                    "startNextCycle" => "Input.Next",
                    _ => null,
                });
                return Page();
            case OutcomeKind.Conflict:
                if (outcome.Value?.Reviewed is { IsCurrent: false }) { TempData["Notice"] = outcome.Message; return Redirect($"/support-plans/{planId}"); }
                ConflictMessage = outcome.Message;
                ModelState.Remove(nameof(Version));
                Version = outcome.Value?.Reviewed.Version ?? Version;
                ModelState.AddModelError(string.Empty, "Someone else changed this plan while you were reviewing it. Check the outcomes above, then record the review again.");
                await LoadAsync(planId, ct);
                return Page();
            default:
                return PlanPageSupport.Deny(this, outcome)!;
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid planId, CancellationToken ct)
    {
        var found = await access.PlanAsync(planId, Permission.ManagePlans, ct: ct);
        if (PlanPageSupport.Deny(this, found) is { } denied) return denied;
        Plan = found.Value!;
        ViewData["SchoolUrn"] = Plan.Pupil!.School!.Urn;
        return null;
    }
}
