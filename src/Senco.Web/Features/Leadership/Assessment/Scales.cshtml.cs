using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Leadership.Assessment;

/// The school's own scales: a name, numbers or grades in order, and optionally the expected standard.
public sealed class ScalesModel(UserContext user, SencoDbContext db, AssessmentCommands commands) : SchoolPageModel(user)
{
    public sealed class Form
    {
        public string? Name { get; set; }
        public string? Kind { get; set; }
        public string? Grades { get; set; }
        public string? ExpectedFrom { get; set; }
    }

    [BindProperty] public Form Input { get; set; } = new();
    public IReadOnlyList<AssessmentScale> Scales { get; private set; } = [];
    public static IEnumerable<SelectListItem> KindItems =>
        [new("Grades in order, lowest first", "Grades"), new("Numbers", "Numeric")];

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.RecordAssessments) is { } denied) return denied;
        Scales = await AssessmentQueries.ScalesAsync(db, School.SchoolId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.RecordAssessments) is { } denied) return denied;
        var outcome = await commands.CreateScaleAsync(urn, new ScaleInput(Input.Name, Input.Kind, Input.Grades, Input.ExpectedFrom), ct);
        if (outcome.IsOk)
        {
            TempData["Notice"] = $"Scale {outcome.Value!.Name} added";
            return Redirect($"/schools/{urn}/assessments/scales");
        }
        if (outcome.Errors is { } e) AddErrors(e);
        Scales = await AssessmentQueries.ScalesAsync(db, School.SchoolId, ct);
        return Page();
    }
}
