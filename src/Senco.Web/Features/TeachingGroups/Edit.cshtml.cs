using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Core.Pupils;
using Senco.Data;
using Senco.Web.Features.Graduated;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.TeachingGroups;

/// One class or teaching group: its name, its teachers and its pupils. Pupils are offered from one year group at a
/// time (the group's own by default); pupils already in the group are always listed, so a save never drops one unseen.
public sealed class EditModel(UserContext user, SencoDbContext db, TeachingGroupCommands commands) : PageModel
{
    public sealed class Form
    {
        [Display(Name = "Name of the class or group")] public string? Name { get; set; }
        [Display(Name = "Year group")] public string? YearGroup { get; set; }
        [Display(Name = "Teachers")] public List<Guid> TeacherIds { get; set; } = [];
        [Display(Name = "Pupils")] public List<Guid> PupilIds { get; set; } = [];
    }

    [BindProperty] public Form Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Year { get; set; }
    [BindProperty] public bool List { get; set; }
    public TeachingGroup Group { get; private set; } = null!;
    public SchoolGrant School { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> TeacherItems { get; private set; } = [];
    public IReadOnlyList<SelectListItem> PupilItems { get; private set; } = [];
    public string? ShownYear { get; private set; }
    [TempData] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        Input = new Form { Name = Group.Name, YearGroup = Group.YearGroup, TeacherIds = Group.Teachers.Select(t => t.UserId).ToList(), PupilIds = Group.Pupils.Select(p => p.PupilId).ToList() };
        await LoadItemsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (List)
        {
            // Only listing another year group's pupils: keep everything ticked so far, save nothing.
            ModelState.Clear();
            await LoadItemsAsync(ct);
            return Page();
        }
        var outcome = await commands.UpdateAsync(id, new TeachingGroupInput(Input.Name, Input.YearGroup, Input.PupilIds, Input.TeacherIds), ct);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            FormErrors.AddTo(ModelState, outcome.Errors!);
            await LoadItemsAsync(ct);
            return Page();
        }
        if (!outcome.IsOk) return outcome.Kind == OutcomeKind.NotFound ? NotFound() : StatusCode(403);
        Notice = $"{outcome.Value!.Name} has been saved: {outcome.Value.Pupils.Count} pupils, {outcome.Value.Teachers.Count} teacher(s).";
        return Redirect($"/teaching-groups/{id}" + (string.IsNullOrEmpty(Year) ? "" : $"?year={Uri.EscapeDataString(Year)}"));
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var outcome = await commands.DeleteAsync(id, ct);
        if (!outcome.IsOk) return outcome.Kind == OutcomeKind.NotFound ? NotFound() : StatusCode(403);
        TempData["Notice"] = $"{outcome.Value!.Name} has been deleted.";
        return Redirect($"/schools/{user.School(outcome.Value.SchoolId)!.Urn}/teaching-groups");
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var found = await commands.FindAsync(id, Permission.ManageTeachingGroups, ct);
        if (found.Kind == OutcomeKind.NotFound) return NotFound();
        if (found.Kind == OutcomeKind.Forbidden) return StatusCode(403);
        Group = found.Value!;
        School = user.School(Group.SchoolId)!;
        ViewData["SchoolUrn"] = School.Urn;
        return null;
    }

    private async Task LoadItemsAsync(CancellationToken ct)
    {
        var staff = await SchoolStaff.ListAsync(db, Group.SchoolId, ct);
        // Teachers and teaching assistants first: they are who teaching groups are for.
        TeacherItems = staff.OrderBy(s => s.Roles.Any(r => r is SchoolRole.Teacher or SchoolRole.TeachingAssistant) ? 0 : 1).ThenBy(s => s.Name)
            .Select(s => new SelectListItem(s.Describe, s.UserId.ToString())).ToList();
        ShownYear = YearGroups.Normalise(Year) ?? Group.YearGroup;
        var members = Group.Pupils.Select(p => p.PupilId).Concat(Input.PupilIds).Distinct().ToList();
        var year = ShownYear;
        var pupils = await db.Pupils.AsNoTracking()
            .Where(p => p.SchoolId == Group.SchoolId && p.OnRoll && ((year != null && p.YearGroup == year) || members.Contains(p.Id)))
            .OrderBy(p => p.Surname).ThenBy(p => p.Forename).ToListAsync(ct);
        PupilItems = pupils.Select(p => new SelectListItem($"{p.Surname}, {p.Forename} ({YearGroups.Label(p.YearGroup)})", p.Id.ToString())).ToList();
    }
}
