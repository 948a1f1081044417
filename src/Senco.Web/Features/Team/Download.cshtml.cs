using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;
using Senco.Web.Features.Shared;

namespace Senco.Web.Features.Team;

/// A document, as an attachment (never shown inline, so a browser never renders an uploaded file as a page), only
/// to those who may see what it is attached to; each download is audited.
public sealed class DownloadModel(TeamCommands commands) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var o = await commands.DownloadAsync(id, ct);
        if (o.Kind == OutcomeKind.NotFound) return NotFound();
        if (o.Kind == OutcomeKind.Forbidden) return StatusCode(403);
        Response.Headers.CacheControl = "no-store";
        return File(o.Value.Content, o.Value.Doc.ContentType, o.Value.Doc.FileName);
    }
}
