using Microsoft.EntityFrameworkCore;
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

/// <summary>A member of staff's week: every commitment, clashes, and hours against their contract.</summary>
public sealed record StaffWeek(StaffMember Staff, DateOnly Monday, IReadOnlyList<StaffWeekItem> Items, IReadOnlyList<Clash> Clashes, HoursUse Hours);

/// <summary>One commitment: a group slot (with the group), or a timetable entry (1:1, class, other).</summary>
public sealed record StaffWeekItem(TimetableItem Item, string Kind, Guid? GroupId, Guid? EntryId, Guid? PupilId, bool ActiveThisWeek);

public sealed record StaffSummary(StaffMember Staff, string? LineManager, HoursUse Hours, int Clashes, int Groups);

/// <summary>TA and staff deployment: staff records, their timetables, hours against contracts, clashes.</summary>
public sealed class StaffCommands(SencoDbContext db, UserContext user, ProvisionAccess access)
{
    public async Task<Outcome<StaffMember>> CreateAsync(string urn, StaffInput input, CancellationToken ct = default)
    {
        var school = user.School(urn);
        if (school is null) return Outcome<StaffMember>.NotFound();
        if (!school.Can(Permission.ManageProvision)) return Outcome<StaffMember>.Forbidden();
        var errors = ProvisionRules.ValidateStaff(input);
        await CheckLinksAsync(school.SchoolId, null, input, errors, ct);
        if (!errors.IsValid) return Outcome<StaffMember>.Invalid(errors);
        var now = DateTime.UtcNow;
        var staff = new StaffMember { Id = Guid.CreateVersion7(), SchoolId = school.SchoolId, Version = 1, CreatedAt = now, UpdatedAt = now };
        Apply(staff, input);
        db.StaffMembers.Add(staff);
        db.Audit(user.Actor, "staff.create", $"Added {staff.Name} ({ProvisionMap.Describe(staff.Role)}) to deployment", school.SchoolId);
        await db.SaveChangesAsync(ct);
        return Outcome<StaffMember>.Ok(staff);
    }

    public async Task<Outcome<StaffMember>> UpdateAsync(Guid id, int expectedVersion, StaffInput input, CancellationToken ct = default)
    {
        var found = await access.FindStaffAsync(id, Permission.ManageProvision, track: true, ct);
        if (!found.IsOk) return found;
        var staff = found.Value!;
        var errors = ProvisionRules.ValidateStaff(input);
        await CheckLinksAsync(staff.SchoolId, staff.Id, input, errors, ct);
        if (!errors.IsValid) return Outcome<StaffMember>.Invalid(errors);
        if (staff.Version != expectedVersion) return Stale(staff);
        Apply(staff, input);
        staff.Version++;
        staff.UpdatedAt = DateTime.UtcNow;
        db.Audit(user.Actor, "staff.update", $"Changed {staff.Name}'s deployment record", staff.SchoolId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Stale((await access.FindStaffAsync(id, Permission.ManageProvision, ct: ct)).Value!);
        }
        return Outcome<StaffMember>.Ok(staff);
    }

    /// <summary>Adds a 1:1, class or other commitment; refuses one that double-books the person.</summary>
    public async Task<Outcome<StaffTimetableEntry>> AddEntryAsync(Guid staffId, TimetableEntryInput input, CancellationToken ct = default)
    {
        var found = await access.FindStaffAsync(staffId, Permission.ManageProvision, ct: ct);
        if (!found.IsOk) return new Outcome<StaffTimetableEntry>(found.Kind);
        var staff = found.Value!;
        var errors = ProvisionRules.ValidateTimetableEntry(input, out var slot);
        if (input.PupilId is { } pid && !await db.Pupils.AnyAsync(p => p.Id == pid && p.SchoolId == staff.SchoolId, ct))
            errors.Add("pupilId", "There is no pupil with this id in this school");
        if (errors.IsValid)
        {
            var existing = await GroupCommands.TimetableOfAsync(db, staffId, null, null, ct);
            var clash = Timetable.ClashesWith(new TimetableItem("new", input.Description!, slot!.Day, slot.Start, slot.End, input.From, input.To), existing).FirstOrDefault();
            if (clash is not null)
                errors.Add("start", $"{staff.Name} is already timetabled then: {clash.Label} ({clash.When}). Choose another time");
        }
        if (!errors.IsValid) return Outcome<StaffTimetableEntry>.Invalid(errors);
        var entry = new StaffTimetableEntry
        {
            Id = Guid.CreateVersion7(), StaffMemberId = staffId, SchoolId = staff.SchoolId, Kind = ProvisionRules.ParseKind(input.Kind)!.Value,
            Day = slot!.Day, Start = slot.Start, End = slot.End, Description = input.Description!.Trim(), PupilId = input.PupilId, From = input.From, To = input.To,
        };
        db.StaffTimetableEntries.Add(entry);
        db.Audit(user.Actor, "staff.timetable.add", $"{staff.Name}: {entry.Description} on {Timetable.DayName(entry.Day)} {Timetable.Time(entry.Start)}–{Timetable.Time(entry.End)}", staff.SchoolId, entry.PupilId);
        await db.SaveChangesAsync(ct);
        return Outcome<StaffTimetableEntry>.Ok(entry);
    }

    public async Task<Outcome<StaffTimetableEntry>> RemoveEntryAsync(Guid staffId, Guid entryId, CancellationToken ct = default)
    {
        var found = await access.FindStaffAsync(staffId, Permission.ManageProvision, ct: ct);
        if (!found.IsOk) return new Outcome<StaffTimetableEntry>(found.Kind);
        var entry = await db.StaffTimetableEntries.FirstOrDefaultAsync(e => e.Id == entryId && e.StaffMemberId == staffId, ct);
        if (entry is null) return Outcome<StaffTimetableEntry>.NotFound();
        db.StaffTimetableEntries.Remove(entry);
        db.Audit(user.Actor, "staff.timetable.remove", $"{found.Value!.Name}: removed {entry.Description} on {Timetable.DayName(entry.Day)} {Timetable.Time(entry.Start)}", entry.SchoolId);
        await db.SaveChangesAsync(ct);
        return Outcome<StaffTimetableEntry>.Ok(entry);
    }

    public static async Task<StaffWeek> WeekAsync(SencoDbContext db, StaffMember staff, DateOnly monday, CancellationToken ct)
    {
        var groups = await db.InterventionGroups.IgnoreQueryFilters().AsNoTracking()
            .Where(g => g.StaffMemberId == staff.Id)
            .Select(g => new { g.Id, g.Name, g.StartOn, g.Weeks, Pupils = g.Pupils.Count, Slots = g.Slots.Select(s => new { s.Id, s.Day, s.Start, s.End }).ToList() })
            .ToListAsync(ct);
        var entries = await db.StaffTimetableEntries.IgnoreQueryFilters().AsNoTracking().Where(e => e.StaffMemberId == staff.Id).ToListAsync(ct);
        var friday = monday.AddDays(4);
        var items = new List<StaffWeekItem>();
        foreach (var g in groups)
            foreach (var s in g.Slots)
            {
                var item = new TimetableItem($"g:{g.Id}:{s.Id}", g.Name, s.Day, s.Start, s.End, g.StartOn, g.StartOn.AddDays(g.Weeks * 7 - 1));
                items.Add(new StaffWeekItem(item, g.Pupils == 1 ? "1:1 intervention" : "Group", g.Id, null, null, Active(item, monday)));
            }
        foreach (var e in entries)
        {
            var item = new TimetableItem($"e:{e.Id}", e.Description, e.Day, e.Start, e.End, e.From, e.To);
            items.Add(new StaffWeekItem(item, e.Kind switch { TimetableKind.OneToOne => "1:1 support", TimetableKind.Class => "Class", _ => "Other" }, null, e.Id, e.PupilId, Active(item, monday)));
        }
        var active = items.Where(i => i.ActiveThisWeek).Select(i => i.Item).ToList();
        // Clashes are checked across the whole timetable, not just this week, so a clash next term is flagged now.
        var clashes = Timetable.Clashes(items.Select(i => i.Item));
        return new StaffWeek(staff, monday, items.OrderBy(i => ((int)i.Item.Day + 6) % 7).ThenBy(i => i.Item.Start).ToList(), clashes,
            Timetable.Use(active, monday, staff.ContractedHoursPerWeek));

        static bool Active(TimetableItem i, DateOnly monday)
        {
            var date = Timetable.DateOn(monday, i.Day);
            return i.ActiveBetween(date, date);
        }
    }

    public static async Task<List<StaffSummary>> SummariesAsync(SencoDbContext db, SchoolData data, DateOnly monday, CancellationToken ct)
    {
        var staff = await data.Q<StaffMember>().Include(s => s.LineManager).ToListAsync(ct);
        var result = new List<StaffSummary>();
        foreach (var s in staff.OrderBy(s => !s.Active).ThenBy(s => s.Role).ThenBy(s => s.Name, StringComparer.OrdinalIgnoreCase))
        {
            var week = await WeekAsync(db, s, monday, ct);
            result.Add(new StaffSummary(s, s.LineManager?.Name, week.Hours, week.Clashes.Count, week.Items.Where(i => i.GroupId != null && i.ActiveThisWeek).Select(i => i.GroupId).Distinct().Count()));
        }
        return result;
    }

    private async Task CheckLinksAsync(int schoolId, Guid? self, StaffInput input, ValidationErrors errors, CancellationToken ct)
    {
        if (input.LineManagerId is { } lm)
        {
            if (lm == self) errors.Add("lineManagerId", "A person cannot be their own line manager");
            else if (!await db.StaffMembers.AnyAsync(s => s.Id == lm && s.SchoolId == schoolId, ct)) errors.Add("lineManagerId", "Select a line manager from this school's staff");
            else if (self is { } me)
            {
                // No loops: walking up from the new line manager must never reach this person.
                var seen = new HashSet<Guid> { me };
                Guid? next = lm;
                while (next is { } n && seen.Add(n))
                    next = await db.StaffMembers.Where(s => s.Id == n).Select(s => s.LineManagerId).FirstOrDefaultAsync(ct);
                if (next is not null) errors.Add("lineManagerId", "That would make a loop of line managers");
            }
        }
        if (input.UserId is { } uid)
        {
            if (!await db.Memberships.AnyAsync(m => m.UserId == uid && m.SchoolId == schoolId, ct))
                errors.Add("userId", "Select a Senco sign-in of someone with a role in this school");
            else if (await db.StaffMembers.AnyAsync(s => s.UserId == uid && s.SchoolId == schoolId && s.Id != self, ct))
                errors.Add("userId", "That sign-in is already linked to another staff record");
        }
    }

    private static void Apply(StaffMember s, StaffInput input)
    {
        s.Name = input.Name!.Trim();
        s.Role = ProvisionRules.ParseStaffRole(input.Role)!.Value;
        s.ContractedHoursPerWeek = input.ContractedHoursPerWeek;
        s.HourlyCost = input.HourlyCost;
        s.LineManagerId = input.LineManagerId;
        s.UserId = input.UserId;
        s.Active = input.Active;
    }

    private static Outcome<StaffMember> Stale(StaffMember current) => Outcome<StaffMember>.Conflict(
        $"Someone else changed {current.Name}'s record at {current.UpdatedAt:HH:mm} while you were editing. Your changes have not been saved.", current: current);
}
