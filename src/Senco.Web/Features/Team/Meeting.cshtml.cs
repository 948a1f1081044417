using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Team;

/// One meeting: who was invited and came, the notes, the actions with their owners and due dates, documents, and
/// the invitation as an iCalendar file.
public sealed class MeetingModel(TeamAccess access, TeamCommands commands, AuditLog audit) : TeamPageModel(access)
{
    public sealed class ActionForm
    {
        public string? Description { get; set; }
        public Guid? OwnerUserId { get; set; }
        public DateOnly? DueOn { get; set; }
    }

    [BindProperty] public MeetingForm Record { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    [BindProperty] public ActionForm Action { get; set; } = new();
    public Meeting Meeting { get; private set; } = null!;
    public Pupil? About { get; private set; }
    public Meeting? Current { get; private set; }
    public IReadOnlyList<SelectListItem> OwnerItems { get; private set; } = [];
    public DocumentsPartial Documents { get; private set; } = null!;
    public string? OpenForm { get; private set; }
    public Guid CurrentUserId => Access.User.UserId;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, Permission.ViewTeam, ct) is { } denied) return denied;
        Record = MeetingForm.From(Meeting);
        Version = Meeting.Version;
        if (About is not null) audit.Read("meeting.read", $"Viewed {Meeting.Title}", Meeting.SchoolId, About.Id);
        return Page();
    }

    public async Task<IActionResult> OnGetIcsAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, Permission.ViewTeam, ct) is { } denied) return denied;
        return File(System.Text.Encoding.UTF8.GetBytes(TeamApi.Invitation(Meeting)), "text/calendar", $"meeting-{Meeting.StartsAt:yyyy-MM-dd}.ics");
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, Permission.ManageTeam, ct) is { } denied) return denied;
        Only("Record");
        OpenForm = "Record";
        if (!ModelState.IsValid) return Page();
        var errors = new Senco.Core.ValidationErrors();
        var input = Record.ToInput(errors, Version) with { PupilId = Meeting.PupilId };
        if (!errors.IsValid)
        {
            AddErrors(errors, "Record");
            return Page();
        }
        var outcome = await commands.UpdateMeetingAsync(id, input, ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                Notice = "The meeting record has been saved.";
                return Redirect($"/meetings/{id}");
            case OutcomeKind.Invalid:
                FormErrors.AddTo(ModelState, outcome.Errors!, "Record", f => f == "startsAt" ? "Record.On" : null);
                return Page();
            case OutcomeKind.Conflict:
                Current = outcome.Value;
                Version = Current!.Version;
                ModelState.AddModelError("", "Someone else saved this meeting since you opened it. Their notes are shown below yours: combine them and save again.");
                return Page();
            default:
                return Deny(outcome.Kind)!;
        }
    }

    public async Task<IActionResult> OnPostActionAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, Permission.ManageTeam, ct) is { } denied) return denied;
        Only("Action");
        OpenForm = "Action";
        Record = MeetingForm.From(Meeting);
        Version = Meeting.Version;
        if (!ModelState.IsValid) return Page();
        var outcome = await commands.AddActionAsync(id, new ActionInput(Action.Description, Action.OwnerUserId, Action.DueOn), ct);
        if (outcome.IsOk)
        {
            Notice = $"The action has been added to {outcome.Value!.OwnerName}'s tasks.";
            return Redirect($"/meetings/{id}#actions");
        }
        if (Deny(outcome.Kind) is { } d) return d;
        AddErrors(outcome.Errors!, "Action");
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid id, IFormFile? upload, string? uploadDescription, CancellationToken ct)
    {
        if (await LoadAsync(id, Permission.ManageTeam, ct) is { } denied) return denied;
        Record = MeetingForm.From(Meeting);
        Version = Meeting.Version;
        if (await UploadAsync(commands, new DocumentTarget(MeetingId: id), upload, uploadDescription, ct)) return Redirect($"/meetings/{id}#documents");
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Permission permission, CancellationToken ct)
    {
        var found = await Access.MeetingAsync(id, permission, ct: ct);
        if (Deny(found.Kind) is { } denied) return denied;
        Meeting = found.Value!;
        School = Access.User.School(Meeting.SchoolId)!;
        ViewData["SchoolUrn"] = School.Urn;
        if (Meeting.PupilId is { } pid) About = (await Access.PupilAsync(pid, Permission.ViewPupils, ct)).Value;
        OwnerItems = new[] { new SelectListItem("Choose who will do it", "") }
            .Concat((await Access.StaffUsersAsync(Meeting.SchoolId, ct)).Select(u => new SelectListItem(u.Name, u.Id.ToString(), u.Id == Action.OwnerUserId))).ToList();
        var settings = await Access.SettingsAsync(Meeting.SchoolId, ct);
        Documents = new DocumentsPartial("Documents", await commands.DocumentsAsync(new DocumentTarget(MeetingId: id), ct), School.Can(Permission.ManageTeam), settings.MaxUploadMegabytes);
        return null;
    }
}
