using Microsoft.AspNetCore.Mvc;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Provision;
using Senco.Data;
using Senco.Web.Features.Provision;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Interventions;

/// Starting an intervention group: the provision's usual run fills the form; pupils come from the SEND register.
public sealed class NewModel(UserContext user, SencoDbContext db, GroupCommands commands, TimeProvider clock) : SchoolPageModel(user)
{
    [BindProperty] public GroupForm Input { get; set; } = new();
    [BindProperty(SupportsGet = true, Name = "provision")] public Guid? Provision { get; set; }
    public GroupChoices Choices { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ManageProvision) is { } denied) return denied;
        await LoadAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var offer = Provision is { } id ? await db.ProvisionOffers.FindAsync([id], ct) : null;
        Input = offer is not null && offer.SchoolId == School.SchoolId ? GroupForm.FromOffer(offer, Timetable.WeekBeginning(today).AddDays(7)) : new GroupForm { StartOn = Timetable.WeekBeginning(today).AddDays(7) };
        Input.PadSlots();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ManageProvision) is { } denied) return denied;
        await LoadAsync(ct);
        var parse = new ValidationErrors();
        var input = Input.ToInput(parse, Choices.CostOf(Input.StaffMemberId));
        if (!ModelState.IsValid || !parse.IsValid)
        {
            FormValues.AddTo(ModelState, parse);
            GroupForm.AddErrors(ModelState, ProvisionRules.ValidateGroup(input, out _));
            Input.PadSlots();
            return Page();
        }
        var outcome = await commands.CreateAsync(urn, input, Input.Pupils(), ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                TempData["Notice"] = $"\"{outcome.Value!.Name}\" has been started: {Money.Show(outcome.Value.TotalCost)} for {outcome.Value.Pupils.Count} pupils.";
                return Redirect($"/interventions/{outcome.Value.Id}");
            case OutcomeKind.Invalid:
                GroupForm.AddErrors(ModelState, outcome.Errors!);
                Input.PadSlots();
                return Page();
            case OutcomeKind.NotFound: return NotFound();
            default: return StatusCode(403);
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Choices = await GroupChoices.LoadAsync(db, School.SchoolId, withPupils: true, ct);
        ViewData["Choices"] = Choices;
    }
}
