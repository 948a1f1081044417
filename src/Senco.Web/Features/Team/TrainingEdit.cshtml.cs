using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Web.Features.Shared;

namespace Senco.Web.Features.Team;

/// Correcting a training record (a wrong date, the hours, who attended it). Recorded by those who manage the team.
public sealed class TrainingEditModel(TeamAccess access, StaffDevelopment development) : TeamPageModel(access)
{
    [BindProperty] public StaffDevelopmentPageModel.TrainingForm Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public TrainingRecord Training { get; private set; } = null!;
    /// The record as someone else saved it, when the save was refused because they saved first.
    public TrainingRecord? Current { get; private set; }
    public IReadOnlyList<StaffMember> Staff { get; private set; } = [];
    public IEnumerable<SelectListItem> StaffItems =>
        new[] { new SelectListItem("Choose a member of staff", "") }.Concat(Staff.Select(s => new SelectListItem(s.Name, s.Id.ToString(), s.Id == Input.StaffMemberId)));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        var t = Training;
        Input = new() { StaffMemberId = t.StaffMemberId, Title = t.Title, Provider = t.Provider, CompletedOn = t.CompletedOn, Hours = t.Hours, RenewBy = t.RenewBy };
        Version = t.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (!ModelState.IsValid) return Page();
        var outcome = await development.UpdateTrainingAsync(id,
            new TrainingInput(Input.StaffMemberId, Input.Title, Input.Provider, Input.CompletedOn, Input.Hours, Input.RenewBy, Version), ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                Notice = $"The training record \"{outcome.Value!.Title}\" has been saved.";
                return Redirect($"/schools/{School.Urn}/staff-development#training");
            case OutcomeKind.Invalid:
                AddErrors(outcome.Errors!, "Input");
                return Page();
            case OutcomeKind.Conflict:
                Current = outcome.Value;
                if (Current is not null) Version = Current.Version;
                ModelState.Remove(nameof(Version));
                ModelState.AddModelError("", "Someone else saved this training record since you opened it. Their version is shown below; your changes are still in the form: check them and save again.");
                return Page();
            default:
                return Deny(outcome.Kind)!;
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await development.TrainingAsync(id, ct);
        if (Deny(found.Kind) is { } denied) return denied;
        Training = found.Value!;
        School = Access.User.School(Training.SchoolId)!;
        ViewData["SchoolUrn"] = School.Urn;
        Staff = await development.StaffAsync(School.SchoolId, ct);
        return null;
    }
}
