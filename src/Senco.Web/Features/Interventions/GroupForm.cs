using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Model;
using Senco.Core.Provision;
using Senco.Core.Sen;
using Senco.Data;
using Senco.Web.Features.Provision;

namespace Senco.Web.Features.Interventions;

public sealed class SlotForm
{
    [Display(Name = "Day")] public string? Day { get; set; }
    [Display(Name = "Starts")] public string? Start { get; set; }
    [Display(Name = "Ends")] public string? End { get; set; }
}

/// The group form as typed. Numbers stay text so that nothing typed is lost when something is wrong.
public sealed class GroupForm
{
    public const int SlotRows = 5;

    [Display(Name = "Provision")] public string? ProvisionId { get; set; }
    [Display(Name = "Name (optional)")] public string? Name { get; set; }
    [Display(Name = "Member of staff")] public string? StaffMemberId { get; set; }
    [Display(Name = "Start date")] public DateOnly? StartOn { get; set; }
    [Display(Name = "Weeks")] public string? Weeks { get; set; }
    [Display(Name = "Sessions a week")] public string? SessionsPerWeek { get; set; }
    [Display(Name = "Minutes a session")] public string? MinutesPerSession { get; set; }
    [Display(Name = "Staff cost an hour")] public string? StaffHourlyCost { get; set; }
    [Display(Name = "Resources")] public string? ResourceCost { get; set; }
    public List<SlotForm> Slots { get; set; } = [];
    [Display(Name = "How progress is measured")] public string? Measure { get; set; }
    [Display(Name = "Name of the school's own measure")] public string? OwnMeasureName { get; set; }
    [Display(Name = "Lowest score")] public string? OwnMeasureMin { get; set; }
    [Display(Name = "Highest score")] public string? OwnMeasureMax { get; set; }
    [Display(Name = "Notes (optional)")] public string? Notes { get; set; }
    [Display(Name = "Pupils")] public List<string> PupilIds { get; set; } = [];

    public void PadSlots()
    {
        while (Slots.Count < SlotRows) Slots.Add(new SlotForm());
    }

    public GroupInput ToInput(ValidationErrors errors, decimal? defaultHourly)
    {
        Guid? Id(string? s, string field, string message)
        {
            if (string.IsNullOrWhiteSpace(s)) return null;
            if (Guid.TryParse(s, out var g)) return g;
            errors.Add(field, message);
            return null;
        }
        var hourly = FormValues.Money(StaffHourlyCost, "staffHourlyCost", "The staff cost an hour", errors) ?? defaultHourly;
        return new GroupInput(
            Id(ProvisionId, "provisionId", "Select provision from the list"), Name, Id(StaffMemberId, "staffMemberId", "Select a member of staff from the list"), StartOn,
            FormValues.Int(Weeks, "weeks", "The number of weeks", errors),
            FormValues.Int(SessionsPerWeek, "sessionsPerWeek", "Sessions a week", errors),
            FormValues.Int(MinutesPerSession, "minutesPerSession", "Minutes a session", errors),
            hourly,
            FormValues.Money(ResourceCost, "resourceCost", "The cost of resources", errors) ?? (string.IsNullOrWhiteSpace(ResourceCost) ? 0m : null),
            Slots.Select(s => new SlotInput(s.Day, s.Start, s.End)).ToList(),
            string.IsNullOrWhiteSpace(Measure) ? null : Measure,
            OwnMeasureName,
            FormValues.Int(OwnMeasureMin, "ownMeasureMin", "The lowest score", errors),
            FormValues.Int(OwnMeasureMax, "ownMeasureMax", "The highest score", errors),
            Notes);
    }

    public List<Guid> Pupils() => PupilIds.Select(s => Guid.TryParse(s, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();

    public static GroupForm FromOffer(ProvisionOffer o, DateOnly start) => new()
    {
        ProvisionId = o.Id.ToString(), StartOn = start, Weeks = FormValues.Text(o.Weeks), SessionsPerWeek = FormValues.Text(o.SessionsPerWeek),
        MinutesPerSession = FormValues.Text(o.MinutesPerSession), StaffHourlyCost = FormValues.Text(o.StaffHourlyCost), ResourceCost = FormValues.Text(o.ResourceCost),
    };

    public static GroupForm From(InterventionGroup g) => new()
    {
        ProvisionId = g.ProvisionId.ToString(), Name = g.Name, StaffMemberId = g.StaffMemberId?.ToString(), StartOn = g.StartOn,
        Weeks = FormValues.Text(g.Weeks), SessionsPerWeek = FormValues.Text(g.SessionsPerWeek), MinutesPerSession = FormValues.Text(g.MinutesPerSession),
        StaffHourlyCost = FormValues.Text(g.StaffHourlyCost), ResourceCost = FormValues.Text(g.ResourceCost),
        Slots = g.Slots.OrderBy(s => ((int)s.Day + 6) % 7).ThenBy(s => s.Start)
            .Select(s => new SlotForm { Day = s.Day.ToString(), Start = Timetable.Time(s.Start), End = Timetable.Time(s.End) }).ToList(),
        Measure = g.Measure?.ToString(), OwnMeasureName = g.OwnMeasureName, OwnMeasureMin = FormValues.Text(g.OwnMeasureMin), OwnMeasureMax = FormValues.Text(g.OwnMeasureMax),
        Notes = g.Notes,
    };

    /// Rule errors onto the form: "pupilIds[2]" belongs to the pupils checkboxes as a whole.
    public static void AddErrors(ModelStateDictionary modelState, ValidationErrors errors)
    {
        var renamed = new ValidationErrors();
        foreach (var (field, messages) in errors)
            foreach (var m in messages) renamed.Add(field.StartsWith("pupilIds[", StringComparison.Ordinal) ? "pupilIds" : field, m);
        FormValues.AddTo(modelState, renamed);
    }

    public static IEnumerable<SelectListItem> DayItems =>
        new[] { new SelectListItem("No slot", "") }.Concat(Timetable.SchoolDays.Select(d => new SelectListItem(Timetable.DayName(d), d.ToString())));

    public static IEnumerable<SelectListItem> MeasureItems =>
    [
        new("Not decided yet", ""), new("Reading age in months", nameof(MeasureKind.ReadingAgeMonths)), new("Spelling age in months", nameof(MeasureKind.SpellingAgeMonths)),
        new("Standardised score", nameof(MeasureKind.StandardisedScore)), new("The school's own measure", nameof(MeasureKind.SchoolMeasure)),
    ];
}

/// The choices a group form offers: the catalogue, the staff, and (for a new group) the pupils on the register.
public sealed class GroupChoices
{
    public List<SelectListItem> Provisions { get; init; } = [];
    public List<SelectListItem> Staff { get; init; } = [];
    public List<SelectListItem> Pupils { get; init; } = [];
    public Dictionary<Guid, decimal?> StaffCost { get; init; } = [];

    public static async Task<GroupChoices> LoadAsync(SencoDbContext db, int schoolId, bool withPupils, CancellationToken ct)
    {
        var offers = await db.ProvisionOffers.AsNoTracking().Where(o => o.SchoolId == schoolId && !o.Archived).ToListAsync(ct);
        var staff = await db.StaffMembers.AsNoTracking().Where(s => s.SchoolId == schoolId && s.Active).ToListAsync(ct);
        var pupils = withPupils
            ? await db.Pupils.AsNoTracking().Where(p => p.SchoolId == schoolId && p.OnRoll && p.SenStatus != SenStatus.N)
                .Select(p => new { p.Id, p.Forename, p.Surname, p.YearGroup, p.SenStatus }).ToListAsync(ct)
            : [];
        return new GroupChoices
        {
            Provisions = new[] { new SelectListItem("Select provision", "") }.Concat(offers
                .OrderBy(o => o.Wave).ThenBy(o => o.Name, StringComparer.OrdinalIgnoreCase)
                .Select(o => new SelectListItem($"{o.Name} (wave {o.Wave}, {ProvisionMap.Describe(o.AreaOfNeed)})", o.Id.ToString()))).ToList(),
            Staff = new[] { new SelectListItem("Not decided yet", "") }.Concat(staff.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
                .Select(s => new SelectListItem($"{s.Name} ({ProvisionMap.Describe(s.Role)})", s.Id.ToString()))).ToList(),
            StaffCost = staff.ToDictionary(s => s.Id, s => s.HourlyCost),
            Pupils = pupils.OrderBy(p => Senco.Core.Pupils.YearGroups.Order(p.YearGroup)).ThenBy(p => p.Surname, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Forename, StringComparer.OrdinalIgnoreCase)
                .Select(p => new SelectListItem($"{p.Surname}, {p.Forename} ({Senco.Core.Pupils.YearGroups.Label(p.YearGroup)}, {p.SenStatus})", p.Id.ToString())).ToList(),
        };
    }

    public decimal? CostOf(string? staffId) => Guid.TryParse(staffId, out var id) ? StaffCost.GetValueOrDefault(id) : null;
}
