using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Senco.Core.Graduated;
using Senco.Core.Model;
using Senco.Core.Sen;
using Senco.Web.Features.Graduated;

namespace Senco.Web.Features.SupportPlans;

/// The fields of the "start a plan" and "edit the plan" forms, kept as typed so that an error shows them again.
/// Property order is page order (the error summary lists errors in it).
public sealed class PlanForm
{
    [Display(Name = "Strengths")] public string? Strengths { get; set; }
    [Display(Name = "Cognition and learning")] public string? NeedsCognitionAndLearning { get; set; }
    [Display(Name = "Communication and interaction")] public string? NeedsCommunicationAndInteraction { get; set; }
    [Display(Name = "Social, emotional and mental health")] public string? NeedsSocialEmotionalMentalHealth { get; set; }
    [Display(Name = "Sensory and/or physical")] public string? NeedsSensoryPhysical { get; set; }
    [Display(Name = "Evidence and assessments used")] public string? Evidence { get; set; }
    public List<OutcomeRow> Outcomes { get; set; } = [];
    public List<StrategyRow> Strategies { get; set; } = [];
    [Display(Name = "The pupil's views")] public string? PupilViews { get; set; }
    [Display(Name = "The parents' views")] public string? ParentViews { get; set; }
    [Display(Name = "Review date")] public DateOnly? ReviewDue { get; set; }
    [Display(Name = "Who leads this plan")] public Guid? LeadUserId { get; set; }

    public sealed class OutcomeRow
    {
        public int? Id { get; set; }
        [Display(Name = "What will the pupil achieve?")] public string? Description { get; set; }
        [Display(Name = "By when")] public DateOnly? ByWhen { get; set; }
        [Display(Name = "How will we know?")] public string? Measure { get; set; }
    }

    public sealed class StrategyRow
    {
        [Display(Name = "From the strategy bank")] public int? StrategyId { get; set; }
        [Display(Name = "Strategy or provision")] public string? Description { get; set; }
        [Display(Name = "Who does it")] public string? Who { get; set; }
        [Display(Name = "How often")] public string? HowOften { get; set; }
    }

    public SupportPlanInput ToInput() => new(Strengths, NeedsCognitionAndLearning, NeedsCommunicationAndInteraction, NeedsSocialEmotionalMentalHealth,
        NeedsSensoryPhysical, Evidence,
        Outcomes.Select(o => new OutcomeInput(o.Id, o.Description, o.ByWhen, o.Measure)).ToList(),
        Strategies.Select(s => new PlanStrategyInput(s.StrategyId, s.Description, s.Who, s.HowOften)).ToList(),
        PupilViews, ParentViews, ReviewDue, LeadUserId);

    public static PlanForm From(SupportPlan p) => new()
    {
        Strengths = p.Strengths, NeedsCognitionAndLearning = p.NeedsCognitionAndLearning, NeedsCommunicationAndInteraction = p.NeedsCommunicationAndInteraction,
        NeedsSocialEmotionalMentalHealth = p.NeedsSocialEmotionalMentalHealth, NeedsSensoryPhysical = p.NeedsSensoryPhysical, Evidence = p.Evidence,
        Outcomes = p.Outcomes.OrderBy(o => o.Position).Select(o => new OutcomeRow { Id = o.Id, Description = o.Description, ByWhen = o.ByWhen, Measure = o.Measure }).ToList(),
        Strategies = p.Strategies.OrderBy(s => s.Position).Select(s => new StrategyRow { StrategyId = s.StrategyId, Description = s.Description, Who = s.Who, HowOften = s.HowOften }).ToList(),
        PupilViews = p.PupilViews, ParentViews = p.ParentViews, ReviewDue = p.ReviewDue, LeadUserId = p.LeadUserId,
    };

    /// Spare blank rows, so that another outcome or strategy can be added without script (blank rows are ignored).
    public void AddSpareRows(int minimum, int spare)
    {
        while (Outcomes.Count < Math.Max(minimum, Outcomes.Count(o => !IsBlank(o)) + spare) && Outcomes.Count < SupportPlanRules.MaxOutcomes) Outcomes.Add(new OutcomeRow());
        while (Strategies.Count < Math.Max(minimum, Strategies.Count(s => !IsBlank(s)) + spare) && Strategies.Count < SupportPlanRules.MaxStrategies) Strategies.Add(new StrategyRow());
    }

    private static bool IsBlank(OutcomeRow o) => string.IsNullOrWhiteSpace(o.Description) && o.ByWhen is null && string.IsNullOrWhiteSpace(o.Measure);
    private static bool IsBlank(StrategyRow s) => s.StrategyId is null && string.IsNullOrWhiteSpace(s.Description) && string.IsNullOrWhiteSpace(s.Who) && string.IsNullOrWhiteSpace(s.HowOften);

    /// The strategy bank as select options, each named with its area, the area's strategies together.
    public static IEnumerable<SelectListItem> BankItems(IEnumerable<Strategy> bank) =>
        new[] { new SelectListItem("None – describe it below", "") }
            .Concat(bank.OrderBy(s => s.Area).ThenBy(s => s.Title).Select(s => new SelectListItem($"{NeedTypes.AreaName(s.Area)}: {s.Title}", s.Id.ToString())));

    public static IEnumerable<SelectListItem> StaffItems(IEnumerable<StaffChoice> staff, string empty) =>
        new[] { new SelectListItem(empty, "") }.Concat(staff.Select(s => new SelectListItem(s.Describe, s.UserId.ToString())));
}
