using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Senco.Data;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Admin;

public sealed class UsersModel(UserContext user, SencoDbContext db) : AdminPageModel(user)
{
    public sealed record Row(SencoUser User, IReadOnlyList<string> Roles);
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public IReadOnlyList<Row> Users { get; private set; } = [];
    [TempData] public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var q = db.Users.AsNoTracking().Include(u => u.Memberships).ThenInclude(m => m.School).AsQueryable();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var term = Q.Trim().ToUpperInvariant();
            q = q.Where(u => u.NormalizedEmail!.Contains(term) || u.DisplayName.ToUpper().Contains(term));
        }
        var users = await q.OrderBy(u => u.DisplayName).Take(500).ToListAsync(ct);
        Users = users.Select(u => new Row(u, u.Memberships.OrderBy(m => m.School!.Name)
            .Select(m => $"{Senco.Core.Access.RolePermissions.Describe(m.Role)} at {m.School!.Name}").ToList())).ToList();
    }
}
