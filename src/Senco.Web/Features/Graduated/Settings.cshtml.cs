using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Data;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Graduated;

/// The SENCO's settings for the graduated approach: how long a passport may go without review.
public sealed class SettingsModel(UserContext user, SencoDbContext db) : SchoolPageModel(user)
{
    [BindProperty, Display(Name = "Review passports every")] public int? PassportReviewMonths { get; set; }
    [TempData] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ManageGraduatedSettings) is { } denied) return denied;
        PassportReviewMonths = await GraduatedSettingsStore.PassportReviewMonthsAsync(db, School.SchoolId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ManageGraduatedSettings) is { } denied) return denied;
        if (!ModelState.IsValid)
        {
            ModelState.Remove(nameof(PassportReviewMonths));
            ModelState.AddModelError(nameof(PassportReviewMonths), "Enter a whole number of months, from 1 to 12");
            return Page();
        }
        var outcome = await GraduatedSettingsStore.SetPassportReviewMonthsAsync(db, CurrentUser, urn, PassportReviewMonths, ct);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            FormErrors.AddTo(ModelState, outcome.Errors!, prefix: "");
            return Page();
        }
        Notice = $"Passports are now due for review {PassportReviewMonths} month{(PassportReviewMonths == 1 ? "" : "s")} after they were last reviewed.";
        return Redirect($"/schools/{urn}/graduated-settings");
    }
}
