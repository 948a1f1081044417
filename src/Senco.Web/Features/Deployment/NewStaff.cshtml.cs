using Microsoft.AspNetCore.Mvc;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Provision;
using Senco.Data;
using Senco.Web.Features.Provision;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Deployment;

public sealed class NewStaffModel(UserContext user, SencoDbContext db, StaffCommands commands) : SchoolPageModel(user)
{
    [BindProperty] public StaffForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ManageProvision) is { } denied) return denied;
        ViewData["Choices"] = await StaffChoices.LoadAsync(db, School.SchoolId, null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ManageProvision) is { } denied) return denied;
        ViewData["Choices"] = await StaffChoices.LoadAsync(db, School.SchoolId, null, ct);
        var parse = new ValidationErrors();
        var input = Input.ToInput(parse);
        if (!parse.IsValid)
        {
            FormValues.AddTo(ModelState, parse);
            FormValues.AddTo(ModelState, ProvisionRules.ValidateStaff(input));
            return Page();
        }
        var outcome = await commands.CreateAsync(urn, input, ct);
        if (outcome.IsOk)
        {
            TempData["Notice"] = $"{outcome.Value!.Name} has been added.";
            return Redirect($"/staff/{outcome.Value.Id}");
        }
        if (outcome.Errors is null) return outcome.Kind == OutcomeKind.NotFound ? NotFound() : StatusCode(403);
        FormValues.AddTo(ModelState, outcome.Errors);
        return Page();
    }
}
