using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.DataProtection;

public sealed class RetentionForm
{
    [Display(Name = "Keep records for")] public int? Years { get; set; }
    [Display(Name = "Counting from")] public string? Basis { get; set; }
}

/// The school's retention period and the pupils (off roll) whose records are past it.
public sealed class RetentionModel(UserContext user, RetentionCommands retention) : SchoolPageModel(user)
{
    [BindProperty] public RetentionForm Input { get; set; } = new();
    public RetentionReport Report { get; private set; } = null!;
    [TempData] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ManageRetention) is { } denied) return denied;
        Report = (await retention.ReportAsync(urn, ct)).Value!;
        Input = new RetentionForm { Years = Report.Settings.Years, Basis = Report.Settings.Basis.ToString() };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ManageRetention) is { } denied) return denied;
        if (ModelState.IsValid)
        {
            var outcome = await retention.SaveSettingsAsync(urn, Input.Years, Input.Basis, ct);
            if (outcome.IsOk)
            {
                Notice = $"Records are now kept until {Senco.Core.Exchange.RetentionRules.Describe(outcome.Value!.Basis, outcome.Value.Years)}.";
                return Redirect($"/schools/{urn}/retention");
            }
            AddErrors(outcome.Errors!);
        }
        else
        {
            ModelState.Remove("Input.Years");
            ModelState.AddModelError("Input.Years", "Enter a whole number of years, from 1 to 100");
        }
        Report = (await retention.ReportAsync(urn, ct)).Value!;
        return Page();
    }
}
