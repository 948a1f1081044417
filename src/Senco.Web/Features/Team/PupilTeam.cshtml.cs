using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Team;

/// One pupil's team around the child at a glance: contacts, referrals, voice, meetings, safeguarding, documents.
public sealed class PupilTeamModel(TeamAccess access, TeamQueries queries, AuditLog audit) : TeamPageModel(access)
{
    public PupilTeam Team { get; private set; } = null!;
    public bool MayOpenRestricted { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadPupilAsync(id, Permission.ViewTeam, ct) is { } denied) return denied;
        Team = await queries.PupilAsync(id, ct);
        MayOpenRestricted = await Access.MayOpenRestrictedAsync(Pupil.SchoolId, ct);
        audit.Read("team.read", $"Viewed the team around {Pupil.Upn}", Pupil.SchoolId, id);
        return Page();
    }
}
