using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Delivery;
using Senco.Core.Model;
using Senco.Core.Sen;
using Senco.Data;
using Senco.Web.Features.Pupils;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Monitoring;

public sealed class ConcernForm
{
    [Display(Name = "Date you saw this")] public DateOnly? ObservedOn { get; set; }
    [Display(Name = "What do you see?")] public string? WhatSeen { get; set; }
    [Display(Name = "In which lessons?")] public string? Lessons { get; set; }
    [Display(Name = "What have you tried?")] public string? Tried { get; set; }
}

/// The monitoring list: every concern with the time it has been open and the evidence gathered, oldest first.
public sealed class ListModel(UserContext user, SencoDbContext db, TimeProvider clock) : SchoolPageModel(user)
{
    public IReadOnlyList<MonitoringConcern> Open { get; private set; } = [];
    public IReadOnlyList<MonitoringConcern> Decided { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.RaiseConcern) is { } denied) return denied;
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var all = await db.MonitoringConcerns.AsNoTracking().Include(c => c.Pupil).Include(c => c.Observations).Where(c => c.SchoolId == School.SchoolId).AsSplitQuery().ToListAsync(ct);
        Open = all.Where(c => c.Status == ConcernStatus.Open).OrderBy(c => c.ObservedOn).ToList();
        Decided = all.Where(c => c.Status != ConcernStatus.Open).OrderByDescending(c => c.DecidedOn).Take(30).ToList();
        return Page();
    }
}

/// One short form: what the teacher sees, in which lessons, what they have tried, and when they saw it.
public sealed class NewModel(PupilFinder finder, MonitoringCommands commands, TimeProvider clock) : PageModel
{
    [BindProperty] public ConcernForm Input { get; set; } = new();
    public Pupil Pupil { get; private set; } = null!;
    public string? Blocked { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        Input.ObservedOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (!ModelState.IsValid) return Page();
        var outcome = await commands.RaiseAsync(id, new ConcernDraft(Input.ObservedOn, Input.WhatSeen, Input.Lessons, Input.Tried), ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                TempData["Notice"] = $"Your concern about {Pupil.FullName} is on the monitoring list. The SENCO will see it.";
                return Redirect($"/concerns/{outcome.Value!.Id}");
            case OutcomeKind.Invalid:
                FormErrors.AddTo(ModelState, outcome.Errors!);
                return Page();
            case OutcomeKind.Conflict:
                Blocked = outcome.Message;
                ModelState.AddModelError(string.Empty, outcome.Message!);
                return Page();
            case OutcomeKind.NotFound: return NotFound();
            default: return StatusCode(403);
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await finder.FindAsync(id, Permission.RaiseConcern, ct: ct);
        if (found.Kind == OutcomeKind.NotFound) return NotFound();
        if (found.Kind == OutcomeKind.Forbidden) return StatusCode(403);
        Pupil = found.Value!;
        ViewData["SchoolUrn"] = Pupil.School!.Urn;
        return null;
    }
}

public sealed class ObservationForm
{
    [Display(Name = "Date you saw this")] public DateOnly? ObservedOn { get; set; }
    [Display(Name = "What did you see?")] public string? Text { get; set; }
    [Display(Name = "In which lessons?")] public string? Lessons { get; set; }
}

public sealed class DecisionForm
{
    [Display(Name = "Primary need")] public string? PrimaryNeed { get; set; }
    [Display(Name = "Secondary need (optional)")] public string? SecondaryNeed { get; set; }
    [Display(Name = "On SEN support from")] public DateOnly? EffectiveFrom { get; set; }
    [Display(Name = "Reason")] public string? Reason { get; set; }
    [Display(Name = "Why is the concern closed?")] public string? CloseReason { get; set; }
    public int? Version { get; set; }
}

/// A concern: what was seen, further observations, and the SENCO's decision (escalate to SEN support, or close).
public sealed class ConcernModel(MonitoringCommands commands, UserContext user, AuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty] public ObservationForm Observation { get; set; } = new();
    [BindProperty] public DecisionForm Decision { get; set; } = new();
    public MonitoringConcern Concern { get; private set; } = null!;
    public SchoolGrant School { get; private set; } = null!;
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    public bool CanDecide => School.Can(Permission.ManageConcerns) && School.Can(Permission.ChangeSenStatus);
    [TempData] public string? Notice { get; set; }

    public static IEnumerable<SelectListItem> Needs(bool optional) =>
        (optional ? new[] { new SelectListItem("None", "") } : [new SelectListItem("Choose the primary need", "")])
        .Concat(NeedTypes.All.Select(n => new SelectListItem($"{n.Name} ({n.Code})", n.Code)));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        audit.Read("concern.read", $"Read the concern about {Concern.Pupil!.Upn}", Concern.SchoolId, Concern.PupilId);
        Observation.ObservedOn = Today;
        Decision = new DecisionForm { EffectiveFrom = Today, Version = Concern.Version, Reason = "Moved from the monitoring list to SEN support after the concern and observations recorded." };
        return Page();
    }

    public async Task<IActionResult> OnPostObserveAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        ModelState.Clear();
        var outcome = await commands.ObserveAsync(id, new ConcernDraft(Observation.ObservedOn, Observation.Text, Observation.Lessons, null), ct);
        if (outcome.IsOk) { Notice = "Your observation has been added."; return Redirect($"/concerns/{id}"); }
        return Fail(outcome.Kind, outcome.Errors, outcome.Message, "Observation");
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        ModelState.Clear();
        var outcome = await commands.CloseAsync(id, Decision.CloseReason, null, Decision.Version, ct);
        if (outcome.IsOk) { Notice = "The concern is closed."; return Redirect($"/concerns/{id}"); }
        return Fail(outcome.Kind, outcome.Errors is null ? null : Rename(outcome.Errors, "reason", "closeReason"), outcome.Message, "Decision");
    }

    public async Task<IActionResult> OnPostEscalateAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        ModelState.Clear();
        var needs = new[] { Decision.PrimaryNeed, Decision.SecondaryNeed }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!).ToList();
        var outcome = await commands.EscalateAsync(id, needs, Decision.EffectiveFrom, Decision.Reason, Decision.Version, ct);
        if (outcome.IsOk)
        {
            TempData["Notice"] = $"{Concern.Pupil!.FullName} is now on SEN support (K). Start their support plan: the concern's evidence is already in the assessment.";
            return Redirect($"/pupils/{Concern.PupilId}/support-plans/new?concern={id}");
        }
        return Fail(outcome.Kind, outcome.Errors is null ? null : Rename(outcome.Errors, "needs", "primaryNeed"), outcome.Message, "Decision");
    }

    private IActionResult Fail(OutcomeKind kind, ValidationErrors? errors, string? message, string prefix)
    {
        switch (kind)
        {
            case OutcomeKind.NotFound: return NotFound();
            case OutcomeKind.Forbidden: return StatusCode(403);
            case OutcomeKind.Invalid: FormErrors.AddTo(ModelState, errors!, prefix); break;
            default: ModelState.AddModelError(string.Empty, message ?? "Someone changed this concern: check it again."); break;
        }
        Decision.Version ??= Concern.Version;
        return Page();
    }

    private static ValidationErrors Rename(ValidationErrors e, string from, string to)
    {
        var r = new ValidationErrors();
        foreach (var (field, messages) in e)
            foreach (var m in messages) r.Add(field == from ? to : field, m);
        return r;
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await commands.FindAsync(id, Permission.RaiseConcern, ct: ct);
        if (found.Kind == OutcomeKind.NotFound) return NotFound();
        if (found.Kind == OutcomeKind.Forbidden) return StatusCode(403);
        Concern = found.Value!;
        School = user.School(Concern.SchoolId)!;
        ViewData["SchoolUrn"] = School.Urn;
        return null;
    }
}
