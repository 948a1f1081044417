using Senco.Core.Leadership;

namespace Senco.Core.Model;

// Assessment data for leadership and analysis (issue 8): attainment per pupil and term, and the school's own scales.
// Every record belongs to one school (ISchoolScoped), so the tenancy filter scopes it like a pupil.

/// A scale the school defines for itself ("Phonics phase", "Maths steps 1–10"): numbers, or grades in order.
public class AssessmentScale : ISchoolScoped
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    public string Name { get; set; } = "";
    public ScaleKind Kind { get; set; }
    /// Grades from lowest to highest, one per line (grades scales only).
    public string Grades { get; set; } = "";
    /// The grade (or, for a numeric scale, the number) from which a pupil is at the expected standard; optional.
    public string? ExpectedFrom { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    public IReadOnlyList<string> GradeList => AssessmentRules.SplitGrades(Grades);
}

/// One result of one pupil in one term: a standardised score, a reading or spelling age, a teacher assessment
/// against age-related expectations or a value on one of the school's scales.
public class AssessmentResult : ISchoolScoped
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    public Guid PupilId { get; set; }
    public Pupil? Pupil { get; set; }
    /// The school year's first calendar year (2025 for 2025/26).
    public int YearStart { get; set; }
    public Term Term { get; set; }
    public AssessmentMeasure Measure { get; set; }
    /// "Reading", "Maths", "Writing"; empty for reading and spelling ages (the measure says it) and school scales.
    public string Subject { get; set; } = "";
    public Guid? ScaleId { get; set; }
    public AssessmentScale? Scale { get; set; }
    /// Score, age in months or value on a numeric scale.
    public decimal? Value { get; set; }
    /// Teacher-assessment or school-scale grade.
    public string? Grade { get; set; }
    public DateOnly? AssessedOn { get; set; }
    /// The pupil's age in completed months on the day of assessment (reading and spelling ages), kept with the result
    /// so the comparison does not move if a date of birth is corrected later without anyone noticing.
    public int? ChronologicalAgeMonths { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTime RecordedAt { get; set; }
    public int Version { get; set; }

    public AssessmentTerm When => new(new SchoolYear(YearStart), Term);
}
