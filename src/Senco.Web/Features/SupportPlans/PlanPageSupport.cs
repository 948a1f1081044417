using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Graduated;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Strategies;

namespace Senco.Web.Features.SupportPlans;

/// What the plan form pages share: the strategy bank and the staff list for the form, and mapping errors onto fields.
public static class PlanPageSupport
{
    public static async Task LoadFormDataAsync(PageModel page, SencoDbContext db, int schoolId, string urn, CancellationToken ct)
    {
        page.ViewData["Bank"] = await StrategyCommands.ListAsync(db, schoolId, includeArchived: false, ct);
        page.ViewData["Staff"] = await SchoolStaff.ListAsync(db, schoolId, ct);
        page.ViewData["SchoolUrn"] = urn;
    }

    public static IActionResult? Deny<T>(PageModel page, Outcome<T> outcome) => outcome.Kind switch
    {
        OutcomeKind.NotFound => page.NotFound(),
        OutcomeKind.Forbidden => page.StatusCode(StatusCodes.Status403Forbidden),
        _ => null,
    };

    /// Checks the rules again when a date could not be read, so that every problem shows at once.
    public static void AddRuleErrors(PageModel page, PlanForm input, DateOnly startedOn, DateOnly today, DateOnly? savedReviewDue)
    {
        var i = input.ToInput();
        var draft = new Senco.Core.Graduated.SupportPlanDraft(i.Strengths, i.NeedsCognitionAndLearning, i.NeedsCommunicationAndInteraction, i.NeedsSocialEmotionalMentalHealth,
            i.NeedsSensoryPhysical, i.Evidence, i.Outcomes!.Select(o => o.ToDraft()).ToList(),
            // A strategy picked from the bank gets its text later; here it only must not look empty.
            i.Strategies!.Select(s => new Senco.Core.Graduated.StrategyDraft(s.StrategyId, s.StrategyId is not null && string.IsNullOrWhiteSpace(s.Description) ? "(from the bank)" : s.Description, s.Who, s.HowOften)).ToList(),
            i.PupilViews, i.ParentViews, i.ReviewDue);
        FormErrors.AddTo(page.ModelState, Senco.Core.Graduated.SupportPlanRules.Validate(draft, startedOn, today, savedReviewDue), skipWhereAlreadyInvalid: true);
    }
}
