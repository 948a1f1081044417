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

/// Recording that the parents were told SEN support started (Children and Families Act 2014 s68).
public sealed class ParentsInformedModel(GraduatedAccess access, SupportPlanCommands commands, TimeProvider clock) : PageModel
{
    public sealed class Form
    {
        [Display(Name = "When were the parents told?")] public DateOnly? ToldOn { get; set; }
        [Display(Name = "How were they told?")] public string? How { get; set; }
        [Display(Name = "Note (optional)")] public string? Note { get; set; }
    }

    [BindProperty] public Form Input { get; set; } = new();
    public Pupil Pupil { get; private set; } = null!;

    public static IEnumerable<SelectListItem> HowItems => Enum.GetValues<ParentContactMethod>().Select(m => new SelectListItem(GraduatedRules.Describe(m), m.ToString()));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        Input.ToldOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (!ModelState.IsValid)
        {
            FormErrors.AddTo(ModelState, GraduatedRules.ValidateParentsInformed(Input.ToldOn, Input.How, Input.Note, today), skipWhereAlreadyInvalid: true);
            return Page();
        }
        var outcome = await commands.RecordParentsInformedAsync(id, Input.ToldOn, Input.How, Input.Note, ct);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            FormErrors.AddTo(ModelState, outcome.Errors!);
            return Page();
        }
        if (PlanPageSupport.Deny(this, outcome) is { } no) return no;
        TempData["Notice"] = "It is recorded that the parents were told SEN support started.";
        return Redirect($"/pupils/{id}/support-plans");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await access.PupilAsync(id, Permission.ManagePlans, ct);
        if (PlanPageSupport.Deny(this, found) is { } denied) return denied;
        Pupil = found.Value!;
        ViewData["SchoolUrn"] = Pupil.School!.Urn;
        return null;
    }
}
