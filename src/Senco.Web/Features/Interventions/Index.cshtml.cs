using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Core.Provision;
using Senco.Data;
using Senco.Web.Features.Provision;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Interventions;

public sealed record GroupRow(MapGroup Group, int Pupils, int RegistersTaken, int RegistersDue, bool Mine, string Status);

/// The year's intervention groups; a TA sees their own first, with the registers they still have to take.
public sealed class IndexModel(UserContext user, SencoDbContext db, TimeProvider clock) : SchoolPageModel(user)
{
    [BindProperty(SupportsGet = true)] public string? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Show { get; set; }
    [TempData] public string? Notice { get; set; }
    public SchoolYear SchoolYear { get; private set; }
    public List<GroupRow> Rows { get; private set; } = [];
    public bool CanManage => School.Can(Permission.ManageProvision);
    public bool HasOwn { get; private set; }
    public Guid? MyStaffId { get; private set; }
    public SchoolYear Current => SchoolYear.Containing(Today);
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    public IEnumerable<SchoolYear> Years => Enumerable.Range(0, 4).Select(i => new SchoolYear(Current.StartYear - i));

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ViewProvision) is { } denied) return denied;
        SchoolYear = SchoolYear.TryParse(Year, out var y) ? y : Current;
        var data = new SchoolData(db, School);
        var map = await ProvisionQueries.LoadYearAsync(data, SchoolYear, ct);
        var ids = map.Groups.Select(g => g.Id).ToList();
        var myStaff = await db.StaffMembers.Where(s => s.SchoolId == School.SchoolId && s.UserId == CurrentUser.UserId).Select(s => s.Id).ToListAsync(ct);
        var slots = await db.InterventionSlots.Where(s => ids.Contains(s.GroupId)).Select(s => new { s.GroupId, s.Day }).ToListAsync(ct);
        var taken = await db.InterventionSessions.Where(s => ids.Contains(s.GroupId)).GroupBy(s => s.GroupId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        HasOwn = map.Groups.Any(g => g.StaffId is { } s && myStaff.Contains(s));
        MyStaffId = myStaff.Count > 0 ? myStaff[0] : null;
        foreach (var g in map.Groups)
        {
            var mine = g.StaffId is { } s && myStaff.Contains(s);
            if (Show == "mine" && !mine) continue;
            var status = Today < g.StartOn ? "Not started" : Today > g.EndOn ? "Ended" : "Running";
            if (Show == "running" && status != "Running") continue;
            var due = Timetable.SessionDates(g.StartOn, g.Weeks, slots.Where(x => x.GroupId == g.Id).Select(x => x.Day), Today).Count;
            Rows.Add(new GroupRow(g, map.MembersOf(g.Id).Count(m => m.LeftOn is null || m.LeftOn >= Today), taken.GetValueOrDefault(g.Id), due, mine, status));
        }
        Rows = Rows.OrderByDescending(r => r.Mine).ThenBy(r => r.Status == "Ended").ThenBy(r => r.Group.Name, StringComparer.OrdinalIgnoreCase).ToList();
        return Page();
    }
}
