using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Provision;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Interventions;

/// When a pupil joined and left a group: a pupil leaving midway pays only for their time in it.
public sealed class MembershipModel(UserContext user, ProvisionAccess access, SencoDbContext db, GroupCommands commands) : PageModel
{
    [BindProperty, Display(Name = "Joined on")] public DateOnly? JoinedOn { get; set; }
    [BindProperty, Display(Name = "Left on")] public DateOnly? LeftOn { get; set; }
    public InterventionGroup Group { get; private set; } = null!;
    public GroupPupil Member { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid pupilId, CancellationToken ct)
    {
        if (await LoadAsync(id, pupilId, ct) is { } denied) return denied;
        JoinedOn = Member.JoinedOn;
        LeftOn = Member.LeftOn;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid pupilId, CancellationToken ct)
    {
        if (await LoadAsync(id, pupilId, ct) is { } denied) return denied;
        var outcome = await commands.UpdatePupilAsync(id, pupilId, JoinedOn, LeftOn, ct);
        if (outcome.IsOk)
        {
            TempData["Notice"] = $"{Member.Pupil!.FullName}'s dates have been saved.";
            return Redirect($"/interventions/{id}");
        }
        if (outcome.Errors is null) return outcome.Kind == OutcomeKind.NotFound ? NotFound() : StatusCode(403);
        foreach (var (field, messages) in outcome.Errors)
            foreach (var m in messages)
            {
                var key = field == "joinedOn" ? nameof(JoinedOn) : nameof(LeftOn);
                if (ModelState.TryGetValue(key, out var e) && e.Errors.Count > 0) continue;
                ModelState.AddModelError(key, m);
            }
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid pupilId, CancellationToken ct)
    {
        var found = await access.FindGroupAsync(id, Permission.ManageProvision, ct: ct);
        if (found.Kind == OutcomeKind.NotFound) return NotFound();
        if (found.Kind == OutcomeKind.Forbidden) return StatusCode(403);
        Group = found.Value!;
        ViewData["SchoolUrn"] = user.School(Group.SchoolId)!.Urn;
        var member = await db.GroupPupils.AsNoTracking().Include(m => m.Pupil).FirstOrDefaultAsync(m => m.GroupId == id && m.PupilId == pupilId, ct);
        if (member is null) return NotFound();
        Member = member;
        return null;
    }
}
