using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Model;
using Senco.Core.Provision;
using Senco.Data;
using Senco.Web.Features.Provision;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Interventions;

public sealed class MarkForm
{
    public Guid PupilId { get; set; }
    public string Name { get; set; } = "";
    [Display(Name = "Attendance")] public bool? Attended { get; set; }
    [Display(Name = "Note (optional)")] public string? Note { get; set; }
}

public sealed class RegisterForm
{
    [Display(Name = "Was the session held?")] public string? Status { get; set; }
    [Display(Name = "Note")] public string? Note { get; set; }
    public List<MarkForm> Marks { get; set; } = [];
}

/// Taking the register of one session, made for a phone in a corridor: one column, big targets, nothing else.
public sealed partial class RegisterModel(UserContext user, ProvisionAccess access, SencoDbContext db, GroupCommands commands, TimeProvider clock) : PageModel
{
    [BindProperty] public RegisterForm Input { get; set; } = new();
    [BindProperty] public int? Version { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? On { get; set; }
    public InterventionGroup Group { get; private set; } = null!;
    public InterventionSession? Existing { get; private set; }
    public string? ConflictMessage { get; private set; }
    public List<DateOnly> Due { get; private set; } = [];
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        Fill();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        var names = Input.Marks.ToDictionary(m => m.PupilId, m => m.Name);
        var marks = Input.Status == nameof(SessionStatus.Cancelled) ? [] : Input.Marks.Select(m => new RegisterMark(m.PupilId, m.Attended, m.Note)).ToList();
        var outcome = await commands.SaveRegisterAsync(id, Existing?.Id, Existing is null ? null : Version, On, Input.Status, Input.Note, marks, ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                var s = outcome.Value!;
                TempData["Notice"] = s.Status == SessionStatus.Cancelled
                    ? $"The session on {Dates.Long(s.On)} is recorded as cancelled."
                    : $"Register saved for {Dates.Long(s.On)}: {s.Attendance.Count(a => a.Attended)} of {s.Attendance.Count} present.";
                return Redirect($"/interventions/{id}");
            case OutcomeKind.Conflict when outcome.Value is not null:
                // Someone else saved this register meanwhile: show theirs; keep these marks on the form.
                ConflictMessage = outcome.Message;
                Existing = outcome.Value;
                ModelState.Remove(nameof(Version));
                Version = outcome.Value.Version;
                ModelState.AddModelError(string.Empty, "Someone else saved this register while you were taking it. Your marks have not been saved yet.");
                return Page();
            case OutcomeKind.Invalid or OutcomeKind.Conflict:
                foreach (var (field, messages) in outcome.Errors!)
                    foreach (var m in messages) ModelState.AddModelError(FormKey(field), m);
                return Page();
            case OutcomeKind.NotFound: return NotFound();
            default: return StatusCode(403);
        }
    }

    private static string FormKey(string field)
    {
        var m = MarkField().Match(field);
        if (m.Success) return $"Input.Marks[{m.Groups[1].Value}].{(m.Groups[2].Value == "note" ? "Note" : "Attended")}";
        return field switch { "status" => "Input.Status", "note" => "Input.Note", _ => string.Empty };
    }

    [GeneratedRegex(@"^attendance\[(\d+)\]\.(\w+)$")]
    private static partial Regex MarkField();

    private void Fill()
    {
        var members = Members();
        Input = new RegisterForm
        {
            Status = Existing?.Status.ToString() ?? nameof(SessionStatus.Held),
            Note = Existing?.Note,
            Marks = members.Select(m => new MarkForm
            {
                PupilId = m.PupilId, Name = m.Pupil!.FullName,
                Attended = Existing?.Attendance.FirstOrDefault(a => a.PupilId == m.PupilId)?.Attended,
                Note = Existing?.Attendance.FirstOrDefault(a => a.PupilId == m.PupilId)?.Note,
            }).ToList(),
        };
        Version = Existing?.Version;
    }

    private List<GroupPupil> _members = [];
    private List<GroupPupil> Members() => _members.Where(m => m.JoinedOn <= On && (m.LeftOn is null || m.LeftOn >= On))
        .OrderBy(m => m.Pupil!.Surname, StringComparer.OrdinalIgnoreCase).ThenBy(m => m.Pupil!.Forename, StringComparer.OrdinalIgnoreCase).ToList();

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await access.FindGroupToRecordAsync(id, ct: ct);
        if (found.Kind == OutcomeKind.NotFound) return NotFound();
        if (found.Kind == OutcomeKind.Forbidden) return StatusCode(403);
        Group = found.Value!;
        ViewData["SchoolUrn"] = user.School(Group.SchoolId)!.Urn;
        var taken = await db.InterventionSessions.AsNoTracking().Where(s => s.GroupId == id).Select(s => s.On).ToListAsync(ct);
        Due = Timetable.SessionDates(Group.StartOn, Group.Weeks, Group.Slots.Select(s => s.Day), Today).Where(d => !taken.Contains(d)).OrderByDescending(d => d).ToList();
        if (On is null)
        {
            // The latest session still to take, or today if the group meets today or has no timetable.
            var end = Group.EndOn < Today ? Group.EndOn : Today;
            On = Due.FirstOrDefault(d => d <= end) is { } d && d != default ? d : end;
        }
        Existing = await db.InterventionSessions.AsNoTracking().Include(s => s.Attendance).FirstOrDefaultAsync(s => s.GroupId == id && s.On == On, ct);
        _members = await db.GroupPupils.AsNoTracking().Include(m => m.Pupil).Where(m => m.GroupId == id).ToListAsync(ct);
        // Names are shown from the database, never from what was posted.
        foreach (var m in Input.Marks) m.Name = _members.FirstOrDefault(x => x.PupilId == m.PupilId)?.Pupil?.FullName ?? "";
        return null;
    }
}
