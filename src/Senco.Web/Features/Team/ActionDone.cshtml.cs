using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Senco.Web.Features.Shared;

namespace Senco.Web.Features.Team;

/// Marking an action done, from a task list or the meeting: its owner, or a SENCO for them.
public sealed class ActionDoneModel(TeamCommands commands) : PageModel
{
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, string? returnTo, CancellationToken ct)
    {
        var outcome = await commands.CompleteActionAsync(id, true, ct);
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (outcome.Kind == OutcomeKind.Forbidden) return StatusCode(403);
        TempData["Notice"] = $"Done: {outcome.Value!.Description}";
        // Only a path on this site: never an open redirect.
        var back = returnTo is { Length: > 1 } r && r.StartsWith('/') && !r.StartsWith("//") && !r.Contains('\\') ? r : "/";
        return LocalRedirect(back);
    }
}
