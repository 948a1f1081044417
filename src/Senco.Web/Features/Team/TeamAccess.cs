using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Core.Team;
using Senco.Data;
using Senco.Web.Features.Pupils;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Team;

/// Finding the team-around-the-child records for the signed-in person: another school's record is "not found",
/// a role that may not is "forbidden" (the same rule as <see cref="PupilFinder"/>).
public sealed class TeamAccess(SencoDbContext db, UserContext user)
{
    public UserContext User => user;

    public Task<Outcome<Pupil>> PupilAsync(Guid id, Permission permission, CancellationToken ct = default) =>
        new PupilFinder(db, user).FindAsync(id, permission, ct: ct);

    public async Task<TeamSettings> SettingsAsync(int schoolId, CancellationToken ct = default) =>
        await db.TeamSettings.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(s => s.SchoolId == schoolId, ct)
        ?? new TeamSettings { SchoolId = schoolId };

    /// The SENCO, the designated safeguarding leads, and the roles the school allows (see RestrictedNoteRules).
    public async Task<bool> MayOpenRestrictedAsync(int schoolId, CancellationToken ct = default)
    {
        var grant = user.School(schoolId);
        if (grant is null) return false;
        var s = await SettingsAsync(schoolId, ct);
        return RestrictedNoteRules.MayOpen(grant.Roles, user.UserId, s.DslUserId, s.DeputyDslUserId, s.RestrictedNoteRoles);
    }

    /// A pupil whose restricted notes the person may open: 404 for another school, 403 for anyone else.
    public async Task<Outcome<Pupil>> RestrictedPupilAsync(Guid id, CancellationToken ct = default)
    {
        var found = await PupilAsync(id, Permission.ViewPupils, ct);
        if (!found.IsOk) return found;
        return await MayOpenRestrictedAsync(found.Value!.SchoolId, ct) ? found : Outcome<Pupil>.Forbidden();
    }

    public Outcome<T> Scoped<T>(T? row, Permission permission) where T : class, ISchoolScoped
    {
        if (row is null || !user.CanSee(row.SchoolId)) return Outcome<T>.NotFound();
        if (!user.Can(row.SchoolId, permission)) return Outcome<T>.Forbidden();
        return Outcome<T>.Ok(row);
    }

    public Task<Outcome<Referral>> ReferralAsync(Guid id, Permission permission, bool track = false, CancellationToken ct = default) =>
        Find(db.Referrals.Include(r => r.Agency).Include(r => r.Consent), r => r.Id == id, permission, track, ct);

    public Task<Outcome<Meeting>> MeetingAsync(Guid id, Permission permission, bool track = false, CancellationToken ct = default) =>
        Find(db.Meetings.Include(m => m.Actions), m => m.Id == id, permission, track, ct);

    public Task<Outcome<Agency>> AgencyAsync(Guid id, Permission permission, bool track = false, CancellationToken ct = default) =>
        Find(db.Agencies, a => a.Id == id, permission, track, ct);

    public Task<Outcome<PupilContact>> ContactAsync(Guid id, Permission permission, bool track = false, CancellationToken ct = default) =>
        Find(db.PupilContacts, c => c.Id == id, permission, track, ct);

    public Task<Outcome<PupilVoice>> VoiceAsync(Guid id, Permission permission, bool track = false, CancellationToken ct = default) =>
        Find(db.PupilVoices, v => v.Id == id, permission, track, ct);

    public Task<Outcome<ConsentRecord>> ConsentAsync(Guid id, Permission permission, bool track = false, CancellationToken ct = default) =>
        Find(db.ConsentRecords, c => c.Id == id, permission, track, ct);

    public Task<Outcome<EarlyHelpPlan>> EarlyHelpAsync(Guid id, Permission permission, bool track = false, CancellationToken ct = default) =>
        Find(db.EarlyHelpPlans.Include(p => p.Reviews), p => p.Id == id, permission, track, ct);

    /// A restricted note, only for those who may open restricted notes in its school.
    public async Task<Outcome<RestrictedNote>> NoteAsync(Guid id, CancellationToken ct = default)
    {
        var note = await db.RestrictedNotes.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, ct);
        if (note is null || !user.CanSee(note.SchoolId)) return Outcome<RestrictedNote>.NotFound();
        return await MayOpenRestrictedAsync(note.SchoolId, ct) ? Outcome<RestrictedNote>.Ok(note) : Outcome<RestrictedNote>.Forbidden();
    }

    private async Task<Outcome<T>> Find<T>(IQueryable<T> query, System.Linq.Expressions.Expression<Func<T, bool>> where, Permission permission, bool track, CancellationToken ct)
        where T : class, ISchoolScoped
    {
        query = query.IgnoreQueryFilters().Where(where);
        if (!track) query = query.AsNoTracking();
        return Scoped(await query.FirstOrDefaultAsync(ct), permission);
    }

    /// Whether the person may see a document, from what it is attached to: a restricted note's file follows the note.
    public async Task<bool> MaySeeDocumentAsync(TeamDocument d, CancellationToken ct = default)
    {
        if (!user.CanSee(d.SchoolId)) return false;
        if (d.RestrictedNoteId is not null) return await MayOpenRestrictedAsync(d.SchoolId, ct);
        return user.Can(d.SchoolId, Permission.ViewTeam);
    }

    /// Pupils of a school with restricted notes, for those who may open them (the DSL's way in).
    public async Task<IReadOnlyList<Pupil>> PupilsWithNotesAsync(int schoolId, CancellationToken ct = default)
    {
        if (!await MayOpenRestrictedAsync(schoolId, ct)) return [];
        var ids = db.RestrictedNotes.IgnoreQueryFilters().Where(n => n.SchoolId == schoolId).Select(n => n.PupilId);
        return await db.Pupils.IgnoreQueryFilters().AsNoTracking().Where(p => p.SchoolId == schoolId && ids.Contains(p.Id))
            .OrderBy(p => p.Surname).ThenBy(p => p.Forename).ToListAsync(ct);
    }

    /// People of the school who can own an action: everyone with a role there but governors.
    public async Task<IReadOnlyList<(Guid Id, string Name)>> StaffUsersAsync(int schoolId, CancellationToken ct = default)
    {
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.SchoolId == schoolId && m.Role != SchoolRole.Governor)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.DisplayName })
            .Distinct().ToListAsync(ct);
        return rows.OrderBy(r => r.DisplayName).Select(r => (r.Id, r.DisplayName)).ToList();
    }
}
