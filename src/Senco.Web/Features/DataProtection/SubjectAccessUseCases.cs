using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Exchange;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.DataProtection;

public sealed record SubjectAccessRow(SubjectAccessRequest Request, string PupilName, string Upn, bool PupilOnRoll);

public sealed record SubjectAccessInput(DateOnly? ReceivedOn, string? Requester, string? Relationship, string? Notes);

public sealed record SubjectAccessUpdate(string? Status, DateOnly? CompletedOn, bool Extended, string? ExtensionReason, string? Notes);

/// A ZIP of everything held about one pupil, and its name.
public sealed record PupilRecordExport(byte[] Zip, string FileName, IReadOnlyList<(string Section, PupilRecordFile File)> Files);

/// The log of subject access requests and the export that answers one.
public sealed class SubjectAccessCommands(SencoDbContext db, UserContext user, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<Outcome<IReadOnlyList<SubjectAccessRow>>> ListAsync(string urn, CancellationToken ct)
    {
        var school = user.School(urn);
        if (school is null) return Outcome<IReadOnlyList<SubjectAccessRow>>.NotFound();
        if (!school.Can(Permission.LogSubjectAccess)) return Outcome<IReadOnlyList<SubjectAccessRow>>.Forbidden();
        var rows = await db.SubjectAccessRequests.AsNoTracking().Where(r => r.SchoolId == school.SchoolId)
            .Join(db.Pupils.AsNoTracking(), r => r.PupilId, p => p.Id, (r, p) => new { r, p.Forename, p.Surname, p.Upn, p.OnRoll })
            .ToListAsync(ct);
        return Outcome<IReadOnlyList<SubjectAccessRow>>.Ok(rows
            .Select(x => new SubjectAccessRow(x.r, $"{x.Forename} {x.Surname}", x.Upn, x.OnRoll))
            .OrderByDescending(x => x.Request.IsOpen).ThenBy(x => x.Request.IsOpen ? x.Request.DueOn : DateOnly.MaxValue).ThenByDescending(x => x.Request.ReceivedOn)
            .ToList());
    }

    public async Task<Outcome<SubjectAccessRow>> FindAsync(string urn, Guid id, CancellationToken ct)
    {
        var school = user.School(urn);
        if (school is null) return Outcome<SubjectAccessRow>.NotFound();
        var x = await db.SubjectAccessRequests.AsNoTracking().Where(r => r.Id == id && r.SchoolId == school.SchoolId)
            .Join(db.Pupils.AsNoTracking(), r => r.PupilId, p => p.Id, (r, p) => new { r, p.Forename, p.Surname, p.Upn, p.OnRoll }).FirstOrDefaultAsync(ct);
        if (x is null) return Outcome<SubjectAccessRow>.NotFound();
        if (!school.Can(Permission.LogSubjectAccess)) return Outcome<SubjectAccessRow>.Forbidden();
        return Outcome<SubjectAccessRow>.Ok(new SubjectAccessRow(x.r, $"{x.Forename} {x.Surname}", x.Upn, x.OnRoll));
    }

    /// The pupil by id or UPN within the school (on roll or not: a request can come after a pupil leaves).
    public async Task<Pupil?> FindPupilAsync(int schoolId, Guid? pupilId, string? upn, CancellationToken ct)
    {
        if (pupilId is { } id) return await db.Pupils.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.SchoolId == schoolId, ct);
        var u = upn?.Trim().ToUpperInvariant();
        return string.IsNullOrEmpty(u) ? null : await db.Pupils.AsNoTracking().FirstOrDefaultAsync(p => p.Upn == u && p.SchoolId == schoolId, ct);
    }

    public async Task<Outcome<SubjectAccessRequest>> CreateAsync(string urn, Guid? pupilId, string? upn, SubjectAccessInput input, CancellationToken ct)
    {
        var school = user.School(urn);
        if (school is null) return Outcome<SubjectAccessRequest>.NotFound();
        if (!school.Can(Permission.LogSubjectAccess)) return Outcome<SubjectAccessRequest>.Forbidden();
        var errors = new ValidationErrors();
        var pupil = await FindPupilAsync(school.SchoolId, pupilId, upn, ct);
        if (pupil is null) errors.Add("upn", string.IsNullOrWhiteSpace(upn) && pupilId is null ? "Enter the UPN of the pupil the request is about" : "No pupil of this school has that UPN");
        errors.Merge(SubjectAccessRules.Validate(input.ReceivedOn, input.Requester, Today));
        if (input.Relationship is { Length: > 100 }) errors.Add("relationship", "The relationship must be 100 characters or fewer");
        if (input.Notes is { Length: > 4000 }) errors.Add("notes", "The notes must be 4,000 characters or fewer");
        if (!errors.IsValid) return Outcome<SubjectAccessRequest>.Invalid(errors);
        var request = new SubjectAccessRequest
        {
            Id = Guid.CreateVersion7(), SchoolId = school.SchoolId, PupilId = pupil!.Id, ReceivedOn = input.ReceivedOn!.Value, Requester = input.Requester!.Trim(),
            Relationship = Blank(input.Relationship), Notes = Blank(input.Notes), Status = SubjectAccessStatus.Received,
            RecordedBy = user.Name, CreatedAt = DateTime.UtcNow, Version = 1,
        };
        db.SubjectAccessRequests.Add(request);
        db.Audit(user.Actor, "sar.create", $"Logged a subject access request received {Dates.Long(request.ReceivedOn)}, due {Dates.Long(request.DueOn)}", school.SchoolId, pupil.Id);
        await db.SaveChangesAsync(ct);
        return Outcome<SubjectAccessRequest>.Ok(request);
    }

    public async Task<Outcome<SubjectAccessRequest>> UpdateAsync(string urn, Guid id, int version, SubjectAccessUpdate input, CancellationToken ct)
    {
        var school = user.School(urn);
        if (school is null) return Outcome<SubjectAccessRequest>.NotFound();
        var request = await db.SubjectAccessRequests.FirstOrDefaultAsync(r => r.Id == id && r.SchoolId == school.SchoolId, ct);
        if (request is null) return Outcome<SubjectAccessRequest>.NotFound();
        if (!school.Can(Permission.LogSubjectAccess)) return Outcome<SubjectAccessRequest>.Forbidden();
        var errors = new ValidationErrors();
        if (!Enum.TryParse<SubjectAccessStatus>(input.Status, true, out var status) || int.TryParse(input.Status, out _)) errors.Add("status", "Choose the status of the request");
        if (status == SubjectAccessStatus.Completed)
        {
            if (input.CompletedOn is not { } done) errors.Add("completedOn", "Enter the date the answer was sent");
            else if (done < request.ReceivedOn) errors.Add("completedOn", $"The answer cannot be sent before the request was received ({Dates.Long(request.ReceivedOn)})");
            else if (done > Today) errors.Add("completedOn", "The date the answer was sent must be today or in the past");
        }
        if (input.Extended && !request.Extended)
        {
            if (SubjectAccessRules.ExtensionError(request.ReceivedOn, Today) is { } late) errors.Add("extended", late);
            if (string.IsNullOrWhiteSpace(input.ExtensionReason)) errors.Add("extensionReason", "Say why the request is complex or one of many: the requester must be told");
        }
        if (input.ExtensionReason is { Length: > 2000 }) errors.Add("extensionReason", "The reason must be 2,000 characters or fewer");
        if (input.Notes is { Length: > 4000 }) errors.Add("notes", "The notes must be 4,000 characters or fewer");
        if (!errors.IsValid) return Outcome<SubjectAccessRequest>.Invalid(errors);
        if (request.Version != version)
            return Outcome<SubjectAccessRequest>.Conflict("Someone else changed this request while you were editing it. Your changes have not been saved: check it as it is now.", current: request);

        var changes = new List<string>();
        if (request.Status != status) changes.Add($"status {request.Status} → {status}");
        if (input.Extended && !request.Extended)
        {
            request.Extended = true;
            request.ExtendedOn = Today;
            request.ExtensionReason = input.ExtensionReason!.Trim();
            changes.Add($"extended by two months to {Dates.Long(request.DueOn)}");
        }
        request.Status = status;
        request.CompletedOn = status == SubjectAccessStatus.Completed ? input.CompletedOn : null;
        request.Notes = Blank(input.Notes);
        request.Version++;
        db.Audit(user.Actor, "sar.update", $"Updated the subject access request received {Dates.Long(request.ReceivedOn)}: {(changes.Count == 0 ? "notes" : string.Join("; ", changes))}", school.SchoolId, request.PupilId);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.SubjectAccessRequests.AsNoTracking().FirstAsync(r => r.Id == id, ct);
            return Outcome<SubjectAccessRequest>.Conflict("Someone else changed this request while you were editing it. Your changes have not been saved: check it as it is now.", current: current);
        }
        return Outcome<SubjectAccessRequest>.Ok(request);
    }

    /// Everything held about the pupil of the request, as a ZIP with an index. The SENCO only; audited.
    public async Task<Outcome<PupilRecordExport>> ExportAsync(string urn, Guid id, CancellationToken ct)
    {
        var school = user.School(urn);
        if (school is null) return Outcome<PupilRecordExport>.NotFound();
        var request = await db.SubjectAccessRequests.FirstOrDefaultAsync(r => r.Id == id && r.SchoolId == school.SchoolId, ct);
        if (request is null) return Outcome<PupilRecordExport>.NotFound();
        if (!school.Can(Permission.ExportPupilRecord)) return Outcome<PupilRecordExport>.Forbidden();
        var pupil = await db.Pupils.AsNoTracking().Include(p => p.School).FirstAsync(p => p.Id == request.PupilId, ct);
        var export = await BuildAsync(db, pupil, user.Name, request, ct);
        request.LastExportAt = DateTime.UtcNow;
        if (request.Status == SubjectAccessStatus.Received) request.Status = SubjectAccessStatus.InProgress;
        request.Version++;
        db.Audit(user.Actor, "sar.export", $"Exported the whole record ({export.Files.Count} files) for the subject access request received {Dates.Long(request.ReceivedOn)}", school.SchoolId, pupil.Id);
        await db.SaveChangesAsync(ct);
        return Outcome<PupilRecordExport>.Ok(export);
    }

    public static async Task<PupilRecordExport> BuildAsync(SencoDbContext db, Pupil pupil, string exportedBy, SubjectAccessRequest? request, CancellationToken ct)
    {
        var files = new List<(string Section, PupilRecordFile File)>();
        foreach (var section in PupilRecordSections.All())
            foreach (var f in await section.CollectAsync(db, pupil, ct))
                files.Add((section.Title, f));
        var at = DateTime.UtcNow;
        var indexCsv = RecordCsv.Table(["File", "Section", "What it holds", "Size (bytes)"],
            files.Select(f => new[] { f.File.Path, f.Section, Describe(f.File), f.File.Content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) })
                .Prepend(["index.csv", "Index", "This index as a table", ""])
                .Prepend(["index.html", "Index", "This index as a web page: every file in this ZIP and what it holds", ""]));
        var html = IndexHtml(pupil, exportedBy, at, request, files);
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, true))
        {
            void Put(string path, byte[] content)
            {
                var e = zip.CreateEntry(path, CompressionLevel.Optimal);
                e.LastWriteTime = at;
                using var s = e.Open();
                s.Write(content);
            }
            Put("index.html", Encoding.UTF8.GetBytes(html));
            Put("index.csv", indexCsv);
            foreach (var (_, f) in files) Put(f.Path, f.Content);
        }
        var name = $"record-{pupil.Upn}-{at:yyyy-MM-dd}.zip";
        return new PupilRecordExport(ms.ToArray(), name, files);
    }

    public static string Describe(PupilRecordFile f)
    {
        var name = Path.GetFileNameWithoutExtension(f.Path).Replace('-', ' ');
        var what = f.ContentType switch
        {
            "text/csv" => "a table (CSV, opens in a spreadsheet), one row per record",
            var t when t.StartsWith("image/", StringComparison.Ordinal) => "the stored image itself",
            _ => "the stored document itself",
        };
        return $"{char.ToUpperInvariant(name[0])}{name[1..]}: {what}";
    }

    private static string IndexHtml(Pupil pupil, string exportedBy, DateTime at, SubjectAccessRequest? request, List<(string Section, PupilRecordFile File)> files)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Record held about ")
          .Append(E(pupil.FullName)).Append("</title><style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #b1b4b6;padding:.4rem;text-align:left;vertical-align:top}</style></head><body>");
        sb.Append("<h1>Everything Senco holds about ").Append(E(pupil.FullName)).Append("</h1>");
        sb.Append("<p>UPN ").Append(E(pupil.Upn)).Append(", ").Append(E(pupil.School?.Name ?? "")).Append(". Exported on ")
          .Append(E(Dates.Long(DateOnly.FromDateTime(at)))).Append(" at ").Append(at.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)).Append(" UTC by ").Append(E(exportedBy)).Append(".</p>");
        if (request is not null)
            sb.Append("<p>In answer to the subject access request received on ").Append(E(Dates.Long(request.ReceivedOn))).Append(" from ").Append(E(request.Requester))
              .Append(", due by ").Append(E(Dates.Long(request.DueOn))).Append(".</p>");
        sb.Append("<p>Tables are CSV files: they open in any spreadsheet. Dates are written year-month-day. Before sending this, check it for information about other people (for example other pupils named in notes) and redact what the law requires.</p>");
        sb.Append("<table><thead><tr><th scope=\"col\">File</th><th scope=\"col\">Section</th><th scope=\"col\">What it holds</th></tr></thead><tbody>");
        sb.Append("<tr><td>index.csv</td><td>Index</td><td>This index as a table</td></tr>");
        foreach (var (section, f) in files)
            sb.Append("<tr><td><a href=\"").Append(E(f.Path)).Append("\">").Append(E(f.Path)).Append("</a></td><td>").Append(E(section)).Append("</td><td>").Append(E(Describe(f))).Append("</td></tr>");
        sb.Append("</tbody></table>");
        var empty = PupilRecordSections.All().Select(s => s.Title).Except(files.Select(f => f.Section)).ToList();
        if (empty.Count > 0)
        {
            sb.Append("<h2>Nothing held</h2><p>Senco holds nothing about this pupil in these areas:</p><ul>");
            foreach (var t in empty) sb.Append("<li>").Append(E(t)).Append("</li>");
            sb.Append("</ul>");
        }
        sb.Append("</body></html>");
        return sb.ToString();
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
