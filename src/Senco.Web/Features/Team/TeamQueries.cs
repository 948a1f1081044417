using Microsoft.EntityFrameworkCore;
using Senco.Core.Model;
using Senco.Core.Team;
using Senco.Data;

namespace Senco.Web.Features.Team;

public sealed record AgencyWaits(Agency Agency, TeamRules.WaitingTime Waits);

/// A pupil's team around the child in one read: what the pupil page and the API list.
public sealed record PupilTeam(
    IReadOnlyList<Referral> Referrals, IReadOnlyList<PupilContact> Contacts, IReadOnlyList<ConsentRecord> Consents,
    IReadOnlyList<CommunicationEntry> Communications, IReadOnlyList<PupilVoice> Voices, SafeguardingFlags? Flags,
    IReadOnlyList<EarlyHelpPlan> EarlyHelp, IReadOnlyList<Meeting> Meetings, IReadOnlyList<TeamDocument> Documents, int RestrictedNotes);

/// Reads of the team-around-the-child records. Callers have already checked access (TeamAccess); these read within
/// one school and never touch restricted notes' text.
public sealed class TeamQueries(SencoDbContext db, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IReadOnlyList<AgencyWaits>> AgenciesAsync(int schoolId, CancellationToken ct = default)
    {
        var agencies = await db.Agencies.IgnoreQueryFilters().AsNoTracking().Where(a => a.SchoolId == schoolId).OrderBy(a => a.Name).ToListAsync(ct);
        var referrals = await db.Referrals.IgnoreQueryFilters().AsNoTracking().Where(r => r.SchoolId == schoolId).ToListAsync(ct);
        return agencies.Select(a => new AgencyWaits(a, TeamRules.Waits(referrals.Where(r => r.AgencyId == a.Id), Today))).ToList();
    }

    /// Referrals sent and not yet seen (or still drafts), longest wait first, with the pupil's name.
    public async Task<IReadOnlyList<(Referral Referral, Pupil Pupil)>> WaitingAsync(int schoolId, CancellationToken ct = default)
    {
        var rows = await db.Referrals.IgnoreQueryFilters().AsNoTracking().Include(r => r.Agency).Include(r => r.Consent)
            .Where(r => r.SchoolId == schoolId && (r.Status == ReferralStatus.Draft || r.Status == ReferralStatus.Sent || r.Status == ReferralStatus.Accepted))
            .Join(db.Pupils.IgnoreQueryFilters(), r => r.PupilId, p => p.Id, (r, p) => new { r, p })
            .ToListAsync(ct);
        return rows.OrderBy(x => x.r.SentOn ?? DateOnly.MaxValue).Select(x => (x.r, x.p)).ToList();
    }

    public async Task<IReadOnlyList<(Meeting Meeting, Pupil? Pupil)>> MeetingsAsync(int schoolId, bool upcoming, CancellationToken ct = default)
    {
        var from = Today.ToDateTime(TimeOnly.MinValue);
        var q = db.Meetings.IgnoreQueryFilters().AsNoTracking().Include(m => m.Actions).Where(m => m.SchoolId == schoolId);
        q = upcoming ? q.Where(m => m.StartsAt >= from).OrderBy(m => m.StartsAt) : q.Where(m => m.StartsAt < from).OrderByDescending(m => m.StartsAt);
        var meetings = await q.Take(100).ToListAsync(ct);
        var pupilIds = meetings.Where(m => m.PupilId != null).Select(m => m.PupilId!.Value).Distinct().ToList();
        var pupils = await db.Pupils.IgnoreQueryFilters().AsNoTracking().Where(p => pupilIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        return meetings.Select(m => (m, m.PupilId is { } id ? pupils.GetValueOrDefault(id) : null)).ToList();
    }

    public async Task<PupilTeam> PupilAsync(Guid pupilId, CancellationToken ct = default)
    {
        var referrals = await db.Referrals.IgnoreQueryFilters().AsNoTracking().Include(r => r.Agency).Include(r => r.Consent)
            .Where(r => r.PupilId == pupilId).OrderByDescending(r => r.CreatedAt).ToListAsync(ct);
        var contacts = await db.PupilContacts.IgnoreQueryFilters().AsNoTracking().Where(c => c.PupilId == pupilId).OrderByDescending(c => c.ParentalResponsibility).ThenBy(c => c.Name).ToListAsync(ct);
        var consents = await db.ConsentRecords.IgnoreQueryFilters().AsNoTracking().Where(c => c.PupilId == pupilId).OrderByDescending(c => c.GivenOn).ToListAsync(ct);
        var comms = await db.CommunicationEntries.IgnoreQueryFilters().AsNoTracking().Where(c => c.PupilId == pupilId).OrderByDescending(c => c.On).ThenByDescending(c => c.RecordedAt).ToListAsync(ct);
        var voices = await db.PupilVoices.IgnoreQueryFilters().AsNoTracking().Where(v => v.PupilId == pupilId).OrderByDescending(v => v.On).ToListAsync(ct);
        var flags = await db.SafeguardingFlags.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(f => f.PupilId == pupilId, ct);
        var earlyHelp = await db.EarlyHelpPlans.IgnoreQueryFilters().AsNoTracking().Include(p => p.Reviews).Where(p => p.PupilId == pupilId).OrderByDescending(p => p.StartedOn).ToListAsync(ct);
        var meetings = await db.Meetings.IgnoreQueryFilters().AsNoTracking().Include(m => m.Actions).Where(m => m.PupilId == pupilId).OrderByDescending(m => m.StartsAt).ToListAsync(ct);
        var documents = await db.TeamDocuments.IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.PupilId == pupilId && d.ReferralId == null && d.MeetingId == null && d.RestrictedNoteId == null).OrderByDescending(d => d.UploadedAt).ToListAsync(ct);
        var notes = await db.RestrictedNotes.IgnoreQueryFilters().CountAsync(n => n.PupilId == pupilId, ct);
        return new PupilTeam(referrals, contacts, consents, comms, voices, flags, earlyHelp, meetings, documents, notes);
    }

    /// Titles and authors only: the text is read one note at a time through TeamCommands.OpenNoteAsync (audited).
    public Task<List<RestrictedNote>> NoteListAsync(Guid pupilId, CancellationToken ct = default) =>
        db.RestrictedNotes.IgnoreQueryFilters().AsNoTracking().Where(n => n.PupilId == pupilId).OrderByDescending(n => n.WrittenAt)
            .Select(n => new RestrictedNote { Id = n.Id, SchoolId = n.SchoolId, PupilId = n.PupilId, Category = n.Category, Title = n.Title, WrittenBy = n.WrittenBy, WrittenAt = n.WrittenAt })
            .ToListAsync(ct);
}
