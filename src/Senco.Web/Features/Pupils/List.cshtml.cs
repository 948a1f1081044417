using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Core.Pupils;
using Senco.Data;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Pupils;

/// Every pupil on roll, whatever their SEN status: where a SENCO finds a pupil to put on the register.
public sealed class ListModel(UserContext user, SencoDbContext db, AuditLog audit) : SchoolPageModel(user)
{
    public const int PageSize = 50;
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? YearGroup { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<Pupil> Pupils { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool CanAdd => School.Can(Permission.EditPupilDetails);

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ViewPupils) is { } denied) return denied;
        var q = db.Pupils.AsNoTracking().Where(p => p.SchoolId == School.SchoolId && p.OnRoll);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            if (Q.Length > 100) ModelState.AddModelError(nameof(Q), "Search for 100 characters or fewer");
            else
            {
                foreach (var word in Pupil.SearchWords(Q)) q = q.Where(p => p.SearchText.Contains(word));
            }
        }
        var yg = YearGroups.Normalise(YearGroup);
        if (yg is not null) q = q.Where(p => p.YearGroup == yg);
        Total = await q.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Pupils = await q.OrderBy(p => p.Surname).ThenBy(p => p.Forename).ThenBy(p => p.Upn)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        audit.Read("pupils.list", $"Viewed the list of pupils on roll (page {PageNumber}, {Pupils.Count} shown)", School.SchoolId);
        return Page();
    }

    public string PageUrl(int page) => $"/schools/{School.Urn}/pupils" + QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q, ["yearGroup"] = YearGroup, ["page"] = page.ToString(),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();
}
