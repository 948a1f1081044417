using Microsoft.AspNetCore.Mvc;
using Senco.Core.Model;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.ExamAccess;

/// One candidate's access arrangements with their evidence and the checks. Pupil data: every view is audited.
public sealed class PupilArrangementsModel(UserContext user, ExamAccessUseCases useCases, AuditLog audit) : ExamAccessPageModel
{
    public Pupil Pupil { get; private set; } = null!;
    public IReadOnlyList<CheckedArrangement> Arrangements { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await useCases.PupilAsync(id, ct);
        if (Deny(found.Kind) is { } denied) return denied;
        (Pupil, Arrangements) = found.Value!;
        UseSchool(user.School(Pupil.SchoolId)!);
        audit.Read("exam-access.read", $"Viewed the access arrangements of {Pupil.Upn}", Pupil.SchoolId, Pupil.Id);
        return Page();
    }
}
