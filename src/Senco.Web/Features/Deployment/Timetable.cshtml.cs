using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Core.Provision;
using Senco.Data;
using Senco.Web.Features.Interventions;
using Senco.Web.Features.Provision;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Deployment;

public sealed class EntryForm
{
    [Display(Name = "What it is")] public string? Kind { get; set; }
    [Display(Name = "Day")] public string? Day { get; set; }
    [Display(Name = "Starts")] public string? Start { get; set; }
    [Display(Name = "Ends")] public string? End { get; set; }
    [Display(Name = "Description")] public string? Description { get; set; }
    [Display(Name = "Pupil supported (optional)")] public Guid? PupilId { get; set; }
    [Display(Name = "From (optional)")] public DateOnly? From { get; set; }
    [Display(Name = "To (optional)")] public DateOnly? To { get; set; }
}

/// A member of staff's week: groups, 1:1 support and classes by day, hours against contract, clashes flagged.
public sealed class TimetableModel(UserContext user, ProvisionAccess access, SencoDbContext db, StaffCommands commands, PupilPicker picker, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? Week { get; set; }
    [BindProperty] public EntryForm Entry { get; set; } = new();
    [TempData] public string? Notice { get; set; }
    public StaffMember Staff { get; private set; } = null!;
    public StaffWeek Timetable { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public bool CanSeeAll { get; private set; }
    [BindProperty] public PupilSearchForm PupilSearch { get; set; } = new();
    /// The pupil chosen for 1:1 support and the matches of a "Find a pupil" search (a select of every pupil on the
    /// register is unusable in a large school, and cannot tell two pupils of the same name apart).
    public PupilPickerState Picker { get; private set; } = new();
    public HashSet<string> Clashing { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAddAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (!CanManage) return StatusCode(403);
        if (PupilSearch.Find is not null)
        {
            // "Find a pupil": the form again with the matches; nothing is saved and nothing is wrong yet.
            PupilPicker.KeepValuesDropErrors(ModelState);
            Picker = await picker.LoadAsync(user.School(Staff.SchoolId)!, Entry.PupilId, PupilSearch.Query, search: true, ct);
            return Page();
        }
        var input = new TimetableEntryInput(Entry.Kind, Entry.Day, Entry.Start, Entry.End, Entry.Description, Entry.PupilId, Entry.From, Entry.To);
        if (!ModelState.IsValid)
        {
            FormValues.AddTo(ModelState, ProvisionRules.ValidateTimetableEntry(input, out _), "Entry");
            return Page();
        }
        var outcome = await commands.AddEntryAsync(id, input, ct);
        if (outcome.IsOk)
        {
            Notice = $"{outcome.Value!.Description} has been added to {Staff.Name}'s timetable.";
            return Redirect($"/staff/{id}?week={Timetable.Monday:yyyy-MM-dd}");
        }
        if (outcome.Errors is null) return outcome.Kind == OutcomeKind.NotFound ? NotFound() : StatusCode(403);
        FormValues.AddTo(ModelState, outcome.Errors, "Entry");
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid entryId, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        var outcome = await commands.RemoveEntryAsync(id, entryId, ct);
        if (outcome.Kind == OutcomeKind.NotFound) return NotFound();
        if (!outcome.IsOk) return StatusCode(403);
        Notice = $"{outcome.Value!.Description} has been removed.";
        return Redirect($"/staff/{id}?week={Timetable.Monday:yyyy-MM-dd}");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await access.FindStaffAsync(id, Permission.ViewDeployment, ct: ct);
        if (found.Kind == OutcomeKind.NotFound) return NotFound();
        if (found.Kind == OutcomeKind.Forbidden) return StatusCode(403);
        Staff = found.Value!;
        ViewData["SchoolUrn"] = user.School(Staff.SchoolId)!.Urn;
        CanManage = access.CanManage(Staff.SchoolId);
        CanSeeAll = user.Can(Staff.SchoolId, Permission.ViewDeployment);
        var monday = Senco.Core.Provision.Timetable.WeekBeginning(Week ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        Timetable = await StaffCommands.WeekAsync(db, Staff, monday, ct);
        Clashing = Timetable.Clashes.SelectMany(c => new[] { c.First.Ref, c.Second.Ref }).ToHashSet();
        if (CanManage) Picker = await picker.LoadAsync(user.School(Staff.SchoolId)!, Entry.PupilId, PupilSearch.Query, search: false, ct);
        return null;
    }

    public static IEnumerable<SelectListItem> KindItems => [new("1:1 support", "OneToOne"), new("Class support", "Class"), new("Other (duty, planning, meeting)", "Other")];

    public static IEnumerable<SelectListItem> DayItems => new[] { new SelectListItem("Select a day", "") }.Concat(GroupForm.DayItems.Skip(1));
}
