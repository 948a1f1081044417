using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Core.Team;
using Senco.Web.Features.Shared;

namespace Senco.Web.Features.Team;

/// The school's safeguarding designations (DSL, deputy, designated teacher for looked-after children), which further
/// roles may open restricted notes, and the upload size limit. Changed by the SENCO or a senior leader; read by
/// everyone in the team so they know who the DSL is.
public sealed class SettingsModel(TeamAccess access, TeamCommands commands) : TeamPageModel(access)
{
    public sealed class SettingsForm
    {
        public Guid? DslUserId { get; set; }
        public Guid? DeputyDslUserId { get; set; }
        public Guid? DesignatedTeacherUserId { get; set; }
        public List<string> RestrictedNoteRoles { get; set; } = [];
        public int? MaxUploadMegabytes { get; set; }
        public int Version { get; set; }
    }

    [BindProperty] public SettingsForm Input { get; set; } = new();
    public IReadOnlyList<(Guid Id, string Name)> Staff { get; private set; } = [];
    public bool CanChange => School.Can(Permission.ManageSafeguardingSettings);
    public TeamSettings Saved { get; private set; } = null!;

    public IEnumerable<SelectListItem> StaffItems(Guid? selected) =>
        new[] { new SelectListItem("No one named", "") }.Concat(Staff.Select(s => new SelectListItem(s.Name, s.Id.ToString(), s.Id == selected)));

    public IEnumerable<SelectListItem> RoleItems => RestrictedNoteRules.Allowable.Select(r => new SelectListItem(RolePermissions.Describe(r) + "s", r.ToString(), Input.RestrictedNoteRoles.Contains(r.ToString())));

    public string NameOf(Guid? id) => id is { } v ? Staff.FirstOrDefault(s => s.Id == v).Name ?? "No one named" : "No one named";

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (LoadSchool(urn, Permission.ViewTeam) is { } denied) return denied;
        await LoadAsync(ct);
        Input = new SettingsForm
        {
            DslUserId = Saved.DslUserId, DeputyDslUserId = Saved.DeputyDslUserId, DesignatedTeacherUserId = Saved.DesignatedTeacherUserId,
            RestrictedNoteRoles = RestrictedNoteRules.AllowedRoles(Saved.RestrictedNoteRoles).Select(r => r.ToString()).ToList(),
            MaxUploadMegabytes = Saved.MaxUploadMegabytes, Version = Saved.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string urn, CancellationToken ct)
    {
        if (LoadSchool(urn, Permission.ManageSafeguardingSettings) is { } denied) return denied;
        await LoadAsync(ct);
        if (!ModelState.IsValid) return Page();
        var outcome = await commands.SaveSettingsAsync(urn, new SettingsInput(Input.DslUserId, Input.DeputyDslUserId, Input.DesignatedTeacherUserId,
            Input.RestrictedNoteRoles.ToArray(), Input.MaxUploadMegabytes, Input.Version), ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                Notice = "The designations have been saved.";
                return Redirect($"/schools/{urn}/team-settings");
            case OutcomeKind.Invalid:
                AddErrors(outcome.Errors!, "Input");
                return Page();
            case OutcomeKind.Conflict:
                ModelState.AddModelError("", "Someone else changed these settings since you opened them. Reload the page and make your change again.");
                return Page();
            default:
                return Deny(outcome.Kind)!;
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Staff = await Access.StaffUsersAsync(School.SchoolId, ct);
        Saved = await Access.SettingsAsync(School.SchoolId, ct);
    }
}
