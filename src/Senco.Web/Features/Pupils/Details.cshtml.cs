using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Pupils;

/// A pupil's record: details, SEN status and ranked needs today, and the timeline of every change.
public sealed class DetailsModel(UserContext user, PupilFinder finder, SencoDbContext db, AuditLog audit) : PageModel
{
    public Pupil Pupil { get; private set; } = null!;
    public SchoolGrant School { get; private set; } = null!;
    public IReadOnlyList<PupilEvent> Timeline { get; private set; } = [];
    public bool CanEdit => School.Can(Permission.EditPupilDetails);
    public bool CanChangeSen => School.Can(Permission.ChangeSenStatus);
    [TempData] public string? Notice { get; set; }

    // The most opened page: its queries are compiled (see CompiledQuery).
    private static readonly CompiledQuery<Func<SencoDbContext, Guid, IAsyncEnumerable<PupilEvent>>> TimelineQuery = new(() =>
        EF.CompileAsyncQuery<SencoDbContext, Guid, PupilEvent>((db, id) =>
            db.PupilEvents.AsNoTracking().Where(e => e.PupilId == id).OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.Id)));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var found = await finder.FindAsync(id, Permission.ViewPupils, ct: ct);
        if (found.Kind == OutcomeKind.NotFound) return NotFound();
        if (found.Kind == OutcomeKind.Forbidden) return StatusCode(403);
        Pupil = found.Value!;
        School = user.School(Pupil.SchoolId)!;
        ViewData["SchoolUrn"] = School.Urn;
        // The timeline reads by when things happened, not when they were typed; ties by entry order.
        Timeline = await TimelineQuery.For(db)(db, id).ToListAsync(ct);
        audit.Read("pupil.read", $"Opened the record of {Pupil.Upn}", Pupil.SchoolId, Pupil.Id);
        return Page();
    }
}
