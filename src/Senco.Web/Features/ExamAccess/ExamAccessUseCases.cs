using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Leadership;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Pupils;
using Senco.Web.Features.Register;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.ExamAccess;

public sealed record ArrangementInput(string? Kind, string? Details, string? Evidence, DateOnly? AssessedOn, string? Assessor,
    string? Score1Area, int? Score1, string? Score2Area, int? Score2, string? Score3Area, int? Score3,
    string? NormalWayOfWorking, int? Edition, DateOnly? ApprovedOn, int? Version = null);

/// An arrangement with the checks of today, for lists, pages and the API.
public sealed record CheckedArrangement(ExamAccessArrangement Arrangement, IReadOnlyList<ExamAccessFlag> Flags);

/// <summary>
/// Exam access arrangements (JCQ AARA, send-facts.md §8): recording them with their evidence, checking them, and the
/// exam officer's lists. Arrangements hold Form 8 scores and evidence of need, so every read is audited like the
/// pupil's other records, and every change is audited with who and what.
/// </summary>
public sealed class ExamAccessUseCases(SencoDbContext db, UserContext user, PupilFinder finder, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public CheckedArrangement Check(ExamAccessArrangement a, Pupil p) =>
        new(a, ExamAccessRules.Check(new ExamAccessCase(a.Kind, a.Evidence, a.AssessedOn, a.Assessor, a.Scores, a.NormalWayOfWorking, a.EditionStartYear, a.ApprovedOn, p.DateOfBirth), Today));

    public async Task<IReadOnlyList<CheckedArrangement>> SchoolAsync(SchoolGrant school, ExamArrangementKind? kind, CancellationToken ct)
    {
        var id = school.SchoolId;
        var q = db.ExamAccessArrangements.AsNoTracking().Include(a => a.Pupil).Where(a => a.SchoolId == id && a.Pupil!.OnRoll);
        if (kind is { } k) q = q.Where(a => a.Kind == k);
        var rows = await q.ToListAsync(ct);
        return rows.OrderBy(a => a.Kind).ThenBy(a => a.Pupil!.Surname).ThenBy(a => a.Pupil!.Forename).Select(a => Check(a, a.Pupil!)).ToList();
    }

    public async Task<Outcome<(Pupil Pupil, IReadOnlyList<CheckedArrangement> Arrangements)>> PupilAsync(Guid pupilId, CancellationToken ct)
    {
        var found = await finder.FindAsync(pupilId, Permission.ViewExamAccess, ct: ct);
        if (!found.IsOk) return new(found.Kind);
        var p = found.Value!;
        var rows = await db.ExamAccessArrangements.AsNoTracking().Where(a => a.PupilId == pupilId).OrderBy(a => a.Kind).ToListAsync(ct);
        return Outcome<(Pupil, IReadOnlyList<CheckedArrangement>)>.Ok((p, rows.Select(a => Check(a, p)).ToList()));
    }

    public async Task<Outcome<CheckedArrangement>> FindAsync(Guid id, Permission permission, CancellationToken ct)
    {
        // Past the tenancy filter, then checked: a school the person sees but may not read this in answers 403, not 404.
        var a = await db.ExamAccessArrangements.IgnoreQueryFilters().AsNoTracking().Include(x => x.Pupil).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null || !user.CanSee(a.SchoolId)) return Outcome<CheckedArrangement>.NotFound();
        if (!user.Can(a.SchoolId, permission)) return Outcome<CheckedArrangement>.Forbidden();
        return Outcome<CheckedArrangement>.Ok(Check(a, a.Pupil!));
    }

    private ValidationErrors Validate(ArrangementInput i)
    {
        var e = ExamAccessRules.Validate(i.Kind, i.Evidence, i.AssessedOn, i.Assessor,
            [("score1", i.Score1Area, i.Score1), ("score2", i.Score2Area, i.Score2), ("score3", i.Score3Area, i.Score3)], i.Edition, i.ApprovedOn, Today);
        if (i.Details is { Length: > 500 }) e.Add("details", "The details must be 500 characters or fewer");
        if (i.NormalWayOfWorking is { Length: > 2000 }) e.Add("normalWayOfWorking", "The normal way of working must be 2,000 characters or fewer");
        return e;
    }

    public async Task<Outcome<CheckedArrangement>> CreateAsync(Guid pupilId, ArrangementInput input, CancellationToken ct)
    {
        var found = await finder.FindAsync(pupilId, Permission.ManageExamAccess, ct: ct);
        if (!found.IsOk) return new(found.Kind);
        var pupil = found.Value!;
        var errors = Validate(input);
        if (!errors.IsValid) return Outcome<CheckedArrangement>.Invalid(errors);
        var now = clock.GetUtcNow().UtcDateTime;
        var a = new ExamAccessArrangement { Id = Guid.CreateVersion7(), SchoolId = pupil.SchoolId, PupilId = pupil.Id, RecordedBy = user.Name, RecordedAt = now, UpdatedAt = now, Version = 1 };
        Apply(a, input);
        db.ExamAccessArrangements.Add(a);
        db.Audit(user.Actor, "exam-access.create", $"Recorded {ExamAccessRules.Label(a.Kind)} for {pupil.Upn}", pupil.SchoolId, pupil.Id);
        await db.SaveChangesAsync(ct);
        return Outcome<CheckedArrangement>.Ok(Check(a, pupil));
    }

    public async Task<Outcome<CheckedArrangement>> UpdateAsync(Guid id, ArrangementInput input, CancellationToken ct)
    {
        var a = await db.ExamAccessArrangements.IgnoreQueryFilters().Include(x => x.Pupil).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null || !user.CanSee(a.SchoolId)) return Outcome<CheckedArrangement>.NotFound();
        if (!user.Can(a.SchoolId, Permission.ManageExamAccess)) return Outcome<CheckedArrangement>.Forbidden();
        var errors = Validate(input);
        if (input.Version is null) errors.Add("version", "Send the version you last read");
        if (!errors.IsValid) return Outcome<CheckedArrangement>.Invalid(errors);
        var pupil = a.Pupil!;
        if (a.Version != input.Version) return Outcome<CheckedArrangement>.Conflict("Someone else changed this arrangement since you opened it.", current: Check(a, pupil));
        Apply(a, input);
        a.Version++;
        a.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        db.Audit(user.Actor, "exam-access.update", $"Changed {ExamAccessRules.Label(a.Kind)} of {pupil.Upn}", a.SchoolId, a.PupilId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var fresh = await db.ExamAccessArrangements.IgnoreQueryFilters().AsNoTracking().Include(x => x.Pupil).FirstAsync(x => x.Id == id, ct);
            return Outcome<CheckedArrangement>.Conflict("Someone else changed this arrangement since you opened it.", current: Check(fresh, fresh.Pupil!));
        }
        return Outcome<CheckedArrangement>.Ok(Check(a, pupil));
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static void Apply(ExamAccessArrangement a, ArrangementInput i)
    {
        a.Kind = Enum.Parse<ExamArrangementKind>(i.Kind!);
        a.Details = Trim(i.Details);
        a.Evidence = string.IsNullOrWhiteSpace(i.Evidence) ? null : Enum.Parse<ExamEvidenceKind>(i.Evidence);
        a.AssessedOn = i.AssessedOn;
        a.Assessor = Trim(i.Assessor);
        (a.Score1Area, a.Score1) = (Trim(i.Score1Area), i.Score1);
        (a.Score2Area, a.Score2) = (Trim(i.Score2Area), i.Score2);
        (a.Score3Area, a.Score3) = (Trim(i.Score3Area), i.Score3);
        a.NormalWayOfWorking = Trim(i.NormalWayOfWorking);
        a.EditionStartYear = i.Edition!.Value;
        a.ApprovedOn = i.ApprovedOn;
    }
}

/// The exam officer's list as CSV or XLSX: one row per candidate and arrangement, no assessment scores (the officer
/// needs what to put in place, not the evidence), every cell neutralised against formula injection.
public static class ExamAccessExport
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static readonly string[] Headers = ["Candidate", "UPN", "Year group", "Arrangement", "Details", "JCQ edition", "Approved", "Expires", "Checks"];

    private static string D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static IEnumerable<string[]> Cells(IEnumerable<CheckedArrangement> rows) => rows.Select(r => new[]
    {
        $"{r.Arrangement.Pupil!.Surname}, {r.Arrangement.Pupil.Forename}", r.Arrangement.Pupil.Upn, r.Arrangement.Pupil.YearGroup, ExamAccessRules.Label(r.Arrangement.Kind),
        r.Arrangement.Details ?? "", ExamAccessRules.EditionLabel(r.Arrangement.EditionStartYear), D(r.Arrangement.ApprovedOn), D(r.Arrangement.ExpiresOn),
        r.Flags.Count == 0 ? "OK" : string.Join("; ", r.Flags.Select(f => f.Message)),
    }.Select(RegisterExport.SafeCell).ToArray());

    public static byte[] Csv(IEnumerable<CheckedArrangement> rows)
    {
        using var ms = new MemoryStream();
        using (var csv = CsvWriter.Create(ms, new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.None, NewLine = "\r\n" }, true))
        {
            foreach (var h in Headers) csv.WriteField(h);
            csv.EndRecord();
            foreach (var row in Cells(rows))
            {
                foreach (var c in row) csv.WriteField(c);
                csv.EndRecord();
            }
        }
        return ms.ToArray();
    }

    public static byte[] Xlsx(IEnumerable<CheckedArrangement> rows)
    {
        var table = new System.Data.DataTable("Access arrangements");
        foreach (var h in Headers) table.Columns.Add(h, typeof(string));
        foreach (var cells in Cells(rows)) table.Rows.Add(cells);
        using var ms = new MemoryStream();
        ms.SaveAs(table, sheetName: "Access arrangements");
        return ms.ToArray();
    }

    public static string FileName(string urn, string ext) => $"access-arrangements-{urn}-{DateTime.UtcNow:yyyy-MM-dd}.{ext}";
}
