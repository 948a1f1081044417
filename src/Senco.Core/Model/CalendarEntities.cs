using Senco.Core.Delivery;

namespace Senco.Core.Model;

/// One term's dates as a school entered them (issue: school calendar). One row per school, school year and term.
public class SchoolTerm : ISchoolScoped
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    /// The calendar year the school year starts in (2026 for 2026/27).
    public int StartYear { get; set; }
    public TermName Name { get; set; }
    public DateOnly Start { get; set; }
    public DateOnly End { get; set; }
    public int Version { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}

/// Days within term when the school is closed to pupils: half term, INSET days, bank holidays, snow days.
public class SchoolClosure : ISchoolScoped
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public string Reason { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}
