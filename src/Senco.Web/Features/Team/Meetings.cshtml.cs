using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Web.Features.Shared;

namespace Senco.Web.Features.Team;

public sealed class MeetingForm
{
    public string? Title { get; set; }
    public string? Kind { get; set; } = "Review";
    public DateOnly? On { get; set; }
    public string? Time { get; set; }
    public int? DurationMinutes { get; set; } = 60;
    public string? Location { get; set; }
    public Guid? PupilId { get; set; }
    public string? Invited { get; set; }
    public string? Attendees { get; set; }
    public string? Notes { get; set; }

    /// The date and "HH:mm" time as one local time; an unreadable time is reported on the time field.
    public MeetingInput ToInput(Senco.Core.ValidationErrors errors, int? version = null)
    {
        DateTime? startsAt = null;
        if (On is { } d)
        {
            if (TimeOnly.TryParseExact((Time ?? "").Trim(), ["H:mm", "HH:mm", "H.mm", "HH.mm"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var t))
                startsAt = d.ToDateTime(t);
            else errors.Add("time", "Enter the start time like 15:30");
        }
        return new MeetingInput(Title, Kind, startsAt, DurationMinutes, Location, PupilId, Invited, Attendees, Notes, version);
    }

    public static MeetingForm From(Meeting m) => new()
    {
        Title = m.Title, Kind = m.Kind.ToString(), On = DateOnly.FromDateTime(m.StartsAt), Time = m.StartsAt.ToString("HH:mm"), DurationMinutes = m.DurationMinutes,
        Location = m.Location, PupilId = m.PupilId, Invited = m.Invited, Attendees = m.Attendees, Notes = m.Notes,
    };
}

/// Meetings: those coming up and those held, and scheduling a new one (perhaps about one pupil).
public sealed class MeetingsModel(TeamAccess access, TeamQueries queries, TeamCommands commands, PupilPicker picker) : TeamPageModel(access)
{
    [BindProperty] public MeetingForm Input { get; set; } = new();
    public IReadOnlyList<(Meeting Meeting, Pupil? Pupil)> Upcoming { get; private set; } = [];
    public IReadOnlyList<(Meeting Meeting, Pupil? Pupil)> Past { get; private set; } = [];
    [BindProperty] public PupilSearchForm PupilSearch { get; set; } = new();
    /// The pupil chosen and the matches of a "Find a pupil" search: a select of every pupil is unusable in a large school.
    public PupilPickerState Picker { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(string urn, Guid? pupilId, CancellationToken ct)
    {
        if (LoadSchool(urn, Permission.ViewTeam) is { } denied) return denied;
        Input.PupilId = pupilId;
        await LoadAsync(search: false, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string urn, CancellationToken ct)
    {
        if (LoadSchool(urn, Permission.ManageTeam) is { } denied) return denied;
        if (PupilSearch.Find is not null)
        {
            // "Find a pupil": show the form again with the matches; nothing is saved and nothing is wrong yet.
            PupilPicker.KeepValuesDropErrors(ModelState);
            await LoadAsync(search: true, ct);
            return Page();
        }
        if (ModelState.IsValid)
        {
            var errors = new Senco.Core.ValidationErrors();
            var input = Input.ToInput(errors);
            var outcome = errors.IsValid ? await commands.CreateMeetingAsync(urn, input, ct) : null;
            if (outcome is { IsOk: true })
            {
                Notice = "The meeting has been arranged. Download the invitation to send it.";
                return Redirect($"/meetings/{outcome.Value!.Id}");
            }
            if (outcome is not null && Deny(outcome.Kind) is { } d) return d;
            AddErrors(errors, "Input");
            if (outcome?.Errors is { } e) FormErrors(e);
        }
        await LoadAsync(search: false, ct);
        return Page();
    }

    private void FormErrors(Senco.Core.ValidationErrors e) =>
        Senco.Web.Features.Shared.FormErrors.AddTo(ModelState, e, "Input", f => f == "startsAt" ? "Input.On" : null);

    private async Task LoadAsync(bool search, CancellationToken ct)
    {
        Upcoming = await queries.MeetingsAsync(School.SchoolId, upcoming: true, ct);
        Past = (await queries.MeetingsAsync(School.SchoolId, upcoming: false, ct)).Take(20).ToList();
        Picker = await picker.LoadAsync(School, Input.PupilId, PupilSearch.Query, search, ct);
    }
}
