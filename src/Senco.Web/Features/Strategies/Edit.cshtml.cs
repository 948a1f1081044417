using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Senco.Core.Model;
using Senco.Web.Features.Graduated;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Strategies;

/// Changing a strategy of the bank, or no longer offering it.
public sealed class EditModel(UserContext user, StrategyCommands commands) : PageModel
{
    public sealed class Form
    {
        [Display(Name = "Area of need")] public string? Area { get; set; }
        [Display(Name = "Strategy")] public string? Title { get; set; }
        [Display(Name = "Description (optional)")] public string? Description { get; set; }
        [Display(Name = "No longer offer this strategy")] public bool Archived { get; set; }
    }

    [BindProperty] public Form Input { get; set; } = new();
    public Strategy Strategy { get; private set; } = null!;
    public string Urn { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        Input = new Form { Area = Strategy.Area.ToString(), Title = Strategy.Title, Description = Strategy.Description, Archived = Strategy.Archived };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        var outcome = await commands.UpdateAsync(id, new StrategyInput(Input.Area, Input.Title, Input.Description, Input.Archived), ct);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            FormErrors.AddTo(ModelState, outcome.Errors!);
            return Page();
        }
        if (!outcome.IsOk) return StatusCode(403);
        TempData["Notice"] = $"\"{outcome.Value!.Title}\" has been saved.";
        return Redirect($"/schools/{Urn}/strategies#area-{outcome.Value.Area}");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var found = await commands.FindAsync(id, manage: true, ct);
        if (found.Kind == OutcomeKind.NotFound) return NotFound();
        if (found.Kind == OutcomeKind.Forbidden) return StatusCode(403);
        Strategy = found.Value!;
        Urn = user.School(Strategy.SchoolId)!.Urn;
        ViewData["SchoolUrn"] = Urn;
        return null;
    }
}
