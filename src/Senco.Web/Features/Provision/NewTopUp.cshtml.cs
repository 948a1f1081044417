using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Web.Features.Pupils;
using Senco.Web.Features.Shared;

namespace Senco.Web.Features.Provision;

public sealed class TopUpForm
{
    [Display(Name = "Band")] public string? Band { get; set; }
    [Display(Name = "Amount")] public string? Amount { get; set; }
    [Display(Name = "From")] public DateOnly? From { get; set; }
    [Display(Name = "To")] public DateOnly? To { get; set; }
    [Display(Name = "Note (optional)")] public string? Note { get; set; }
}

public sealed class NewTopUpModel(PupilFinder finder, FundingCommands commands) : PageModel
{
    [BindProperty] public TopUpForm Input { get; set; } = new();
    public Pupil Pupil { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        var errors = new ValidationErrors();
        var amount = FormValues.Money(Input.Amount, "amount", "The amount", errors);
        if (!ModelState.IsValid || !errors.IsValid)
        {
            FormValues.AddTo(ModelState, errors);
            FormValues.AddTo(ModelState, Senco.Core.Provision.Funding.ValidateTopUp(Input.Band, amount, Input.From, Input.To));
            return Page();
        }
        var outcome = await commands.AddTopUpAsync(id, Input.Band, amount, Input.From, Input.To, Input.Note, ct);
        if (outcome.IsOk)
        {
            TempData["Notice"] = $"Top-up of {Money.Show(outcome.Value!.Amount)} has been recorded.";
            return Redirect($"/pupils/{id}/provision");
        }
        if (outcome.Errors is null) return outcome.Kind == OutcomeKind.NotFound ? NotFound() : StatusCode(403);
        FormValues.AddTo(ModelState, outcome.Errors);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await finder.FindAsync(id, Permission.ManageProvision, ct: ct);
        if (found.Kind == OutcomeKind.NotFound) return NotFound();
        if (found.Kind == OutcomeKind.Forbidden) return StatusCode(403);
        Pupil = found.Value!;
        ViewData["SchoolUrn"] = Pupil.School!.Urn;
        return null;
    }
}
