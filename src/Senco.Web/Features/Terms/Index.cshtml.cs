using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Calendar;
using Senco.Core.Delivery;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Terms;

public sealed class TermsForm
{
    public int StartYear { get; set; }
    [Display(Name = "Autumn term starts")] public DateOnly? AutumnStart { get; set; }
    [Display(Name = "Autumn term ends")] public DateOnly? AutumnEnd { get; set; }
    [Display(Name = "Spring term starts")] public DateOnly? SpringStart { get; set; }
    [Display(Name = "Spring term ends")] public DateOnly? SpringEnd { get; set; }
    [Display(Name = "Summer term starts")] public DateOnly? SummerStart { get; set; }
    [Display(Name = "Summer term ends")] public DateOnly? SummerEnd { get; set; }
    /// The versions of the three terms when the form was opened ("0" for a term not yet entered), so that two people
    /// editing the calendar at once cannot overwrite each other.
    public string? Versions { get; set; }
}

public sealed class ClosureForm
{
    [Display(Name = "First day closed")] public DateOnly? From { get; set; }
    [Display(Name = "Last day closed")] public DateOnly? To { get; set; }
    [Display(Name = "Reason")] public string? Reason { get; set; }
}

/// <summary>
/// The school calendar: the dates of this school's three terms for a school year, and the days in term when it is
/// closed (half term, INSET days, bank holidays). Senco counts school days from it: provision owed each week (a week
/// with an INSET day owes four fifths), and the 15 school days to send a leaver's records.
/// </summary>
public sealed class IndexModel(UserContext user, SencoDbContext db, TimeProvider clock) : SchoolPageModel(user)
{
    [BindProperty] public TermsForm Terms { get; set; } = new();
    [BindProperty] public ClosureForm Closure { get; set; } = new();
    [TempData] public string? Notice { get; set; }

    public SchoolYear Year { get; private set; }
    public bool Entered { get; private set; }
    public IReadOnlyList<SchoolClosure> Closures { get; private set; } = [];
    public IReadOnlyList<SchoolYear> Years { get; private set; } = [];
    public int SchoolDaysInYear { get; private set; }

    public async Task<IActionResult> OnGetAsync(string urn, string? year, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ManageSchoolCalendar) is { } denied) return denied;
        await LoadAsync(year, fillForm: true, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostTermsAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ManageSchoolCalendar) is { } denied) return denied;
        var year = new SchoolYear(Terms.StartYear);
        await LoadAsync(year.Label, fillForm: false, ct);
        var entered = new (TermName, DateOnly?, DateOnly?)[]
        {
            (TermName.Autumn, Terms.AutumnStart, Terms.AutumnEnd), (TermName.Spring, Terms.SpringStart, Terms.SpringEnd), (TermName.Summer, Terms.SummerStart, Terms.SummerEnd),
        };
        foreach (var p in SchoolCalendarRules.CheckTerms(year, entered))
            if (!ModelState.TryGetValue($"Terms.{p.Field}", out var e) || e.Errors.Count == 0) ModelState.AddModelError($"Terms.{p.Field}", p.Message);
        if (!ModelState.IsValid) return Page();

        var existing = await db.SchoolTerms.Where(t => t.SchoolId == School.SchoolId && t.StartYear == year.StartYear).ToListAsync(ct);
        var versions = (Terms.Versions ?? "").Split(',');
        var now = DateTime.UtcNow;
        foreach (var (name, start, end) in entered)
        {
            var row = existing.FirstOrDefault(t => t.Name == name);
            var expected = versions.Length == 3 && int.TryParse(versions[(int)name], out var v) ? v : -1;
            if ((row?.Version ?? 0) != expected)
            {
                ModelState.AddModelError("", "Someone else changed these term dates while you were editing. Your dates are below; check the saved ones (open the page again) before saving.");
                return Page();
            }
            if (row is null)
            {
                row = new SchoolTerm { Id = Guid.CreateVersion7(), SchoolId = School.SchoolId, StartYear = year.StartYear, Name = name, Version = 0 };
                db.SchoolTerms.Add(row);
            }
            row.Start = start!.Value;
            row.End = end!.Value;
            row.Version++;
            row.UpdatedAt = now;
            row.UpdatedBy = CurrentUser.Name;
        }
        db.Audit(CurrentUser.Actor, "calendar.terms", $"Set the term dates for {year.Label}: autumn {Terms.AutumnStart:d MMM yyyy}–{Terms.AutumnEnd:d MMM yyyy}, " +
            $"spring {Terms.SpringStart:d MMM yyyy}–{Terms.SpringEnd:d MMM yyyy}, summer {Terms.SummerStart:d MMM yyyy}–{Terms.SummerEnd:d MMM yyyy}", School.SchoolId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            ModelState.AddModelError("", "Someone else changed these term dates while you were editing. Your dates are below; check the saved ones (open the page again) before saving.");
            return Page();
        }
        Notice = $"The term dates for {year.Label} have been saved.";
        return Redirect($"/schools/{urn}/calendar?year={Uri.EscapeDataString(year.Label)}");
    }

    public async Task<IActionResult> OnPostClosureAsync(string urn, string? year, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ManageSchoolCalendar) is { } denied) return denied;
        await LoadAsync(year, fillForm: true, ct);
        foreach (var p in SchoolCalendarRules.CheckClosure(Closure.From, Closure.To, Closure.Reason))
            if (!ModelState.TryGetValue($"Closure.{p.Field}", out var e) || e.Errors.Count == 0) ModelState.AddModelError($"Closure.{p.Field}", p.Message);
        if (!ModelState.IsValid) return Page();
        var closure = new SchoolClosure
        {
            Id = Guid.CreateVersion7(), SchoolId = School.SchoolId, From = Closure.From!.Value, To = Closure.To!.Value, Reason = Closure.Reason!.Trim(),
            CreatedAt = DateTime.UtcNow, CreatedBy = CurrentUser.Name,
        };
        db.SchoolClosures.Add(closure);
        db.Audit(CurrentUser.Actor, "calendar.closure.add", $"Added a closure: {closure.Reason}, {Describe(closure)}", School.SchoolId);
        await db.SaveChangesAsync(ct);
        Notice = $"{closure.Reason} ({Describe(closure)}) has been added.";
        return Redirect($"/schools/{urn}/calendar?year={Uri.EscapeDataString(SchoolYear.Containing(closure.From).Label)}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(string urn, Guid id, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ManageSchoolCalendar) is { } denied) return denied;
        var closure = await db.SchoolClosures.FirstOrDefaultAsync(c => c.Id == id && c.SchoolId == School.SchoolId, ct);
        if (closure is null) return NotFound();
        db.SchoolClosures.Remove(closure);
        db.Audit(CurrentUser.Actor, "calendar.closure.remove", $"Removed a closure: {closure.Reason}, {Describe(closure)}", School.SchoolId);
        await db.SaveChangesAsync(ct);
        Notice = $"{closure.Reason} ({Describe(closure)}) has been removed.";
        return Redirect($"/schools/{urn}/calendar?year={Uri.EscapeDataString(SchoolYear.Containing(closure.From).Label)}");
    }

    public static string Describe(SchoolClosure c) => c.From == c.To ? Dates.Long(c.From) : $"{Dates.Long(c.From)} to {Dates.Long(c.To)}";

    private async Task LoadAsync(string? year, bool fillForm, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Year = SchoolYear.TryParse(year, out var y) ? y : SchoolYear.Containing(today);
        var current = SchoolYear.Containing(today);
        Years = [current.Previous, current, current.Next];
        var terms = await db.SchoolTerms.AsNoTracking().Where(t => t.SchoolId == School.SchoolId && t.StartYear == Year.StartYear).ToListAsync(ct);
        Entered = terms.Count == 3;
        Closures = await db.SchoolClosures.AsNoTracking().Where(c => c.SchoolId == School.SchoolId && c.To >= Year.Start && c.From <= Year.End)
            .OrderBy(c => c.From).ToListAsync(ct);
        var calendar = await db.CalendarOfAsync(School.SchoolId, ct);
        SchoolDaysInYear = calendar.SchoolDays(Year.Start, Year.End);
        if (!fillForm) return;
        TermDates Known(TermName n) => calendar.TermsOf(Year).First(t => t.Name == n);
        Terms = new TermsForm
        {
            StartYear = Year.StartYear,
            AutumnStart = Known(TermName.Autumn).Start, AutumnEnd = Known(TermName.Autumn).End,
            SpringStart = Known(TermName.Spring).Start, SpringEnd = Known(TermName.Spring).End,
            SummerStart = Known(TermName.Summer).Start, SummerEnd = Known(TermName.Summer).End,
            Versions = string.Join(',', Enum.GetValues<TermName>().Select(n => terms.FirstOrDefault(t => t.Name == n)?.Version ?? 0)),
        };
        if (!Entered)
        {
            // Not entered yet: offer the usual pattern as a starting point, clearly not saved.
            Terms.AutumnStart = FirstWeekday(new DateOnly(Year.StartYear, 9, 1));
            Terms.AutumnEnd = LastWeekday(new DateOnly(Year.StartYear, 12, 19));
            Terms.SpringStart = FirstWeekday(new DateOnly(Year.StartYear + 1, 1, 5));
            Terms.SpringEnd = LastWeekday(new DateOnly(Year.StartYear + 1, 3, 27));
            Terms.SummerStart = FirstWeekday(new DateOnly(Year.StartYear + 1, 4, 13));
            Terms.SummerEnd = LastWeekday(new DateOnly(Year.StartYear + 1, 7, 22));
        }
    }

    private static DateOnly FirstWeekday(DateOnly d) { while (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) d = d.AddDays(1); return d; }
    private static DateOnly LastWeekday(DateOnly d) { while (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) d = d.AddDays(-1); return d; }
}
