using Senco.Core.Exchange;

namespace Senco.Core.Model;

/// How a school's file from one source (its MIS: "SIMS", "Arbor"…) maps onto Senco's fields, remembered so that the
/// next file from the same source needs no mapping.
public class ImportMapping : ISchoolScoped
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public string SourceName { get; set; } = "";
    /// ColumnMapping.Serialise: one "field=Heading" per line.
    public string Mapping { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}

public enum PupilImportStatus { Uploaded, Queued, Running, Completed, Failed }

/// One roll file uploaded for import: mapped and previewed, then imported in the background. The file itself is kept
/// only until the import has run (or been abandoned for a day), then removed: it is a copy of the school's roll.
public class PupilImport : ISchoolScoped
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    public string SourceName { get; set; } = "";
    public string FileName { get; set; } = "";
    public bool IsXlsx { get; set; }
    public byte[] Content { get; set; } = [];
    /// The file lists every pupil on roll, so those missing from it may have left.
    public bool FullRoll { get; set; }
    /// Set when the import is started: mark the pupils not in a full roll file off roll.
    public bool MarkMissingOffRoll { get; set; }
    /// Whether the person who started the import may change SEN status (checked again by the planner when it runs).
    public bool AllowSenChanges { get; set; }
    public string Mapping { get; set; } = "";
    public PupilImportStatus Status { get; set; }
    public int RowCount { get; set; }
    public int ProcessedRows { get; set; }
    public int CreatedCount { get; set; }
    public int UpdatedCount { get; set; }
    public int UnchangedCount { get; set; }
    public int LeftCount { get; set; }
    public string? Error { get; set; }
    public Guid? RequestedById { get; set; }
    public string RequestedBy { get; set; } = "";
    public string? RequestedFromIp { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
}

public enum SubjectAccessStatus { Received, InProgress, Completed, Withdrawn }

/// A subject access request about a pupil (UK GDPR Art. 15), made by the pupil or on their behalf, and its clock.
public class SubjectAccessRequest : ISchoolScoped
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    public Guid PupilId { get; set; }
    /// Day 1 of the month the school has to answer.
    public DateOnly ReceivedOn { get; set; }
    public string Requester { get; set; } = "";
    public string? Relationship { get; set; }
    public bool Extended { get; set; }
    public DateOnly? ExtendedOn { get; set; }
    public string? ExtensionReason { get; set; }
    public SubjectAccessStatus Status { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public string? Notes { get; set; }
    public DateTime? LastExportAt { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }

    public DateOnly DueOn => SubjectAccessRules.DueOn(ReceivedOn, Extended);
    public bool IsOpen => Status is SubjectAccessStatus.Received or SubjectAccessStatus.InProgress;
}

/// A school's retention period for the records of pupils who have left.
public class RetentionSettings : ISchoolScoped
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public int Years { get; set; } = RetentionRules.DefaultYears;
    public RetentionBasis Basis { get; set; } = RetentionRules.DefaultBasis;
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}
