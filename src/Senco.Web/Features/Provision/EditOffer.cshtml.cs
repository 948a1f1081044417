using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Web.Features.Shared;

namespace Senco.Web.Features.Provision;

/// Changing catalogue provision. A stale version shows what is saved now beside what was typed; nothing is overwritten.
public sealed class EditOfferModel(ProvisionCatalogue catalogue) : PageModel
{
    [BindProperty] public OfferForm Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public ProvisionOffer Offer { get; private set; } = null!;
    public OfferForm? Theirs { get; private set; }
    public string? ConflictMessage { get; private set; }
    public string Urn { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        Input = OfferForm.From(Offer);
        Version = Offer.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        var parse = new ValidationErrors();
        var input = Input.ToInput(parse);
        if (!parse.IsValid)
        {
            FormValues.AddTo(ModelState, parse);
            FormValues.AddTo(ModelState, Senco.Core.Provision.ProvisionRules.ValidateOffer(input));
            return Page();
        }
        var outcome = await catalogue.UpdateAsync(id, Version, input, Input.Archived, ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                TempData["Notice"] = $"\"{outcome.Value!.Name}\" has been saved.";
                return Redirect($"/schools/{Urn}/provision");
            case OutcomeKind.Conflict when outcome.Value is not null:
                ConflictMessage = outcome.Message;
                Theirs = OfferForm.From(outcome.Value);
                ModelState.Remove(nameof(Version));
                Version = outcome.Value.Version;
                ModelState.AddModelError(string.Empty, "Someone else changed this provision while you were editing. Nothing you typed has been saved yet.");
                return Page();
            case OutcomeKind.Invalid or OutcomeKind.Conflict:
                FormValues.AddTo(ModelState, outcome.Errors!);
                return Page();
            case OutcomeKind.NotFound: return NotFound();
            default: return StatusCode(403);
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await catalogue.FindAsync(id, Permission.ManageProvision, ct: ct);
        if (found.Kind == OutcomeKind.NotFound) return NotFound();
        if (found.Kind == OutcomeKind.Forbidden) return StatusCode(403);
        Offer = found.Value!;
        Urn = HttpContext.RequestServices.GetRequiredService<Senco.Web.Features.Shared.Access.UserContext>().School(Offer.SchoolId)!.Urn;
        ViewData["SchoolUrn"] = Urn;
        return null;
    }
}
