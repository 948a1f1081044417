using System.Globalization;
using Senco.Core.Model;

namespace Senco.Core.Leadership;

/// <summary>What a result may be, and how results compare: the pure rules behind entry, import and analysis.</summary>
public static class AssessmentRules
{
    /// Teacher assessment against age-related expectations, lowest first. "Pre-key stage" covers pupils working below
    /// the standard of the national curriculum tests (the DfE's pre-key stage standards); "Expected" and "Greater
    /// depth" are at or above the expected standard.
    public static readonly IReadOnlyList<string> TeacherAssessmentGrades = ["Pre-key stage", "Working towards", "Expected", "Greater depth"];
    public const int TeacherAssessmentExpectedIndex = 2;

    /// A standardised score of 100 is the national average; 85–115 is the average range. "At or above expected" for
    /// a score means 100 or more, the same line the key stage 2 scaled scores use.
    public const decimal StandardisedExpected = 100m;
    public const decimal StandardisedMin = 40m, StandardisedMax = 160m;
    /// Reading and spelling ages are months; tests report from about 4 years to about 17 years.
    public const int AgeMonthsMin = 24, AgeMonthsMax = 240;
    public const int SubjectMaxLength = 60;

    public static string Describe(AssessmentMeasure m) => m switch
    {
        AssessmentMeasure.StandardisedScore => "Standardised score",
        AssessmentMeasure.ReadingAge => "Reading age",
        AssessmentMeasure.SpellingAge => "Spelling age",
        AssessmentMeasure.TeacherAssessment => "Teacher assessment",
        AssessmentMeasure.SchoolScale => "School scale",
        _ => m.ToString(),
    };

    public static bool IsAge(AssessmentMeasure m) => m is AssessmentMeasure.ReadingAge or AssessmentMeasure.SpellingAge;

    /// Measures that need a subject ("Reading", "Maths").
    public static bool NeedsSubject(AssessmentMeasure m) => m is AssessmentMeasure.StandardisedScore or AssessmentMeasure.TeacherAssessment;

    public static bool IsGraded(AssessmentMeasure m, AssessmentScale? scale) =>
        m == AssessmentMeasure.TeacherAssessment || (m == AssessmentMeasure.SchoolScale && scale?.Kind == ScaleKind.Grades);

    public static IReadOnlyList<string> SplitGrades(string? grades) =>
        (grades ?? "").Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    public static IReadOnlyList<string> GradesOf(AssessmentMeasure m, AssessmentScale? scale) =>
        m == AssessmentMeasure.TeacherAssessment ? TeacherAssessmentGrades : scale?.GradeList ?? [];

    /// Completed months of age on a day (a child born 15 March 2018 is 95 months old on 14 March 2026, 96 the next day).
    public static int AgeInMonths(DateOnly dateOfBirth, DateOnly on)
    {
        var months = (on.Year - dateOfBirth.Year) * 12 + on.Month - dateOfBirth.Month;
        if (on.Day < dateOfBirth.Day) months--;
        return months;
    }

    /// "7 years 11 months".
    public static string DescribeMonths(int months)
    {
        var sign = months < 0 ? "minus " : "";
        months = Math.Abs(months);
        var (y, m) = (months / 12, months % 12);
        var years = y == 1 ? "1 year" : $"{y} years";
        var rest = m == 1 ? "1 month" : $"{m} months";
        return sign + (y == 0 ? rest : m == 0 ? years : $"{years} {rest}");
    }

    /// A new scale: a name, a kind, grades in order for a graded scale, an optional expected standard.
    public static ValidationErrors ValidateScale(string? name, ScaleKind? kind, string? grades, string? expectedFrom)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(name)) errors.Add("name", "Enter the name of the scale");
        else if (name.Trim().Length > 80) errors.Add("name", "The name must be 80 characters or fewer");
        if (kind is null) errors.Add("kind", "Choose whether the scale is numbers or grades in order");
        var list = SplitGrades(grades);
        if (kind == ScaleKind.Grades)
        {
            if (list.Count < 2) errors.Add("grades", "Enter at least two grades, one on each line, lowest first");
            else if (list.Distinct(StringComparer.OrdinalIgnoreCase).Count() != list.Count) errors.Add("grades", "Enter each grade once");
            else if (list.Any(g => g.Length > 60)) errors.Add("grades", "Each grade must be 60 characters or fewer");
            if (!string.IsNullOrWhiteSpace(expectedFrom) && list.Count >= 2 && !list.Contains(expectedFrom.Trim(), StringComparer.OrdinalIgnoreCase))
                errors.Add("expectedFrom", "The expected standard must be one of the grades");
        }
        else if (kind == ScaleKind.Numeric && !string.IsNullOrWhiteSpace(expectedFrom) && !TryNumber(expectedFrom, out _))
            errors.Add("expectedFrom", "The expected standard must be a number, like 4 or 95.5");
        return errors;
    }

    /// <summary>Checks one result. Field names: subject, value, grade, assessedOn. Returns the normalised grade (its
    /// spelling in the list) so "expected" is stored as "Expected".</summary>
    public static ValidationErrors ValidateResult(AssessmentMeasure measure, AssessmentScale? scale, string? subject, decimal? value, string? grade,
        DateOnly? assessedOn, AssessmentTerm term, DateOnly today, out string? normalisedGrade)
    {
        var errors = new ValidationErrors();
        normalisedGrade = null;
        if (NeedsSubject(measure))
        {
            if (string.IsNullOrWhiteSpace(subject)) errors.Add("subject", "Enter the subject, for example Reading or Maths");
            else if (subject.Trim().Length > SubjectMaxLength) errors.Add("subject", $"The subject must be {SubjectMaxLength} characters or fewer");
        }
        if (measure == AssessmentMeasure.SchoolScale && scale is null) errors.Add("scale", "Choose one of the school's scales");
        if (IsGraded(measure, scale))
        {
            var grades = GradesOf(measure, scale);
            if (string.IsNullOrWhiteSpace(grade)) errors.Add("grade", $"Enter the grade: one of {string.Join(", ", grades)}");
            else if (grades.FirstOrDefault(g => string.Equals(g, grade.Trim(), StringComparison.OrdinalIgnoreCase)) is { } g) normalisedGrade = g;
            else errors.Add("grade", $"The grade must be one of {string.Join(", ", grades)}");
        }
        else if (measure != AssessmentMeasure.SchoolScale || scale is not null)
        {
            if (value is null) errors.Add("value", measure switch
            {
                AssessmentMeasure.StandardisedScore => "Enter the standardised score",
                AssessmentMeasure.ReadingAge or AssessmentMeasure.SpellingAge => "Enter the age in months, for example 98 for 8 years 2 months",
                _ => "Enter the value",
            });
            else if (measure == AssessmentMeasure.StandardisedScore && (value < StandardisedMin || value > StandardisedMax || value != Math.Floor(value.Value)))
                errors.Add("value", $"A standardised score must be a whole number from {StandardisedMin:0} to {StandardisedMax:0}");
            else if (IsAge(measure) && (value < AgeMonthsMin || value > AgeMonthsMax || value != Math.Floor(value.Value)))
                errors.Add("value", $"An age must be a whole number of months from {AgeMonthsMin} to {AgeMonthsMax}");
        }
        if (assessedOn is { } on)
        {
            if (on > today) errors.Add("assessedOn", "The date of assessment cannot be in the future");
            else if (AssessmentTerm.Containing(on).Year != term.Year) errors.Add("assessedOn", $"The date of assessment must be in {term.Year.Label}, the year of the term");
        }
        return errors;
    }

    public static bool TryNumber(string? s, out decimal value) =>
        decimal.TryParse(s?.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    /// <summary>The figure analysis compares across pupils: the score; for reading and spelling ages the gap to the
    /// pupil's own age in months (negative is behind); for grades their place in the list (0 = lowest).</summary>
    public static decimal? Attainment(AssessmentResult r)
    {
        if (IsAge(r.Measure)) return r.Value is { } v && r.ChronologicalAgeMonths is { } age ? v - age : null;
        if (IsGraded(r.Measure, r.Scale)) return GradeIndex(r) is { } i ? i : null;
        return r.Value;
    }

    /// <summary>The figure progress is measured in between two terms: score points, months of reading or spelling age
    /// gained, or grade steps moved.</summary>
    public static decimal? ProgressValue(AssessmentResult r) =>
        IsGraded(r.Measure, r.Scale) ? GradeIndex(r) : r.Value;

    public static int? GradeIndex(AssessmentResult r)
    {
        var grades = GradesOf(r.Measure, r.Scale);
        for (var i = 0; i < grades.Count; i++)
            if (string.Equals(grades[i], r.Grade, StringComparison.OrdinalIgnoreCase)) return i;
        return null;
    }

    /// <summary>At or above the expected standard: a score of 100 or more; a reading or spelling age at least the
    /// pupil's own age; "Expected" or "Greater depth"; on a school scale, at or above its expected standard (null when
    /// the scale has none).</summary>
    public static bool? AtOrAboveExpected(AssessmentResult r)
    {
        switch (r.Measure)
        {
            case AssessmentMeasure.StandardisedScore: return r.Value is { } s ? s >= StandardisedExpected : null;
            case AssessmentMeasure.ReadingAge or AssessmentMeasure.SpellingAge:
                return r.Value is { } v && r.ChronologicalAgeMonths is { } age ? v >= age : null;
            case AssessmentMeasure.TeacherAssessment: return GradeIndex(r) is { } i ? i >= TeacherAssessmentExpectedIndex : null;
        }
        if (r.Scale is not { } scale || string.IsNullOrWhiteSpace(scale.ExpectedFrom)) return null;
        if (scale.Kind == ScaleKind.Numeric) return r.Value is { } n && TryNumber(scale.ExpectedFrom, out var line) ? n >= line : null;
        var expected = scale.GradeList.ToList().FindIndex(g => string.Equals(g, scale.ExpectedFrom.Trim(), StringComparison.OrdinalIgnoreCase));
        return expected >= 0 && GradeIndex(r) is { } gi ? gi >= expected : null;
    }

    /// How a result reads on a page: "104", "8 years 2 months (7 months behind)", "Expected".
    public static string Show(AssessmentResult r)
    {
        if (IsGraded(r.Measure, r.Scale)) return r.Grade ?? "";
        if (r.Value is not { } v) return "";
        if (!IsAge(r.Measure)) return v.ToString("0.##", CultureInfo.InvariantCulture);
        var text = DescribeMonths((int)v);
        if (r.ChronologicalAgeMonths is not { } age) return text;
        var gap = (int)v - age;
        return gap == 0 ? $"{text} (at chronological age)" : $"{text} ({DescribeMonths(Math.Abs(gap))} {(gap < 0 ? "behind" : "ahead")})";
    }
}
