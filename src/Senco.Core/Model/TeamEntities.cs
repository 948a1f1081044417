namespace Senco.Core.Model;

// The team around the child (issue 6): agencies and referrals, parents and carers, consent, the communication log,
// meetings and their actions, pupil voice, safeguarding liaison, Early Help, documents, staff development.

public enum AgencyKind
{
    EducationalPsychology, SpeechAndLanguageTherapy, OccupationalTherapy, Camhs, SpecialistTeacher, SensoryService,
    SocialCare, SchoolNursing, LaSenTeam, Other,
}

/// An external service the school refers pupils to, with the person the SENCO deals with there.
public class Agency : ISchoolScoped
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    public string Name { get; set; } = "";
    public AgencyKind Kind { get; set; }
    public string? ContactName { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public string? Notes { get; set; }
    /// No longer used: hidden from the referral picker but kept, because referrals still point at it.
    public bool Archived { get; set; }
    public int Version { get; set; }
}

public enum ReferralStatus { Draft, Sent, Accepted, Seen, Closed, Declined }

/// A referral of a pupil to an agency. Consent is a consent record of the pupil (so withdrawing it shows on the
/// referral at once); the wait is from the date sent to the date seen.
public class Referral : ISchoolScoped
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    public Guid PupilId { get; set; }
    public Guid AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public string Reason { get; set; } = "";
    public DateOnly? SentOn { get; set; }
    public Guid? ConsentId { get; set; }
    public ConsentRecord? Consent { get; set; }
    public ReferralStatus Status { get; set; }
    public DateOnly? SeenOn { get; set; }
    public string? Outcome { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
}

public enum ContactMethod { Phone, Email, Letter, InPerson, Text }

/// A parent or carer (or other contact) of a pupil.
public class PupilContact : ISchoolScoped
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    public Guid PupilId { get; set; }
    public string Name { get; set; } = "";
    public string Relationship { get; set; } = "";
    public bool ParentalResponsibility { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public ContactMethod PreferredMethod { get; set; }
    /// Interpreter needed, times to avoid, separated parents to be written to separately, and so on.
    public string? Notes { get; set; }
    public int Version { get; set; }
}

public enum CommunicationKind { Call, Email, Meeting, Letter, ParentsEvening, Other }

/// One entry in a pupil's communication log: a call, email, meeting or letter with parents or professionals.
public class CommunicationEntry : ISchoolScoped
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    public Guid PupilId { get; set; }
    public DateOnly On { get; set; }
    public CommunicationKind Kind { get; set; }
    public string With { get; set; } = "";
    public string Summary { get; set; } = "";
    public string RecordedBy { get; set; } = "";
    public DateTime RecordedAt { get; set; }
}

/// Consent given (and perhaps later withdrawn) for one purpose: a referral, sharing information, a photograph.
public class ConsentRecord : ISchoolScoped
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    public Guid PupilId { get; set; }
    public string Purpose { get; set; } = "";
    public string GivenBy { get; set; } = "";
    public DateOnly GivenOn { get; set; }
    public DateOnly? WithdrawnOn { get; set; }
    public string? Notes { get; set; }
    public string RecordedBy { get; set; } = "";
    public bool InPlace => WithdrawnOn is null;
}

public enum MeetingKind { Review, PupilProgress, MultiAgency, ParentsEvening, EarlyHelp, Other }

/// A meeting the SENCO arranges (a review, pupil progress, multi-agency), perhaps about one pupil.
public class Meeting : ISchoolScoped
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    public Guid? PupilId { get; set; }
    public MeetingKind Kind { get; set; }
    public string Title { get; set; } = "";
    public DateTime StartsAt { get; set; }
    public int DurationMinutes { get; set; }
    public string? Location { get; set; }
    /// Who was invited and who came, one person per line ("Name, role").
    public string? Invited { get; set; }
    public string? Attendees { get; set; }
    public string? Notes { get; set; }
    public string CreatedBy { get; set; } = "";
    public int Version { get; set; }
    public List<MeetingAction> Actions { get; set; } = [];
}

/// An action agreed at a meeting. Every action has an owner (a person who signs in to Senco), so it lands on their
/// task list until they mark it done.
public class MeetingAction : ISchoolScoped
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    public Guid MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public string Description { get; set; } = "";
    public Guid OwnerUserId { get; set; }
    public string OwnerName { get; set; } = "";
    public DateOnly DueOn { get; set; }
    public DateOnly? DoneOn { get; set; }
}

public enum VoiceContext { SupportPlan, Passport, Review, EhcPlan, Other }

/// The pupil's views in their own words, and who captured them, how.
public class PupilVoice : ISchoolScoped
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    public Guid PupilId { get; set; }
    public DateOnly On { get; set; }
    public VoiceContext Context { get; set; }
    public string Words { get; set; } = "";
    public string CapturedBy { get; set; } = "";
    /// How the views were gathered: talking, drawing, symbols, a trusted adult scribing.
    public string? How { get; set; }
    public int Version { get; set; }
}

/// Safeguarding liaison flags of a pupil. The flags tell staff to liaise with the DSL; the detail lives in restricted
/// notes. Looked-after children carry the virtual school and the designated teacher.
public class SafeguardingFlags : ISchoolScoped
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    public Guid PupilId { get; set; }
    public bool ChildProtection { get; set; }
    public bool ChildInNeed { get; set; }
    public bool LookedAfter { get; set; }
    public string? VirtualSchoolContact { get; set; }
    public string? DesignatedTeacher { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

public enum RestrictedNoteCategory { Safeguarding, Health }

/// A note only the DSL, the SENCO and the roles the school allows may open; every opening is audited.
public class RestrictedNote : ISchoolScoped
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    public Guid PupilId { get; set; }
    public RestrictedNoteCategory Category { get; set; }
    public string Title { get; set; } = "";
    public string Text { get; set; } = "";
    public string WrittenBy { get; set; } = "";
    public DateTime WrittenAt { get; set; }
}

public enum EarlyHelpStatus { Open, Stepped, Closed }

/// An Early Help plan (a family's plan with a lead professional) and its reviews.
public class EarlyHelpPlan : ISchoolScoped
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    public Guid PupilId { get; set; }
    public DateOnly StartedOn { get; set; }
    public string LeadProfessional { get; set; } = "";
    public string Needs { get; set; } = "";
    public string Outcomes { get; set; } = "";
    public EarlyHelpStatus Status { get; set; }
    public DateOnly NextReviewOn { get; set; }
    public List<EarlyHelpReview> Reviews { get; set; } = [];
}

public class EarlyHelpReview : ISchoolScoped
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    public Guid PlanId { get; set; }
    public DateOnly HeldOn { get; set; }
    public string Progress { get; set; } = "";
    public DateOnly? NextReviewOn { get; set; }
    public string RecordedBy { get; set; } = "";
}

/// A file attached to a pupil, a referral, a meeting or a restricted note. Stored in the database like the passport
/// photo, so the row and its bytes are written (or not) in one transaction. Content lives in its own row
/// (<see cref="TeamDocumentContent"/>) so listing documents never loads files.
public class TeamDocument : ISchoolScoped
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    public Guid? PupilId { get; set; }
    public Guid? ReferralId { get; set; }
    public Guid? MeetingId { get; set; }
    public Guid? RestrictedNoteId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string? Description { get; set; }
    public string UploadedBy { get; set; } = "";
    public DateTime UploadedAt { get; set; }
}

public class TeamDocumentContent : ISchoolScoped
{
    public Guid DocumentId { get; set; }
    public int SchoolId { get; set; }
    public byte[] Content { get; set; } = [];
}

/// Who the school has designated, and what it allows. Keeping safeguarding leads tied to the roles table would
/// make "the DSL" a role, but a DSL is a person the governing body appoints (KCSIE), usually a senior leader who
/// also teaches: so each school names its DSL, deputy DSL and designated teacher for looked-after children as
/// users, set by the SENCO or a senior leader, and lists which further roles may open restricted notes.
public class TeamSettings : ISchoolScoped
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public Guid? DslUserId { get; set; }
    public Guid? DeputyDslUserId { get; set; }
    public Guid? DesignatedTeacherUserId { get; set; }
    /// Comma-separated SchoolRole names that may open restricted notes besides the SENCO and the DSLs.
    public string RestrictedNoteRoles { get; set; } = "";
    public int MaxUploadMegabytes { get; set; } = 10;
    public int Version { get; set; }
}

// Staff development.

public class TrainingRecord : ISchoolScoped
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    public Guid StaffMemberId { get; set; }
    public StaffMember? StaffMember { get; set; }
    public string Title { get; set; } = "";
    public string? Provider { get; set; }
    public DateOnly CompletedOn { get; set; }
    public decimal Hours { get; set; }
    public DateOnly? RenewBy { get; set; }
    /// Optimistic concurrency: the SENCO and an assistant may both correct the same record.
    public int Version { get; set; }
}

public enum NeedPriority { Low, Medium, High }

/// One line of the training-needs analysis: what someone needs to learn, why, and whether it was met.
public class TrainingNeed : ISchoolScoped
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    public Guid StaffMemberId { get; set; }
    public StaffMember? StaffMember { get; set; }
    public string Area { get; set; } = "";
    public string Reason { get; set; } = "";
    public NeedPriority Priority { get; set; }
    public DateOnly? MetOn { get; set; }
    /// The training that met the need, when it was met by a recorded course (null for "met" without one).
    public Guid? MetByTrainingId { get; set; }
    public TrainingRecord? MetByTraining { get; set; }
    public int Version { get; set; }
}

/// An INSET session: what, who attended, and how it was evaluated.
public class InsetSession : ISchoolScoped
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    public DateOnly On { get; set; }
    public string Title { get; set; } = "";
    public string LedBy { get; set; } = "";
    public string Attendees { get; set; } = "";
    public string? Evaluation { get; set; }
    public int Version { get; set; }
}

/// An appraisal objective and its review notes. Visible only to the member of staff, their line manager and senior
/// leaders.
public class AppraisalObjective : ISchoolScoped
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    public Guid StaffMemberId { get; set; }
    public StaffMember? StaffMember { get; set; }
    public string AcademicYear { get; set; } = "";
    public string Objective { get; set; } = "";
    public string? SuccessCriteria { get; set; }
    public string? ReviewNotes { get; set; }
    public DateOnly? ReviewedOn { get; set; }
    public string SetBy { get; set; } = "";
}
