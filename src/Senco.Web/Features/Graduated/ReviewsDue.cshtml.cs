using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Data;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Graduated;

/// Support plan and passport reviews that are overdue or due soon, grouped by the member of staff responsible.
public sealed class ReviewsDueModel(UserContext user, SencoDbContext db, AuditLog audit, TimeProvider clock) : SchoolPageModel(user)
{
    public static readonly int[] Windows = [14, 30, 60, 90];
    [BindProperty(SupportsGet = true)] public int Within { get; set; } = 30;
    public IReadOnlyList<(string Staff, IReadOnlyList<DueReview> Items)> Groups { get; private set; } = [];
    public int OverdueCount { get; private set; }
    public int Count { get; private set; }
    public int PassportMonths { get; private set; }
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ViewPlans) is { } denied) return denied;
        if (!Windows.Contains(Within)) Within = 30;
        var items = await ReviewsDueQuery.RunAsync(db, School.SchoolId, Today, Within, ct);
        Groups = ReviewsDueQuery.ByStaff(items);
        Count = items.Count;
        OverdueCount = items.Count(i => i.State == Senco.Core.Graduated.DueState.Overdue);
        PassportMonths = await GraduatedSettingsStore.PassportReviewMonthsAsync(db, School.SchoolId, ct);
        audit.Read("reviews-due.read", $"Viewed reviews due within {Within} days ({Count} items)", School.SchoolId);
        return Page();
    }
}
