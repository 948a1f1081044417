using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Data;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Admin;

[Senco.Web.Features.Account.RequireRecentSignIn]
public sealed class NewUserModel(UserContext user, AdminCommands admin, SencoDbContext db) : AdminPageModel(user)
{
    public sealed class UserForm
    {
        [Display(Name = "Name")] public string? DisplayName { get; set; }
        [Display(Name = "Email address")] public string? Email { get; set; }
        [Display(Name = "Password")] public string? Password { get; set; }
        [Display(Name = "School")] public string? SchoolUrn { get; set; }
        [Display(Name = "Role")] public string? Role { get; set; }
    }

    [BindProperty] public UserForm Input { get; set; } = new();
    public IReadOnlyList<SelectListItem> SchoolItems { get; private set; } = [];

    public static IEnumerable<SelectListItem> RoleItems => new[] { new SelectListItem("Select role", "") }
        .Concat(Enum.GetValues<SchoolRole>().Select(r => new SelectListItem(RolePermissions.Describe(r), r.ToString())));

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var memberships = new List<MembershipInput>();
        if (string.IsNullOrEmpty(Input.SchoolUrn) != string.IsNullOrEmpty(Input.Role))
        {
            ModelState.AddModelError(string.IsNullOrEmpty(Input.SchoolUrn) ? "Input.SchoolUrn" : "Input.Role", "Select both a school and a role, or neither");
            return Page();
        }
        if (!string.IsNullOrEmpty(Input.SchoolUrn)) memberships.Add(new MembershipInput(Input.SchoolUrn, Input.Role));
        var outcome = await admin.CreateUserAsync(new UserInput(Input.Email, Input.Password, Input.DisplayName, memberships), ct);
        if (outcome.IsOk)
        {
            TempData["Notice"] = $"{outcome.Value!.DisplayName} can now sign in.";
            return Redirect($"/admin/users/{outcome.Value.Id}");
        }
        if (outcome.Errors is not null)
        {
            FormErrors.AddTo(ModelState, outcome.Errors, map: field => field switch
            {
                "memberships[0].schoolUrn" => "Input.SchoolUrn",
                "memberships[0].role" or "memberships[0]" => "Input.Role",
                _ => null,
            });
        }
        Input.Password = null;
        return outcome.Kind == OutcomeKind.Forbidden ? StatusCode(403) : Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        SchoolItems = new[] { new SelectListItem("Select school", "") }
            .Concat(await db.Schools.AsNoTracking().OrderBy(s => s.Name).Select(s => new SelectListItem(s.Name + " (" + s.Urn + ")", s.Urn)).ToListAsync(ct)).ToList();
}
