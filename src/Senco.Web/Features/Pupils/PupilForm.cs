using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Senco.Core.Model;
using Senco.Core.Pupils;

namespace Senco.Web.Features.Pupils;

/// The fields of the add and edit forms. Everything is kept as typed so that a validation error re-shows it.
public sealed class PupilForm
{
    [Display(Name = "UPN")] public string? Upn { get; set; }
    [Display(Name = "Forename")] public string? Forename { get; set; }
    [Display(Name = "Surname")] public string? Surname { get; set; }
    [Display(Name = "Date of birth")] public DateOnly? DateOfBirth { get; set; }
    [Display(Name = "Gender")] public string? Gender { get; set; }
    [Display(Name = "Year group")] public string? YearGroup { get; set; }
    [Display(Name = "English as an additional language")] public bool Eal { get; set; }
    [Display(Name = "Looked after")] public bool LookedAfter { get; set; }
    [Display(Name = "Pupil premium")] public bool PupilPremium { get; set; }

    /// When a field could not even be read (an impossible date), the rules still check every other field, so the
    /// person sees every problem at once rather than one per submit.
    public void AddRuleErrors(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, DateOnly today, string prefix = "Input")
    {
        var errors = PupilRules.Validate(PupilRules.Normalise(new PupilDetails(Upn, Forename, Surname, DateOfBirth, Gender, YearGroup)), today);
        Senco.Web.Features.Shared.FormErrors.AddTo(modelState, errors, prefix, skipWhereAlreadyInvalid: true);
    }

    public PupilInput ToInput() => new(Upn, Forename, Surname, DateOfBirth, Gender, YearGroup, Eal, LookedAfter, PupilPremium);

    public static PupilForm From(Pupil p) => new()
    {
        Upn = p.Upn, Forename = p.Forename, Surname = p.Surname, DateOfBirth = p.DateOfBirth, Gender = p.Gender,
        YearGroup = p.YearGroup, Eal = p.Eal, LookedAfter = p.LookedAfter, PupilPremium = p.PupilPremium,
    };

    public static IEnumerable<SelectListItem> YearGroupItems(string? selected) =>
        new[] { new SelectListItem("Select year group", "") }.Concat(YearGroups.All.Select(y => new SelectListItem(YearGroups.Label(y), y, y == selected)));

    public static IEnumerable<SelectListItem> GenderItems => [new("Female (F)", "F"), new("Male (M)", "M")];
}
