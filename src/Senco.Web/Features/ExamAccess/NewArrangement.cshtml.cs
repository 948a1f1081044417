using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Core.Leadership;
using Senco.Core.Model;
using Senco.Web.Features.Pupils;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.ExamAccess;

/// Record an access arrangement for a candidate.
public sealed class NewArrangementModel(UserContext user, PupilFinder finder, ExamAccessUseCases useCases) : ExamAccessPageModel
{
    [BindProperty] public ArrangementForm Input { get; set; } = new();
    public Pupil Pupil { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        Input.Edition = ExamAccessRules.EditionOn(useCases.Today);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (!ModelState.IsValid) return Page();
        var outcome = await useCases.CreateAsync(id, Input.ToInput(), ct);
        if (outcome.IsOk)
        {
            Notice = $"{ExamAccessRules.Label(outcome.Value!.Arrangement.Kind)} has been recorded" + (outcome.Value.Flags.Count > 0 ? $": {outcome.Value.Flags.Count} thing(s) to check." : ".");
            return Redirect($"/pupils/{id}/exam-access");
        }
        if (Deny(outcome.Kind) is { } d) return d;
        AddErrors(outcome.Errors!);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await finder.FindAsync(id, Permission.ManageExamAccess, ct: ct);
        if (Deny(found.Kind) is { } denied) return denied;
        Pupil = found.Value!;
        UseSchool(user.School(Pupil.SchoolId)!);
        ViewData["Today"] = useCases.Today;
        return null;
    }
}
