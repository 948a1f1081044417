using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Ehc;

/// A trust SEND lead's clock across every school of their trust: overdue first, then due soon, by school.
public sealed class TrustDeadlinesModel(UserContext user, StatutoryClockQuery query, AuditLog audit) : EhcPageModel
{
    [BindProperty(SupportsGet = true)] public int WithinDays { get; set; } = EhcApi.DefaultWithinDays;
    public IReadOnlyList<SchoolGrant> Schools { get; private set; } = [];
    public IReadOnlyList<DeadlineItem> Overdue { get; private set; } = [];
    public IReadOnlyList<DeadlineItem> DueSoon { get; private set; } = [];
    public DateOnly Today => query.Today;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Schools = user.Schools.Where(s => s.Roles.Contains(SchoolRole.TrustLead) && s.Can(Permission.ViewEhc)).ToList();
        if (Schools.Count == 0) return StatusCode(StatusCodes.Status403Forbidden);
        if (!DeadlinesModel.Windows.Contains(WithinDays)) WithinDays = EhcApi.DefaultWithinDays;
        var items = await query.ForSchoolsAsync(Schools.Select(s => s.SchoolId).ToList(), WithinDays, ct);
        Overdue = items.Where(i => i.Overdue).ToList();
        DueSoon = items.Where(i => !i.Overdue).ToList();
        audit.Read("ehc.deadlines.trust", $"Opened the trust's statutory deadlines ({items.Count}) across {Schools.Count} schools");
        return Page();
    }
}
