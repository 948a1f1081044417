using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Senco.Core.Access;
using Senco.Core.Graduated;
using Senco.Core.Model;
using Senco.Core.Sen;
using Senco.Data;
using Senco.Web.Features.Graduated;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Strategies;

/// The school's strategy bank, by broad area of need: the strategies that plans and passports pick from.
public sealed class IndexModel(UserContext user, SencoDbContext db, StrategyCommands commands) : SchoolPageModel(user)
{
    public sealed class Form
    {
        [Display(Name = "Area of need")] public string? Area { get; set; }
        [Display(Name = "Strategy")] public string? Title { get; set; }
        [Display(Name = "Description (optional)")] public string? Description { get; set; }
    }

    [BindProperty] public Form Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public bool Archived { get; set; }
    public IReadOnlyList<(BroadArea Area, IReadOnlyList<Strategy> Strategies)> ByArea { get; private set; } = [];
    public bool CanManage => School.Can(Permission.ManagePlans);
    [TempData] public string? Notice { get; set; }

    public static IEnumerable<SelectListItem> AreaItems => GraduatedRules.StrategyAreas.Select(a => new SelectListItem(NeedTypes.AreaName(a), a.ToString()));

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ViewAggregates) is { } denied) return denied;
        if (!StrategyCommands.CanView(School)) return StatusCode(403);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ManagePlans) is { } denied) return denied;
        var outcome = await commands.CreateAsync(urn, new StrategyInput(Input.Area, Input.Title, Input.Description), ct);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            FormErrors.AddTo(ModelState, outcome.Errors!);
            await LoadAsync(ct);
            return Page();
        }
        if (!outcome.IsOk) return StatusCode(403);
        Notice = $"\"{outcome.Value!.Title}\" has been added to the strategy bank.";
        return Redirect($"/schools/{urn}/strategies#area-{outcome.Value.Area}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var all = await StrategyCommands.ListAsync(db, School.SchoolId, includeArchived: Archived, ct);
        ByArea = GraduatedRules.StrategyAreas.Select(a => (a, (IReadOnlyList<Strategy>)all.Where(s => s.Area == a).ToList())).ToList();
    }
}
