using Microsoft.AspNetCore.Mvc;
using Senco.Core.Model;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.AccessibilityPlan;

/// One pupil's reasonable adjustments log: what was asked for, the decision and its reason, when it was put in place,
/// and its reviews. Pupil data: every view is audited.
public sealed class PupilAdjustmentsModel(UserContext user, ReasonableAdjustmentUseCases useCases, AuditLog audit) : AdjustmentPageModel
{
    public Pupil Pupil { get; private set; } = null!;
    public IReadOnlyList<ReasonableAdjustment> Adjustments { get; private set; } = [];
    public DateOnly Today => useCases.Today;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await useCases.PupilAsync(id, ct);
        if (Deny(found.Kind) is { } denied) return denied;
        (Pupil, Adjustments) = found.Value!;
        UseSchool(user.School(Pupil.SchoolId)!);
        audit.Read("reasonable-adjustment.read", $"Viewed the reasonable adjustments of {Pupil.Upn}", Pupil.SchoolId, Pupil.Id);
        return Page();
    }
}
