using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Senco.Core.Graduated;
using Senco.Core.Model;
using Senco.Core.Sen;

namespace Senco.Web.Features.Passports;

/// The fields of the passport forms (write, edit, propose a change), kept as typed. Property order is page order.
public sealed class PassportForm
{
    [Display(Name = PassportRules.AboutMeLabel)] public string? AboutMe { get; set; }
    public bool AboutMeOwnWords { get; set; }
    [Display(Name = PassportRules.ImportantToMeLabel)] public string? ImportantToMe { get; set; }
    public bool ImportantToMeOwnWords { get; set; }
    [Display(Name = PassportRules.HowToSupportMeLabel)] public string? HowToSupportMe { get; set; }
    public bool HowToSupportMeOwnWords { get; set; }
    [Display(Name = PassportRules.KeyStrategiesLabel)] public string? KeyStrategies { get; set; }
    [Display(Name = "Add strategies from the strategy bank")] public List<int> BankStrategyIds { get; set; } = [];
    [Display(Name = "Who keeps this passport up to date")] public Guid? KeptByUserId { get; set; }
    [Display(Name = "Note for the SENCO (optional)")] public string? Note { get; set; }

    /// The key strategies typed one per line, then those ticked in the bank (by title).
    public List<string> StrategyList(IReadOnlyDictionary<int, Strategy> bank) =>
        PassportRules.StrategiesFromLines(KeyStrategies).Concat(BankStrategyIds.Where(bank.ContainsKey).Select(id => bank[id].Title)).ToList();

    public PassportContent ToContent(IReadOnlyDictionary<int, Strategy> bank) =>
        new(AboutMe, AboutMeOwnWords, ImportantToMe, ImportantToMeOwnWords, HowToSupportMe, HowToSupportMeOwnWords, StrategyList(bank));

    public PassportInput ToInput(IReadOnlyDictionary<int, Strategy> bank) =>
        new(AboutMe, AboutMeOwnWords, ImportantToMe, ImportantToMeOwnWords, HowToSupportMe, HowToSupportMeOwnWords, StrategyList(bank), KeptByUserId);

    public static PassportForm From(LearningPassport p) => new()
    {
        AboutMe = p.AboutMe, AboutMeOwnWords = p.AboutMeOwnWords, ImportantToMe = p.ImportantToMe, ImportantToMeOwnWords = p.ImportantToMeOwnWords,
        HowToSupportMe = p.HowToSupportMe, HowToSupportMeOwnWords = p.HowToSupportMeOwnWords, KeyStrategies = p.KeyStrategies, KeptByUserId = p.KeptByUserId,
    };

    public static IEnumerable<SelectListItem> BankItems(IEnumerable<Strategy> bank) =>
        bank.OrderBy(s => s.Area).ThenBy(s => s.Title).Select(s => new SelectListItem($"{s.Title} ({NeedTypes.AreaName(s.Area)})", s.Id.ToString()));

    /// Errors from the rules onto the form; "content" (nothing changed) is about the whole form.
    public static string? MapError(string field) => field switch
    {
        "content" or "version" => "",
        _ => null,
    };
}
