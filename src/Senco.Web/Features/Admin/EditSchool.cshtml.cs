using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Senco.Data;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Admin;

public sealed class EditSchoolModel(UserContext user, AdminCommands admin, SencoDbContext db) : AdminPageModel(user)
{
    [BindProperty] public NewSchoolModel.SchoolForm Input { get; set; } = new();
    public string Urn { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        var school = await db.Schools.AsNoTracking().Include(s => s.Trust).FirstOrDefaultAsync(s => s.Urn == urn, ct);
        if (school is null) return NotFound();
        Urn = urn;
        Input = new NewSchoolModel.SchoolForm
        {
            Name = school.Name, Urn = school.Urn, LaCode = school.LaCode, Estab = school.Estab, Phase = school.Phase.ToString(), Trust = school.Trust?.Name,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string urn, CancellationToken ct)
    {
        Urn = urn;
        var outcome = await admin.UpdateSchoolAsync(urn, new SchoolInput(urn, Input.Name, Input.LaCode, Input.Estab, Input.Phase, Input.Trust), ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                TempData["Notice"] = $"{outcome.Value!.Name} has been saved.";
                return Redirect("/admin");
            case OutcomeKind.NotFound: return NotFound();
            case OutcomeKind.Forbidden: return StatusCode(403);
            default:
                AddErrors(outcome.Errors!);
                return Page();
        }
    }
}
