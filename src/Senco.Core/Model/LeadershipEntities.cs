using Senco.Core.Leadership;

namespace Senco.Core.Model;

// Leadership (issue 8): the SEN information report and exam access arrangements.

public enum InformationReportStatus { Draft, Approved }

/// <summary>
/// A school's SEN information report for one school year (SEND Regulations 2014 reg 51 and Schedule 1). One per school
/// per year; the latest year is the one being written, earlier years are kept read-only as published. Approval by the
/// governing body is recorded with its date; changing an approved report's text returns it to draft.
/// </summary>
public class InformationReport : ISchoolScoped
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    /// The school year it covers, by its first calendar year (2026 for 2026/27).
    public int YearStart { get; set; }
    public InformationReportStatus Status { get; set; }
    public DateOnly? ApprovedOn { get; set; }
    /// Who approved it, as the minutes say: "Full governing body", "Curriculum committee".
    public string? ApprovedBy { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
    public List<InformationReportSection> Sections { get; set; } = [];

    public SchoolYear Year => new(YearStart);
}

/// The school's own words for one Schedule 1 item. Edited concurrently by the SENCO and leaders, so versioned.
public class InformationReportSection : ISchoolScoped
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    public Guid ReportId { get; set; }
    /// <see cref="ScheduleItem.Key"/>.
    public string ItemKey { get; set; } = "";
    public string Text { get; set; } = "";
    public string? UpdatedBy { get; set; }
    public DateTime? UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// One exam access arrangement of a candidate (JCQ AARA, send-facts.md §8), with the evidence it rests on, the
/// candidate's normal way of working, the edition of the regulations it was approved under and the approval date.
/// The expiry is computed from the approval (26 months for arrangements approved online). Pupil data: special
/// category, covered by subject access.
/// </summary>
public class ExamAccessArrangement : ISchoolScoped
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    public Guid PupilId { get; set; }
    public Pupil? Pupil { get; set; }
    public ExamArrangementKind Kind { get; set; }
    /// What exactly: "reader for English Language paper 1 only", "laptop with spellcheck disabled".
    public string? Details { get; set; }
    public ExamEvidenceKind? Evidence { get; set; }
    public DateOnly? AssessedOn { get; set; }
    /// The Form 8 assessor and their qualification, as Part B of the form names them.
    public string? Assessor { get; set; }
    public string? Score1Area { get; set; }
    public int? Score1 { get; set; }
    public string? Score2Area { get; set; }
    public int? Score2 { get; set; }
    public string? Score3Area { get; set; }
    public int? Score3 { get; set; }
    /// How the arrangement is already the candidate's normal way of working (class work, mocks, who saw it).
    public string? NormalWayOfWorking { get; set; }
    /// The AARA edition (academic year, by its first calendar year) the approval was made under.
    public int EditionStartYear { get; set; }
    public DateOnly? ApprovedOn { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTime RecordedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public DateOnly? ExpiresOn => ExamAccessRules.ExpiresOn(Kind, ApprovedOn);

    public IReadOnlyList<StandardisedScore> Scores =>
        new[] { (Score1Area, Score1), (Score2Area, Score2), (Score3Area, Score3) }
            .Where(s => s.Item2 is not null).Select(s => new StandardisedScore(s.Item1 ?? "", s.Item2!.Value)).ToList();
}
