using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Shared;

namespace Senco.Web.Features.Ehc;

/// Editing the plan's LA, case officer and text sections. Carries the version read: if someone else saved
/// meanwhile nothing is overwritten; the form keeps what this person typed and shows what is saved now.
public sealed class EditPlanModel(EhcFinder finder, EhcCommands commands, SencoDbContext db) : EhcPageModel
{
    public static readonly string[] TextSections = ["A", "C", "D", "G", "H1", "H2", "I", "J", "K"];

    public sealed class PlanEditForm
    {
        [Display(Name = "Local authority code")] public string? LocalAuthority { get; set; }
        [Display(Name = "Case officer")] public string? CaseOfficer { get; set; }
        [Display(Name = "Case officer's email address")] public string? CaseOfficerEmail { get; set; }
        public Dictionary<string, string?> Sections { get; set; } = new();
    }

    [BindProperty] public PlanEditForm Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public EhcPlan Plan { get; private set; } = null!;
    public Pupil Pupil { get; private set; } = null!;
    public EhcPlan? Theirs { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid planId, CancellationToken ct)
    {
        if (await LoadAsync(planId, ct) is { } denied) return denied;
        Input = From(Plan);
        Version = Plan.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid planId, CancellationToken ct)
    {
        if (await LoadAsync(planId, ct) is { } denied) return denied;
        var sections = TextSections.ToDictionary(k => k, k => Input.Sections.GetValueOrDefault(k) ?? "");
        var outcome = await commands.UpdatePlanAsync(planId, new PlanEdit(Input.LocalAuthority ?? "", Input.CaseOfficer ?? "", Input.CaseOfficerEmail ?? "", sections), Version, ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                Notice = "The plan has been saved.";
                return Redirect($"/ehc-plans/{planId}");
            case OutcomeKind.Invalid:
                AddErrors(outcome.Errors!, f => f.StartsWith("sections.") ? $"Input.Sections[{f[9..]}]" : null);
                return Page();
            case OutcomeKind.Conflict:
                ConflictMessage = outcome.Message;
                Theirs = Plan;
                ModelState.Remove(nameof(Version));
                Version = Plan.Version;
                ModelState.AddModelError(string.Empty, "Someone else changed this plan while you were editing. Nothing you typed has been saved yet.");
                return Page();
            default:
                return Deny(outcome.Kind)!;
        }
    }

    private static PlanEditForm From(EhcPlan p) => new()
    {
        LocalAuthority = p.LocalAuthority, CaseOfficer = p.CaseOfficer, CaseOfficerEmail = p.CaseOfficerEmail,
        Sections = TextSections.ToDictionary(k => k, k => p.Section(k)),
    };

    private async Task<IActionResult?> LoadAsync(Guid planId, CancellationToken ct)
    {
        var found = await finder.PlanAsync(planId, Permission.ManageEhc, ct);
        if (Deny(found.Kind) is { } denied) return denied;
        Plan = found.Value!;
        Pupil = await db.Pupils.IgnoreQueryFilters().AsNoTracking().Include(p => p.School).FirstAsync(p => p.Id == Plan.PupilId, ct);
        ViewData["SchoolUrn"] = Pupil.School!.Urn;
        return null;
    }
}
