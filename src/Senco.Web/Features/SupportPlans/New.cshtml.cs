using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Core.Graduated;
using Senco.Core.Model;
using Senco.Core.Sen;
using Senco.Data;
using Senco.Web.Features.Graduated;
using Senco.Web.Features.Shared;

namespace Senco.Web.Features.SupportPlans;

/// Starting a pupil's support plan: the first cycle of assess, plan, do, review.
public sealed class NewModel(GraduatedAccess access, SupportPlanCommands commands, SencoDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public PlanForm Input { get; set; } = new();
    public Pupil Pupil { get; private set; } = null!;
    public bool ParentsNotYetTold { get; private set; }
    public string? BlockedMessage { get; private set; }
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        var current = await db.SupportPlans.AsNoTracking().Where(p => p.PupilId == id && p.Status == SupportPlanStatus.Current).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        if (current is { } planId) return Redirect($"/support-plans/{planId}");
        Input = new PlanForm { ReviewDue = ReviewSchedule.DefaultReviewDate(Today), LeadUserId = access.User.UserId };
        // Escalated from the monitoring list: the concern's evidence goes into the assess step.
        Input.Evidence = await Senco.Web.Features.Monitoring.ConcernEvidence.ForPlanAsync(db, id, Request.Query["concern"], ct);
        Input.AddSpareRows(minimum: 3, spare: 0);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (!ModelState.IsValid)
        {
            PlanPageSupport.AddRuleErrors(this, Input, Today, Today, null);
            Input.AddSpareRows(3, 0);
            return Page();
        }
        var outcome = await commands.CreateAsync(id, Input.ToInput(), ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                TempData["Notice"] = "The support plan has been saved.";
                return Redirect($"/support-plans/{outcome.Value!.Id}");
            case OutcomeKind.Invalid:
                FormErrors.AddTo(ModelState, outcome.Errors!);
                Input.AddSpareRows(3, 0);
                return Page();
            case OutcomeKind.Conflict:
                BlockedMessage = outcome.Message;
                ModelState.AddModelError(string.Empty, outcome.Message!);
                Input.AddSpareRows(3, 0);
                return Page();
            default:
                return PlanPageSupport.Deny(this, outcome)!;
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await access.PupilAsync(id, Permission.ManagePlans, ct);
        if (PlanPageSupport.Deny(this, found) is { } denied) return denied;
        Pupil = found.Value!;
        await PlanPageSupport.LoadFormDataAsync(this, db, Pupil.SchoolId, Pupil.School!.Urn, ct);
        var records = await db.ParentsInformed.AsNoTracking().Where(r => r.PupilId == id).ToListAsync(ct);
        ParentsNotYetTold = SupportPlanCommands.ParentsNotYetTold(Pupil, records);
        if (Pupil.SenStatus == SenStatus.N)
            BlockedMessage = $"{Pupil.FullName} is not on the SEN register. A support plan is for a pupil on SEN support (K) or with an EHC plan (E).";
        return null;
    }
}
