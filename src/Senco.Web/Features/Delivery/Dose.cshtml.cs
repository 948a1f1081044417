using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Delivery;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Provision;
using Senco.Web.Features.Shared;

namespace Senco.Web.Features.Delivery;

public sealed class DoseForm
{
    [Display(Name = "How is it planned?")] public string? Basis { get; set; }
    [Display(Name = "Hours a week")] public string? HoursPerWeek { get; set; }
    [Display(Name = "Sessions a week")] public string? SessionsPerWeek { get; set; }
    [Display(Name = "Minutes a session")] public string? MinutesPerSession { get; set; }
    [Display(Name = "Staff type")] public string? StaffType { get; set; }
    [Display(Name = "1:1 or group")] public string? Mode { get; set; }
    [Display(Name = "From")] public DateOnly? From { get; set; }
    [Display(Name = "To")] public DateOnly? To { get; set; }
    [Display(Name = "Delivered by")] public Guid? StaffMemberId { get; set; }
    [Display(Name = "Delivered through an intervention group")] public Guid? InterventionGroupId { get; set; }
    public int? Version { get; set; }
}

/// The planned dose of one Section F or support-plan line, set by whoever writes that plan.
public sealed class DoseModel(DeliveryCommands commands, SencoDbContext db) : PageModel
{
    [BindProperty] public DoseForm Input { get; set; } = new();
    public ProvisionLine Line { get; private set; } = null!;
    public PlannedDose? Current { get; private set; }
    public string? ConflictMessage { get; private set; }
    public IReadOnlyList<SelectListItem> Staff { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Groups { get; private set; } = [];

    public static IEnumerable<SelectListItem> Bases => [new("Hours a week", "HoursPerWeek"), new("Sessions a week", "SessionsPerWeek")];
    public static IEnumerable<SelectListItem> Modes => [new("1:1", "OneToOne"), new("Group", "Group")];
    public static IEnumerable<SelectListItem> StaffTypes => new[] { new SelectListItem("Not specified", "") }
        .Concat(Enum.GetValues<StaffRole>().Select(r => new SelectListItem(Capital(DeliveryCommands.StaffText(r)), r.ToString())));
    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static DoseLineKind? KindOf(string kind) => kind switch { "ehc" => DoseLineKind.EhcProvision, "support" => DoseLineKind.SupportPlanStrategy, _ => null };

    public async Task<IActionResult> OnGetAsync(string kind, long lineId, CancellationToken ct)
    {
        if (await LoadAsync(kind, lineId, ct) is { } denied) return denied;
        Input = Current is { } d
            ? new DoseForm
            {
                Basis = d.Basis.ToString(), HoursPerWeek = FormValues.Text(d.HoursPerWeek), SessionsPerWeek = FormValues.Text(d.SessionsPerWeek), MinutesPerSession = FormValues.Text(d.MinutesPerSession),
                StaffType = d.StaffType?.ToString(), Mode = d.Mode.ToString(), From = d.From, To = d.To, StaffMemberId = d.StaffMemberId, InterventionGroupId = d.InterventionGroupId, Version = d.Version,
            }
            : new DoseForm { Basis = "SessionsPerWeek", Mode = "OneToOne", From = Line.PlanStart };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string kind, long lineId, CancellationToken ct)
    {
        if (await LoadAsync(kind, lineId, ct) is { } denied) return denied;
        var errors = new ValidationErrors();
        var hours = FormValues.Number(Input.HoursPerWeek, "hoursPerWeek", "Hours a week", errors);
        var sessions = FormValues.Int(Input.SessionsPerWeek, "sessionsPerWeek", "Sessions a week", errors);
        var minutes = FormValues.Int(Input.MinutesPerSession, "minutesPerSession", "Minutes a session", errors);
        var draft = new DoseDraft(Input.Basis, hours, sessions, minutes, Input.StaffType, Input.Mode, Input.From, Input.To);
        if (!ModelState.IsValid || !errors.IsValid)
        {
            FormValues.AddTo(ModelState, errors);
            FormValues.AddTo(ModelState, DeliveryRules.ValidateDose(draft));
            return Page();
        }
        var outcome = await commands.SetDoseAsync(KindOf(kind)!.Value, lineId, draft, Input.StaffMemberId, Input.InterventionGroupId, Input.Version, ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                TempData["Notice"] = "The planned dose has been saved.";
                return Redirect(Line.BackUrl);
            case OutcomeKind.Invalid:
                FormValues.AddTo(ModelState, outcome.Errors!);
                return Page();
            case OutcomeKind.Conflict:
                ConflictMessage = outcome.Message;
                Current = outcome.Value;
                Input.Version = outcome.Value?.Version;
                ModelState.AddModelError(string.Empty, outcome.Message!);
                return Page();
            case OutcomeKind.NotFound: return NotFound();
            default: return StatusCode(403);
        }
    }

    private async Task<IActionResult?> LoadAsync(string kind, long lineId, CancellationToken ct)
    {
        if (KindOf(kind) is not { } k) return NotFound();
        var found = await commands.FindLineAsync(k, lineId, DeliveryCommands.ManagePermission(k), ct);
        if (found.Kind == OutcomeKind.NotFound) return NotFound();
        if (found.Kind == OutcomeKind.Forbidden) return StatusCode(403);
        Line = found.Value!;
        Current = Line.Dose;
        ViewData["SchoolUrn"] = commands.User.School(Line.SchoolId)!.Urn;
        var schoolId = Line.SchoolId;
        Staff = new[] { new SelectListItem("Not named yet", "") }.Concat(await db.StaffMembers.AsNoTracking().Where(s => s.SchoolId == schoolId && s.Active).OrderBy(s => s.Name)
            .Select(s => new SelectListItem(s.Name, s.Id.ToString())).ToListAsync(ct)).ToList();
        var pupilId = Line.PupilId;
        Groups = new[] { new SelectListItem("No: sessions are logged for this line", "") }.Concat(await (from gp in db.GroupPupils
                join g in db.InterventionGroups on gp.GroupId equals g.Id
                where gp.PupilId == pupilId
                orderby g.StartOn descending
                select new SelectListItem(g.Name, g.Id.ToString())).ToListAsync(ct)).ToList();
        return null;
    }
}
