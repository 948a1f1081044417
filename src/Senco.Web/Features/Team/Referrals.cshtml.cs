using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Team;

public sealed class ReferralForm
{
    public Guid? AgencyId { get; set; }
    public string? Reason { get; set; }
    public string? Status { get; set; } = "Draft";
    public DateOnly? SentOn { get; set; }
    public Guid? ConsentId { get; set; }
    public DateOnly? SeenOn { get; set; }
    public string? Outcome { get; set; }

    public ReferralInput ToInput(int? version = null) => new(AgencyId, Reason, SentOn, ConsentId, Status, SeenOn, Outcome, version);

    public static ReferralForm From(Referral r) => new()
    {
        AgencyId = r.AgencyId, Reason = r.Reason, Status = r.Status.ToString(), SentOn = r.SentOn, ConsentId = r.ConsentId, SeenOn = r.SeenOn, Outcome = r.Outcome,
    };

    public static IEnumerable<SelectListItem> StatusItems(string? selected) => TeamText.Items<ReferralStatus>(TeamText.Status, selected);

    public static IEnumerable<SelectListItem> ConsentItems(IEnumerable<ConsentRecord> consents, Guid? selected) =>
        new[] { new SelectListItem("No consent recorded yet", "") }
            .Concat(consents.Where(c => c.InPlace || c.Id == selected).Select(c => new SelectListItem($"{c.Purpose}, given by {c.GivenBy} on {Senco.Core.Dates.Long(c.GivenOn)}{(c.InPlace ? "" : " (withdrawn)")}", c.Id.ToString(), c.Id == selected)));
}

/// A pupil's referrals to agencies, and making a new one (with the consent it rests on).
public sealed class ReferralsModel(TeamAccess access, TeamQueries queries, TeamCommands commands, AuditLog audit) : TeamPageModel(access)
{
    [BindProperty] public ReferralForm Input { get; set; } = new();
    public PupilTeam Team { get; private set; } = null!;
    public IReadOnlyList<AgencyWaits> Agencies { get; private set; } = [];
    public IEnumerable<SelectListItem> AgencyItems => new[] { new SelectListItem("Choose an agency", "") }
        .Concat(Agencies.Where(a => !a.Agency.Archived).Select(a => new SelectListItem($"{a.Agency.Name} ({TeamText.Kind(a.Agency.Kind)})", a.Agency.Id.ToString(), a.Agency.Id == Input.AgencyId)));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadPupilAsync(id, Permission.ViewTeam, ct) is { } denied) return denied;
        await LoadAsync(ct);
        audit.Read("referral.list", $"Viewed the referrals of {Pupil.Upn}", Pupil.SchoolId, id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadPupilAsync(id, Permission.ManageTeam, ct) is { } denied) return denied;
        if (ModelState.IsValid)
        {
            var outcome = await commands.CreateReferralAsync(id, Input.ToInput(), ct);
            if (outcome.IsOk)
            {
                Notice = "The referral has been recorded.";
                return Redirect($"/referrals/{outcome.Value!.Id}");
            }
            if (Deny(outcome.Kind) is { } d) return d;
            AddErrors(outcome.Errors!, "Input");
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Team = await queries.PupilAsync(Pupil.Id, ct);
        Agencies = await queries.AgenciesAsync(Pupil.SchoolId, ct);
    }
}
