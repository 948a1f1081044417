using Senco.Core.Ehc;

namespace Senco.Core.Model;

/// A request to the LA for an EHC needs assessment that the school made or supports, and the LA's decisions on it.
/// The statutory dates are computed from these (Core NeedsAssessmentClock), never stored.
public class EhcNeedsAssessment : ISchoolScoped
{
    public Guid Id { get; set; }
    public Guid PupilId { get; set; }
    public int SchoolId { get; set; }
    public AssessmentRequester RequestedBy { get; set; }
    public DateOnly RequestReceivedOn { get; set; }
    public DateOnly? DecisionToAssessOn { get; set; }
    public bool? WillAssess { get; set; }
    public DateOnly? DraftPlanServedOn { get; set; }
    public DateOnly? DecisionNotToIssueOn { get; set; }
    public DateOnly? FinalPlanIssuedOn { get; set; }
    public DateOnly? WithdrawnOn { get; set; }
    public string? Notes { get; set; }
    public List<EhcEvidence> Evidence { get; set; } = [];
    public List<EhcTimescaleException> Exceptions { get; set; } = [];
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public AssessmentDecisions Decisions => new(RequestReceivedOn, DecisionToAssessOn, WillAssess, DraftPlanServedOn, DecisionNotToIssueOn, FinalPlanIssuedOn, WithdrawnOn);
    public AssessmentStatus Status => EhcRules.StatusOf(Decisions);
}

/// A piece of evidence sent with a request: the school's plans and reviews, assessments, agency reports.
public class EhcEvidence : ISchoolScoped
{
    public long Id { get; set; }
    public Guid AssessmentId { get; set; }
    public int SchoolId { get; set; }
    public EvidenceKind Kind { get; set; }
    public string Title { get; set; } = "";
    public DateOnly? Dated { get; set; }
    public DateTime AddedAt { get; set; }
}

/// A recorded reg 10(4) reason why the 20-week limit does not apply.
public class EhcTimescaleException : ISchoolScoped
{
    public long Id { get; set; }
    public Guid AssessmentId { get; set; }
    public int SchoolId { get; set; }
    public ExceptionKind Kind { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public DateOnly? AdviceRequestedOn { get; set; }
    public string? Note { get; set; }
    public DateTime AddedAt { get; set; }

    public TimescaleException ToRule() => new(Kind, From, To, Note, AdviceRequestedOn);
}

/// An EHC plan, sections A to K. B, E and F are structured (needs, each with its outcomes and provision: the
/// "golden thread"); the other sections are text as the LA wrote them.
public class EhcPlan : ISchoolScoped
{
    public Guid Id { get; set; }
    public Guid PupilId { get; set; }
    public int SchoolId { get; set; }
    public DateOnly IssuedOn { get; set; }
    /// DfE 3-digit code of the LA that maintains the plan.
    public string LocalAuthority { get; set; } = "";
    public string? CaseOfficer { get; set; }
    public string? CaseOfficerEmail { get; set; }
    public string? SectionA { get; set; }
    public string? SectionC { get; set; }
    public string? SectionD { get; set; }
    public string? SectionG { get; set; }
    public string? SectionH1 { get; set; }
    public string? SectionH2 { get; set; }
    public string? SectionI { get; set; }
    public string? SectionJ { get; set; }
    public string? SectionK { get; set; }
    public DateOnly? CeasedOn { get; set; }
    public string? CeasedReason { get; set; }
    public List<EhcNeed> Needs { get; set; } = [];
    public List<AnnualReview> Reviews { get; set; } = [];
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public bool IsCeased => CeasedOn is not null;

    public string? Section(string key) => key switch
    {
        "A" => SectionA, "C" => SectionC, "D" => SectionD, "G" => SectionG, "H1" => SectionH1, "H2" => SectionH2,
        "I" => SectionI, "J" => SectionJ, "K" => SectionK, _ => null,
    };
}

/// Section B: one special educational need, with the outcomes (E) it aims at and the provision (F) that meets it.
public class EhcNeed : ISchoolScoped
{
    public long Id { get; set; }
    public Guid PlanId { get; set; }
    public int SchoolId { get; set; }
    public int Order { get; set; }
    /// Optional census SEN type code the need falls under (ASD, SLCN ...).
    public string? NeedType { get; set; }
    public string Description { get; set; } = "";
    public List<EhcOutcome> Outcomes { get; set; } = [];
    public List<EhcProvision> Provision { get; set; } = [];
}

/// Section E: an outcome sought for a need.
public class EhcOutcome : ISchoolScoped
{
    public long Id { get; set; }
    public long NeedId { get; set; }
    public int SchoolId { get; set; }
    public string Description { get; set; } = "";
}

/// Section F: special educational provision for a need, with hours a week and the yearly cost in pounds.
public class EhcProvision : ISchoolScoped
{
    public long Id { get; set; }
    public long NeedId { get; set; }
    public int SchoolId { get; set; }
    public string Description { get; set; } = "";
    public decimal? HoursPerWeek { get; set; }
    public decimal? AnnualCost { get; set; }
    public string? FundedBy { get; set; }
}

/// One annual review of a plan: the meeting and what follows it (reg 20-22).
public class AnnualReview : ISchoolScoped
{
    public Guid Id { get; set; }
    public Guid PlanId { get; set; }
    public Guid PupilId { get; set; }
    public int SchoolId { get; set; }
    public DateOnly MeetingOn { get; set; }
    public DateOnly? InvitationsSentOn { get; set; }
    public DateOnly? AdviceCirculatedOn { get; set; }
    public DateOnly? HeldOn { get; set; }
    public ReviewRecommendation? Recommendation { get; set; }
    public string? Attendees { get; set; }
    public string? PupilViews { get; set; }
    public string? ParentViews { get; set; }
    public DateOnly? ReportSentOn { get; set; }
    public ReviewRecommendation? LaDecision { get; set; }
    public DateOnly? LaDecisionOn { get; set; }
    public DateOnly? AmendmentsProposedOn { get; set; }
    public string? Amendments { get; set; }
    public DateOnly? AmendedPlanIssuedOn { get; set; }
    public List<ReviewOutcomeProgress> Progress { get; set; } = [];
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public ReviewRecord ToRecord() => new(MeetingOn, HeldOn, InvitationsSentOn, AdviceCirculatedOn, ReportSentOn, LaDecisionOn, AmendmentsProposedOn, AmendedPlanIssuedOn);
}

/// Progress towards one section E outcome, as the review meeting saw it.
public class ReviewOutcomeProgress : ISchoolScoped
{
    public long Id { get; set; }
    public Guid ReviewId { get; set; }
    public long OutcomeId { get; set; }
    public int SchoolId { get; set; }
    public OutcomeProgress Progress { get; set; }
    public string? Note { get; set; }
}

/// The secret behind a person's calendar feed URL. Only its SHA-256 is stored, so a copy of the database does
/// not give anyone the feed; rotating replaces it and the old URL stops working at once.
public class CalendarFeedToken
{
    public Guid UserId { get; set; }
    public string TokenHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
