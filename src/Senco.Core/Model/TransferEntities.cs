namespace Senco.Core.Model;

/// <summary>
/// A pupil who has left and whose record must go to the next school (issue 7, transfer pack): where they went, when
/// the file is due (15 school days, <see cref="Exchange.TransferRules"/>), each time the pack was made, and when and
/// to whom it was sent. Until <see cref="SentOn"/> is set the SENCO is reminded.
/// </summary>
public class PupilTransfer : ISchoolScoped
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    public Guid PupilId { get; set; }
    public Pupil? Pupil { get; set; }
    public DateOnly LeftOn { get; set; }
    public DateOnly DueOn { get; set; }
    /// DfE LA number and establishment of the destination, or XXX/XXXX (unknown), MMM/MMMM (outside the maintained sector).
    public string DestinationLa { get; set; } = "";
    public string DestinationEstab { get; set; } = "";
    public string? DestinationName { get; set; }
    public DateTime? PackGeneratedAt { get; set; }
    public string? PackGeneratedBy { get; set; }
    public int PacksGenerated { get; set; }
    public DateOnly? SentOn { get; set; }
    /// Who it was sent to and how ("S2S to Riverside High School office", "by hand to the SENCO").
    public string? SentTo { get; set; }
    public string? SentRecordedBy { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";

    public bool IsSent => SentOn is not null;
}
