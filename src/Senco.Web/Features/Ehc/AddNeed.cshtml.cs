using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Shared;

namespace Senco.Web.Features.Ehc;

/// Adding one section B need with its E outcomes and F provision, so the golden thread is recorded as one piece.
public sealed class AddNeedModel(EhcFinder finder, EhcCommands commands, SencoDbContext db) : EhcPageModel
{
    public sealed class ProvisionRow
    {
        [Display(Name = "Provision")] public string? Description { get; set; }
        [Display(Name = "Hours a week")] public decimal? HoursPerWeek { get; set; }
        [Display(Name = "Cost a year")] public decimal? AnnualCost { get; set; }
        [Display(Name = "Funded by")] public string? FundedBy { get; set; }
    }

    public sealed class NeedForm
    {
        [Display(Name = "The need")] public string? Description { get; set; }
        [Display(Name = "Type of need")] public string? NeedType { get; set; }
        [Display(Name = "Outcomes")] public string? Outcomes { get; set; }
        public List<ProvisionRow> Provision { get; set; } = [new(), new()];
    }

    [BindProperty] public NeedForm Input { get; set; } = new();
    public EhcPlan Plan { get; private set; } = null!;
    public Pupil Pupil { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid planId, CancellationToken ct) => await LoadAsync(planId, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid planId, CancellationToken ct)
    {
        if (await LoadAsync(planId, ct) is { } denied) return denied;
        while (Input.Provision.Count < 2) Input.Provision.Add(new());
        // A typed value that is not a number is reported against its field, and everything typed is kept.
        if (!ModelState.IsValid) return Page();
        var outcomes = (Input.Outcomes ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var input = new NeedInput(Input.Description, Input.NeedType, outcomes,
            Input.Provision.Select(p => new ProvisionInput(p.Description, p.HoursPerWeek, p.AnnualCost, p.FundedBy)).ToList());
        var outcome = await commands.AddNeedAsync(planId, input, ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                Notice = "The need has been added with its outcomes and provision.";
                return Redirect($"/ehc-plans/{planId}#section-B");
            case OutcomeKind.Invalid:
                AddErrors(outcome.Errors!);   // "provision[0].hoursPerWeek" → Input.Provision[0].HoursPerWeek
                return Page();
            case OutcomeKind.Conflict:
                ModelState.AddModelError(string.Empty, outcome.Message!);
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
        return null;
    }
}
