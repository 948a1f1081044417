using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Senco.Core.Access;
using Senco.Core.Delivery;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Delivery;

public sealed class DeliverySettingsForm
{
    [Display(Name = "Alert when delivery falls below")] public int? ThresholdPercent { get; set; }
    [Display(Name = "Length of the school day")] public int? SchoolDayMinutes { get; set; }
    [Display(Name = "Missed sessions that count as shortfall")] public List<string> ShortfallReasons { get; set; } = [];
    public int? Version { get; set; }
}

/// <summary>
/// The school's delivery settings: the percentage below which a pupil is flagged (two weeks running), which reasons for
/// a missed session count as provision owed and not delivered, and the school day's length (no delivery may be longer).
/// Two people saving at once: the second is told and shown the saved settings.
/// </summary>
public sealed class SettingsModel(UserContext user, DeliveryReports reports, DeliveryCommands commands) : SchoolPageModel(user)
{
    [BindProperty] public DeliverySettingsForm Input { get; set; } = new();
    [TempData] public string? Notice { get; set; }
    public string? Conflict { get; private set; }

    public static IReadOnlyList<SelectListItem> ReasonOptions { get; } =
        Enum.GetValues<MissedReason>().Select(r => new SelectListItem(ShortfallPolicy.Describe(r), r.ToString())).ToList();

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ManageDelivery) is { } denied) return denied;
        Fill(await reports.SettingsAsync(School.SchoolId, ct));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ManageDelivery) is { } denied) return denied;
        if (!ModelState.IsValid) return Page();
        var outcome = await commands.SaveSettingsAsync(urn, Input.ThresholdPercent, Input.SchoolDayMinutes, Input.ShortfallReasons, Input.Version, ct);
        switch (outcome.Kind)
        {
            case Shared.OutcomeKind.Ok:
                Notice = $"The delivery settings have been saved: alert below {outcome.Value!.ThresholdPercent}%.";
                return Redirect($"/schools/{urn}/delivery/settings");
            case Shared.OutcomeKind.Invalid:
                AddErrors(outcome.Errors!);
                return Page();
            case Shared.OutcomeKind.Conflict:
                Conflict = outcome.Message;
                if (outcome.Value is { } current) Input.Version = current.Version;
                ModelState.Remove("Input.Version");
                return Page();
            case Shared.OutcomeKind.NotFound: return NotFound();
            default: return StatusCode(403);
        }
    }

    private void Fill(Senco.Core.Model.DeliverySettings s) => Input = new DeliverySettingsForm
    {
        ThresholdPercent = s.ThresholdPercent, SchoolDayMinutes = s.SchoolDayMinutes, Version = s.Version,
        ShortfallReasons = Enum.GetValues<MissedReason>().Where(s.Policy.Counts).Select(r => r.ToString()).ToList(),
    };
}
