using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Shared;

namespace Senco.Web.Features.Ehc;

/// Arranging an annual review meeting: the date gives the invitation, advice, report and LA decision dates.
public sealed class NewReviewModel(EhcFinder finder, EhcCommands commands, SencoDbContext db, TimeProvider clock) : EhcPageModel
{
    public sealed class ReviewForm
    {
        [Display(Name = "Date of the review meeting")] public DateOnly? MeetingOn { get; set; }
    }

    [BindProperty] public ReviewForm Input { get; set; } = new();
    public EhcPlan Plan { get; private set; } = null!;
    public Pupil Pupil { get; private set; } = null!;
    public PlanDates Dates { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid planId, CancellationToken ct) => await LoadAsync(planId, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid planId, CancellationToken ct)
    {
        if (await LoadAsync(planId, ct) is { } denied) return denied;
        var outcome = await commands.ScheduleReviewAsync(planId, Input.MeetingOn, ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                Notice = "The review meeting has been arranged. Send the invitations and the request for advice from this page.";
                return Redirect($"/ehc-plans/{planId}/reviews/{outcome.Value.Review.Id}");
            case OutcomeKind.Invalid:
                AddErrors(outcome.Errors!);
                return Page();
            case OutcomeKind.Conflict:
                ModelState.AddModelError("Input.MeetingOn", outcome.Message!);
                return Page();
            default:
                return Deny(outcome.Kind)!;
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid planId, CancellationToken ct)
    {
        var found = await finder.PlanAsync(planId, Permission.ManageEhc, ct);
        if (Deny(found.Kind) is { } denied) return denied;
        Plan = found.Value!;
        Pupil = await db.Pupils.IgnoreQueryFilters().AsNoTracking().Include(p => p.School).FirstAsync(p => p.Id == Plan.PupilId, ct);
        ViewData["SchoolUrn"] = Pupil.School!.Urn;
        Dates = StatutoryClockQuery.DatesFor(Plan, Pupil, Pupil.School.Phase, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return null;
    }
}
