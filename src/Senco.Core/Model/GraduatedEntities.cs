using Senco.Core.Graduated;
using Senco.Core.Sen;

namespace Senco.Core.Model;

// The graduated approach: assess, plan, do, review (SEND Code of Practice 6.44–6.56). Every record here belongs to
// one school and carries its SchoolId, so the tenancy filter scopes it like a pupil.

/// A class or teaching group ("4B", "Y9 Maths set 2"): which pupils each teacher teaches. A class teacher reads the
/// passports of the pupils in their groups, and no others.
public class TeachingGroup : ISchoolScoped
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public string Name { get; set; } = "";
    /// The year group of a class, or null for a mixed-age group.
    public string? YearGroup { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<TeachingGroupPupil> Pupils { get; set; } = [];
    public List<TeachingGroupTeacher> Teachers { get; set; } = [];
}

public class TeachingGroupPupil : ISchoolScoped
{
    public int Id { get; set; }
    public int TeachingGroupId { get; set; }
    public int SchoolId { get; set; }
    public Guid PupilId { get; set; }
    public Pupil? Pupil { get; set; }
}

public class TeachingGroupTeacher : ISchoolScoped
{
    public int Id { get; set; }
    public int TeachingGroupId { get; set; }
    public int SchoolId { get; set; }
    public Guid UserId { get; set; }
}

/// One strategy of the school's strategy bank, by broad area of need: reused in plans and passports (its text is
/// copied when used, so editing the bank never rewrites what was agreed).
public class Strategy : ISchoolScoped
{
    public int Id { get; set; }
    public int SchoolId { get; set; }
    public BroadArea Area { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    /// Retired strategies stay readable in the plans that used them but are no longer offered.
    public bool Archived { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// The school's settings for the graduated approach.
public class GraduatedSettings : ISchoolScoped
{
    public int SchoolId { get; set; }
    public int PassportReviewMonths { get; set; } = ReviewSchedule.DefaultPassportReviewMonths;
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}

/// Parents must be told when a school starts making SEN provision for their child (Children and Families Act 2014
/// s68). One record each time SEN support starts.
public class ParentsInformed : ISchoolScoped
{
    public int Id { get; set; }
    public Guid PupilId { get; set; }
    public int SchoolId { get; set; }
    /// The date the pupil went onto the register that this notice is about (the pupil's OnRegisterSince then).
    public DateOnly? SupportStartedOn { get; set; }
    public DateOnly ToldOn { get; set; }
    public ParentContactMethod How { get; set; }
    public string? Note { get; set; }
    public Guid? RecordedById { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTime RecordedAt { get; set; }
}

public enum SupportPlanStatus { Current, Reviewed }

/// One assess-plan-do-review cycle of a pupil's SEN support plan. A review closes the cycle (it becomes read-only
/// history) and may start the next one, which points back to it.
public class SupportPlan : ISchoolScoped
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    public Guid PupilId { get; set; }
    public Pupil? Pupil { get; set; }
    /// 1 for the first plan, then one more for each cycle that follows.
    public int Cycle { get; set; }
    public Guid? PreviousPlanId { get; set; }
    public SupportPlanStatus Status { get; set; }
    public DateOnly StartedOn { get; set; }
    public DateOnly ReviewDue { get; set; }

    // Assess: the assessment picture.
    public string Strengths { get; set; } = "";
    public string? NeedsCognitionAndLearning { get; set; }
    public string? NeedsCommunicationAndInteraction { get; set; }
    public string? NeedsSocialEmotionalMentalHealth { get; set; }
    public string? NeedsSensoryPhysical { get; set; }
    public string Evidence { get; set; } = "";
    public string? PupilViews { get; set; }
    public string? ParentViews { get; set; }

    /// Who leads this plan and its review: the "by staff member" of the reviews-due list.
    public Guid? LeadUserId { get; set; }
    public string? LeadName { get; set; }

    public List<PlanOutcome> Outcomes { get; set; } = [];
    public List<PlanStrategy> Strategies { get; set; } = [];
    public PlanReview? Review { get; set; }

    /// Optimistic concurrency: a client sends back the version it read; a stale one is refused.
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";

    public bool IsCurrent => Status == SupportPlanStatus.Current;
}

/// A SMART outcome: what the pupil will achieve, by when, and how we will know; rated at the review.
public class PlanOutcome : ISchoolScoped
{
    public int Id { get; set; }
    public Guid PlanId { get; set; }
    public int SchoolId { get; set; }
    public int Position { get; set; }
    public string Description { get; set; } = "";
    public DateOnly ByWhen { get; set; }
    public string Measure { get; set; } = "";
    public OutcomeState State { get; set; }
    public string? Evidence { get; set; }
    /// The outcome of the previous cycle this one continues.
    public int? CarriedFromOutcomeId { get; set; }
}

/// A strategy or piece of provision agreed in a plan, and who does it how often.
public class PlanStrategy : ISchoolScoped
{
    public int Id { get; set; }
    public Guid PlanId { get; set; }
    public int SchoolId { get; set; }
    public int Position { get; set; }
    public int? StrategyId { get; set; }
    public string Description { get; set; } = "";
    public string Who { get; set; } = "";
    public string? HowOften { get; set; }
    /// Set at the review: whether the strategy continues into the next cycle.
    public bool? Continued { get; set; }
}

/// The review that closed a cycle.
public class PlanReview : ISchoolScoped
{
    public int Id { get; set; }
    public Guid PlanId { get; set; }
    public int SchoolId { get; set; }
    public DateOnly HeldOn { get; set; }
    public string WhatWeLearned { get; set; } = "";
    public string? PupilViews { get; set; }
    public string? ParentViews { get; set; }
    /// The cycle this review started, if it started one.
    public Guid? NextPlanId { get; set; }
    public Guid? RecordedById { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTime RecordedAt { get; set; }
}

/// A learning passport (one-page profile): who the pupil is and how best to support them, for every adult who
/// works with them. At most one per pupil; changes proposed by teaching assistants and teachers wait for approval.
public class LearningPassport : ISchoolScoped
{
    public Guid Id { get; set; }
    public int SchoolId { get; set; }
    public Guid PupilId { get; set; }
    public Pupil? Pupil { get; set; }
    public string AboutMe { get; set; } = "";
    public bool AboutMeOwnWords { get; set; }
    public string ImportantToMe { get; set; } = "";
    public bool ImportantToMeOwnWords { get; set; }
    public string HowToSupportMe { get; set; } = "";
    public bool HowToSupportMeOwnWords { get; set; }
    /// One strategy per line.
    public string KeyStrategies { get; set; } = "";
    public DateOnly LastReviewedOn { get; set; }
    /// The adult who keeps the passport up to date (often a teaching assistant): the "by staff member" of the reviews-due list.
    public Guid? KeptByUserId { get; set; }
    public string? KeptByName { get; set; }
    public bool HasPhoto { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";

    public IReadOnlyList<string> KeyStrategyList => KeyStrategies.Length == 0 ? [] : KeyStrategies.Split('\n');

    public PassportContent Content => new(AboutMe, AboutMeOwnWords, ImportantToMe, ImportantToMeOwnWords, HowToSupportMe, HowToSupportMeOwnWords, KeyStrategyList);
}

/// A passport's photo, kept apart so that reading a passport never loads the image.
public class PassportPhoto : ISchoolScoped
{
    public Guid PassportId { get; set; }
    public int SchoolId { get; set; }
    public byte[] Content { get; set; } = [];
    public string ContentType { get; set; } = "";
    public DateTime UploadedAt { get; set; }
    public string UploadedBy { get; set; } = "";
}

public enum ProposalStatus { Pending, Approved, Declined }

/// A change to a passport proposed by a teaching assistant or teacher, waiting for someone who may approve it.
public class PassportProposal : ISchoolScoped
{
    public int Id { get; set; }
    public Guid PassportId { get; set; }
    public int SchoolId { get; set; }
    public Guid PupilId { get; set; }
    /// The passport version the proposer read: if it has changed since, the approver is told.
    public int BasedOnVersion { get; set; }
    public string AboutMe { get; set; } = "";
    public bool AboutMeOwnWords { get; set; }
    public string ImportantToMe { get; set; } = "";
    public bool ImportantToMeOwnWords { get; set; }
    public string HowToSupportMe { get; set; } = "";
    public bool HowToSupportMeOwnWords { get; set; }
    public string KeyStrategies { get; set; } = "";
    public string? Note { get; set; }
    public ProposalStatus Status { get; set; }
    public Guid? ProposedById { get; set; }
    public string ProposedBy { get; set; } = "";
    public DateTime ProposedAt { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecisionNote { get; set; }

    public IReadOnlyList<string> KeyStrategyList => KeyStrategies.Length == 0 ? [] : KeyStrategies.Split('\n');

    public PassportContent Content => new(AboutMe, AboutMeOwnWords, ImportantToMe, ImportantToMeOwnWords, HowToSupportMe, HowToSupportMeOwnWords, KeyStrategyList);
}

/// A member of staff recorded that they have read a passport (a version of it).
public class PassportReading : ISchoolScoped
{
    public long Id { get; set; }
    public Guid PassportId { get; set; }
    public int SchoolId { get; set; }
    public Guid UserId { get; set; }
    public string UserName { get; set; } = "";
    public int Version { get; set; }
    public DateTime ReadAt { get; set; }
}
