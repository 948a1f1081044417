using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Senco.Core.Schools;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Admin;

public sealed class NewSchoolModel(UserContext user, AdminCommands admin) : AdminPageModel(user)
{
    public sealed class SchoolForm
    {
        [Display(Name = "School name")] public string? Name { get; set; }
        [Display(Name = "URN")] public string? Urn { get; set; }
        [Display(Name = "Local authority code")] public string? LaCode { get; set; }
        [Display(Name = "Establishment number")] public string? Estab { get; set; }
        [Display(Name = "Phase")] public string? Phase { get; set; }
        [Display(Name = "Trust")] public string? Trust { get; set; }
    }

    [BindProperty] public SchoolForm Input { get; set; } = new();

    public static IEnumerable<SelectListItem> PhaseItems => new[] { new SelectListItem("Select phase", "") }
        .Concat(Enum.GetValues<Phase>().Select(p => new SelectListItem(p switch
        {
            Phase.AllThrough => "All-through", Phase.AlternativeProvision => "Alternative provision", _ => p.ToString(),
        }, p.ToString())));

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await admin.CreateSchoolAsync(new SchoolInput(Input.Urn, Input.Name, Input.LaCode, Input.Estab, Input.Phase, Input.Trust), ct);
        if (outcome.IsOk)
        {
            TempData["Notice"] = $"{outcome.Value!.Name} has been added.";
            return Redirect("/admin");
        }
        if (outcome.Errors is not null) AddErrors(outcome.Errors);
        return outcome.Kind == OutcomeKind.Forbidden ? StatusCode(403) : Page();
    }
}
