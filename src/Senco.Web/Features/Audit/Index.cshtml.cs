using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Audit;

/// The school's audit trail: who read or changed what, when and from where. For the SENCO and school administrators.
public sealed class IndexModel(UserContext user, SencoDbContext db, AuditWriter writer) : SchoolPageModel(user)
{
    public const int PageSize = 100;
    [BindProperty(SupportsGet = true)] public string? Who { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Pupil { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public IReadOnlyList<string> Actions { get; private set; } = [];
    public Dictionary<Guid, string> PupilNames { get; private set; } = [];
    public bool HasMore { get; private set; }

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ViewAudit) is { } denied) return denied;
        // Reads are queued for writing in the background; flush so the trail is complete up to this moment.
        await writer.FlushAsync(ct);
        var q = db.AuditEntries.AsNoTracking().Where(a => a.SchoolId == School.SchoolId);
        if (!string.IsNullOrWhiteSpace(Who)) q = q.Where(a => a.UserName.ToLower().Contains(Who.Trim().ToLower()));
        if (!string.IsNullOrWhiteSpace(Action)) q = q.Where(a => a.Action == Action);
        if (Pupil is { } pid) q = q.Where(a => a.PupilId == pid);
        PageNumber = Math.Max(1, PageNumber);
        var rows = await q.OrderByDescending(a => a.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        HasMore = rows.Count > PageSize;
        Entries = rows.Take(PageSize).ToList();
        Actions = await db.AuditEntries.AsNoTracking().Where(a => a.SchoolId == School.SchoolId).Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync(ct);
        var ids = Entries.Where(e => e.PupilId != null).Select(e => e.PupilId!.Value).Distinct().ToList();
        PupilNames = await db.Pupils.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => $"{p.Forename} {p.Surname}", ct);
        return Page();
    }

    public string PageUrl(int page) => $"/schools/{School.Urn}/audit" + QueryString.Create(new Dictionary<string, string?>
    {
        ["who"] = Who, ["action"] = Action, ["pupil"] = Pupil?.ToString(), ["page"] = page.ToString(),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();
}
