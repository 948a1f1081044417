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

namespace Senco.Web.Features.Interventions;

/// Changing a group. Carries the version read: if someone saved meanwhile, their version is shown beside what was typed.
public sealed class EditModel(UserContext user, ProvisionAccess access, SencoDbContext db, GroupCommands commands) : PageModel
{
    [BindProperty] public GroupForm Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public InterventionGroup Group { get; private set; } = null!;
    public GroupChoices Choices { get; private set; } = new();
    public string? ConflictMessage { get; private set; }
    public InterventionGroup? Theirs { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        Input = GroupForm.From(Group);
        Input.PadSlots();
        Version = Group.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        var parse = new ValidationErrors();
        var input = Input.ToInput(parse, Choices.CostOf(Input.StaffMemberId));
        Input.PadSlots();
        if (!ModelState.IsValid || !parse.IsValid)
        {
            FormValues.AddTo(ModelState, parse);
            GroupForm.AddErrors(ModelState, ProvisionRules.ValidateGroup(input, out _));
            return Page();
        }
        var outcome = await commands.UpdateAsync(id, Version, input, ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                TempData["Notice"] = "The group has been saved.";
                return Redirect($"/interventions/{id}");
            case OutcomeKind.Conflict when outcome.Value is not null:
                ConflictMessage = outcome.Message;
                Theirs = outcome.Value;
                ModelState.Remove(nameof(Version));
                Version = outcome.Value.Version;
                ModelState.AddModelError(string.Empty, "Someone else changed this group while you were editing. Nothing you typed has been saved yet.");
                return Page();
            case OutcomeKind.Invalid:
                GroupForm.AddErrors(ModelState, outcome.Errors!);
                return Page();
            case OutcomeKind.NotFound: return NotFound();
            default: return StatusCode(403);
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await access.FindGroupAsync(id, Permission.ManageProvision, ct: ct);
        if (found.Kind == OutcomeKind.NotFound) return NotFound();
        if (found.Kind == OutcomeKind.Forbidden) return StatusCode(403);
        Group = found.Value!;
        ViewData["SchoolUrn"] = user.School(Group.SchoolId)!.Urn;
        Choices = await GroupChoices.LoadAsync(db, Group.SchoolId, withPupils: false, ct);
        // The group's own provision stays choosable even if it has since been archived.
        if (Choices.Provisions.All(p => p.Value != Group.ProvisionId.ToString()))
            Choices.Provisions.Add(new(Group.Provision!.Name + " (archived)", Group.ProvisionId.ToString()));
        if (Group.StaffMember is { } s && Choices.Staff.All(p => p.Value != s.Id.ToString()))
            Choices.Staff.Add(new(s.Name + " (no longer active)", s.Id.ToString()));
        ViewData["Choices"] = Choices;
        return null;
    }
}
