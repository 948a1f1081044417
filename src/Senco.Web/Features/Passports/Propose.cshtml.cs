using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Graduated;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Strategies;

namespace Senco.Web.Features.Passports;

/// A teaching assistant (or a teacher, for a pupil they teach) proposes a change to a passport; the SENCO approves it.
public sealed class ProposeModel(GraduatedAccess access, PassportCommands commands, PassportQueries queries, SencoDbContext db) : PageModel
{
    [BindProperty] public PassportForm Input { get; set; } = new();
    [BindProperty] public int BasedOnVersion { get; set; }
    public Pupil Pupil { get; private set; } = null!;
    public LearningPassport Passport { get; private set; } = null!;
    private Dictionary<int, Strategy> Bank { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        Input = PassportForm.From(Passport);
        BasedOnVersion = Passport.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (!ModelState.IsValid) return Page();
        var outcome = await commands.ProposeAsync(id, BasedOnVersion, Input.ToContent(Bank), Input.Note, ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                TempData["Notice"] = "Your proposed change has been sent to the SENCO for approval. The passport stays as it is until they approve it.";
                return Redirect($"/pupils/{id}/passport");
            case OutcomeKind.Invalid:
                FormErrors.AddTo(ModelState, outcome.Errors!, map: PassportForm.MapError);
                return Page();
            case OutcomeKind.Conflict:
                ModelState.AddModelError(string.Empty, outcome.Message!);
                return Page();
            case OutcomeKind.NotFound: return NotFound();
            default: return StatusCode(403);
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await access.PupilAsync(id, Permission.ProposePassportChange, ct);
        if (found.Kind == OutcomeKind.NotFound) return NotFound();
        if (found.Kind == OutcomeKind.Forbidden) return StatusCode(403);
        Pupil = found.Value!;
        ViewData["SchoolUrn"] = Pupil.School!.Urn;
        var passport = await queries.ForPupilAsync(id, ct);
        if (passport is null) return Redirect($"/pupils/{id}/passport");
        Passport = passport;
        var bank = await StrategyCommands.ListAsync(db, Pupil.SchoolId, includeArchived: false, ct);
        Bank = bank.ToDictionary(s => s.Id);
        ViewData["Bank"] = bank;
        return null;
    }
}
