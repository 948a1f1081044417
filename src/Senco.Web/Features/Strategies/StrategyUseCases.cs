using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Core.Graduated;
using Senco.Core.Model;
using Senco.Core.Sen;
using Senco.Data;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Strategies;

public sealed record StrategyInput(string? Area, string? Title, string? Description, bool Archived = false);

/// The school's strategy bank: strategies by broad area of need, reused in plans and passports.
public sealed class StrategyCommands(SencoDbContext db, UserContext user)
{
    /// Anyone who reads plans or passports reads the bank; those who write plans keep it.
    public static bool CanView(SchoolGrant school) => school.Can(Permission.ViewPlans) || school.Can(Permission.ViewPassports);

    public async Task<Outcome<Strategy>> FindAsync(int id, bool manage, CancellationToken ct = default)
    {
        var s = await db.Strategies.IgnoreQueryFilters().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null || user.School(s.SchoolId) is not { } school) return Outcome<Strategy>.NotFound();
        var allowed = manage ? school.Can(Permission.ManagePlans) : CanView(school);
        return allowed ? Outcome<Strategy>.Ok(s) : Outcome<Strategy>.Forbidden();
    }

    public static Task<List<Strategy>> ListAsync(SencoDbContext db, int schoolId, bool includeArchived, CancellationToken ct = default) =>
        db.Strategies.AsNoTracking().Where(s => s.SchoolId == schoolId && (includeArchived || !s.Archived))
            .OrderBy(s => s.Area).ThenBy(s => s.Title).ToListAsync(ct);

    public async Task<Outcome<Strategy>> CreateAsync(string urn, StrategyInput input, CancellationToken ct = default)
    {
        var school = user.School(urn);
        if (school is null) return Outcome<Strategy>.NotFound();
        if (!school.Can(Permission.ManagePlans)) return Outcome<Strategy>.Forbidden();
        var errors = GraduatedRules.ValidateStrategy(input.Area, input.Title, input.Description);
        if (!errors.IsValid) return Outcome<Strategy>.Invalid(errors);
        GraduatedRules.TryParseArea(input.Area, out var area);
        var now = DateTime.UtcNow;
        var s = new Strategy { SchoolId = school.SchoolId, Area = area, Title = input.Title!.Trim(), Description = SupportPlanRules.Clean(input.Description), CreatedAt = now, UpdatedAt = now };
        db.Strategies.Add(s);
        db.Audit(user.Actor, "strategy.create", $"Added \"{s.Title}\" to the strategy bank ({NeedTypes.AreaName(area)})", school.SchoolId);
        await db.SaveChangesAsync(ct);
        return Outcome<Strategy>.Ok(s);
    }

    public async Task<Outcome<Strategy>> UpdateAsync(int id, StrategyInput input, CancellationToken ct = default)
    {
        var found = await FindAsync(id, manage: true, ct);
        if (!found.IsOk) return found;
        var errors = GraduatedRules.ValidateStrategy(input.Area, input.Title, input.Description);
        if (!errors.IsValid) return Outcome<Strategy>.Invalid(errors);
        GraduatedRules.TryParseArea(input.Area, out var area);
        var s = found.Value!;
        db.Attach(s);
        s.Area = area;
        s.Title = input.Title!.Trim();
        s.Description = SupportPlanRules.Clean(input.Description);
        s.Archived = input.Archived;
        s.UpdatedAt = DateTime.UtcNow;
        db.Audit(user.Actor, "strategy.update", $"Changed \"{s.Title}\" in the strategy bank{(s.Archived ? " (no longer offered)" : "")}", s.SchoolId);
        await db.SaveChangesAsync(ct);
        return Outcome<Strategy>.Ok(s);
    }
}
