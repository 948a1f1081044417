using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Core.Provision;
using Senco.Data;
using Senco.Web.Features.Provision;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Deployment;

public sealed class EditStaffModel(UserContext user, ProvisionAccess access, SencoDbContext db, StaffCommands commands) : PageModel
{
    [BindProperty] public StaffForm Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public StaffMember Staff { get; private set; } = null!;
    public string? ConflictMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        Input = StaffForm.From(Staff);
        Version = Staff.Version;
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
            FormValues.AddTo(ModelState, ProvisionRules.ValidateStaff(input));
            return Page();
        }
        var outcome = await commands.UpdateAsync(id, Version, input, ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                TempData["Notice"] = $"{outcome.Value!.Name}'s record has been saved.";
                return Redirect($"/staff/{id}");
            case OutcomeKind.Conflict when outcome.Value is not null:
                ConflictMessage = outcome.Message;
                ModelState.Remove(nameof(Version));
                Version = outcome.Value.Version;
                ModelState.AddModelError(string.Empty, "Someone else changed this record while you were editing. Nothing you typed has been saved yet: check it and save again.");
                return Page();
            case OutcomeKind.Invalid:
                FormValues.AddTo(ModelState, outcome.Errors!);
                return Page();
            case OutcomeKind.NotFound: return NotFound();
            default: return StatusCode(403);
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await access.FindStaffAsync(id, Permission.ManageProvision, ct: ct);
        if (found.Kind == OutcomeKind.NotFound) return NotFound();
        if (found.Kind == OutcomeKind.Forbidden) return StatusCode(403);
        Staff = found.Value!;
        ViewData["SchoolUrn"] = user.School(Staff.SchoolId)!.Urn;
        ViewData["Choices"] = await StaffChoices.LoadAsync(db, Staff.SchoolId, Staff.Id, ct);
        return null;
    }
}
