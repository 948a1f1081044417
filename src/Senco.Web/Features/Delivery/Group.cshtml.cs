using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Delivery;

public sealed class GroupSessionForm
{
    [Display(Name = "Date")] public DateOnly? On { get; set; }
    [Display(Name = "Start time")] public string? Start { get; set; }
    [Display(Name = "Minutes")] public string? Minutes { get; set; }
    [Display(Name = "Who had the session?")] public List<Guid> Present { get; set; } = [];
    [Display(Name = "Why did the others miss it?")] public string? Reason { get; set; }
    [Display(Name = "Note")] public string? Note { get; set; }
}

/// A whole group's session at once: the group-mode lines this person delivers, ticked for those who had it; the rest
/// are logged as missed with one reason. All or nothing.
public sealed class GroupModel(UserContext user, DeliveryCommands commands, TimeProvider clock) : SchoolPageModel(user)
{
    [BindProperty] public GroupSessionForm Input { get; set; } = new();
    public IReadOnlyList<LoggableLine> Lines { get; private set; } = [];
    [TempData] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (await LoadAsync(urn, ct) is { } denied) return denied;
        var now = clock.GetUtcNow().UtcDateTime;
        Input = new GroupSessionForm { On = DateOnly.FromDateTime(now), Minutes = "30", Reason = "PupilAbsent", Present = Lines.Select(l => l.Dose.Id).ToList() };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string urn, CancellationToken ct)
    {
        if (await LoadAsync(urn, ct) is { } denied) return denied;
        var errors = new ValidationErrors();
        var minutes = Provision.FormValues.Int(Input.Minutes, "minutes", "Minutes", errors);
        if (!ModelState.IsValid || !errors.IsValid) { Provision.FormValues.AddTo(ModelState, errors); return Page(); }
        var entries = Lines.Select(l => Input.Present.Contains(l.Dose.Id)
            ? new BulkEntry(l.Dose.Id, "Delivered", null, null)
            : new BulkEntry(l.Dose.Id, "Cancelled", Input.Reason, Input.Note)).ToList();
        var outcome = await commands.LogBulkAsync(urn, Input.On, Input.Start, minutes, entries, ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                Notice = $"Logged the group session for {outcome.Value!.Count} pupils.";
                return Redirect($"/schools/{urn}/delivery/log");
            case OutcomeKind.Invalid:
                // Row errors come from the shared reason and note, so they are shown there.
                foreach (var (field, messages) in outcome.Errors!)
                    foreach (var m in messages)
                        ModelState.AddModelError(field.EndsWith(".reason") ? "Input.Reason" : field.EndsWith(".note") ? "Input.Note" : field is "on" or "start" or "minutes" ? Provision.FormValues.FormKey("Input", field) : "", m);
                return Page();
            case OutcomeKind.NotFound: return NotFound();
            default: return StatusCode(403);
        }
    }

    private async Task<IActionResult?> LoadAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.LogDelivery) is { } denied) return denied;
        Lines = (await commands.LoggableAsync(School, null, ct)).Where(l => l.Dose.Mode == DeliveryMode.Group).ToList();
        return null;
    }
}
