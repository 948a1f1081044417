using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Senco.Core;
using Senco.Core.Model;
using Senco.Core.Provision;

namespace Senco.Web.Features.Provision;

/// The catalogue form, as typed: numbers stay text so that what was typed comes back with the message.
public sealed class OfferForm
{
    [Display(Name = "Name")] public string? Name { get; set; }
    [Display(Name = "Description (optional)")] public string? Description { get; set; }
    [Display(Name = "Area of need")] public string? AreaOfNeed { get; set; }
    [Display(Name = "Wave")] public string? Wave { get; set; }
    [Display(Name = "Usually delivered by (optional)")] public string? UsualStaffRole { get; set; }
    [Display(Name = "Usual group size (optional)")] public string? GroupSize { get; set; }
    [Display(Name = "Sessions a week")] public string? SessionsPerWeek { get; set; }
    [Display(Name = "Minutes a session")] public string? MinutesPerSession { get; set; }
    [Display(Name = "Weeks")] public string? Weeks { get; set; }
    [Display(Name = "Staff cost an hour")] public string? StaffHourlyCost { get; set; }
    [Display(Name = "Resources")] public string? ResourceCost { get; set; }
    public bool Archived { get; set; }

    public ProvisionOfferInput ToInput(ValidationErrors errors)
    {
        var wave = FormValues.Int(Wave, "wave", "The wave", errors);
        return new ProvisionOfferInput(Name, Description, AreaOfNeed, wave, UsualStaffRole,
            FormValues.Int(GroupSize, "groupSize", "The usual group size", errors),
            FormValues.Int(SessionsPerWeek, "sessionsPerWeek", "Sessions a week", errors),
            FormValues.Int(MinutesPerSession, "minutesPerSession", "Minutes a session", errors),
            FormValues.Int(Weeks, "weeks", "The number of weeks", errors),
            FormValues.Money(StaffHourlyCost, "staffHourlyCost", "The staff cost an hour", errors),
            FormValues.Money(ResourceCost, "resourceCost", "The cost of resources", errors));
    }

    public static OfferForm From(ProvisionOffer o) => new()
    {
        Name = o.Name, Description = o.Description, AreaOfNeed = o.AreaOfNeed.ToString(), Wave = o.Wave.ToString(System.Globalization.CultureInfo.InvariantCulture),
        UsualStaffRole = o.UsualStaffRole?.ToString(), GroupSize = FormValues.Text(o.GroupSize), SessionsPerWeek = FormValues.Text(o.SessionsPerWeek),
        MinutesPerSession = FormValues.Text(o.MinutesPerSession), Weeks = FormValues.Text(o.Weeks), StaffHourlyCost = FormValues.Text(o.StaffHourlyCost),
        ResourceCost = FormValues.Text(o.ResourceCost), Archived = o.Archived,
    };

    public static IEnumerable<SelectListItem> AreaItems =>
        Enum.GetValues<AreaOfNeed>().Select(a => new SelectListItem(ProvisionMap.Describe(a), a.ToString()));

    public static IEnumerable<SelectListItem> WaveItems =>
        new[] { 1, 2, 3 }.Select(w => new SelectListItem(ProvisionMap.DescribeWave(w), w.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public static IEnumerable<SelectListItem> RoleItems =>
        new[] { new SelectListItem("Not set", "") }.Concat(Enum.GetValues<StaffRole>().Select(r => new SelectListItem(ProvisionMap.Describe(r), r.ToString())));
}
