using Senco.Core.Graduated;
using Senco.Core.Model;
using Senco.Core.Sen;

namespace Senco.Web.Features.Graduated;

// The graduated approach in the API: camelCase JSON, dates as yyyy-MM-dd, timestamps in UTC.

public sealed record StaffRefDto(Guid UserId, string Name);

public sealed record OutcomeDto(int Id, string Description, DateOnly ByWhen, string Measure, string State, string? Evidence, int? CarriedFromOutcomeId)
{
    public static OutcomeDto From(PlanOutcome o) => new(o.Id, o.Description, o.ByWhen, o.Measure, o.State.ToString(), o.Evidence, o.CarriedFromOutcomeId);
}

public sealed record PlanStrategyDto(int Id, int? StrategyId, string Description, string Who, string? HowOften, bool? Continued)
{
    public static PlanStrategyDto From(PlanStrategy s) => new(s.Id, s.StrategyId, s.Description, s.Who, s.HowOften, s.Continued);
}

public sealed record PlanReviewDto(int Id, Guid PlanId, DateOnly HeldOn, string WhatWeLearned, string? PupilViews, string? ParentViews, Guid? NextPlanId, string RecordedBy, DateTime RecordedAt)
{
    public static PlanReviewDto From(PlanReview r) => new(r.Id, r.PlanId, r.HeldOn, r.WhatWeLearned, r.PupilViews, r.ParentViews, r.NextPlanId, r.RecordedBy, Utc(r.RecordedAt));
    internal static DateTime Utc(DateTime d) => DateTime.SpecifyKind(d, DateTimeKind.Utc);
}

public sealed record SupportPlanDto(Guid Id, Guid PupilId, int Cycle, string Status, DateOnly StartedOn, DateOnly ReviewDue, string ReviewState,
    string Strengths, string? NeedsCognitionAndLearning, string? NeedsCommunicationAndInteraction, string? NeedsSocialEmotionalMentalHealth, string? NeedsSensoryPhysical,
    string Evidence, IReadOnlyList<OutcomeDto> Outcomes, IReadOnlyList<PlanStrategyDto> Strategies, string? PupilViews, string? ParentViews,
    StaffRefDto? Lead, PlanReviewDto? Review, Guid? PreviousPlanId, int Version, DateTime UpdatedAt, string UpdatedBy)
{
    public static SupportPlanDto From(SupportPlan p, DateOnly today) => new(p.Id, p.PupilId, p.Cycle, p.Status.ToString(), p.StartedOn, p.ReviewDue,
        p.IsCurrent ? ReviewSchedule.StateOf(p.ReviewDue, today).ToString() : "Reviewed",
        p.Strengths, p.NeedsCognitionAndLearning, p.NeedsCommunicationAndInteraction, p.NeedsSocialEmotionalMentalHealth, p.NeedsSensoryPhysical, p.Evidence,
        p.Outcomes.OrderBy(o => o.Position).Select(OutcomeDto.From).ToList(), p.Strategies.OrderBy(s => s.Position).Select(PlanStrategyDto.From).ToList(),
        p.PupilViews, p.ParentViews, p.LeadUserId is { } id ? new StaffRefDto(id, p.LeadName ?? "") : null,
        p.Review is null ? null : PlanReviewDto.From(p.Review), p.PreviousPlanId, p.Version, PlanReviewDto.Utc(p.UpdatedAt), p.UpdatedBy);
}

public sealed record ReviewResultDto(PlanReviewDto Review, SupportPlanDto ReviewedPlan, SupportPlanDto? NextPlan);

public sealed record ParentsInformedDto(int Id, Guid PupilId, DateOnly? SupportStartedOn, DateOnly ToldOn, string How, string? Note, string RecordedBy, DateTime RecordedAt)
{
    public static ParentsInformedDto From(ParentsInformed r) => new(r.Id, r.PupilId, r.SupportStartedOn, r.ToldOn, r.How.ToString(), r.Note, r.RecordedBy, PlanReviewDto.Utc(r.RecordedAt));
}

public sealed record PassportDto(Guid Id, Guid PupilId, string AboutMe, bool AboutMeOwnWords, string ImportantToMe, bool ImportantToMeOwnWords,
    string HowToSupportMe, bool HowToSupportMeOwnWords, IReadOnlyList<string> KeyStrategies, DateOnly LastReviewedOn, DateOnly ReviewDue, string ReviewState,
    StaffRefDto? KeptBy, bool HasPhoto, string? PhotoUrl, IReadOnlyList<PlanStrategyDto> CurrentPlanStrategies, int Version, DateTime UpdatedAt, string UpdatedBy)
{
    public static PassportDto From(LearningPassport p, int intervalMonths, DateOnly today, IReadOnlyList<PlanStrategy> planStrategies)
    {
        var due = ReviewSchedule.PassportReviewDue(p.LastReviewedOn, intervalMonths);
        return new(p.Id, p.PupilId, p.AboutMe, p.AboutMeOwnWords, p.ImportantToMe, p.ImportantToMeOwnWords, p.HowToSupportMe, p.HowToSupportMeOwnWords,
            p.KeyStrategyList, p.LastReviewedOn, due, ReviewSchedule.StateOf(due, today).ToString(),
            p.KeptByUserId is { } id ? new StaffRefDto(id, p.KeptByName ?? "") : null, p.HasPhoto,
            p.HasPhoto ? $"/api/v1/pupils/{p.PupilId}/passport/photo" : null, planStrategies.Select(PlanStrategyDto.From).ToList(),
            p.Version, PlanReviewDto.Utc(p.UpdatedAt), p.UpdatedBy);
    }
}

public sealed record PassportChangeDto(string Field, string Label, string Before, string After, bool Changed);

public sealed record PassportProposalDto(int Id, Guid PassportId, Guid PupilId, int BasedOnVersion, string Status, string AboutMe, bool AboutMeOwnWords,
    string ImportantToMe, bool ImportantToMeOwnWords, string HowToSupportMe, bool HowToSupportMeOwnWords, IReadOnlyList<string> KeyStrategies,
    string? Note, string ProposedBy, DateTime ProposedAt, string? DecidedBy, DateTime? DecidedAt, string? DecisionNote,
    IReadOnlyList<PassportChangeDto>? Changes, bool? PassportChangedSince)
{
    public static PassportProposalDto From(PassportProposal p, LearningPassport? current = null) => new(p.Id, p.PassportId, p.PupilId, p.BasedOnVersion,
        p.Status.ToString(), p.AboutMe, p.AboutMeOwnWords, p.ImportantToMe, p.ImportantToMeOwnWords, p.HowToSupportMe, p.HowToSupportMeOwnWords,
        p.KeyStrategyList, p.Note, p.ProposedBy, PlanReviewDto.Utc(p.ProposedAt), p.DecidedBy, p.DecidedAt is { } d ? PlanReviewDto.Utc(d) : null, p.DecisionNote,
        current is null ? null : PassportRules.Diff(current.Content, p.Content).Select(c => new PassportChangeDto(c.Field, c.Label, c.Before, c.After, c.Changed)).ToList(),
        current is null ? null : current.Version != p.BasedOnVersion);
}

public sealed record PassportReadingDto(Guid UserId, string Name, int Version, bool CurrentVersion, DateTime ReadAt);

public sealed record TeachingGroupDto(int Id, string Name, string? YearGroup, IReadOnlyList<Guid> PupilIds, IReadOnlyList<Guid> TeacherIds)
{
    public static TeachingGroupDto From(TeachingGroup g) => new(g.Id, g.Name, g.YearGroup, g.Pupils.Select(p => p.PupilId).ToList(), g.Teachers.Select(t => t.UserId).ToList());
}

public sealed record StrategyDto(int Id, string Area, string AreaName, string Title, string? Description, bool Archived)
{
    public static StrategyDto From(Strategy s) => new(s.Id, s.Area.ToString(), NeedTypes.AreaName(s.Area), s.Title, s.Description, s.Archived);
}

public sealed record DueReviewDto(string Kind, Guid PupilId, string PupilName, string YearGroup, Guid RecordId, int? Cycle, DateOnly DueOn, bool Overdue, StaffRefDto? Staff);

public sealed record GraduatedSettingsDto(int PassportReviewMonths);
