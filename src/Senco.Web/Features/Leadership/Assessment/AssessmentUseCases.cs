using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Leadership;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Leadership.Assessment;

/// One result to record, as a form, a file row or the API sends it: the pupil by id or by UPN, the term as
/// "2025-autumn" or "Autumn 2025/26", the measure by name, a school scale by id or name.
public sealed record ResultInput(Guid? PupilId, string? Upn, string? Term, string? Measure, string? Subject, Guid? ScaleId, string? Scale,
    decimal? Value, string? Grade, DateOnly? AssessedOn);

public sealed record ScaleInput(string? Name, string? Kind, string? Grades, string? ExpectedFrom);

/// <summary>
/// Records assessment results: one, a class at once, or a whole file. Every row is checked first and nothing is
/// written unless every row is right, so a file half-imported never leaves a SENCO guessing which rows went in.
/// A second result for the same pupil, term, measure, subject and scale replaces the first (a corrected score).
/// </summary>
public sealed class AssessmentCommands(SencoDbContext db, UserContext user, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// Checks every row; the errors are keyed "rows[i].field" (i from 0) when <paramref name="single"/> is false.
    public async Task<Outcome<IReadOnlyList<AssessmentResult>>> RecordAsync(string urn, IReadOnlyList<ResultInput> rows, bool single, CancellationToken ct)
    {
        var school = user.School(urn);
        if (school is null) return Outcome<IReadOnlyList<AssessmentResult>>.NotFound();
        if (!school.Can(Permission.RecordAssessments)) return Outcome<IReadOnlyList<AssessmentResult>>.Forbidden();
        var (errors, checkedRows) = await CheckAsync(school, rows, single, ct);
        if (!errors.IsValid) return Outcome<IReadOnlyList<AssessmentResult>>.Invalid(errors);

        var pupilIds = checkedRows.Select(r => r.Pupil.Id).Distinct().ToList();
        var existing = await db.AssessmentResults.Where(r => r.SchoolId == school.SchoolId && pupilIds.Contains(r.PupilId)).ToListAsync(ct);
        var saved = new List<AssessmentResult>();
        var now = DateTime.UtcNow;
        foreach (var c in checkedRows)
        {
            var r = existing.FirstOrDefault(x => x.PupilId == c.Pupil.Id && x.YearStart == c.Term.Year.StartYear && x.Term == c.Term.Term && x.Measure == c.Measure
                                                 && x.Subject == c.Subject && x.ScaleId == c.Scale?.Id);
            var before = r is null ? null : AssessmentRules.Show(r);
            if (r is null)
            {
                r = new AssessmentResult { Id = Guid.NewGuid(), SchoolId = school.SchoolId, PupilId = c.Pupil.Id, YearStart = c.Term.Year.StartYear, Term = c.Term.Term, Measure = c.Measure, Subject = c.Subject, ScaleId = c.Scale?.Id };
                db.AssessmentResults.Add(r);
                existing.Add(r);
            }
            else r.Version++;
            r.Scale = c.Scale;
            r.Value = c.Value;
            r.Grade = c.Grade;
            r.AssessedOn = c.AssessedOn;
            r.ChronologicalAgeMonths = AssessmentRules.IsAge(c.Measure) ? AssessmentRules.AgeInMonths(c.Pupil.DateOfBirth, c.AssessedOn ?? c.Term.AssessmentPoint) : null;
            r.RecordedBy = user.Name;
            r.RecordedAt = now;
            var what = $"{Describe(r)}, {c.Term.Label}: {AssessmentRules.Show(r)}";
            db.Audit(user.Actor, "assessment.record", before is null ? $"Recorded {what} for {c.Pupil.Upn}" : $"Changed {what} (was {before}) for {c.Pupil.Upn}", school.SchoolId, c.Pupil.Id);
            saved.Add(r);
        }
        await db.SaveChangesAsync(ct);
        return Outcome<IReadOnlyList<AssessmentResult>>.Ok(saved);
    }

    private sealed record Checked(Pupil Pupil, AssessmentTerm Term, AssessmentMeasure Measure, string Subject, AssessmentScale? Scale, decimal? Value, string? Grade, DateOnly? AssessedOn);

    /// Every row's errors and, when there are none, the rows as they will be stored.
    public async Task<ValidationErrors> CheckOnlyAsync(SchoolGrant school, IReadOnlyList<ResultInput> rows, CancellationToken ct) =>
        (await CheckAsync(school, rows, false, ct)).Errors;

    private async Task<(ValidationErrors Errors, List<Checked> Rows)> CheckAsync(SchoolGrant school, IReadOnlyList<ResultInput> rows, bool single, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (rows.Count == 0)
        {
            errors.Add(single ? "pupilId" : "rows", "Enter at least one result");
            return (errors, []);
        }
        var ids = rows.Where(r => r.PupilId is not null).Select(r => r.PupilId!.Value).Distinct().ToList();
        var upns = rows.Where(r => !string.IsNullOrWhiteSpace(r.Upn)).Select(r => r.Upn!.Trim().ToUpperInvariant()).Distinct().ToList();
        var pupils = await db.Pupils.AsNoTracking().Where(p => p.SchoolId == school.SchoolId && (ids.Contains(p.Id) || upns.Contains(p.Upn))).ToListAsync(ct);
        var scales = await db.AssessmentScales.Where(s => s.SchoolId == school.SchoolId).ToListAsync(ct);
        var result = new List<Checked>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var e = new ValidationErrors();
            Pupil? pupil = null;
            if (row.PupilId is { } id) { pupil = pupils.FirstOrDefault(p => p.Id == id); if (pupil is null) e.Add("pupilId", "No pupil with this id in the school"); }
            else if (!string.IsNullOrWhiteSpace(row.Upn)) { pupil = pupils.FirstOrDefault(p => string.Equals(p.Upn, row.Upn.Trim(), StringComparison.OrdinalIgnoreCase)); if (pupil is null) e.Add("upn", $"No pupil with UPN {row.Upn.Trim()} in the school"); }
            else e.Add("upn", "Enter the pupil's UPN");
            if (!AssessmentTerm.TryParse(row.Term, out var term)) e.Add("term", "Enter the term, for example Autumn 2025/26");
            AssessmentMeasure? measure = Enum.TryParse<AssessmentMeasure>(row.Measure?.Trim().Replace(" ", ""), true, out var m) && Enum.IsDefined(m) && !int.TryParse(row.Measure, out _) ? m : null;
            if (measure is null) e.Add("measure", "Choose the measure: StandardisedScore, ReadingAge, SpellingAge, TeacherAssessment or SchoolScale");
            AssessmentScale? scale = null;
            if (measure == AssessmentMeasure.SchoolScale)
            {
                scale = row.ScaleId is { } sid ? scales.FirstOrDefault(s => s.Id == sid)
                    : scales.FirstOrDefault(s => string.Equals(s.Name, row.Scale?.Trim(), StringComparison.OrdinalIgnoreCase));
                if (scale is null) e.Add("scale", string.IsNullOrWhiteSpace(row.Scale) && row.ScaleId is null ? "Choose one of the school's scales" : "The school has no scale of that name");
            }
            string? grade = null;
            if (measure is { } mm && !(mm == AssessmentMeasure.SchoolScale && scale is null))
            {
                e.Merge(AssessmentRules.ValidateResult(mm, scale, row.Subject, row.Value, row.Grade, row.AssessedOn, term, Today, out grade));
            }
            if (e.IsValid)
            {
                var subject = AssessmentRules.NeedsSubject(measure!.Value) ? Tidy(row.Subject!) : "";
                var graded = AssessmentRules.IsGraded(measure.Value, scale);
                result.Add(new Checked(pupil!, term, measure.Value, subject, scale, graded ? null : row.Value, graded ? grade : null, row.AssessedOn));
            }
            else if (single) errors.Merge(e);
            else errors.Merge($"rows[{i}]", e);
        }
        // The same result twice in one go is a mistake in the file, not a correction.
        if (errors.IsValid)
        {
            var seen = new HashSet<(Guid, int, AssessmentMeasure, string, Guid?)>();
            for (var i = 0; i < result.Count; i++)
            {
                var c = result[i];
                if (!seen.Add((c.Pupil.Id, c.Term.Ordinal, c.Measure, c.Subject.ToLowerInvariant(), c.Scale?.Id)))
                    errors.Add(single ? "pupilId" : $"rows[{i}].upn", $"{c.Pupil.Upn} has this result twice for {c.Term.Label}");
            }
        }
        return (errors, result);
    }

    /// "reading" and "Reading " are one subject.
    public static string Tidy(string subject)
    {
        var s = string.Join(' ', subject.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
    }

    public static string Describe(AssessmentResult r) => Describe(r.Measure, r.Subject, r.Scale?.Name);

    public static string Describe(AssessmentMeasure m, string? subject, string? scale) => m switch
    {
        AssessmentMeasure.SchoolScale => scale ?? "School scale",
        _ when string.IsNullOrEmpty(subject) => AssessmentRules.Describe(m),
        _ => $"{AssessmentRules.Describe(m)} ({subject})",
    };

    public async Task<Outcome<AssessmentScale>> CreateScaleAsync(string urn, ScaleInput input, CancellationToken ct)
    {
        var school = user.School(urn);
        if (school is null) return Outcome<AssessmentScale>.NotFound();
        if (!school.Can(Permission.RecordAssessments)) return Outcome<AssessmentScale>.Forbidden();
        ScaleKind? kind = Enum.TryParse<ScaleKind>(input.Kind, true, out var k) && Enum.IsDefined(k) && !int.TryParse(input.Kind, out _) ? k : null;
        var errors = AssessmentRules.ValidateScale(input.Name, kind, input.Grades, input.ExpectedFrom);
        var name = input.Name?.Trim() ?? "";
        if (errors.IsValid && await db.AssessmentScales.AnyAsync(s => s.SchoolId == school.SchoolId && s.Name.ToLower() == name.ToLower(), ct))
            errors.Add("name", "The school already has a scale of that name");
        if (!errors.IsValid) return Outcome<AssessmentScale>.Invalid(errors);
        var grades = kind == ScaleKind.Grades ? AssessmentRules.SplitGrades(input.Grades) : [];
        var expected = string.IsNullOrWhiteSpace(input.ExpectedFrom) ? null
            : kind == ScaleKind.Grades ? grades.First(g => string.Equals(g, input.ExpectedFrom.Trim(), StringComparison.OrdinalIgnoreCase)) : input.ExpectedFrom.Trim();
        var scale = new AssessmentScale
        {
            Id = Guid.NewGuid(), SchoolId = school.SchoolId, Name = name, Kind = kind!.Value, Grades = string.Join('\n', grades), ExpectedFrom = expected,
            CreatedBy = user.Name, CreatedAt = DateTime.UtcNow,
        };
        db.AssessmentScales.Add(scale);
        db.Audit(user.Actor, "assessment.scale", $"Added the school scale {name} ({(kind == ScaleKind.Grades ? string.Join(", ", grades) : "numbers")})", school.SchoolId);
        await db.SaveChangesAsync(ct);
        return Outcome<AssessmentScale>.Ok(scale);
    }
}

/// Reading results. Named results need ViewAssessments; callers audit the read.
public static class AssessmentQueries
{
    public static Task<List<AssessmentScale>> ScalesAsync(SencoDbContext db, int schoolId, CancellationToken ct) =>
        db.AssessmentScales.IgnoreQueryFilters().AsNoTracking().Where(s => s.SchoolId == schoolId).OrderBy(s => s.Name).ToListAsync(ct);

    public static async Task<List<AssessmentResult>> ListAsync(SencoDbContext db, int schoolId, AssessmentTerm? term, AssessmentMeasure? measure, Guid? pupilId, CancellationToken ct)
    {
        var q = db.AssessmentResults.AsNoTracking().Include(r => r.Scale).Include(r => r.Pupil).Where(r => r.SchoolId == schoolId);
        if (term is { } t) q = q.Where(r => r.YearStart == t.Year.StartYear && r.Term == t.Term);
        if (measure is { } m) q = q.Where(r => r.Measure == m);
        if (pupilId is { } p) q = q.Where(r => r.PupilId == p);
        var list = await q.ToListAsync(ct);
        return list.OrderBy(r => r.Pupil!.Surname).ThenBy(r => r.Pupil!.Forename).ThenBy(r => r.YearStart).ThenBy(r => r.Term).ThenBy(r => r.Measure).ThenBy(r => r.Subject).ToList();
    }

    /// The terms a picker offers: the current one and the five before it, newest first.
    public static IReadOnlyList<AssessmentTerm> RecentTerms(DateOnly today)
    {
        var t = AssessmentTerm.Containing(today);
        var list = new List<AssessmentTerm>();
        for (var i = 0; i < 6; i++) { list.Add(t); t = t.Previous; }
        return list;
    }
}
