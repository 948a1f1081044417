using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Web.Features.Shared;

namespace Senco.Web.Features.Team;

/// Correcting an agency in the directory (a mistyped phone number, a new contact), or archiving one the school no
/// longer uses: archived agencies leave the referral picker but stay, because past referrals point at them.
public sealed class AgencyEditModel(TeamAccess access, TeamCommands commands) : TeamPageModel(access)
{
    public sealed class AgencyEditForm
    {
        public string? Name { get; set; }
        public string? Kind { get; set; }
        public string? ContactName { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
        public string? Address { get; set; }
        public string? Notes { get; set; }
        public bool Archived { get; set; }
    }

    [BindProperty] public AgencyEditForm Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public Agency Agency { get; private set; } = null!;
    /// The agency as someone else saved it, when the save was refused because they saved first.
    public Agency? Current { get; private set; }
    public IEnumerable<SelectListItem> KindItems =>
        new[] { new SelectListItem("Choose the kind of service", "") }.Concat(TeamText.Items<AgencyKind>(TeamText.Kind, Input.Kind));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, Permission.ManageTeam, ct) is { } denied) return denied;
        Input = new AgencyEditForm
        {
            Name = Agency.Name, Kind = Agency.Kind.ToString(), ContactName = Agency.ContactName, Phone = Agency.Phone, Email = Agency.Email,
            Address = Agency.Address, Notes = Agency.Notes, Archived = Agency.Archived,
        };
        Version = Agency.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, Permission.ManageTeam, ct) is { } denied) return denied;
        if (!ModelState.IsValid) return Page();
        var outcome = await commands.UpdateAgencyAsync(id,
            new AgencyInput(Input.Name, Input.Kind, Input.ContactName, Input.Phone, Input.Email, Input.Notes, Input.Address, Input.Archived, Version), ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                Notice = outcome.Value!.Archived ? $"{outcome.Value.Name} has been saved and archived." : $"{outcome.Value.Name} has been saved.";
                return Redirect($"/schools/{School.Urn}/agencies");
            case OutcomeKind.Invalid:
                AddErrors(outcome.Errors!, "Input");
                return Page();
            case OutcomeKind.Conflict:
                Current = outcome.Value;
                if (Current is not null) Version = Current.Version;
                ModelState.Remove(nameof(Version));
                ModelState.AddModelError("", "Someone else saved this agency since you opened it. Their version is shown below; your changes are still in the form: check them and save again.");
                return Page();
            default:
                return Deny(outcome.Kind)!;
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Permission permission, CancellationToken ct)
    {
        var found = await Access.AgencyAsync(id, permission, ct: ct);
        if (Deny(found.Kind) is { } denied) return denied;
        Agency = found.Value!;
        School = Access.User.School(Agency.SchoolId)!;
        ViewData["SchoolUrn"] = School.Urn;
        return null;
    }
}
