using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Senco.Web.Features.Ehc;

/// The review letters for people signed in to the browser UI (the API serves the same documents to integrations).
public sealed class ReviewDocumentModel(EhcDocumentService docs) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid planId, Guid reviewId, string kind, CancellationToken ct)
    {
        var outcome = await docs.BuildAsync(planId, reviewId, kind, ct);
        return outcome.Kind switch
        {
            Senco.Web.Features.Shared.OutcomeKind.Ok => File(outcome.Value!.Content, EhcDocuments.ContentType, outcome.Value.FileName),
            Senco.Web.Features.Shared.OutcomeKind.Forbidden => StatusCode(StatusCodes.Status403Forbidden),
            _ => NotFound(),
        };
    }
}
