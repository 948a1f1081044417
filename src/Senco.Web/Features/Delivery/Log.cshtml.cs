using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Delivery;
using Senco.Core.Model;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Delivery;

public sealed class SessionForm
{
    [Display(Name = "Date")] public DateOnly? On { get; set; }
    [Display(Name = "Start time")] public string? Start { get; set; }
    [Display(Name = "Minutes")] public string? Minutes { get; set; }
    [Display(Name = "Did the session happen?")] public string? Outcome { get; set; }
    [Display(Name = "Why was it missed?")] public string? Reason { get; set; }
    [Display(Name = "Note")] public string? Note { get; set; }
}

/// A teacher or TA logs one session on a phone in a few taps: pupil, then line, then the session (today, its length,
/// delivered or missed and why). Only the lines they deliver are offered; the SENCO sees every line.
public sealed class LogModel(UserContext user, DeliveryCommands commands, TimeProvider clock) : SchoolPageModel(user)
{
    [BindProperty] public SessionForm Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public Guid? Pupil { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Dose { get; set; }
    [TempData] public string? Notice { get; set; }
    public IReadOnlyList<LoggableLine> Lines { get; private set; } = [];
    public LoggableLine? Chosen { get; private set; }
    public Pupil? ChosenPupil { get; private set; }

    public static IEnumerable<SelectListItem> Outcomes => [new("Yes, delivered", "Delivered"), new("No, it was missed", "Cancelled")];
    public static IEnumerable<SelectListItem> Reasons => Enum.GetValues<MissedReason>().Select(r => new SelectListItem(ShortfallPolicy.Describe(r), r.ToString()));

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (await LoadAsync(urn, ct) is { } denied) return denied;
        if (Chosen is not null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var minutes = Chosen.Dose.MinutesPerSession ?? 30;
            var start = TimeOnly.FromDateTime(now).AddMinutes(-minutes);
            Input = new SessionForm
            {
                On = DateOnly.FromDateTime(now), Start = new TimeOnly(start.Hour, start.Minute / 5 * 5).ToString("HH:mm"), Minutes = minutes.ToString(), Outcome = "Delivered",
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string urn, CancellationToken ct)
    {
        if (await LoadAsync(urn, ct) is { } denied) return denied;
        if (Chosen is null) return NotFound();
        var errors = new ValidationErrors();
        var minutes = Provision.FormValues.Int(Input.Minutes, "minutes", "Minutes", errors);
        if (!ModelState.IsValid || !errors.IsValid)
        {
            Provision.FormValues.AddTo(ModelState, errors);
            return Page();
        }
        var outcome = await commands.LogAsync(Chosen.Dose.Id, new SessionDraft(Input.On, Input.Start, minutes, Input.Outcome, Input.Reason, Input.Note), ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                var s = outcome.Value!;
                Notice = $"Logged for {Chosen.Pupil.FullName}: {(s.Outcome == DeliveryOutcome.Delivered ? $"{s.Minutes} minutes delivered" : "missed (" + ShortfallPolicy.Describe(s.Reason!.Value).ToLowerInvariant() + ")")} on {Dates.Long(s.On)}.";
                return Redirect($"/schools/{urn}/delivery/log");
            case OutcomeKind.Invalid:
                Provision.FormValues.AddTo(ModelState, outcome.Errors!, rename: new Dictionary<string, string> { ["doseId"] = "" });
                return Page();
            case OutcomeKind.NotFound: return NotFound();
            default: return StatusCode(403);
        }
    }

    private async Task<IActionResult?> LoadAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.LogDelivery) is { } denied) return denied;
        Lines = await commands.LoggableAsync(School, null, ct);
        if (Dose is { } d)
        {
            Chosen = Lines.FirstOrDefault(l => l.Dose.Id == d);
            if (Chosen is null)
            {
                // Not one of theirs: another school's line is "not found", one of this school they do not deliver is "forbidden".
                var found = await commands.FindDoseToLogAsync(d, ct);
                return found.Kind == OutcomeKind.NotFound ? NotFound() : StatusCode(403);
            }
            ChosenPupil = Chosen.Pupil;
        }
        else if (Pupil is { } p)
        {
            ChosenPupil = Lines.FirstOrDefault(l => l.Pupil.Id == p)?.Pupil;
            if (ChosenPupil is null) return NotFound();
        }
        return null;
    }
}
