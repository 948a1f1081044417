using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Core.Sen;
using Senco.Data;
using Senco.Web.Features.Shared;

namespace Senco.Web.Features.Pupils;

/// Changing a pupil's census SEN status and ranked needs, from a date, with the reason. Appends to the history.
public sealed class ChangeSenModel(PupilFinder finder, PupilCommands commands, SencoDbContext db) : PageModel
{
    public sealed class SenForm
    {
        [Display(Name = "SEN status")] public string? Status { get; set; }
        [Display(Name = "Primary need")] public string? PrimaryNeed { get; set; }
        [Display(Name = "Secondary need")] public string? SecondaryNeed { get; set; }
        [Display(Name = "Date the change takes effect")] public DateOnly? EffectiveFrom { get; set; }
        [Display(Name = "Reason for the change")] public string? Reason { get; set; }
    }

    [BindProperty] public SenForm Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public Pupil Pupil { get; private set; } = null!;
    public DateOnly? LastChange { get; private set; }
    public string? ConflictMessage { get; private set; }

    public static IEnumerable<SelectListItem> StatusItems =>
    [
        new("N – no special educational need", "N"),
        new("K – SEN support", "K"),
        new("E – EHC plan", "E"),
    ];

    public static IEnumerable<SelectListItem> NeedItems(string? selected, string empty) =>
        new[] { new SelectListItem(empty, "") }.Concat(NeedTypes.All.Select(n => new SelectListItem($"{n.Name} ({n.Code})", n.Code, n.Code == selected)));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        Input = new SenForm
        {
            Status = Pupil.SenStatus.ToString(), PrimaryNeed = Pupil.PrimaryNeed, SecondaryNeed = Pupil.SecondaryNeed,
        };
        Version = Pupil.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        // The census records ranks 1 and 2; further needs the pupil already had are kept below them.
        var needs = new List<string>();
        if (!string.IsNullOrWhiteSpace(Input.PrimaryNeed)) needs.Add(Input.PrimaryNeed);
        if (!string.IsNullOrWhiteSpace(Input.SecondaryNeed)) needs.Add(Input.SecondaryNeed);
        if (needs.Count > 0) needs.AddRange(Pupil.NeedList.Skip(2).Where(n => !needs.Contains(n)));
        if (!ModelState.IsValid)
        {
            // The date could not be read: still check everything else, so every problem shows at once.
            var errors = SenChangeRules.Validate(new SenChange(Input.Status, needs, Input.EffectiveFrom, Input.Reason), LastChange, DateOnly.FromDateTime(DateTime.UtcNow));
            AddErrors(errors, skipWhereAlreadyInvalid: true);
            return Page();
        }
        var outcome = await commands.ChangeSenAsync(id, new SenChange(Input.Status, needs, Input.EffectiveFrom, Input.Reason), Version, ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                TempData["Notice"] = "The SEN status has been changed.";
                return Redirect($"/pupils/{id}");
            case OutcomeKind.Invalid:
                AddErrors(outcome.Errors!, skipWhereAlreadyInvalid: false);
                return Page();
            case OutcomeKind.Conflict:
                ConflictMessage = outcome.Message;
                ModelState.Remove(nameof(Version));
                Version = outcome.Value?.Version ?? Version;
                ModelState.AddModelError(string.Empty, "Someone else changed this record while you were editing. Check the current status above, then save again.");
                await LoadAsync(id, ct);
                return Page();
            case OutcomeKind.NotFound: return NotFound();
            default: return StatusCode(403);
        }
    }

    private void AddErrors(Senco.Core.ValidationErrors errors, bool skipWhereAlreadyInvalid)
    {
        foreach (var (field, messages) in errors)
        {
            var key = field switch
            {
                "status" => "Input.Status",
                // A repeated or unknown code is about the secondary choice when the primary is fine.
                "needs" => string.IsNullOrEmpty(Input.PrimaryNeed) || Input.Status == "N" ? "Input.PrimaryNeed" : "Input.SecondaryNeed",
                "effectiveFrom" => "Input.EffectiveFrom",
                _ => "Input.Reason",
            };
            if (skipWhereAlreadyInvalid && ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0) continue;
            foreach (var m in messages) ModelState.AddModelError(key, m);
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await finder.FindAsync(id, Permission.ChangeSenStatus, ct: ct);
        if (found.Kind == OutcomeKind.NotFound) return NotFound();
        if (found.Kind == OutcomeKind.Forbidden) return StatusCode(403);
        Pupil = found.Value!;
        ViewData["SchoolUrn"] = Pupil.School!.Urn;
        LastChange = await db.SenStatusChanges.Where(c => c.PupilId == id).OrderByDescending(c => c.EffectiveFrom)
            .Select(c => (DateOnly?)c.EffectiveFrom).FirstOrDefaultAsync(ct);
        return null;
    }
}
