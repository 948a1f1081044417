using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Senco.Core.Access;
using Senco.Core.Graduated;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Graduated;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Strategies;

namespace Senco.Web.Features.Passports;

/// Writing or editing a passport (SENCO, assistant SENCO), and its photo. A stale version is refused with what is
/// saved now shown beside what was typed.
public sealed class EditModel(GraduatedAccess access, PassportCommands commands, PassportQueries queries, SencoDbContext db) : PageModel
{
    [BindProperty] public PassportForm Input { get; set; } = new();
    [BindProperty] public int? Version { get; set; }
    [BindProperty] public IFormFile? Photo { get; set; }
    public Pupil Pupil { get; private set; } = null!;
    public LearningPassport? Passport { get; private set; }
    public IReadOnlyList<StaffChoice> Staff { get; private set; } = [];
    public string? ConflictMessage { get; private set; }
    public IReadOnlyList<PassportFieldChange>? Comparison { get; private set; }
    public IReadOnlyList<PassportProposal> Pending { get; private set; } = [];
    private Dictionary<int, Strategy> Bank { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (Passport is not null)
        {
            Input = PassportForm.From(Passport);
            Version = Passport.Version;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (!ModelState.IsValid) return Page();
        var outcome = await commands.SaveAsync(id, Passport is null ? null : Version, Input.ToInput(Bank), ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                TempData["Notice"] = outcome.Value!.Created ? "The learning passport has been saved." : "Your changes to the learning passport have been saved.";
                return Redirect($"/pupils/{id}/passport");
            case OutcomeKind.Invalid:
                FormErrors.AddTo(ModelState, outcome.Errors!, map: PassportForm.MapError);
                return Page();
            case OutcomeKind.Conflict when outcome.Value is not null:
                ConflictMessage = outcome.Message;
                Comparison = PassportRules.Diff(outcome.Value.Passport.Content, Input.ToContent(Bank)).Where(c => c.Changed).ToList();
                ModelState.Remove(nameof(Version));
                Version = outcome.Value.Passport.Version;
                Input.BankStrategyIds = [];
                ModelState.Remove("Input.BankStrategyIds");
                Input.KeyStrategies = string.Join('\n', Input.ToContent(Bank).KeyStrategies ?? []);
                ModelState.Remove("Input.KeyStrategies");
                ModelState.AddModelError(string.Empty, "Someone else changed this passport while you were editing. Nothing you typed has been saved yet.");
                return Page();
            default:
                return PlanDeny(outcome);
        }
    }

    public async Task<IActionResult> OnPostPhotoAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        ModelState.Clear();
        if (Passport is null) return NotFound();
        if (Photo is null || Photo.Length == 0)
        {
            ModelState.AddModelError(nameof(Photo), "Select a photo to upload");
            Reset();
            return Page();
        }
        if (Photo.Length > PhotoRules.MaxBytes)
        {
            ModelState.AddModelError(nameof(Photo), "The photo must be smaller than 2 MB");
            Reset();
            return Page();
        }
        using var buffer = new MemoryStream();
        await Photo.CopyToAsync(buffer, ct);
        var outcome = await commands.SetPhotoAsync(id, buffer.ToArray(), ct);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            FormErrors.AddTo(ModelState, outcome.Errors!, prefix: "");
            Reset();
            return Page();
        }
        if (outcome.Kind != OutcomeKind.Ok) return PlanDeny(outcome);
        TempData["Notice"] = "The photo has been added to the passport.";
        return Redirect($"/pupils/{id}/passport");
    }

    public async Task<IActionResult> OnPostRemovePhotoAsync(Guid id, CancellationToken ct)
    {
        var outcome = await commands.RemovePhotoAsync(id, ct);
        if (outcome.Kind != OutcomeKind.Ok) return PlanDeny(outcome);
        TempData["Notice"] = "The photo has been removed from the passport.";
        return Redirect($"/pupils/{id}/passport");
    }

    private void Reset()
    {
        Input = PassportForm.From(Passport!);
        Version = Passport!.Version;
    }

    private IActionResult PlanDeny<T>(Outcome<T> outcome) => outcome.Kind == OutcomeKind.NotFound ? NotFound() : StatusCode(403);

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await access.PupilAsync(id, Permission.ApprovePassport, ct);
        if (found.Kind == OutcomeKind.NotFound) return NotFound();
        if (found.Kind == OutcomeKind.Forbidden) return StatusCode(403);
        Pupil = found.Value!;
        ViewData["SchoolUrn"] = Pupil.School!.Urn;
        Passport = await queries.ForPupilAsync(id, ct);
        if (Passport is not null) Pending = (await queries.ProposalsAsync(Passport.Id, ct)).Where(p => p.Status == ProposalStatus.Pending).ToList();
        var bank = await StrategyCommands.ListAsync(db, Pupil.SchoolId, includeArchived: false, ct);
        Bank = bank.ToDictionary(s => s.Id);
        ViewData["Bank"] = bank;
        Staff = await SchoolStaff.ListAsync(db, Pupil.SchoolId, ct);
        return null;
    }
}
