using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Transfers;

/// The reminder on the school's home page: leavers whose CTF and SEN file have not been recorded as sent, for those who send them.
public sealed class TransfersDueViewComponent(SencoDbContext db, UserContext user, TimeProvider clock) : ViewComponent
{
    public sealed record Model(string Urn, IReadOnlyList<PupilTransfer> Due, DateOnly Today);

    public async Task<IViewComponentResult> InvokeAsync(string urn)
    {
        var school = user.School(urn);
        if (school is null || !school.Can(Permission.SendTransferPacks)) return Content("");
        var due = await db.PupilTransfers.AsNoTracking().Include(t => t.Pupil)
            .Where(t => t.SchoolId == school.SchoolId && t.SentOn == null).OrderBy(t => t.DueOn).Take(20).ToListAsync(HttpContext.RequestAborted);
        if (due.Count == 0) return Content("");
        return View("~/Features/Transfers/_TransfersDue.cshtml", new Model(urn, due, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
    }
}

/// On a pupil's record: their former UPN and census indicators, whether they have left (and the transfer), and the actions.
public sealed class TransferSummaryViewComponent(SencoDbContext db, UserContext user) : ViewComponent
{
    public sealed record Model(Pupil Pupil, bool CanEdit, bool CanSend, PupilTransfer? Transfer);

    // On every pupil's record: compiled (see CompiledQuery).
    private static readonly CompiledQuery<Func<SencoDbContext, Guid, CancellationToken, Task<PupilTransfer?>>> LatestTransfer = new(() =>
        EF.CompileAsyncQuery((SencoDbContext db, Guid pupilId, CancellationToken ct) =>
            db.PupilTransfers.AsNoTracking().Where(t => t.PupilId == pupilId).OrderByDescending(t => t.CreatedAt).FirstOrDefault()));

    public async Task<IViewComponentResult> InvokeAsync(Pupil pupil)
    {
        var school = user.School(pupil.SchoolId);
        if (school is null || !school.Can(Permission.ViewPupils)) return Content("");
        var transfer = await LatestTransfer.For(db)(db, pupil.Id, HttpContext.RequestAborted);
        return View("~/Features/Transfers/_TransferSummary.cshtml", new Model(pupil, school.Can(Permission.EditPupilDetails), school.Can(Permission.SendTransferPacks), transfer));
    }
}
