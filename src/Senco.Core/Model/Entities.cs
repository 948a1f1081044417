using Senco.Core.Schools;
using Senco.Core.Access;
using Senco.Core.Sen;

namespace Senco.Core.Model;

/// Marks a record that belongs to one school. The data layer scopes every query on such a record to the
/// schools the signed-in user may see, so a forgotten Where clause can never leak another school's pupils.
public interface ISchoolScoped
{
    int SchoolId { get; }
}

public class Trust
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public List<School> Schools { get; set; } = [];
}

public class School
{
    public int Id { get; set; }
    /// Unique reference number from Get Information About Schools: 6 digits.
    public string Urn { get; set; } = "";
    public string Name { get; set; } = "";
    public string LaCode { get; set; } = "";
    public string Estab { get; set; } = "";
    public Phase Phase { get; set; }
    public int? TrustId { get; set; }
    public Trust? Trust { get; set; }
    public DateTime CreatedAt { get; set; }

    /// The DfE number (LA code + establishment number), as schools and CTFs quote it.
    public string DfeNumber => $"{LaCode}/{Estab}";
}

public class SchoolMembership
{
    public int Id { get; set; }
    public Guid UserId { get; set; }
    public int SchoolId { get; set; }
    public School? School { get; set; }
    public SchoolRole Role { get; set; }
}

public class Pupil : ISchoolScoped
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    public School? School { get; set; }
    public string Upn { get; set; } = "";
    public bool UpnIsTemporary { get; set; }
    public string Forename { get; set; } = "";
    public string Surname { get; set; } = "";
    public DateOnly DateOfBirth { get; set; }
    public string Gender { get; set; } = "";
    public string YearGroup { get; set; } = "";
    public bool Eal { get; set; }
    public bool LookedAfter { get; set; }
    public bool PupilPremium { get; set; }
    public bool OnRoll { get; set; } = true;

    // --- Data exchange (issue 7: CTF, census, transfers). Kept together so the merge sees one block. ---
    /// The pupil's previous UPN (typically the temporary one replaced when the real UPN arrived in a CTF): CTF FormerUPN.
    public string? FormerUpn { get; set; }
    /// Census SENunitIndicator: the pupil has a place in an SEN unit the LA formally recognises (send-facts.md §2).
    public bool SenUnitIndicator { get; set; }
    /// Census ResourcedProvisionIndicator: the pupil has a place in LA-recognised resourced provision.
    public bool ResourcedProvisionIndicator { get; set; }
    /// The day the pupil ceased to be registered here (OnRoll false); null while on roll.
    public DateOnly? LeftOn { get; set; }
    /// Where they went: DfE LA number and establishment (or XXX/XXXX, MMM/MMMM) and the school's name if known.
    public string? DestinationLa { get; set; }
    public string? DestinationEstab { get; set; }
    public string? DestinationName { get; set; }
    // --- end of data exchange block ---

    // The SEN position as it stands today, kept in step with the latest SenStatusChange so that the
    // register is one indexed query rather than a scan of history.
    public SenStatus SenStatus { get; set; } = SenStatus.N;
    /// Ranked census SEN type codes, comma-separated, primary first.
    public string Needs { get; set; } = "";
    public string? PrimaryNeed { get; set; }
    public string? SecondaryNeed { get; set; }
    /// When the pupil last went onto the register (K or E) from N; null while on N.
    public DateOnly? OnRegisterSince { get; set; }

    /// Lower-case "forename surname upn" for case-insensitive search on every database. At most 215 characters
    /// (two 100-character names and a UPN); searches match each word typed, in any order.
    public string SearchText { get; set; } = "";

    /// Optimistic concurrency: a client sends back the version it read; a stale one is refused.
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string FullName => $"{Forename} {Surname}";
    public IReadOnlyList<string> NeedList => Needs.Length == 0 ? [] : Needs.Split(',');

    public void RefreshSearchText() =>
        SearchText = $"{Forename} {Surname} {Upn}".ToLowerInvariant();

    /// The words of a search ("Abara, Amira" → abara, amira), each of which must appear in SearchText.
    public static IReadOnlyList<string> SearchWords(string? q) =>
        (q ?? "").ToLowerInvariant().Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(6).ToList();
}

/// One change of census SEN status and ranked needs. History is append-only: never updated or deleted.
public class SenStatusChange : ISchoolScoped
{
    public long Id { get; set; }
    public Guid PupilId { get; set; }
    public int SchoolId { get; set; }
    public SenStatus Status { get; set; }
    public string Needs { get; set; } = "";
    public DateOnly EffectiveFrom { get; set; }
    public string Reason { get; set; } = "";
    public Guid? RecordedById { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTime RecordedAt { get; set; }

    public IReadOnlyList<string> NeedList => Needs.Length == 0 ? [] : Needs.Split(',');
}

public enum PupilEventKind { Added, DetailsChanged, SenStatusChanged, LeftRoll, Returned, Ehc, Delivery, Monitoring }

/// The pupil's timeline as people read it: what changed, who did it, when, and why.
public class PupilEvent : ISchoolScoped
{
    public long Id { get; set; }
    public Guid PupilId { get; set; }
    public int SchoolId { get; set; }
    public PupilEventKind Kind { get; set; }
    /// The date the change took effect (for SEN changes, the effective date), which may be before it was typed.
    public DateOnly OccurredOn { get; set; }
    public string Summary { get; set; } = "";
    public string? Reason { get; set; }
    public Guid? RecordedById { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTime RecordedAt { get; set; }
}

/// Who did what to which record, when and from where. Reads of pupil records are recorded too.
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public Guid? UserId { get; set; }
    public string UserName { get; set; } = "";
    public int? SchoolId { get; set; }
    public Guid? PupilId { get; set; }
    public string Action { get; set; } = "";
    public string Summary { get; set; } = "";
    public string? IpAddress { get; set; }

    /// Position in the tamper-evident chain, assigned when the entry is sealed (null until then: sealing runs every
    /// few seconds, off the request path). See Senco.Core.Security.AuditChain.
    public long? Sequence { get; set; }
    /// SHA-256 (hex) over the previous entry's hash, this position and <see cref="ContentHash"/>; null until sealed.
    public string? Hash { get; set; }
    /// SHA-256 (hex) of this entry's fields when it was sealed. A redacted entry keeps it, so the chain still verifies.
    public string? ContentHash { get; set; }
    /// When the entry's text and pupil were removed under the school's retention policy (the entry itself stays, so
    /// the chain shows nothing was deleted).
    public DateTime? RedactedAt { get; set; }
}
