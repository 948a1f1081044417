using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.DataProtection;

/// Data and records: importing the roll, subject access requests with their deadlines, and retention.
public sealed class IndexModel(UserContext user, SubjectAccessCommands sar, RetentionCommands retention, TimeProvider clock) : SchoolPageModel(user)
{
    public IReadOnlyList<SubjectAccessRow> Requests { get; private set; } = [];
    public int PastRetention { get; private set; }
    public DateOnly Today { get; private set; }
    [TempData] public string? Notice { get; set; }

    public static bool CanUse(SchoolGrant s) => s.Can(Permission.ImportPupils) || s.Can(Permission.LogSubjectAccess) || s.Can(Permission.ManageRetention);

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        var school = CurrentUser.School(urn);
        if (school is null) return NotFound();
        if (!CanUse(school)) return StatusCode(403);
        Authorise(urn, Permission.ViewAggregates);
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (School.Can(Permission.LogSubjectAccess)) Requests = (await sar.ListAsync(urn, ct)).Value!;
        if (School.Can(Permission.ManageRetention)) PastRetention = (await retention.ReportAsync(urn, ct)).Value!.Past.Count;
        return Page();
    }
}
