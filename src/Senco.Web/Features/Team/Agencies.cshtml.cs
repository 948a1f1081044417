using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Core.Model;

namespace Senco.Web.Features.Team;

/// The agencies the school works with, their contacts, and how long pupils wait to be seen.
public sealed class AgenciesModel(TeamAccess access, TeamQueries queries, TeamCommands commands) : TeamPageModel(access)
{
    public sealed class AgencyForm
    {
        public string? Name { get; set; }
        public string? Kind { get; set; }
        public string? ContactName { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
        public string? Address { get; set; }
        public string? Notes { get; set; }
    }

    [BindProperty] public AgencyForm Input { get; set; } = new();
    public IReadOnlyList<AgencyWaits> Agencies { get; private set; } = [];
    public IEnumerable<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> KindItems =>
        new[] { new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem("Choose the kind of service", "") }.Concat(TeamText.Items<AgencyKind>(TeamText.Kind, Input.Kind));

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (LoadSchool(urn, Permission.ViewTeam) is { } denied) return denied;
        Agencies = await queries.AgenciesAsync(School.SchoolId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string urn, CancellationToken ct)
    {
        if (LoadSchool(urn, Permission.ManageTeam) is { } denied) return denied;
        var outcome = await commands.CreateAgencyAsync(urn, new AgencyInput(Input.Name, Input.Kind, Input.ContactName, Input.Phone, Input.Email, Input.Notes, Input.Address), ct);
        if (outcome.IsOk)
        {
            Notice = $"{outcome.Value!.Name} has been added to the directory.";
            return Redirect($"/schools/{urn}/agencies");
        }
        if (Deny(outcome.Kind) is { } d) return d;
        AddErrors(outcome.Errors!, "Input");
        Agencies = await queries.AgenciesAsync(School.SchoolId, ct);
        return Page();
    }
}
