using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Graduated;
using Senco.Core.Model;
using Senco.Core.Pupils;
using Senco.Data;
using Senco.Web.Features.Graduated;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.TeachingGroups;

/// A class or teaching group as sent: its name, its year group (none for mixed age), and the full lists of its pupils
/// and teachers (a save replaces both lists).
public sealed record TeachingGroupInput(string? Name, string? YearGroup, IReadOnlyList<Guid>? PupilIds, IReadOnlyList<Guid>? TeacherIds);

/// Classes and teaching groups, which say which pupils each teacher teaches. Kept by the SENCO or the school office.
public sealed class TeachingGroupCommands(SencoDbContext db, UserContext user)
{
    public async Task<Outcome<TeachingGroup>> FindAsync(int id, Permission permission, CancellationToken ct = default)
    {
        var group = await db.TeachingGroups.IgnoreQueryFilters().Include(g => g.Pupils).Include(g => g.Teachers).AsSplitQuery().FirstOrDefaultAsync(g => g.Id == id, ct);
        if (group is null || !user.CanSee(group.SchoolId)) return Outcome<TeachingGroup>.NotFound();
        return user.Can(group.SchoolId, permission) ? Outcome<TeachingGroup>.Ok(group) : Outcome<TeachingGroup>.Forbidden();
    }

    public async Task<Outcome<TeachingGroup>> CreateAsync(string urn, TeachingGroupInput input, CancellationToken ct = default)
    {
        var school = user.School(urn);
        if (school is null) return Outcome<TeachingGroup>.NotFound();
        if (!school.Can(Permission.ManageTeachingGroups)) return Outcome<TeachingGroup>.Forbidden();
        var group = new TeachingGroup { SchoolId = school.SchoolId, CreatedAt = DateTime.UtcNow };
        var errors = await ApplyAsync(group, input, ct);
        if (!errors.IsValid) return Outcome<TeachingGroup>.Invalid(errors);
        db.TeachingGroups.Add(group);
        db.Audit(user.Actor, "group.create", $"Created teaching group {group.Name} ({group.Pupils.Count} pupils, {group.Teachers.Count} teachers)", school.SchoolId);
        return await SaveAsync(group, ct);
    }

    public async Task<Outcome<TeachingGroup>> UpdateAsync(int id, TeachingGroupInput input, CancellationToken ct = default)
    {
        var found = await FindAsync(id, Permission.ManageTeachingGroups, ct);
        if (!found.IsOk) return found;
        var group = found.Value!;
        var before = (group.Name, Pupils: group.Pupils.Select(p => p.PupilId).ToHashSet(), Teachers: group.Teachers.Select(t => t.UserId).ToHashSet());
        var errors = await ApplyAsync(group, input, ct);
        if (!errors.IsValid) return Outcome<TeachingGroup>.Invalid(errors);
        var added = group.Pupils.Count(p => !before.Pupils.Contains(p.PupilId));
        var removed = before.Pupils.Count(p => group.Pupils.All(x => x.PupilId != p));
        var teachers = group.Teachers.Select(t => t.UserId).ToHashSet().SetEquals(before.Teachers) ? "" : "; teachers changed";
        db.Audit(user.Actor, "group.update", $"Changed teaching group {group.Name}{(before.Name != group.Name ? $" (was {before.Name})" : "")}: {added} pupil(s) added, {removed} removed{teachers}", group.SchoolId);
        return await SaveAsync(group, ct);
    }

    public async Task<Outcome<TeachingGroup>> DeleteAsync(int id, CancellationToken ct = default)
    {
        var found = await FindAsync(id, Permission.ManageTeachingGroups, ct);
        if (!found.IsOk) return found;
        db.TeachingGroups.Remove(found.Value!);
        db.Audit(user.Actor, "group.delete", $"Deleted teaching group {found.Value!.Name}", found.Value.SchoolId);
        await db.SaveChangesAsync(ct);
        return found;
    }

    private async Task<Outcome<TeachingGroup>> SaveAsync(TeachingGroup group, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Outcome<TeachingGroup>.Invalid(NameTaken(group.Name));
        }
        return Outcome<TeachingGroup>.Ok(group);
    }

    private static ValidationErrors NameTaken(string name)
    {
        var e = new ValidationErrors();
        e.Add("name", $"There is already a group called {name}: choose another name");
        return e;
    }

    private async Task<ValidationErrors> ApplyAsync(TeachingGroup group, TeachingGroupInput input, CancellationToken ct)
    {
        var errors = GraduatedRules.ValidateTeachingGroup(input.Name, input.YearGroup);
        var name = input.Name?.Trim() ?? "";
        if (errors.IsValid && await db.TeachingGroups.AnyAsync(g => g.SchoolId == group.SchoolId && g.Name == name && g.Id != group.Id, ct))
            errors.Merge(NameTaken(name));
        var pupilIds = (input.PupilIds ?? []).Distinct().ToList();
        var teacherIds = (input.TeacherIds ?? []).Distinct().ToList();
        var knownPupils = await db.Pupils.AsNoTracking().Where(p => p.SchoolId == group.SchoolId && pupilIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        if (knownPupils.Count != pupilIds.Count) errors.Add("pupilIds", "Choose pupils of this school");
        var knownTeachers = await db.Memberships.AsNoTracking().Where(m => m.SchoolId == group.SchoolId && teacherIds.Contains(m.UserId) && m.Role != SchoolRole.Governor)
            .Select(m => m.UserId).Distinct().ToListAsync(ct);
        if (knownTeachers.Count != teacherIds.Count) errors.Add("teacherIds", "Choose teachers who work at this school");
        if (!errors.IsValid) return errors;

        group.Name = name;
        group.YearGroup = YearGroups.Normalise(input.YearGroup);
        group.UpdatedAt = DateTime.UtcNow;
        group.Pupils.RemoveAll(p => !pupilIds.Contains(p.PupilId));
        foreach (var id in pupilIds.Where(id => group.Pupils.All(p => p.PupilId != id)))
            group.Pupils.Add(new TeachingGroupPupil { SchoolId = group.SchoolId, PupilId = id });
        group.Teachers.RemoveAll(t => !teacherIds.Contains(t.UserId));
        foreach (var id in teacherIds.Where(id => group.Teachers.All(t => t.UserId != id)))
            group.Teachers.Add(new TeachingGroupTeacher { SchoolId = group.SchoolId, UserId = id });
        return errors;
    }
}
