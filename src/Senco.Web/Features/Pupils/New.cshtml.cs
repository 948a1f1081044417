using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Pupils;

public sealed class NewModel(UserContext user, PupilCommands commands) : SchoolPageModel(user)
{
    [BindProperty] public PupilForm Input { get; set; } = new();

    public IActionResult OnGet(string urn) => Authorise(urn, Permission.EditPupilDetails) ?? Page();

    public async Task<IActionResult> OnPostAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.EditPupilDetails) is { } denied) return denied;
        if (!ModelState.IsValid)
        {
            Input.AddRuleErrors(ModelState, DateOnly.FromDateTime(DateTime.UtcNow));
            return Page();
        }
        var outcome = await commands.CreateAsync(urn, Input.ToInput(), ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                TempData["Notice"] = $"{outcome.Value!.FullName} has been added.";
                return Redirect($"/pupils/{outcome.Value.Id}");
            case OutcomeKind.Invalid or OutcomeKind.Conflict:
                AddErrors(outcome.Errors!);
                return Page();
            case OutcomeKind.NotFound: return NotFound();
            default: return StatusCode(403);
        }
    }
}
