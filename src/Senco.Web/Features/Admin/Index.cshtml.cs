using Microsoft.EntityFrameworkCore;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Admin;

public sealed class IndexModel(UserContext user, SencoDbContext db) : AdminPageModel(user)
{
    public sealed record SchoolRow(School School, int People, int Pupils);
    public IReadOnlyList<SchoolRow> Schools { get; private set; } = [];
    [Microsoft.AspNetCore.Mvc.TempData] public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var schools = await db.Schools.AsNoTracking().Include(s => s.Trust).OrderBy(s => s.Trust!.Name).ThenBy(s => s.Name).ToListAsync(ct);
        var people = await db.Memberships.AsNoTracking().GroupBy(m => m.SchoolId).Select(g => new { g.Key, Count = g.Select(m => m.UserId).Distinct().Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        // Counts only: an administrator manages the installation, not pupils' records.
        var pupils = await db.Pupils.IgnoreQueryFilters().AsNoTracking().Where(p => p.OnRoll).GroupBy(p => p.SchoolId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        Schools = schools.Select(s => new SchoolRow(s, people.GetValueOrDefault(s.Id), pupils.GetValueOrDefault(s.Id))).ToList();
    }
}
