using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Graduated;
using Senco.Web.Features.Shared;

namespace Senco.Web.Features.SupportPlans;

/// Changing the current cycle of a plan. Carries the version read: if someone else saved meanwhile, nothing is
/// overwritten; the form keeps what this person typed and shows what the other person saved, field by field.
public sealed class EditModel(GraduatedAccess access, SupportPlanCommands commands, SencoDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public PlanForm Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public SupportPlan Plan { get; private set; } = null!;
    public string? ConflictMessage { get; private set; }
    public IReadOnlyList<(string Label, string Saved, string Typed)>? Comparison { get; private set; }
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync(Guid planId, CancellationToken ct)
    {
        if (await LoadAsync(planId, ct) is { } denied) return denied;
        if (!Plan.IsCurrent) return Redirect($"/support-plans/{planId}");
        Input = PlanForm.From(Plan);
        Input.AddSpareRows(3, 1);
        Version = Plan.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid planId, CancellationToken ct)
    {
        if (await LoadAsync(planId, ct) is { } denied) return denied;
        if (!ModelState.IsValid)
        {
            PlanPageSupport.AddRuleErrors(this, Input, Plan.StartedOn, Today, Plan.ReviewDue);
            Input.AddSpareRows(3, 1);
            return Page();
        }
        var outcome = await commands.UpdateAsync(planId, Version, Input.ToInput(), ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                TempData["Notice"] = "Your changes to the support plan have been saved.";
                return Redirect($"/support-plans/{planId}");
            case OutcomeKind.Invalid:
                FormErrors.AddTo(ModelState, outcome.Errors!);
                Input.AddSpareRows(3, 1);
                return Page();
            case OutcomeKind.Conflict when outcome.Value is not null:
                // Both versions side by side; the next save is made knowingly against what is saved now.
                ConflictMessage = outcome.Message;
                var bank = ((IEnumerable<Strategy>)ViewData["Bank"]!).ToDictionary(s => s.Id, SupportPlanCommands.BankText);
                var staff = (IEnumerable<StaffChoice>)ViewData["Staff"]!;
                var typed = PlanSnapshot.Of(Input.ToInput(), id => bank.GetValueOrDefault(id), staff.FirstOrDefault(s => s.UserId == Input.LeadUserId)?.Name);
                Comparison = PlanSnapshot.Of(outcome.Value).Zip(typed, (a, b) => (a.Label, a.Value, b.Value)).ToList();
                ModelState.Remove(nameof(Version));
                Version = outcome.Value.Version;
                ModelState.AddModelError(string.Empty, "Someone else changed this plan while you were editing. Nothing you typed has been saved yet.");
                Input.AddSpareRows(3, 1);
                return Page();
            case OutcomeKind.Conflict:
                TempData["Notice"] = outcome.Message;
                return Redirect($"/support-plans/{planId}");
            default:
                return PlanPageSupport.Deny(this, outcome)!;
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid planId, CancellationToken ct)
    {
        var found = await access.PlanAsync(planId, Permission.ManagePlans, ct: ct);
        if (PlanPageSupport.Deny(this, found) is { } denied) return denied;
        Plan = found.Value!;
        await PlanPageSupport.LoadFormDataAsync(this, db, Plan.SchoolId, Plan.Pupil!.School!.Urn, ct);
        return null;
    }
}
