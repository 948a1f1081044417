using Senco.Core.Leadership;

namespace Senco.Core.Model;

// Equality Act 2010 duties of schools to disabled pupils (issue 8, point 6): the accessibility plan (Schedule 10) and
// the reasonable adjustments made for individual pupils (s.20 with the auxiliary aids duty, Schedule 13).

/// The three strands every accessibility plan must cover (Equality Act 2010 Schedule 10 paragraph 3).
public enum AccessibilityStrand
{
    /// Increasing the extent to which disabled pupils can participate in the school's curriculum.
    Curriculum,
    /// Improving the physical environment so disabled pupils can take advantage of education and the school's
    /// benefits, facilities and services.
    PhysicalEnvironment,
    /// Improving the delivery to disabled pupils of information readily given to other pupils, in formats that take
    /// account of their disabilities.
    Information,
}

public enum AccessibilityActionStatus { NotStarted, InProgress, Done }

/// <summary>
/// A school's accessibility plan for one period (usually three school years: Sept of <see cref="StartYear"/> to Aug of
/// <see cref="EndYear"/>). Governors approve it; it is reviewed on <see cref="NextReviewOn"/>. The plan names no pupil
/// and is published, so governors read it. The latest plan is the one being worked on; earlier plans are kept as
/// they were.
/// </summary>
public class AccessibilityPlan : ISchoolScoped
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    /// First calendar year of the period (2025 for a plan running from September 2025).
    public int StartYear { get; set; }
    /// Last calendar year of the period (2028 for a plan ending in August 2028).
    public int EndYear { get; set; }
    public DateOnly? ApprovedOn { get; set; }
    /// Who approved it, as the minutes say: "Full governing body", "Premises committee".
    public string? ApprovedBy { get; set; }
    public DateOnly? NextReviewOn { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
    public List<AccessibilityAction> Actions { get; set; } = [];

    public string Period => AccessibilityRules.PeriodLabel(StartYear, EndYear);
}

/// One objective of a strand with what will be done, who is responsible, by when, how success is judged, what it
/// costs and how far it has got. Edited by several people, so versioned.
public class AccessibilityAction : ISchoolScoped
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    public Guid PlanId { get; set; }
    public AccessibilityStrand Strand { get; set; }
    public string Objective { get; set; } = "";
    public string? Actions { get; set; }
    /// Who is responsible, as the school would say it: "SENCO", "Site manager", "Headteacher and business manager".
    public string Owner { get; set; } = "";
    public DateOnly TargetDate { get; set; }
    public string? SuccessCriteria { get; set; }
    /// Resources in words ("INSET time, specialist teacher").
    public string? Resources { get; set; }
    /// Estimated cost in pounds, when there is one.
    public decimal? Cost { get; set; }
    public AccessibilityActionStatus Status { get; set; }
    public string? Progress { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public string? UpdatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// Where the barrier the adjustment removes arises.
public enum AdjustmentArea { Curriculum, TripsAndVisits, Exams, Environment, Information, BehaviourPolicy, Uniform, Other }

public enum AdjustmentRequester { Parent, Pupil, Staff, Professional }

public enum AdjustmentDecision { Agreed, AgreedInPart, Refused }

/// What made (part of) a request not reasonable: the factors the EHRC's technical guidance for schools names.
public enum AdjustmentGround { Cost, Practicality, HealthAndSafety, OtherPupils, Other }

/// <summary>
/// One adjustment requested or considered for a disabled pupil under the reasonable adjustments duty: the barrier,
/// what was asked for and by whom, the decision (a refusal always with its reason), when it was put in place, its
/// review and outcome. Pupil data (disability: special category), covered by subject access.
/// </summary>
public class ReasonableAdjustment : ISchoolScoped
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    public Guid PupilId { get; set; }
    public Pupil? Pupil { get; set; }
    public AdjustmentArea Area { get; set; }
    /// The barrier or situation: "cannot manage the steps to the science labs", "residential trip in June".
    public string Barrier { get; set; } = "";
    /// What is asked for: "lessons moved to the ground floor", "a parent may stay overnight".
    public string Adjustment { get; set; } = "";
    public AdjustmentRequester RequestedBy { get; set; }
    public DateOnly RequestedOn { get; set; }
    /// Null while it awaits a decision.
    public AdjustmentDecision? Decision { get; set; }
    public AdjustmentGround? Ground { get; set; }
    /// Why: required when refused or agreed only in part (what was not agreed and why it was not reasonable).
    public string? DecisionReason { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public string? DecidedBy { get; set; }
    public DateOnly? InPlaceOn { get; set; }
    /// When it is next to be reviewed.
    public DateOnly? ReviewOn { get; set; }
    public DateOnly? LastReviewedOn { get; set; }
    /// What the last review found: is it working, still needed, changed.
    public string? Outcome { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTime RecordedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }
}
