using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
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

/// Classes and teaching groups: which pupils each teacher teaches, so that teachers read their own pupils' passports.
public sealed class IndexModel(UserContext user, SencoDbContext db, TeachingGroupCommands commands) : SchoolPageModel(user)
{
    public sealed record Row(int Id, string Name, string? YearGroup, int Pupils, IReadOnlyList<string> Teachers);

    public sealed class NewGroupForm
    {
        [Display(Name = "Name of the class or group")] public string? Name { get; set; }
        [Display(Name = "Year group")] public string? YearGroup { get; set; }
    }

    [BindProperty] public NewGroupForm Input { get; set; } = new();
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public static IEnumerable<SelectListItem> YearItems(string? selected) =>
        new[] { new SelectListItem("Mixed ages (no single year group)", "") }.Concat(YearGroups.All.Select(y => new SelectListItem(YearGroups.Label(y), y, y == selected)));

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ManageTeachingGroups) is { } denied) return denied;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ManageTeachingGroups) is { } denied) return denied;
        var outcome = await commands.CreateAsync(urn, new TeachingGroupInput(Input.Name, Input.YearGroup, [], []), ct);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            FormErrors.AddTo(ModelState, outcome.Errors!);
            await LoadAsync(ct);
            return Page();
        }
        if (!outcome.IsOk) return StatusCode(403);
        TempData["Notice"] = $"{outcome.Value!.Name} has been added. Now choose its teachers and pupils.";
        return Redirect($"/teaching-groups/{outcome.Value.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var groups = await db.TeachingGroups.AsNoTracking().Include(g => g.Teachers).Include(g => g.Pupils).AsSplitQuery()
            .Where(g => g.SchoolId == School.SchoolId).ToListAsync(ct);
        var staff = (await SchoolStaff.ListAsync(db, School.SchoolId, ct)).ToDictionary(s => s.UserId, s => s.Name);
        Rows = groups
            .OrderBy(g => g.YearGroup is null ? 99 : YearGroups.Order(g.YearGroup)).ThenBy(g => g.Name, StringComparer.OrdinalIgnoreCase)
            .Select(g => new Row(g.Id, g.Name, g.YearGroup, g.Pupils.Count, g.Teachers.Select(t => staff.GetValueOrDefault(t.UserId) ?? "someone who has left").Order().ToList()))
            .ToList();
    }
}
