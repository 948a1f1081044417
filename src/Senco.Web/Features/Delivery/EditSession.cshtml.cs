using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Senco.Core;
using Senco.Core.Delivery;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Delivery;

/// <summary>
/// Correct a logged session (the wrong day, the wrong length, delivered when it was missed). The same checks as
/// logging it (not in the future, not longer than the school day, no overlap for the member of staff); whoever may log
/// the line may correct it; the form carries the version it started from, so a second person's correction is not lost.
/// Sessions read from an intervention group's register are corrected on the register, not here.
/// </summary>
public sealed class EditSessionModel(UserContext user, SencoDbContext db, DeliveryCommands commands, AuditLog audit) : PageModel
{
    [BindProperty] public SessionForm Input { get; set; } = new();
    [BindProperty] public int? Version { get; set; }
    public DeliverySession Session { get; private set; } = null!;
    public Pupil Pupil { get; private set; } = null!;
    public string? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        Input = new SessionForm
        {
            On = Session.On, Start = Session.Start.ToString("HH:mm"), Minutes = Session.Minutes.ToString(),
            Outcome = Session.Outcome == DeliveryOutcome.Delivered ? "Delivered" : "Cancelled", Reason = Session.Reason?.ToString(), Note = Session.Note,
        };
        Version = Session.Version;
        audit.Read("delivery.session.read", $"Opened a logged session of {Pupil.Upn} to correct it", Pupil.SchoolId, Pupil.Id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        var errors = new ValidationErrors();
        var minutes = Provision.FormValues.Int(Input.Minutes, "minutes", "Minutes", errors);
        if (!ModelState.IsValid || !errors.IsValid)
        {
            Provision.FormValues.AddTo(ModelState, errors);
            return Page();
        }
        var outcome = await commands.UpdateAsync(id, Version, new SessionDraft(Input.On, Input.Start, minutes, Input.Outcome, Input.Reason, Input.Note), ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                TempData["Notice"] = $"The session on {Dates.Long(outcome.Value!.On)} has been corrected.";
                return Redirect($"/pupils/{Pupil.Id}/delivery");
            case OutcomeKind.Invalid:
                Provision.FormValues.AddTo(ModelState, outcome.Errors!, rename: new Dictionary<string, string> { ["doseId"] = "", ["version"] = "" });
                return Page();
            case OutcomeKind.Conflict:
                Conflict = outcome.Message;
                Version = outcome.Value?.Version ?? Version;
                ModelState.Remove(nameof(Version));
                return Page();
            case OutcomeKind.NotFound: return NotFound();
            default: return StatusCode(403);
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var session = await db.DeliverySessions.IgnoreQueryFilters().AsNoTracking().Include(s => s.Dose!).ThenInclude(d => d.StaffMember)
            .FirstOrDefaultAsync(s => s.Id == id, ct);
        if (session is null || !user.CanSee(session.SchoolId)) return NotFound();
        if (!commands.CanLog(session.Dose!)) return StatusCode(403);
        var pupil = await db.Pupils.IgnoreQueryFilters().AsNoTracking().Include(p => p.School).FirstAsync(p => p.Id == session.PupilId, ct);
        Session = session;
        Pupil = pupil;
        ViewData["SchoolUrn"] = pupil.School!.Urn;
        return null;
    }
}
