using Microsoft.AspNetCore.Mvc;
using Senco.Core;
using Senco.Core.Access;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Provision;

public sealed class NewOfferModel(UserContext user, ProvisionCatalogue catalogue) : SchoolPageModel(user)
{
    [BindProperty] public OfferForm Input { get; set; } = new();

    public IActionResult OnGet(string urn) => Authorise(urn, Permission.ManageProvision) ?? Page();

    public async Task<IActionResult> OnPostAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ManageProvision) is { } denied) return denied;
        var parse = new ValidationErrors();
        var input = Input.ToInput(parse);
        FormValues.AddTo(ModelState, parse);
        if (!parse.IsValid)
        {
            // Still check the rest, so every problem shows at once.
            FormValues.AddTo(ModelState, Senco.Core.Provision.ProvisionRules.ValidateOffer(input));
            return Page();
        }
        var outcome = await catalogue.CreateAsync(urn, input, ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                TempData["Notice"] = $"\"{outcome.Value!.Name}\" has been added to the catalogue.";
                return Redirect($"/schools/{urn}/provision");
            case OutcomeKind.Invalid or OutcomeKind.Conflict:
                FormValues.AddTo(ModelState, outcome.Errors!);
                return Page();
            case OutcomeKind.NotFound: return NotFound();
            default: return StatusCode(403);
        }
    }
}
