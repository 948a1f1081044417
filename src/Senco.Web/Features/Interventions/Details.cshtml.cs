using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Core.Provision;
using Senco.Data;
using Senco.Web.Features.Provision;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Interventions;

/// A group: who, when, cost, pupils with their scores, the registers taken and due.
public sealed class DetailsModel(UserContext user, ProvisionAccess access, SencoDbContext db, GroupCommands commands, PupilPicker picker, AuditLog audit, TimeProvider clock) : PageModel
{
    [TempData] public string? Notice { get; set; }
    [BindProperty, Display(Name = "Pupil")] public Guid? AddPupilId { get; set; }
    [BindProperty, Display(Name = "Joined on")] public DateOnly? AddJoinedOn { get; set; }
    public InterventionGroup Group { get; private set; } = null!;
    public MapGroup Costed { get; private set; } = null!;
    public YearProvision Year { get; private set; } = null!;
    public List<InterventionSession> Sessions { get; private set; } = [];
    public List<DateOnly> Due { get; private set; } = [];
    public bool CanManage { get; private set; }
    public bool CanRecord { get; private set; }
    [BindProperty] public PupilSearchForm PupilSearch { get; set; } = new();
    /// The pupil to add, found by name, UPN or year group (any pupil on roll: a group is not only for the register).
    public PupilPickerState Picker { get; private set; } = new();
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAddPupilAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (!CanManage) return StatusCode(403);
        if (PupilSearch.Find is not null)
        {
            // "Find a pupil": the page again with the matches; nothing is added yet.
            PupilPicker.KeepValuesDropErrors(ModelState);
            Picker = await picker.LoadAsync(user.School(Group.SchoolId)!, AddPupilId, PupilSearch.Query, search: true, ct);
            return Page();
        }
        if (!ModelState.IsValid) return Page();
        var outcome = await commands.AddPupilAsync(id, AddPupilId, AddJoinedOn, ct);
        if (outcome.IsOk)
        {
            Notice = $"{outcome.Value!.Pupil!.FullName} has joined the group.";
            return Redirect($"/interventions/{id}");
        }
        foreach (var (field, messages) in outcome.Errors ?? new ValidationErrors())
            foreach (var m in messages) ModelState.AddModelError(field == "joinedOn" ? nameof(AddJoinedOn) : nameof(AddPupilId), m);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await access.FindGroupAsync(id, Permission.ViewProvision, ct: ct);
        if (found.Kind == OutcomeKind.NotFound) return NotFound();
        if (found.Kind == OutcomeKind.Forbidden) return StatusCode(403);
        Group = found.Value!;
        var school = user.School(Group.SchoolId)!;
        ViewData["SchoolUrn"] = school.Urn;
        CanManage = access.CanManage(Group.SchoolId);
        CanRecord = access.CanRecord(Group);
        Year = await ProvisionQueries.LoadYearAsync(new SchoolData(db, school), ProvisionMap.YearOf(Group.StartOn), ct, groupId: id);
        Costed = Year.Group(id);
        Sessions = await db.InterventionSessions.AsNoTracking().Include(s => s.Attendance).Where(s => s.GroupId == id).ToListAsync(ct);
        Sessions = Sessions.OrderByDescending(s => s.On).ToList();
        var taken = Sessions.Select(s => s.On).ToHashSet();
        Due = Timetable.SessionDates(Group.StartOn, Group.Weeks, Group.Slots.Select(s => s.Day), Today).Where(d => !taken.Contains(d)).OrderByDescending(d => d).ToList();
        if (CanManage) Picker = await picker.LoadAsync(school, AddPupilId, PupilSearch.Query, search: false, ct);
        audit.Read("intervention.read", $"Viewed intervention group \"{Group.Name}\"", Group.SchoolId);
        return null;
    }
}
