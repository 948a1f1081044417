using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Ehc;

/// The school's statutory clock: everything overdue (always, however old) at the top in red, then what falls
/// due within the chosen window, each linked to the record where it is done.
public sealed class DeadlinesModel(UserContext user, StatutoryClockQuery query, AuditLog audit) : SchoolPageModel(user)
{
    public static readonly int[] Windows = [14, 30, 60, 90, 180];
    [BindProperty(SupportsGet = true)] public int WithinDays { get; set; } = EhcApi.DefaultWithinDays;
    public IReadOnlyList<DeadlineItem> Overdue { get; private set; } = [];
    public IReadOnlyList<DeadlineItem> DueSoon { get; private set; } = [];
    public DateOnly Today => query.Today;

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ViewEhc) is { } denied) return denied;
        if (!Windows.Contains(WithinDays)) WithinDays = EhcApi.DefaultWithinDays;
        var items = await query.ForSchoolsAsync([School.SchoolId], WithinDays, ct);
        Overdue = items.Where(i => i.Overdue).ToList();
        DueSoon = items.Where(i => !i.Overdue).ToList();
        audit.Read("ehc.deadlines.read", $"Opened the statutory deadlines ({items.Count})", School.SchoolId);
        return Page();
    }
}
