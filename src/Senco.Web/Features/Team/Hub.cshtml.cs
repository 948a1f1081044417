using Microsoft.AspNetCore.Mvc;
using Senco.Core.Access;
using Senco.Core.Model;

namespace Senco.Web.Features.Team;

/// The team around the child for a school: my tasks, referrals waiting, meetings coming up, agencies and the way
/// to staff development and the safeguarding designations. Anyone with a role but governors sees their own tasks.
public sealed class HubModel(TeamAccess access, TeamQueries queries, TeamCommands commands, StaffDevelopment development) : TeamPageModel(access)
{
    public IReadOnlyList<MeetingAction> Tasks { get; private set; } = [];
    public IReadOnlyList<(Referral Referral, Pupil Pupil)> Waiting { get; private set; } = [];
    public IReadOnlyList<(Meeting Meeting, Pupil? Pupil)> Meetings { get; private set; } = [];
    public IReadOnlyList<AgencyWaits> Agencies { get; private set; } = [];
    public bool CanView => School.Can(Permission.ViewTeam);
    public IReadOnlyList<StaffMember> Appraisals { get; private set; } = [];
    public IReadOnlyList<Pupil> WithNotes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (LoadSchool(urn, Permission.ViewPupils) is { } denied) return denied;
        Tasks = (await commands.MyTasksAsync(ct: ct)).Where(t => t.SchoolId == School.SchoolId).ToList();
        Appraisals = await development.AppraisalsVisibleAsync(School.SchoolId, ct);
        WithNotes = await Access.PupilsWithNotesAsync(School.SchoolId, ct);
        if (CanView)
        {
            Waiting = await queries.WaitingAsync(School.SchoolId, ct);
            Meetings = (await queries.MeetingsAsync(School.SchoolId, upcoming: true, ct)).Take(10).ToList();
            Agencies = await queries.AgenciesAsync(School.SchoolId, ct);
        }
        return Page();
    }
}
