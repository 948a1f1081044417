using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Transfers;

/// One leaver's transfer: make the pack (ZIP of the CTF and SEN file), then record when and to whom it was sent.
public sealed class TransferModel(TransferCommands commands, TransferPackBuilder packs, AuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty, Display(Name = "Date it was sent")] public DateOnly? SentOn { get; set; }
    [BindProperty, Display(Name = "Sent to")] public string? SentTo { get; set; }
    [BindProperty] public int Version { get; set; }
    public PupilTransfer Transfer { get; private set; } = null!;
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    [TempData] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        Version = Transfer.Version;
        audit.Read("transfer.read", $"Opened the transfer of {Transfer.Pupil!.Upn}", Transfer.SchoolId, Transfer.PupilId);
        return Page();
    }

    public async Task<IActionResult> OnPostPackAsync(Guid id, CancellationToken ct)
    {
        var outcome = await packs.PrepareAsync(id, ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                await TransferPackBuilder.StreamAsync(packs, outcome.Value!, HttpContext, ct);
                return new EmptyResult();
            case OutcomeKind.NotFound: return NotFound();
            default: return StatusCode(403);
        }
    }

    public async Task<IActionResult> OnPostSentAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        var outcome = await commands.MarkSentAsync(id, new SentInput(SentOn, SentTo, Version), ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                Notice = $"The transfer file is recorded as sent to {outcome.Value!.SentTo}.";
                return Redirect($"/transfers/{id}");
            case OutcomeKind.Invalid:
                foreach (var (field, messages) in outcome.Errors!)
                    foreach (var m in messages)
                        if (ModelState[field == "sentOn" ? nameof(SentOn) : nameof(SentTo)] is not { Errors.Count: > 0 })
                            ModelState.AddModelError(field == "sentOn" ? nameof(SentOn) : nameof(SentTo), m);
                return Page();
            case OutcomeKind.Conflict:
                ModelState.AddModelError(nameof(SentTo), outcome.Message!);
                if (outcome.Value is { } current) { Transfer = current; ModelState.Remove(nameof(Version)); Version = current.Version; }
                return Page();
            case OutcomeKind.NotFound: return NotFound();
            default: return StatusCode(403);
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await commands.FindAsync(id, Permission.SendTransferPacks, ct: ct);
        if (found.Kind == OutcomeKind.NotFound) return NotFound();
        if (found.Kind == OutcomeKind.Forbidden) return StatusCode(403);
        Transfer = found.Value!;
        ViewData["SchoolUrn"] = Transfer.Pupil!.School!.Urn;
        return null;
    }
}
