using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Core.Provision;
using Senco.Data;
using Senco.Web.Features.Provision;

namespace Senco.Web.Features.Deployment;

public sealed class StaffForm
{
    [Display(Name = "Name")] public string? Name { get; set; }
    [Display(Name = "Role")] public string? Role { get; set; }
    [Display(Name = "Contracted hours a week")] public string? ContractedHoursPerWeek { get; set; }
    [Display(Name = "Hourly cost")] public string? HourlyCost { get; set; }
    [Display(Name = "Line manager")] public string? LineManagerId { get; set; }
    [Display(Name = "Senco sign-in")] public string? UserId { get; set; }
    [Display(Name = "Still works here")] public bool Active { get; set; } = true;

    public StaffInput ToInput(ValidationErrors errors)
    {
        Guid? Id(string? s) => Guid.TryParse(s, out var g) ? g : null;
        return new StaffInput(Name, Role, FormValues.Number(ContractedHoursPerWeek, "contractedHoursPerWeek", "Contracted hours", errors),
            FormValues.Money(HourlyCost, "hourlyCost", "The hourly cost", errors), Id(LineManagerId), Id(UserId), Active);
    }

    public static StaffForm From(StaffMember s) => new()
    {
        Name = s.Name, Role = s.Role.ToString(), ContractedHoursPerWeek = FormValues.Text(s.ContractedHoursPerWeek), HourlyCost = FormValues.Text(s.HourlyCost),
        LineManagerId = s.LineManagerId?.ToString(), UserId = s.UserId?.ToString(), Active = s.Active,
    };

    public static IEnumerable<SelectListItem> RoleItems => Enum.GetValues<StaffRole>().Select(r => new SelectListItem(ProvisionMap.Describe(r), r.ToString()));
}

public sealed class StaffChoices
{
    public List<SelectListItem> Managers { get; init; } = [];
    public List<SelectListItem> Users { get; init; } = [];

    public static async Task<StaffChoices> LoadAsync(SencoDbContext db, int schoolId, Guid? self, CancellationToken ct)
    {
        var staff = await db.StaffMembers.AsNoTracking().Where(s => s.SchoolId == schoolId && s.Active && s.Id != self).OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        var users = await db.Memberships.AsNoTracking().Where(m => m.SchoolId == schoolId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.DisplayName, u.Email, m.Role }).ToListAsync(ct);
        return new StaffChoices
        {
            Managers = new[] { new SelectListItem("None recorded", "") }.Concat(staff.Select(s => new SelectListItem(s.Name, s.Id.ToString()))).ToList(),
            Users = new[] { new SelectListItem("No sign-in", "") }.Concat(users.GroupBy(u => u.Id)
                .Select(g => new SelectListItem($"{g.First().DisplayName} ({g.First().Email}; {string.Join(", ", g.Select(x => RolePermissions.Describe(x.Role)))})", g.Key.ToString()))
                .OrderBy(i => i.Text, StringComparer.OrdinalIgnoreCase)).ToList(),
        };
    }
}
