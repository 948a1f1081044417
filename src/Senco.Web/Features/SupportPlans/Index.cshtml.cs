using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Core.Graduated;
using Senco.Core.Model;
using Senco.Core.Pupils;
using Senco.Core.Sen;
using Senco.Data;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.SupportPlans;

/// Every pupil on the register with where their support plan stands: no plan yet, or the current cycle and its review.
public sealed class IndexModel(UserContext user, SencoDbContext db, AuditLog audit, TimeProvider clock) : SchoolPageModel(user)
{
    public sealed record Row(Guid PupilId, string Name, string YearGroup, SenStatus Status, Guid? PlanId, int? Cycle, DateOnly? ReviewDue, string? Lead, bool ParentsNotYetTold);

    [BindProperty(SupportsGet = true)] public string? Show { get; set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int WithoutPlan { get; private set; }
    public int Overdue { get; private set; }
    public int NotTold { get; private set; }
    public bool CanManage => School.Can(Permission.ManagePlans);
    public bool CanManageGroups => School.Can(Permission.ManageTeachingGroups);
    public bool CanManageSettings => School.Can(Permission.ManageGraduatedSettings);
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ViewPlans) is { } denied) return denied;
        var pupils = await db.Pupils.AsNoTracking().Where(p => p.SchoolId == School.SchoolId && p.OnRoll && p.SenStatus != SenStatus.N)
            .OrderBy(p => p.Surname).ThenBy(p => p.Forename).ToListAsync(ct);
        var plans = await db.SupportPlans.AsNoTracking().Where(p => p.SchoolId == School.SchoolId && p.Status == SupportPlanStatus.Current)
            .Select(p => new { p.PupilId, p.Id, p.Cycle, p.ReviewDue, p.LeadName }).ToDictionaryAsync(p => p.PupilId, ct);
        var told = (await db.ParentsInformed.AsNoTracking().Where(r => r.SchoolId == School.SchoolId).ToListAsync(ct)).ToLookup(r => r.PupilId);
        var all = pupils.Select(p =>
        {
            var plan = plans.GetValueOrDefault(p.Id);
            return new Row(p.Id, $"{p.Surname}, {p.Forename}", p.YearGroup, p.SenStatus, plan?.Id, plan?.Cycle, plan?.ReviewDue, plan?.LeadName,
                SupportPlanCommands.ParentsNotYetTold(p, told[p.Id]));
        }).ToList();
        Total = all.Count;
        WithoutPlan = all.Count(r => r.PlanId is null);
        Overdue = all.Count(r => r.ReviewDue is { } d && d < Today);
        NotTold = all.Count(r => r.ParentsNotYetTold);
        Rows = Show switch
        {
            "no-plan" => all.Where(r => r.PlanId is null).ToList(),
            "overdue" => all.Where(r => r.ReviewDue is { } d && d < Today).ToList(),
            "not-told" => all.Where(r => r.ParentsNotYetTold).ToList(),
            _ => all,
        };
        audit.Read("plans.list", $"Viewed the support plans of the school ({Rows.Count} pupils)", School.SchoolId);
        return Page();
    }
}
