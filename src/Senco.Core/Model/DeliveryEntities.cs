using Senco.Core.Delivery;

namespace Senco.Core.Model;

// Provision delivered, not only planned (issue 11): the planned dose of each provision line, the log of what was
// delivered, the school's delivery settings, and the monitoring ("amber") list of concerns about pupils not on the
// register. Every record belongs to one school (ISchoolScoped), so the tenancy filter scopes it like a pupil.

/// Which plan a provision line belongs to.
public enum DoseLineKind
{
    /// A line of Section F of an EHC plan (<see cref="EhcProvision"/>).
    EhcProvision,
    /// A strategy or piece of provision of an SEN support plan (<see cref="PlanStrategy"/>).
    SupportPlanStrategy,
}

/// How a dose is planned: so many hours a week, or so many sessions of so many minutes.
public enum DoseBasis { HoursPerWeek, SessionsPerWeek }

public enum DeliveryMode { OneToOne, Group }

/// The planned dose of one provision line: how much, how often, by whom, 1:1 or in a group, from when to when.
/// Kept beside the line (not in it) so that the plans stay as they are and a line without a dose is simply "not planned
/// yet". <see cref="InterventionGroupId"/> says the line is delivered through an intervention group, whose register
/// then counts as the delivery of this line (read, never copied).
public class PlannedDose : ISchoolScoped
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    public Guid PupilId { get; set; }
    public DoseLineKind Kind { get; set; }
    public long? EhcProvisionId { get; set; }
    public int? PlanStrategyId { get; set; }
    /// The line's text when the dose was last saved, so the log reads sensibly even after the plan moves on.
    public string Label { get; set; } = "";
    public DoseBasis Basis { get; set; }
    public decimal? HoursPerWeek { get; set; }
    public int? SessionsPerWeek { get; set; }
    public int? MinutesPerSession { get; set; }
    public StaffRole? StaffType { get; set; }
    public DeliveryMode Mode { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
    /// Who delivers it: a teaching assistant or teacher whose staff record is linked to a sign-in may log its sessions.
    public Guid? StaffMemberId { get; set; }
    public StaffMember? StaffMember { get; set; }
    public Guid? InterventionGroupId { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";

    public int MinutesPerWeek => DeliveryArithmetic.MinutesPerWeek(Basis, HoursPerWeek, SessionsPerWeek, MinutesPerSession);
}

public enum DeliveryOutcome { Delivered, Cancelled }

/// One session of a provision line as it happened (or did not): recorded once, by the person who delivered it, dated
/// by the day it happened (<see cref="On"/>) as well as when it was entered (<see cref="RecordedAt"/>).
public class DeliverySession : ISchoolScoped
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    public Guid PupilId { get; set; }
    public Guid DoseId { get; set; }
    public PlannedDose? Dose { get; set; }
    public DateOnly On { get; set; }
    public TimeOnly Start { get; set; }
    public int Minutes { get; set; }
    public DeliveryOutcome Outcome { get; set; }
    public MissedReason? Reason { get; set; }
    public string? Note { get; set; }
    /// The member of staff who delivered (or was to deliver) it: overlapping sessions of one person are refused.
    public Guid? StaffMemberId { get; set; }
    /// Sessions logged together for a whole group share a batch id.
    public Guid? BatchId { get; set; }
    public Guid? RecordedById { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTime RecordedAt { get; set; }
    public int Version { get; set; }

    public TimeOnly End => Start.AddMinutes(Minutes);
}

/// A school's delivery settings: the alert threshold and which reasons for a missed session count as shortfall.
public class DeliverySettings : ISchoolScoped
{
    public int SchoolId { get; set; }
    public int ThresholdPercent { get; set; } = ShortfallPolicy.DefaultThresholdPercent;
    /// Comma-separated <see cref="MissedReason"/> names that count as shortfall.
    public string ShortfallReasons { get; set; } = ShortfallPolicy.Default.ToStoredText();
    /// The longest a delivery may last: the length of the school day, in minutes.
    public int SchoolDayMinutes { get; set; } = ShortfallPolicy.DefaultSchoolDayMinutes;
    public int Version { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";

    public ShortfallPolicy Policy => ShortfallPolicy.FromStoredText(ShortfallReasons);
}

public enum ConcernStatus { Open, Escalated, Closed }

/// A concern a member of staff raised about a pupil who is not on the SEN register: the monitoring ("amber") list.
/// Monitoring is not a census status: the pupil stays N until the SENCO escalates them to SEN support (K).
public class MonitoringConcern : ISchoolScoped
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    public Guid PupilId { get; set; }
    public Pupil? Pupil { get; set; }
    /// When the behaviour was seen (the event), which may be days before it was typed (<see cref="RaisedAt"/>).
    public DateOnly ObservedOn { get; set; }
    public string WhatSeen { get; set; } = "";
    public string? Lessons { get; set; }
    public string? Tried { get; set; }
    public ConcernStatus Status { get; set; }
    public Guid? RaisedById { get; set; }
    public string RaisedBy { get; set; } = "";
    public DateTime RaisedAt { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public string? Decision { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    public List<ConcernObservation> Observations { get; set; } = [];
    public int Version { get; set; }
}

/// A further observation added to a concern by any member of staff.
public class ConcernObservation : ISchoolScoped
{
    public long Id { get; set; }
    public Guid ConcernId { get; set; }
    public int SchoolId { get; set; }
    public DateOnly ObservedOn { get; set; }
    public string Text { get; set; } = "";
    public string? Lessons { get; set; }
    public Guid? RecordedById { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTime RecordedAt { get; set; }
}
