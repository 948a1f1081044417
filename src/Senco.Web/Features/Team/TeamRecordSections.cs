using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.DataProtection;

namespace Senco.Web.Features.Team;

/// Subject-access sections of the team around the child: each writes CSV files (one row per record) under its own
/// folder, and the documents section adds the files themselves. Restricted notes are included: the export is made
/// by someone allowed to (see IPupilRecordSection), and the person exporting decides what to redact before release.
internal static class TeamCsv
{
    /// One header row from the record's property names, then one row per record; cells that a spreadsheet would
    /// run as a formula are neutralised as in the register export.
    public static PupilRecordFile Write<T>(string path, IEnumerable<T> rows)
    {
        var props = typeof(T).GetProperties();
        using var ms = new MemoryStream();
        using (var csv = CsvWriter.Create(ms, new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.None, NewLine = "\r\n" }, true))
        {
            foreach (var p in props) csv.WriteField(p.Name);
            csv.EndRecord();
            foreach (var row in rows)
            {
                foreach (var p in props) csv.WriteField(Senco.Web.Features.Register.RegisterExport.SafeCell(Format(p.GetValue(row))));
                csv.EndRecord();
            }
        }
        return new PupilRecordFile(path, "text/csv", ms.ToArray());
    }

    private static string Format(object? v) => v switch
    {
        null => "",
        bool b => b ? "Yes" : "No",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };

    public static string? D(DateOnly? d) => d?.ToString("yyyy-MM-dd");
}

[Senco.Web.Features.DataProtection.CoversPupilData(typeof(Referral))]
public sealed class ReferralsRecordSection : IPupilRecordSection
{
    public string Title => "Referrals to agencies";
    public int Order => 600;

    public async Task<IReadOnlyList<PupilRecordFile>> CollectAsync(SencoDbContext db, Pupil pupil, CancellationToken ct)
    {
        var rows = await db.Referrals.IgnoreQueryFilters().AsNoTracking().Include(r => r.Agency).Include(r => r.Consent)
            .Where(r => r.PupilId == pupil.Id).OrderBy(r => r.CreatedAt).ToListAsync(ct);
        if (rows.Count == 0) return [];
        return [TeamCsv.Write("referrals/referrals.csv", rows.Select(r => new
        {
            Agency = r.Agency?.Name, r.Reason, Status = r.Status.ToString(), SentOn = TeamCsv.D(r.SentOn), SeenOn = TeamCsv.D(r.SeenOn), r.Outcome,
            Consent = r.Consent?.Purpose, ConsentWithdrawnOn = TeamCsv.D(r.Consent?.WithdrawnOn), r.CreatedBy,
        }))];
    }
}

[Senco.Web.Features.DataProtection.CoversPupilData(typeof(PupilContact), typeof(ConsentRecord), typeof(CommunicationEntry))]
public sealed class ParentsRecordSection : IPupilRecordSection
{
    public string Title => "Parents and carers, consent and the communication log";
    public int Order => 610;

    public async Task<IReadOnlyList<PupilRecordFile>> CollectAsync(SencoDbContext db, Pupil pupil, CancellationToken ct)
    {
        var files = new List<PupilRecordFile>();
        var contacts = await db.PupilContacts.IgnoreQueryFilters().AsNoTracking().Where(c => c.PupilId == pupil.Id).OrderBy(c => c.Name).ToListAsync(ct);
        if (contacts.Count > 0)
            files.Add(TeamCsv.Write("contacts/contacts.csv", contacts.Select(c => new { c.Name, c.Relationship, c.ParentalResponsibility, c.Phone, c.Email, PreferredMethod = c.PreferredMethod.ToString(), c.Notes })));
        var consents = await db.ConsentRecords.IgnoreQueryFilters().AsNoTracking().Where(c => c.PupilId == pupil.Id).OrderBy(c => c.GivenOn).ToListAsync(ct);
        if (consents.Count > 0)
            files.Add(TeamCsv.Write("contacts/consent.csv", consents.Select(c => new { c.Purpose, c.GivenBy, GivenOn = TeamCsv.D(c.GivenOn), WithdrawnOn = TeamCsv.D(c.WithdrawnOn), c.Notes, c.RecordedBy })));
        var log = await db.CommunicationEntries.IgnoreQueryFilters().AsNoTracking().Where(c => c.PupilId == pupil.Id).OrderBy(c => c.On).ToListAsync(ct);
        if (log.Count > 0)
            files.Add(TeamCsv.Write("contacts/communication-log.csv", log.Select(e => new { On = TeamCsv.D(e.On), Kind = e.Kind.ToString(), e.With, e.Summary, e.RecordedBy })));
        return files;
    }
}

[Senco.Web.Features.DataProtection.CoversPupilData(typeof(Meeting))]
public sealed class MeetingsRecordSection : IPupilRecordSection
{
    public string Title => "Meetings about the pupil";
    public int Order => 620;

    public async Task<IReadOnlyList<PupilRecordFile>> CollectAsync(SencoDbContext db, Pupil pupil, CancellationToken ct)
    {
        var meetings = await db.Meetings.IgnoreQueryFilters().AsNoTracking().Include(m => m.Actions).Where(m => m.PupilId == pupil.Id).OrderBy(m => m.StartsAt).ToListAsync(ct);
        if (meetings.Count == 0) return [];
        return
        [
            TeamCsv.Write("meetings/meetings.csv", meetings.Select(m => new { m.Title, Kind = m.Kind.ToString(), StartsAt = m.StartsAt.ToString("yyyy-MM-dd HH:mm"), m.Location, m.Invited, m.Attendees, m.Notes })),
            TeamCsv.Write("meetings/actions.csv", meetings.SelectMany(m => m.Actions.Select(a => new { Meeting = m.Title, a.Description, Owner = a.OwnerName, DueOn = TeamCsv.D(a.DueOn), DoneOn = TeamCsv.D(a.DoneOn) }))),
        ];
    }
}

[Senco.Web.Features.DataProtection.CoversPupilData(typeof(PupilVoice))]
public sealed class PupilVoiceRecordSection : IPupilRecordSection
{
    public string Title => "The pupil's views";
    public int Order => 630;

    public async Task<IReadOnlyList<PupilRecordFile>> CollectAsync(SencoDbContext db, Pupil pupil, CancellationToken ct)
    {
        var rows = await db.PupilVoices.IgnoreQueryFilters().AsNoTracking().Where(v => v.PupilId == pupil.Id).OrderBy(v => v.On).ToListAsync(ct);
        return rows.Count == 0 ? [] : [TeamCsv.Write("voice/pupil-voice.csv", rows.Select(v => new { On = TeamCsv.D(v.On), Context = v.Context.ToString(), v.Words, v.CapturedBy, v.How }))];
    }
}

[Senco.Web.Features.DataProtection.CoversPupilData(typeof(SafeguardingFlags), typeof(RestrictedNote), typeof(EarlyHelpPlan))]
public sealed class SafeguardingRecordSection : IPupilRecordSection
{
    public string Title => "Safeguarding liaison, restricted notes and Early Help";
    public int Order => 640;

    public async Task<IReadOnlyList<PupilRecordFile>> CollectAsync(SencoDbContext db, Pupil pupil, CancellationToken ct)
    {
        var files = new List<PupilRecordFile>();
        var flags = await db.SafeguardingFlags.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(f => f.PupilId == pupil.Id, ct);
        if (flags is not null)
            files.Add(TeamCsv.Write("safeguarding/flags.csv", new[] { new { flags.ChildProtection, flags.ChildInNeed, flags.LookedAfter, flags.VirtualSchoolContact, flags.DesignatedTeacher, flags.UpdatedBy } }));
        var notes = await db.RestrictedNotes.IgnoreQueryFilters().AsNoTracking().Where(n => n.PupilId == pupil.Id).OrderBy(n => n.WrittenAt).ToListAsync(ct);
        if (notes.Count > 0)
            files.Add(TeamCsv.Write("safeguarding/restricted-notes.csv", notes.Select(n => new { Category = n.Category.ToString(), n.Title, n.Text, n.WrittenBy, WrittenAt = n.WrittenAt.ToString("yyyy-MM-dd HH:mm") })));
        var plans = await db.EarlyHelpPlans.IgnoreQueryFilters().AsNoTracking().Include(p => p.Reviews).Where(p => p.PupilId == pupil.Id).OrderBy(p => p.StartedOn).ToListAsync(ct);
        if (plans.Count > 0)
        {
            files.Add(TeamCsv.Write("safeguarding/early-help-plans.csv", plans.Select(p => new { StartedOn = TeamCsv.D(p.StartedOn), p.LeadProfessional, p.Needs, p.Outcomes, Status = p.Status.ToString(), NextReviewOn = TeamCsv.D(p.NextReviewOn) })));
            files.Add(TeamCsv.Write("safeguarding/early-help-reviews.csv", plans.SelectMany(p => p.Reviews.OrderBy(r => r.HeldOn).Select(r => new { PlanStartedOn = TeamCsv.D(p.StartedOn), HeldOn = TeamCsv.D(r.HeldOn), r.Progress, NextReviewOn = TeamCsv.D(r.NextReviewOn), r.RecordedBy }))));
        }
        return files;
    }
}

[Senco.Web.Features.DataProtection.CoversPupilData(typeof(TeamDocument))]
public sealed class DocumentsRecordSection : IPupilRecordSection
{
    public string Title => "Documents (reports, letters, attachments)";
    public int Order => 650;

    public async Task<IReadOnlyList<PupilRecordFile>> CollectAsync(SencoDbContext db, Pupil pupil, CancellationToken ct)
    {
        var docs = await db.TeamDocuments.IgnoreQueryFilters().AsNoTracking().Where(d => d.PupilId == pupil.Id).OrderBy(d => d.UploadedAt).ToListAsync(ct);
        var files = new List<PupilRecordFile>();
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var d in docs)
        {
            var content = await db.TeamDocumentContents.IgnoreQueryFilters().AsNoTracking().Where(c => c.DocumentId == d.Id).Select(c => c.Content).FirstAsync(ct);
            var folder = d.RestrictedNoteId is not null ? "restricted" : d.ReferralId is not null ? "referrals" : d.MeetingId is not null ? "meetings" : "pupil";
            var name = $"documents/{folder}/{d.FileName}";
            for (var i = 2; !used.Add(name); i++) name = $"documents/{folder}/{Path.GetFileNameWithoutExtension(d.FileName)} ({i}){Path.GetExtension(d.FileName)}";
            files.Add(new PupilRecordFile(name, d.ContentType, content));
        }
        return files;
    }
}
