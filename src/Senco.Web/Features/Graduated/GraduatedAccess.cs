using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Pupils;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Graduated;

/// Finding the records of the graduated approach for a user, with the contract's answers: a record of a school the
/// user cannot see is "not found" (its existence is never revealed); one their role may not act on is "forbidden".
/// A class teacher's passport permissions hold only for the pupils they teach, so another pupil of their own school
/// is "forbidden" (403), not "not found": the school is theirs, the pupil is not.
public sealed class GraduatedAccess(SencoDbContext db, UserContext user)
{
    public UserContext User => user;

    /// Whether the user's permission in this school holds only for the pupils they teach.
    public bool LimitedToPupilsTaught(int schoolId, Permission permission) =>
        user.School(schoolId) is { } s && RolePermissions.OnlyForPupilsTaught(s.Roles, permission);

    /// The pupils this user teaches in a school, through their teaching groups.
    public IQueryable<Guid> PupilsTaught(int schoolId) =>
        db.TeachingGroupPupils.IgnoreQueryFilters()
            .Where(gp => gp.SchoolId == schoolId && db.TeachingGroupTeachers.IgnoreQueryFilters().Any(t => t.TeachingGroupId == gp.TeachingGroupId && t.UserId == user.UserId))
            .Select(gp => gp.PupilId);

    public Task<bool> TeachesAsync(int schoolId, Guid pupilId, CancellationToken ct) =>
        PupilsTaught(schoolId).AnyAsync(id => id == pupilId, ct);

    /// The pupil, if this user may act on them with <paramref name="permission"/>.
    public async Task<Outcome<Pupil>> PupilAsync(Guid id, Permission permission, CancellationToken ct = default)
    {
        var found = await new PupilFinder(db, user).FindAsync(id, permission, ct: ct);
        if (!found.IsOk) return found;
        if (LimitedToPupilsTaught(found.Value!.SchoolId, permission) && !await TeachesAsync(found.Value.SchoolId, id, ct))
            return Outcome<Pupil>.Forbidden();
        return found;
    }

    /// A support plan (one cycle) with its pupil and school; with its outcomes, strategies and review when asked.
    public async Task<Outcome<SupportPlan>> PlanAsync(Guid planId, Permission permission, bool track = false, bool details = true, CancellationToken ct = default)
    {
        var query = db.SupportPlans.IgnoreQueryFilters().Where(p => p.Id == planId).Include(p => p.Pupil!).ThenInclude(p => p.School).AsQueryable();
        if (details) query = query.Include(p => p.Outcomes).Include(p => p.Strategies).Include(p => p.Review);
        if (!track) query = query.AsNoTracking();
        var plan = await query.AsSplitQuery().FirstOrDefaultAsync(ct);
        if (plan is null || !user.CanSee(plan.SchoolId)) return Outcome<SupportPlan>.NotFound();
        if (!user.Can(plan.SchoolId, permission)) return Outcome<SupportPlan>.Forbidden();
        plan.Outcomes = plan.Outcomes.OrderBy(o => o.Position).ToList();
        plan.Strategies = plan.Strategies.OrderBy(s => s.Position).ToList();
        return Outcome<SupportPlan>.Ok(plan);
    }

    /// A proposed change to a passport, with its pupil's school. Only those who may approve read proposals of others.
    public async Task<Outcome<PassportProposal>> ProposalAsync(int id, Permission permission, bool track = false, CancellationToken ct = default)
    {
        var query = db.PassportProposals.IgnoreQueryFilters().Where(p => p.Id == id);
        if (!track) query = query.AsNoTracking();
        var proposal = await query.FirstOrDefaultAsync(ct);
        if (proposal is null || !user.CanSee(proposal.SchoolId)) return Outcome<PassportProposal>.NotFound();
        if (!user.Can(proposal.SchoolId, permission)) return Outcome<PassportProposal>.Forbidden();
        return Outcome<PassportProposal>.Ok(proposal);
    }

    /// A school the user can see, and whether their role there allows <paramref name="permission"/>.
    public Outcome<SchoolGrant> School(string urn, Permission permission)
    {
        var school = user.School(urn);
        if (school is null) return Outcome<SchoolGrant>.NotFound();
        return school.Can(permission) ? Outcome<SchoolGrant>.Ok(school) : Outcome<SchoolGrant>.Forbidden();
    }

    /// The current plan of a pupil (null when none), with its details.
    public async Task<SupportPlan?> CurrentPlanAsync(Guid pupilId, CancellationToken ct = default)
    {
        var plan = await db.SupportPlans.AsNoTracking().Include(p => p.Outcomes).Include(p => p.Strategies).AsSplitQuery()
            .FirstOrDefaultAsync(p => p.PupilId == pupilId && p.Status == SupportPlanStatus.Current, ct);
        if (plan is not null)
        {
            plan.Outcomes = plan.Outcomes.OrderBy(o => o.Position).ToList();
            plan.Strategies = plan.Strategies.OrderBy(s => s.Position).ToList();
        }
        return plan;
    }
}

/// A member of a school's staff, as the plan lead, the passport's keeper or a teacher of a group.
public sealed record StaffChoice(Guid UserId, string Name, IReadOnlyList<SchoolRole> Roles)
{
    /// The name with the roles, unless the name already says them (as the demo's names do).
    public string Describe => Name.EndsWith(')') ? Name : $"{Name} ({string.Join(", ", Roles.Order().Select(RolePermissions.Describe))})";
}

public static class SchoolStaff
{
    /// Everyone with a role in the school other than governor, by name.
    public static async Task<IReadOnlyList<StaffChoice>> ListAsync(SencoDbContext db, int schoolId, CancellationToken ct = default)
    {
        var memberships = await db.Memberships.AsNoTracking()
            .Where(m => m.SchoolId == schoolId && m.Role != SchoolRole.Governor)
            .Select(m => new { m.UserId, m.Role }).ToListAsync(ct);
        var ids = memberships.Select(m => m.UserId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return memberships.GroupBy(m => m.UserId)
            .Where(g => names.ContainsKey(g.Key))
            .Select(g => new StaffChoice(g.Key, names[g.Key], g.Select(m => m.Role).Distinct().ToList()))
            .OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
