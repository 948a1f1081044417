using Senco.Core.Provision;

namespace Senco.Core.Model;

/// The four broad areas of need of the SEND Code of Practice (6.28–6.35): provision maps are broken down by them.
public enum AreaOfNeed
{
    CognitionAndLearning,
    CommunicationAndInteraction,
    SocialEmotionalMentalHealth,
    SensoryPhysical,
}

/// Who usually delivers a provision, and what a member of staff is employed as.
public enum StaffRole
{
    TeachingAssistant,
    Teacher,
    Senco,
    SpecialistTeacher,
    Therapist,
    Mentor,
    Other,
}

/// One entry in the school's catalogue of provision (its "offer"): what it is, for which area of need, at which wave,
/// and what a typical run usually looks like and costs. A run of it with real pupils is an <see cref="InterventionGroup"/>.
/// Named ProvisionOffer rather than Provision so that it never collides with the Senco.Core.Provision namespace.
public class ProvisionOffer : ISchoolScoped
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public AreaOfNeed AreaOfNeed { get; set; }
    /// 1 quality-first teaching, 2 small-group catch-up, 3 individual or specialist (send-facts.md §7).
    public int Wave { get; set; }
    public StaffRole? UsualStaffRole { get; set; }
    public int? GroupSize { get; set; }
    public int? SessionsPerWeek { get; set; }
    public int? MinutesPerSession { get; set; }
    public int? Weeks { get; set; }
    public decimal? StaffHourlyCost { get; set; }
    public decimal? ResourceCost { get; set; }
    /// No longer offered: kept because past groups and the provision map refer to it.
    public bool Archived { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// The usual cost of one run, when the catalogue gives enough to work it out.
    public decimal? UsualCost => StaffHourlyCost is { } h && MinutesPerSession is { } m && SessionsPerWeek is { } s && Weeks is { } w
        ? InterventionCost.Total(h, m, s, w, ResourceCost ?? 0m)
        : null;
}

/// A member of staff who delivers provision. Teaching assistants need not have a Senco sign-in (many do not), so
/// deployment is recorded against this record; <see cref="UserId"/> links it to a sign-in when there is one, which
/// lets that person take the registers of their own groups.
public class StaffMember : ISchoolScoped
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    public string Name { get; set; } = "";
    public StaffRole Role { get; set; }
    public Guid? UserId { get; set; }
    public decimal? ContractedHoursPerWeek { get; set; }
    /// Salary plus on-costs per hour: the default hourly cost of the groups this person runs.
    public decimal? HourlyCost { get; set; }
    public Guid? LineManagerId { get; set; }
    public StaffMember? LineManager { get; set; }
    public bool Active { get; set; } = true;
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// A run of a provision: who delivers it, when, for how long, at what cost, to which pupils, and how progress is
/// measured. Several people (the SENCO, the TA who runs it) edit it, so it carries a concurrency version.
public class InterventionGroup : ISchoolScoped
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    public Guid ProvisionId { get; set; }
    public ProvisionOffer? Provision { get; set; }
    public string Name { get; set; } = "";
    public Guid? StaffMemberId { get; set; }
    public StaffMember? StaffMember { get; set; }
    public DateOnly StartOn { get; set; }
    public int Weeks { get; set; }
    public int SessionsPerWeek { get; set; }
    public int MinutesPerSession { get; set; }
    public decimal StaffHourlyCost { get; set; }
    public decimal ResourceCost { get; set; }
    /// How progress is measured; null until someone says (the first scores recorded set it).
    public MeasureKind? Measure { get; set; }
    public string? OwnMeasureName { get; set; }
    public int? OwnMeasureMin { get; set; }
    public int? OwnMeasureMax { get; set; }
    public string? Notes { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<InterventionSlot> Slots { get; set; } = [];
    public List<GroupPupil> Pupils { get; set; } = [];

    /// The last day of the run: the day before the same weekday <see cref="Weeks"/> weeks on.
    public DateOnly EndOn => StartOn.AddDays(Weeks * 7 - 1);

    public decimal TotalCost => InterventionCost.Total(StaffHourlyCost, MinutesPerSession, SessionsPerWeek, Weeks, ResourceCost);

    public decimal StaffHours => InterventionCost.StaffHours(MinutesPerSession, SessionsPerWeek, Weeks);
}

/// One weekly timetable slot of a group.
public class InterventionSlot : ISchoolScoped
{
    public long Id { get; set; }
    public Guid GroupId { get; set; }
    public int SchoolId { get; set; }
    public DayOfWeek Day { get; set; }
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
}

/// A pupil's time in a group, with their entry and exit assessments on the group's measure.
public class GroupPupil : ISchoolScoped
{
    public long Id { get; set; }
    public Guid GroupId { get; set; }
    public Guid PupilId { get; set; }
    public Pupil? Pupil { get; set; }
    public int SchoolId { get; set; }
    public DateOnly JoinedOn { get; set; }
    public DateOnly? LeftOn { get; set; }
    public int? EntryValue { get; set; }
    public DateOnly? EntryOn { get; set; }
    public int? ExitValue { get; set; }
    public DateOnly? ExitOn { get; set; }
    public string? ScoresRecordedBy { get; set; }
    public DateTime? ScoresRecordedAt { get; set; }
}

public enum SessionStatus { Held, Cancelled }

/// The register of one session of a group (one per group per day). People may take it on two devices at
/// once, so it carries a concurrency version.
public class InterventionSession : ISchoolScoped
{
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
    public int SchoolId { get; set; }
    public DateOnly On { get; set; }
    public SessionStatus Status { get; set; }
    public string? Note { get; set; }
    public int Version { get; set; }
    public Guid? RecordedById { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTime RecordedAt { get; set; }
    public List<SessionAttendance> Attendance { get; set; } = [];
}

public class SessionAttendance : ISchoolScoped
{
    public long Id { get; set; }
    public Guid SessionId { get; set; }
    public Guid PupilId { get; set; }
    public int SchoolId { get; set; }
    public bool Attended { get; set; }
    public string? Note { get; set; }
}

/// What a member of staff does in a week other than running intervention groups (those come from the groups).
public enum TimetableKind { OneToOne, Class, Other }

public class StaffTimetableEntry : ISchoolScoped
{
    public Guid Id { get; set; }
    public Guid StaffMemberId { get; set; }
    public int SchoolId { get; set; }
    public TimetableKind Kind { get; set; }
    public DayOfWeek Day { get; set; }
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
    public string Description { get; set; } = "";
    /// The pupil a 1:1 supports (optional: a 1:1 may be recorded without naming the child).
    public Guid? PupilId { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
}

/// The school's notional SEN budget for one academic year (element 2 of its delegated budget, send-facts.md §6).
public class SenBudget : ISchoolScoped
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    /// The academic year starting 1 September of this calendar year.
    public int StartYear { get; set; }
    public decimal NotionalSenBudget { get; set; }
    public int Version { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}

/// High-needs top-up (element 3) the local authority pays for a pupil: band, amount for the period, and the period.
public class TopUpFunding : ISchoolScoped
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    public Guid PupilId { get; set; }
    public Pupil? Pupil { get; set; }
    public string Band { get; set; } = "";
    public decimal Amount { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public string? Note { get; set; }
    public DateTime CreatedAt { get; set; }
    public string RecordedBy { get; set; } = "";
}
