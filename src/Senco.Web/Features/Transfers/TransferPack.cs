using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Exchange;
using Senco.Core.Model;
using Senco.Core.Pupils;
using Senco.Core.Sen;
using Senco.Data;
using Senco.Web.Features.Ehc;
using Senco.Web.Features.Passports;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Team;
using Senco.Core.Team;

namespace Senco.Web.Features.Transfers;

/// One file of a transfer pack as the index lists it: its name in the ZIP, what kind of file it is, where in Senco it
/// came from, and a line about what it holds.
public sealed record TransferPackEntry(string Name, string Type, string Source, string What, long? Size = null);

/// Something Senco holds that was deliberately not put in the pack, and why.
public sealed record TransferPackOmission(string What, string Why);

/// <summary>
/// A transfer pack ready to be written: the index and the generated documents are made (they are small), the uploaded
/// documents are only named, and their bytes are copied from the database into the ZIP as it streams to the
/// browser (<see cref="TransferPackBuilder.WriteAsync"/>), so a pack of large scanned reports never sits whole in memory.
/// </summary>
public sealed class TransferPack
{
    public required string FileName { get; init; }
    public required IReadOnlyList<TransferPackEntry> Entries { get; init; }
    public required IReadOnlyList<TransferPackOmission> Omissions { get; init; }
    public required string Index { get; init; }
    public required IReadOnlyDictionary<string, byte[]> Generated { get; init; }
    public required IReadOnlyDictionary<string, Guid> Uploaded { get; init; }
    public required DateTime MadeAt { get; init; }
}

/// <summary>
/// The transfer pack for a leaver: one ZIP with the CTF for the destination and the SEN file the next school needs
/// (the SEN support plan, the learning passport, the EHC plan and its last annual review report as Senco makes them,
/// and the files uploaded to the pupil's record, to their referrals (agency reports) and to their review meetings),
/// with an index that lists every file with its type and source and says what was left out and why. Restricted
/// (safeguarding and health) notes and their files never go in: the DSL sends the child protection file to the new
/// school's DSL separately (Keeping children safe in education, part 2, "Information sharing"). Files the person
/// making the pack may not see are left out too. Making it is audited (it is a read of the whole SEN record) and
/// recorded on the transfer.
/// </summary>
public sealed class TransferPackBuilder(SencoDbContext db, UserContext user, TransferCommands transfers, TeamAccess team, TimeProvider clock)
{
    public const string ContentType = "application/zip";
    public const string IndexName = "00-index.txt";

    public async Task<Outcome<TransferPack>> PrepareAsync(Guid transferId, CancellationToken ct = default)
    {
        var found = await transfers.FindAsync(transferId, Permission.SendTransferPacks, track: true, ct);
        if (!found.IsOk) return Outcome<TransferPack>.From(found);
        var t = found.Value!;
        var pupil = t.Pupil!;
        var school = pupil.School!;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        bool May(Permission p) => user.Can(school.Id, p);

        var history = (await db.SenStatusChanges.IgnoreQueryFilters().AsNoTracking().Where(c => c.PupilId == pupil.Id).ToListAsync(ct)).ToLookup(c => c.PupilId);
        var ctf = CtfWriter.Write(CtfExporter.Build(school, [pupil], history, t.DestinationLa, t.DestinationEstab, t.DestinationName, now));

        var entries = new List<TransferPackEntry>();
        var generated = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var omissions = new List<TransferPackOmission>();
        void Generate(string name, byte[] content, string type, string source, string what)
        {
            generated[name] = content;
            entries.Add(new TransferPackEntry(name, type, source, what, content.LongLength));
        }
        const string Word = "Word document (DOCX), made by Senco";

        Generate($"01-ctf-{pupil.Upn}.xml", ctf, "Common Transfer File (XML)", "Senco: pupil details and SEN history",
            $"CTF {CtfVersions.Current} to {Destination(t)}, with the SEN history and ranked needs");

        SupportPlan? plan = null;
        if (!May(Permission.ViewPlans)) omissions.Add(new("SEN support plan", "your role may not read SEN support plans: ask the SENCO to make the pack"));
        else
        {
            plan = await db.SupportPlans.IgnoreQueryFilters().AsNoTracking().Include(p => p.Outcomes).Include(p => p.Strategies)
                .Where(p => p.PupilId == pupil.Id).OrderByDescending(p => p.Cycle).FirstOrDefaultAsync(ct);
            if (plan is null) omissions.Add(new("SEN support plan", "none recorded"));
            else Generate("02-sen-support-plan.docx", SupportPlanDocument(pupil, plan), Word, "Senco: SEN support plans",
                $"SEN support plan, cycle {plan.Cycle} ({(plan.IsCurrent ? "current" : "the last one, reviewed")}), started {Dates.Long(plan.StartedOn)}");
        }
        if (!May(Permission.ViewPassports)) omissions.Add(new("Learning passport", "your role may not read learning passports"));
        else
        {
            var passport = await db.Passports.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(p => p.PupilId == pupil.Id, ct);
            if (passport is null) omissions.Add(new("Learning passport", "none recorded"));
            else
            {
                var photo = passport.HasPhoto ? await db.PassportPhotos.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(p => p.PassportId == passport.Id, ct) : null;
                var strategies = plan is { IsCurrent: true } ? plan.Strategies.OrderBy(s => s.Position).ToList() : [];
                Generate("03-learning-passport.docx", PassportDocument.Build(pupil, passport, photo, strategies), Word, "Senco: learning passport",
                    $"Learning passport, last reviewed {Dates.Long(passport.LastReviewedOn)}");
            }
        }

        List<EhcEvidence> evidence = [];
        if (!May(Permission.ViewEhc)) omissions.Add(new("EHC plan and annual reviews", "your role may not read EHC plans"));
        else
        {
            var ehc = await db.EhcPlans.IgnoreQueryFilters().AsNoTracking()
                .Include(p => p.Needs).ThenInclude(n => n.Outcomes).Include(p => p.Needs).ThenInclude(n => n.Provision).Include(p => p.Reviews)
                .Where(p => p.PupilId == pupil.Id).OrderByDescending(p => p.IssuedOn).FirstOrDefaultAsync(ct);
            if (ehc is null) omissions.Add(new("EHC plan", "none recorded"));
            else
            {
                Generate("04-ehc-plan.docx", EhcPlanDocument(pupil, ehc), Word, "Senco: EHC plan as the school recorded it",
                    $"EHC plan issued {Dates.Long(ehc.IssuedOn)} by LA {ehc.LocalAuthority}{(ehc.IsCeased ? $", ceased {Dates.Long(ehc.CeasedOn!.Value)}" : "")}");
                var lastReview = ehc.Reviews.Where(r => r.HeldOn is not null).OrderByDescending(r => r.HeldOn).FirstOrDefault();
                if (lastReview is null) omissions.Add(new("Annual review report", "no annual review held yet"));
                else
                {
                    var doc = EhcDocuments.Build("review-report", new EhcDocuments.Facts(pupil, school, ehc, lastReview, today));
                    Generate("05-last-annual-review-report.docx", doc.Content, Word, "Senco: annual reviews",
                        $"Report of the last annual review, held {Dates.Long(lastReview.HeldOn!.Value)}");
                }
            }
            evidence = await db.EhcEvidence.IgnoreQueryFilters().AsNoTracking()
                .Where(e => db.EhcNeedsAssessments.IgnoreQueryFilters().Where(a => a.PupilId == pupil.Id).Select(a => a.Id).Contains(e.AssessmentId))
                .OrderBy(e => e.Dated).ToListAsync(ct);
        }

        var uploaded = await UploadedDocumentsAsync(pupil, entries, omissions, ct);

        var index = Index(t, pupil, school, history[pupil.Id].OrderBy(c => c.EffectiveFrom).ThenBy(c => c.Id).ToList(), entries, omissions, evidence, now);
        generated[IndexName] = Encoding.UTF8.GetBytes(index);
        entries.Insert(0, new TransferPackEntry(IndexName, "Text", "Senco", "This index", generated[IndexName].LongLength));

        t.PackGeneratedAt = now;
        t.PackGeneratedBy = user.Name;
        t.PacksGenerated++;
        db.Audit(user.Actor, "transfer.pack", $"Made the transfer pack of {pupil.Upn} for {Destination(t)}: {string.Join(", ", entries.Select(f => f.Name))}", t.SchoolId, pupil.Id);
        await db.SaveChangesAsync(ct);
        return Outcome<TransferPack>.Ok(new TransferPack
        {
            FileName = $"transfer-{pupil.Upn}-{now:yyyyMMdd}.zip", Entries = entries, Omissions = omissions, Index = index,
            Generated = generated, Uploaded = uploaded, MadeAt = now,
        });
    }

    /// The files uploaded about the pupil that the next school needs: those on the pupil's record (where an EHC plan or
    /// review paperwork the local authority sent is kept), those attached to the pupil's referrals (agency reports), and
    /// those of review meetings about the pupil. Restricted notes' files are never included; files of other meetings
    /// and files the person may not see are listed as left out.
    private async Task<Dictionary<string, Guid>> UploadedDocumentsAsync(Pupil pupil, List<TransferPackEntry> entries, List<TransferPackOmission> omissions, CancellationToken ct)
    {
        var uploaded = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var docs = await db.TeamDocuments.IgnoreQueryFilters().AsNoTracking().Where(d => d.PupilId == pupil.Id && d.SchoolId == pupil.SchoolId)
            .OrderBy(d => d.UploadedAt).ToListAsync(ct);
        var restricted = docs.Count(d => d.RestrictedNoteId is not null);
        // Someone who may not open restricted notes is not told they exist, only the rule.
        omissions.Add(new("Restricted notes (safeguarding and health) and any files attached to them" +
                          (restricted > 0 && await team.MayOpenRestrictedAsync(pupil.SchoolId, ct) ? $": {ImportPlannerCount(restricted, "file")} held" : ""),
            "never put in a transfer pack: the designated safeguarding lead sends the child protection file to the new school's DSL separately and securely (Keeping children safe in education)"));
        docs = docs.Where(d => d.RestrictedNoteId is null).ToList();
        if (docs.Count == 0) return uploaded;

        var referralIds = docs.Where(d => d.ReferralId is not null).Select(d => d.ReferralId!.Value).Distinct().ToList();
        var referrals = await db.Referrals.IgnoreQueryFilters().AsNoTracking().Include(r => r.Agency).Where(r => referralIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var meetingIds = docs.Where(d => d.MeetingId is not null).Select(d => d.MeetingId!.Value).Distinct().ToList();
        var meetings = await db.Meetings.IgnoreQueryFilters().AsNoTracking().Where(m => meetingIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);

        var n = 0;
        foreach (var d in docs)
        {
            var label = $"{d.FileName}{(d.Description is null ? "" : $" ({d.Description})")}";
            if (!await team.MaySeeDocumentAsync(d, ct))
            {
                omissions.Add(new(label, "your role may not see the documents of the team around the child"));
                continue;
            }
            string folder, source;
            if (d.ReferralId is { } rid)
            {
                var r = referrals.GetValueOrDefault(rid);
                folder = "07-agency-reports";
                source = r is null ? "a referral" : $"referral to {r.Agency?.Name ?? "an agency"}{(r.SentOn is { } sent ? $", sent {Dates.Long(sent)}" : "")}";
            }
            else if (d.MeetingId is { } mid)
            {
                var m = meetings.GetValueOrDefault(mid);
                if (m is null || m.Kind != MeetingKind.Review)
                {
                    omissions.Add(new(label, $"attached to {(m is null ? "a meeting" : $"the {TeamMeetingKind(m.Kind)} meeting \"{m.Title}\" of {Dates.Long(DateOnly.FromDateTime(m.StartsAt))}")}, not a review: check it and send it separately if the next school needs it"));
                    continue;
                }
                folder = "08-review-meeting-documents";
                source = $"review meeting \"{m.Title}\" of {Dates.Long(DateOnly.FromDateTime(m.StartsAt))}";
            }
            else
            {
                folder = "06-pupil-documents";
                source = "documents on the pupil's record (for example the local authority's EHC plan or review paperwork)";
            }
            var name = $"{folder}/{++n:00}-{ZipSafe(d.FileName)}";
            uploaded[name] = d.Id;
            entries.Add(new TransferPackEntry(name, $"{TypeName(d.ContentType)}, uploaded by {d.UploadedBy} on {Dates.Long(DateOnly.FromDateTime(d.UploadedAt))}",
                $"Uploaded: {source}", d.Description ?? d.FileName, d.Size));
        }
        return uploaded;
    }

    /// Writes the ZIP to the stream: the index and generated documents, then each uploaded document copied from the
    /// database in chunks. Asynchronous all the way, so it can write straight to the response; returns the most bytes
    /// ever held back in memory on the way (see <see cref="AsyncOnlyOutput"/>).
    public Task<long> WriteAsync(TransferPack pack, Stream output, CancellationToken ct = default) =>
        WriteZipAsync(pack.Entries.Select(e => (e.Name, Stored: pack.Uploaded.ContainsKey(e.Name))).ToList(), pack.MadeAt, output,
            (name, s, token) => pack.Uploaded.TryGetValue(name, out var documentId)
                ? DocumentStreams.CopyContentAsync(db, documentId, s, token)
                : s.WriteAsync(pack.Generated[name], token).AsTask(), ct);

    /// The ZIP writing on its own, so a test can feed it a large stream and an output that refuses synchronous writes.
    /// Stored entries (PDFs, DOCX, images: compressed already) are not compressed again.
    public static async Task<long> WriteZipAsync(IReadOnlyList<(string Name, bool Stored)> entries, DateTime at, Stream output,
        Func<string, Stream, CancellationToken, Task> writeContent, CancellationToken ct)
    {
        var sink = new AsyncOnlyOutput(output);
        await using (var archive = await ZipArchive.CreateAsync(sink, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, ct))
        {
            foreach (var (name, stored) in entries)
            {
                var entry = archive.CreateEntry(name, stored ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
                entry.LastWriteTime = at;
                await using (var s = await entry.OpenAsync(ct))
                    await writeContent(name, s, ct);
                await sink.FlushAsync(ct);
            }
        }
        await sink.FlushAsync(ct);
        return sink.LargestHeld;
    }

    /// Sends the pack as a download, streaming it: headers first, then the ZIP written straight to the response body.
    public static async Task StreamAsync(TransferPackBuilder builder, TransferPack pack, HttpContext http, CancellationToken ct)
    {
        http.Response.ContentType = ContentType;
        http.Response.Headers.ContentDisposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment") { FileNameStar = pack.FileName, FileName = pack.FileName }.ToString();
        http.Response.Headers.CacheControl = "no-store";
        await builder.WriteAsync(pack, http.Response.Body, ct);
    }

    /// The whole pack in memory, for tests and small callers; pages and the API stream it with <see cref="WriteAsync"/>.
    public async Task<byte[]> ToBytesAsync(TransferPack pack, CancellationToken ct = default)
    {
        using var ms = new MemoryStream();
        await WriteAsync(pack, ms, ct);
        return ms.ToArray();
    }

    private static string ZipSafe(string fileName)
    {
        var clean = new string(fileName.Select(c => c is '/' or '\\' or ':' || char.IsControl(c) ? '-' : c).ToArray()).Trim();
        return clean.Length == 0 ? "document" : clean;
    }

    private static string TypeName(string contentType) => contentType switch
    {
        FileTypes.Pdf => "PDF",
        FileTypes.Docx => "Word document (DOCX)",
        FileTypes.Png => "PNG image",
        FileTypes.Jpeg => "JPEG image",
        _ => contentType,
    };

    private static string TeamMeetingKind(MeetingKind k) => k switch
    {
        MeetingKind.PupilProgress => "pupil progress",
        MeetingKind.MultiAgency => "multi-agency",
        MeetingKind.ParentsEvening => "parents' evening",
        MeetingKind.EarlyHelp => "Early Help",
        _ => k.ToString().ToLowerInvariant(),
    };

    private static string ImportPlannerCount(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    public static string Destination(PupilTransfer t) =>
        t.DestinationName is null ? CtfVersions.DescribeDestination(t.DestinationLa, t.DestinationEstab) : $"{t.DestinationName} ({CtfVersions.DescribeDestination(t.DestinationLa, t.DestinationEstab)})";

    private static string Index(PupilTransfer t, Pupil p, School school, IReadOnlyList<SenStatusChange> history, List<TransferPackEntry> files,
        List<TransferPackOmission> omissions, List<EhcEvidence> evidence, DateTime now)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"Transfer pack: {p.FullName}, UPN {p.Upn}, date of birth {Dates.Long(p.DateOfBirth)}, {YearGroups.Label(p.YearGroup)}");
        sb.AppendLine($"From {school.Name} ({school.DfeNumber}, URN {school.Urn}) to {Destination(t)}");
        sb.AppendLine($"Left on {Dates.Long(t.LeftOn)}; to be sent by {Dates.Long(t.DueOn)} (15 school days, Education (Pupil Information) (England) Regulations 2005, reg 9)");
        sb.AppendLine($"Made {now:yyyy-MM-dd HH:mm} UTC. This pack holds special category data: send it only by a secure route such as School to School (S2S).");
        sb.AppendLine();
        sb.AppendLine($"SEN status now: {p.SenStatus} ({SenStatuses.Describe(p.SenStatus)}){(p.NeedList.Count > 0 ? "; needs in rank order: " + string.Join(", ", p.NeedList.Select((n, i) => $"{i + 1}. {NeedTypes.NameOf(n)} ({n})")) : "")}");
        sb.AppendLine("SEN history:");
        foreach (var c in history) sb.AppendLine($"  from {Dates.Long(c.EffectiveFrom)}: {c.Status}{(c.Needs.Length > 0 ? " (" + c.Needs.Replace(",", ", ", StringComparison.Ordinal) + ")" : "")}. {c.Reason}");
        if (history.Count == 0) sb.AppendLine("  none recorded");
        sb.AppendLine();
        sb.AppendLine("Files in this pack (name | type | source | what it holds):");
        sb.AppendLine($"  {IndexName} | Text | Senco | this index");
        foreach (var f in files)
            sb.AppendLine($"  {f.Name} | {f.Type}{(f.Size is { } size ? $", {Size(size)}" : "")} | {f.Source} | {f.What}");
        sb.AppendLine();
        sb.AppendLine("Left out, and why:");
        foreach (var m in omissions) sb.AppendLine($"  {m.What}: {m.Why}");
        if (evidence.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("Evidence recorded with EHC needs assessment requests (Senco records the titles and dates; any file uploaded to the pupil's record or a referral is in the pack above):");
            foreach (var e in evidence) sb.AppendLine($"  {e.Kind}: {e.Title}{(e.Dated is { } d ? $", dated {Dates.Long(d)}" : "")}");
        }
        return sb.ToString();
    }

    private static string Size(long bytes) => bytes < 1024 ? $"{bytes} bytes" : bytes < 1024 * 1024 ? $"{bytes / 1024.0:0.#} KB" : $"{bytes / 1024.0 / 1024.0:0.#} MB";

    internal static byte[] SupportPlanDocument(Pupil p, SupportPlan plan) => Docx.Write($"SEN support plan: {p.FullName}", w =>
    {
        w.Heading($"SEN support plan: {p.FullName}");
        w.Para($"UPN {p.Upn} · {YearGroups.Label(p.YearGroup)} · cycle {plan.Cycle}, started {Dates.Long(plan.StartedOn)}, review due {Dates.Long(plan.ReviewDue)}{(plan.LeadName is null ? "" : $" · led by {plan.LeadName}")}");
        w.Heading("Strengths", 2); w.Para(plan.Strengths);
        foreach (var (label, text) in new[] { ("Cognition and learning", plan.NeedsCognitionAndLearning), ("Communication and interaction", plan.NeedsCommunicationAndInteraction),
                     ("Social, emotional and mental health", plan.NeedsSocialEmotionalMentalHealth), ("Sensory and/or physical", plan.NeedsSensoryPhysical) })
            if (!string.IsNullOrWhiteSpace(text)) { w.Heading($"Needs: {label}", 2); w.Para(text); }
        w.Heading("Evidence", 2); w.Para(plan.Evidence);
        if (!string.IsNullOrWhiteSpace(plan.PupilViews)) { w.Heading("The pupil's views", 2); w.Para(plan.PupilViews); }
        if (!string.IsNullOrWhiteSpace(plan.ParentViews)) { w.Heading("The parents' views", 2); w.Para(plan.ParentViews); }
        w.Heading("Outcomes", 2);
        foreach (var o in plan.Outcomes.OrderBy(o => o.Position)) w.Para($"• {o.Description} (by {Dates.Long(o.ByWhen)}; measured by {o.Measure}; {o.State})");
        w.Heading("Strategies and provision", 2);
        foreach (var s in plan.Strategies.OrderBy(s => s.Position)) w.Para($"• {s.Description} ({s.Who}{(string.IsNullOrWhiteSpace(s.HowOften) ? "" : ", " + s.HowOften)})");
    });

    internal static byte[] EhcPlanDocument(Pupil p, EhcPlan plan) => Docx.Write($"EHC plan: {p.FullName}", w =>
    {
        w.Heading($"Education, health and care plan: {p.FullName}");
        w.Para($"UPN {p.Upn} · issued {Dates.Long(plan.IssuedOn)} by {LocalAuthorities.NameOf(plan.LocalAuthority) ?? "the local authority"} ({plan.LocalAuthority})" +
               $"{(plan.CaseOfficer is null ? "" : $" · case officer {plan.CaseOfficer}")}{(plan.IsCeased ? $" · ceased {Dates.Long(plan.CeasedOn!.Value)}" : "")}");
        w.Para("This is the school's record of the plan. The local authority's issued plan is the legal document.");
        void Section(string key, string title)
        {
            w.Heading($"Section {key}: {title}", 2);
            w.Para(string.IsNullOrWhiteSpace(plan.Section(key)) ? "Not recorded." : plan.Section(key)!);
        }
        Section("A", "views, interests and aspirations");
        w.Heading("Sections B, E and F: needs, outcomes and provision", 2);
        foreach (var n in plan.Needs.OrderBy(n => n.Order))
        {
            w.Para($"Need{(n.NeedType is null ? "" : $" ({n.NeedType})")}: {n.Description}");
            foreach (var o in n.Outcomes) w.Para($"   Outcome: {o.Description}");
            foreach (var f in n.Provision) w.Para($"   Provision: {f.Description}{(f.HoursPerWeek is { } h ? $", {h} hours a week" : "")}{(f.FundedBy is null ? "" : $", funded by {f.FundedBy}")}");
        }
        Section("C", "health needs"); Section("D", "social care needs"); Section("G", "health provision");
        Section("H1", "social care provision (CSDPA 1970 s2)"); Section("H2", "other social care provision");
        Section("I", "placement"); Section("J", "personal budget"); Section("K", "advice and information");
    });
}

/// A plain Word document of headings and paragraphs (Open XML), for documents that have no builder of their own.
internal static class Docx
{
    internal sealed class Writer(Body body)
    {
        public void Heading(string text, int level = 1) =>
            body.AppendChild(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = level == 1 ? "Heading1" : "Heading2" }),
                new Run(new RunProperties(new Bold(), new FontSize { Val = level == 1 ? "32" : "26" }), new Text(text) { Space = SpaceProcessingModeValues.Preserve })));

        public void Para(string text)
        {
            foreach (var line in text.Split('\n'))
                body.AppendChild(new Paragraph(new Run(new Text(line.TrimEnd('\r')) { Space = SpaceProcessingModeValues.Preserve })));
        }
    }

    public static byte[] Write(string title, Action<Writer> fill)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            doc.PackageProperties.Title = title;
            doc.PackageProperties.Creator = "Senco";
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body());
            fill(new Writer(main.Document.Body!));
            main.Document.Save();
        }
        return stream.ToArray();
    }
}
