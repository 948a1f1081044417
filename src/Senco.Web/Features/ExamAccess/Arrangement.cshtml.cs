using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Core.Leadership;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.ExamAccess;

/// Change an access arrangement. The second of two people saving is told and shown the saved arrangement.
public sealed class ArrangementModel(UserContext user, ExamAccessUseCases useCases, AuditLog audit) : ExamAccessPageModel
{
    [BindProperty] public ArrangementForm Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public CheckedArrangement Arrangement { get; private set; } = null!;
    public CheckedArrangement? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        Input = ArrangementForm.From(Arrangement.Arrangement);
        Version = Arrangement.Arrangement.Version;
        audit.Read("exam-access.read", $"Opened {ExamAccessRules.Label(Arrangement.Arrangement.Kind)} of {Arrangement.Arrangement.Pupil!.Upn}", School.SchoolId, Arrangement.Arrangement.PupilId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } denied) return denied;
        if (!ModelState.IsValid) return Page();
        var outcome = await useCases.UpdateAsync(id, Input.ToInput(Version), ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                Notice = $"{ExamAccessRules.Label(outcome.Value!.Arrangement.Kind)} has been updated.";
                return Redirect($"/pupils/{Arrangement.Arrangement.PupilId}/exam-access");
            case OutcomeKind.Invalid:
                AddErrors(outcome.Errors!);
                return Page();
            case OutcomeKind.Conflict:
                Current = outcome.Value;
                Version = Current!.Arrangement.Version;
                ModelState.AddModelError("", "Someone else changed this arrangement since you opened it. The saved version is shown above yours: check it and save again.");
                return Page();
            default:
                return Deny(outcome.Kind)!;
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var found = await useCases.FindAsync(id, Permission.ManageExamAccess, ct);
        if (Deny(found.Kind) is { } denied) return denied;
        Arrangement = found.Value!;
        UseSchool(user.School(Arrangement.Arrangement.SchoolId)!);
        ViewData["Today"] = useCases.Today;
        return null;
    }
}
