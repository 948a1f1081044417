using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Core.Graduated;
using Senco.Core.Model;
using Senco.Core.Sen;
using Senco.Data;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.SupportPlans;

namespace Senco.Web.Features.Graduated;

/// The graduated approach on a pupil's record: the current support plan and its review, the passport, and the
/// prompt to record that the parents were told when SEN support started. Shows only what the user's role may see.
public sealed class GraduatedSummaryViewComponent(SencoDbContext db, UserContext user, GraduatedAccess access, TimeProvider clock) : ViewComponent
{
    /// The current plan as the summary shows it.
    public sealed record PlanFacts(Guid Id, int Cycle, DateOnly ReviewDue);

    public sealed record Summary(Pupil Pupil, bool CanViewPlans, bool CanManagePlans, bool CanViewPassport, bool CanApprovePassport,
        PlanFacts? Plan, int Cycles, DateOnly? PassportReviewedOn, DateOnly? PassportDue, bool ParentsNotYetTold, DateOnly Today);

    // The current plan's three columns are three scalar subqueries: SQLite has no lateral join to read one row's
    // columns in a subquery, and the whole summary stays one round trip.
    private sealed record Facts(Guid? PlanId, int? PlanCycle, DateOnly? PlanReviewDue, int Cycles, DateOnly? PassportReviewedOn, int? ReviewMonths);

    private static readonly CompiledQuery<Func<SencoDbContext, Guid, int, CancellationToken, Task<Facts>>> FactsQuery = new(() =>
        EF.CompileAsyncQuery((SencoDbContext db, Guid id, int schoolId, CancellationToken ct) =>
            db.Pupils.AsNoTracking().Where(p => p.Id == id).Select(p => new Facts(
                db.SupportPlans.Where(s => s.PupilId == id && s.Status == SupportPlanStatus.Current).OrderByDescending(s => s.Cycle).ThenBy(s => s.Id).Select(s => (Guid?)s.Id).FirstOrDefault(),
                db.SupportPlans.Where(s => s.PupilId == id && s.Status == SupportPlanStatus.Current).OrderByDescending(s => s.Cycle).ThenBy(s => s.Id).Select(s => (int?)s.Cycle).FirstOrDefault(),
                db.SupportPlans.Where(s => s.PupilId == id && s.Status == SupportPlanStatus.Current).OrderByDescending(s => s.Cycle).ThenBy(s => s.Id).Select(s => (DateOnly?)s.ReviewDue).FirstOrDefault(),
                db.SupportPlans.Count(s => s.PupilId == id),
                db.Passports.Where(x => x.PupilId == id).Select(x => (DateOnly?)x.LastReviewedOn).FirstOrDefault(),
                db.GraduatedSettings.Where(g => g.SchoolId == schoolId).Select(g => (int?)g.PassportReviewMonths).FirstOrDefault()))
            .Single()));

    private static readonly CompiledQuery<Func<SencoDbContext, Guid, IAsyncEnumerable<ParentsInformed>>> ToldQuery = new(() =>
        EF.CompileAsyncQuery((SencoDbContext db, Guid id) => db.ParentsInformed.AsNoTracking().Where(r => r.PupilId == id)));

    public async Task<IViewComponentResult> InvokeAsync(Pupil pupil)
    {
        var school = user.School(pupil.SchoolId);
        if (school is null) return Content("");
        var ct = HttpContext.RequestAborted;
        var canViewPlans = school.Can(Permission.ViewPlans);
        var canViewPassport = school.Can(Permission.ViewPassports) &&
            (!access.LimitedToPupilsTaught(pupil.SchoolId, Permission.ViewPassports) || await access.TeachesAsync(pupil.SchoolId, pupil.Id, ct));
        if (!canViewPlans && !canViewPassport) return Content("");

        // One round trip, compiled, for what the summary shows (it was five queries: a pupil's record is the page opened most).
        var facts = await FactsQuery.For(db)(db, pupil.Id, pupil.SchoolId, ct);

        PlanFacts? plan = null;
        var cycles = 0;
        var notTold = false;
        if (canViewPlans)
        {
            if (facts.PlanId is { } planId) plan = new PlanFacts(planId, facts.PlanCycle!.Value, facts.PlanReviewDue!.Value);
            cycles = facts.Cycles;
            // Only a pupil on the register can be owed the notice; for the others there is nothing to look up.
            if (pupil.SenStatus != SenStatus.N && pupil.OnRegisterSince is not null)
                notTold = SupportPlanCommands.ParentsNotYetTold(pupil, await ToldQuery.For(db)(db, pupil.Id).ToListAsync(ct));
        }
        DateOnly? reviewedOn = null;
        DateOnly? due = null;
        if (canViewPassport && facts.PassportReviewedOn is { } last)
        {
            reviewedOn = last;
            due = ReviewSchedule.PassportReviewDue(last, facts.ReviewMonths ?? ReviewSchedule.DefaultPassportReviewMonths);
        }
        return View(new Summary(pupil, canViewPlans, school.Can(Permission.ManagePlans), canViewPassport, school.Can(Permission.ApprovePassport),
            plan, cycles, reviewedOn, due, notTold, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
    }
}
