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

namespace Senco.Web.Features.Transfers;

public sealed record TransferPackFile(string FileName, byte[] Content, IReadOnlyList<string> Entries);

/// <summary>
/// The transfer pack for a leaver: one ZIP with the CTF for the destination and the SEN file the next school needs
/// (the current SEN support plan, the learning passport, the EHC plan and its last review, and the list of documents
/// and agency reports recorded), with an index. Making it is audited (it is a read of the whole SEN record) and
/// recorded on the transfer.
/// </summary>
public sealed class TransferPackBuilder(SencoDbContext db, UserContext user, TransferCommands transfers, TimeProvider clock)
{
    public const string ContentType = "application/zip";

    public async Task<Outcome<TransferPackFile>> BuildAsync(Guid transferId, CancellationToken ct = default)
    {
        var found = await transfers.FindAsync(transferId, Permission.SendTransferPacks, track: true, ct);
        if (!found.IsOk) return Outcome<TransferPackFile>.From(found);
        var t = found.Value!;
        var pupil = t.Pupil!;
        var school = pupil.School!;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);

        var history = (await db.SenStatusChanges.IgnoreQueryFilters().AsNoTracking().Where(c => c.PupilId == pupil.Id).ToListAsync(ct)).ToLookup(c => c.PupilId);
        var ctf = CtfWriter.Write(CtfExporter.Build(school, [pupil], history, t.DestinationLa, t.DestinationEstab, t.DestinationName, now));

        var plan = await db.SupportPlans.IgnoreQueryFilters().AsNoTracking().Include(p => p.Outcomes).Include(p => p.Strategies)
            .Where(p => p.PupilId == pupil.Id).OrderByDescending(p => p.Cycle).FirstOrDefaultAsync(ct);
        var passport = await db.Passports.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(p => p.PupilId == pupil.Id, ct);
        var photo = passport is { HasPhoto: true } ? await db.PassportPhotos.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(p => p.PassportId == passport.Id, ct) : null;
        var ehc = await db.EhcPlans.IgnoreQueryFilters().AsNoTracking()
            .Include(p => p.Needs).ThenInclude(n => n.Outcomes).Include(p => p.Needs).ThenInclude(n => n.Provision).Include(p => p.Reviews)
            .Where(p => p.PupilId == pupil.Id).OrderByDescending(p => p.IssuedOn).FirstOrDefaultAsync(ct);
        var evidence = await db.EhcEvidence.IgnoreQueryFilters().AsNoTracking()
            .Where(e => db.EhcNeedsAssessments.IgnoreQueryFilters().Where(a => a.PupilId == pupil.Id).Select(a => a.Id).Contains(e.AssessmentId))
            .OrderBy(e => e.Dated).ToListAsync(ct);

        var files = new List<(string Name, byte[] Content, string What)>
        {
            ($"01-ctf-{pupil.Upn}.xml", ctf, $"Common Transfer File (CTF {CtfVersions.Current}) to {Destination(t)}, with the SEN history and ranked needs"),
        };
        var missing = new List<string>();
        if (plan is not null)
            files.Add(("02-sen-support-plan.docx", SupportPlanDocument(pupil, plan), $"SEN support plan, cycle {plan.Cycle} ({(plan.IsCurrent ? "current" : "the last one, reviewed")}), started {Dates.Long(plan.StartedOn)}"));
        else missing.Add("SEN support plan: none recorded");
        if (passport is not null)
        {
            var strategies = plan is { IsCurrent: true } ? plan.Strategies.OrderBy(s => s.Position).ToList() : [];
            files.Add(("03-learning-passport.docx", PassportDocument.Build(pupil, passport, photo, strategies), $"Learning passport, last reviewed {Dates.Long(passport.LastReviewedOn)}"));
        }
        else missing.Add("Learning passport: none recorded");
        if (ehc is not null)
        {
            files.Add(("04-ehc-plan.docx", EhcPlanDocument(pupil, ehc), $"EHC plan issued {Dates.Long(ehc.IssuedOn)} by LA {ehc.LocalAuthority}{(ehc.IsCeased ? $", ceased {Dates.Long(ehc.CeasedOn!.Value)}" : "")}"));
            var lastReview = ehc.Reviews.Where(r => r.HeldOn is not null).OrderByDescending(r => r.HeldOn).FirstOrDefault();
            if (lastReview is not null)
            {
                var doc = EhcDocuments.Build("review-report", new EhcDocuments.Facts(pupil, school, ehc, lastReview, today));
                files.Add(("05-last-annual-review-report.docx", doc.Content, $"Report of the last annual review, held {Dates.Long(lastReview.HeldOn!.Value)}"));
            }
            else missing.Add("Annual review: none held yet");
        }
        else missing.Add("EHC plan: none recorded");

        var index = Index(t, pupil, school, history[pupil.Id].OrderBy(c => c.EffectiveFrom).ThenBy(c => c.Id).ToList(), files, missing, evidence, now);
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(archive, "00-index.txt", Encoding.UTF8.GetBytes(index), now);
            foreach (var f in files) Add(archive, f.Name, f.Content, now);
        }

        t.PackGeneratedAt = now;
        t.PackGeneratedBy = user.Name;
        t.PacksGenerated++;
        db.Audit(user.Actor, "transfer.pack", $"Made the transfer pack of {pupil.Upn} for {Destination(t)}: {string.Join(", ", files.Select(f => f.Name))}", t.SchoolId, pupil.Id);
        await db.SaveChangesAsync(ct);
        return Outcome<TransferPackFile>.Ok(new TransferPackFile($"transfer-{pupil.Upn}-{now:yyyyMMdd}.zip", zip.ToArray(), ["00-index.txt", .. files.Select(f => f.Name)]));
    }

    private static void Add(ZipArchive archive, string name, byte[] content, DateTime now)
    {
        var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = now;
        using var s = entry.Open();
        s.Write(content);
    }

    public static string Destination(PupilTransfer t) =>
        t.DestinationName is null ? CtfVersions.DescribeDestination(t.DestinationLa, t.DestinationEstab) : $"{t.DestinationName} ({CtfVersions.DescribeDestination(t.DestinationLa, t.DestinationEstab)})";

    private static string Index(PupilTransfer t, Pupil p, School school, IReadOnlyList<SenStatusChange> history, List<(string Name, byte[] Content, string What)> files,
        List<string> missing, List<EhcEvidence> evidence, DateTime now)
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
        sb.AppendLine("Files in this pack:");
        sb.AppendLine("  00-index.txt: this index");
        foreach (var f in files) sb.AppendLine($"  {f.Name}: {f.What}");
        if (missing.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("Not included because Senco holds none:");
            foreach (var m in missing) sb.AppendLine($"  {m}");
        }
        sb.AppendLine();
        sb.AppendLine("Documents and agency reports recorded with EHC needs assessment requests (Senco records their titles and dates; the documents themselves are held by the school and should be sent with this pack):");
        if (evidence.Count == 0) sb.AppendLine("  none recorded");
        foreach (var e in evidence) sb.AppendLine($"  {e.Kind}: {e.Title}{(e.Dated is { } d ? $", dated {Dates.Long(d)}" : "")}");
        return sb.ToString();
    }

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
