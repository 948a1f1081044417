using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Senco.Core;
using Senco.Core.Model;
using Senco.Web.Features.Shared;

namespace Senco.Web.Features.Team;

/// Correcting a line of the training-needs analysis, and naming the training that met it: the need then shows as
/// met on the day that training was completed, so the analysis and the training records tell one story.
public sealed class TrainingNeedEditModel(TeamAccess access, StaffDevelopment development) : TeamPageModel(access)
{
    public sealed class NeedEditForm
    {
        public Guid? StaffMemberId { get; set; }
        public string? Area { get; set; }
        public string? Reason { get; set; }
        public string? Priority { get; set; }
        public Guid? MetByTrainingId { get; set; }
    }

    [BindProperty] public NeedEditForm Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public TrainingNeed Need { get; private set; } = null!;
    public TrainingNeed? Current { get; private set; }
    public IReadOnlyList<StaffMember> Staff { get; private set; } = [];
    public IReadOnlyList<TrainingRecord> Training { get; private set; } = [];
    public IEnumerable<SelectListItem> StaffItems =>
        new[] { new SelectListItem("Choose a member of staff", "") }.Concat(Staff.Select(s => new SelectListItem(s.Name, s.Id.ToString(), s.Id == Input.StaffMemberId)));
    public IEnumerable<SelectListItem> TrainingItems =>
        new[] { new SelectListItem(Need.MetByTrainingId is null && Need.MetOn is not null ? "Met, without a training record" : "Not met by recorded training yet", "") }
            .Concat(Training.Select(t => new SelectListItem($"{t.Title}, completed {Dates.Long(t.CompletedOn)}", t.Id.ToString(), t.Id == Input.MetByTrainingId)));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        var n = Need;
        Input = new() { StaffMemberId = n.StaffMemberId, Area = n.Area, Reason = n.Reason, Priority = n.Priority.ToString(), MetByTrainingId = n.MetByTrainingId };
        Version = n.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (!ModelState.IsValid) return Page();
        var outcome = await development.UpdateNeedAsync(id, new TrainingNeedInput(Input.StaffMemberId, Input.Area, Input.Reason, Input.Priority, Version, Input.MetByTrainingId), ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                var n = outcome.Value!;
                Notice = n.MetByTraining is { } t ? $"The training need \"{n.Area}\" has been saved, met by \"{t.Title}\"." : $"The training need \"{n.Area}\" has been saved.";
                return Redirect($"/schools/{School.Urn}/staff-development#needs");
            case OutcomeKind.Invalid:
                AddErrors(outcome.Errors!, "Input");
                return Page();
            case OutcomeKind.Conflict:
                Current = outcome.Value;
                if (Current is not null) Version = Current.Version;
                ModelState.Remove(nameof(Version));
                ModelState.AddModelError("", "Someone else saved this training need since you opened it. Their version is shown below; your changes are still in the form: check them and save again.");
                return Page();
            default:
                return Deny(outcome.Kind)!;
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await development.NeedAsync(id, ct);
        if (Deny(found.Kind) is { } denied) return denied;
        Need = found.Value!;
        School = Access.User.School(Need.SchoolId)!;
        ViewData["SchoolUrn"] = School.Urn;
        Staff = await development.StaffAsync(School.SchoolId, ct);
        Training = await development.TrainingOfAsync(School.SchoolId, Need.StaffMemberId, ct);
        return null;
    }
}
