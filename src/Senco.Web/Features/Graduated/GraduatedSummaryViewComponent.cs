using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Core.Graduated;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.SupportPlans;

namespace Senco.Web.Features.Graduated;

/// The graduated approach on a pupil's record: the current support plan and its review, the passport, and the
/// prompt to record that the parents were told when SEN support started. Shows only what the user's role may see.
public sealed class GraduatedSummaryViewComponent(SencoDbContext db, UserContext user, GraduatedAccess access, TimeProvider clock) : ViewComponent
{
    public sealed record Summary(Pupil Pupil, bool CanViewPlans, bool CanManagePlans, bool CanViewPassport, bool CanApprovePassport,
        SupportPlan? Plan, int Cycles, LearningPassport? Passport, DateOnly? PassportDue, bool ParentsNotYetTold, DateOnly Today);

    public async Task<IViewComponentResult> InvokeAsync(Pupil pupil)
    {
        var school = user.School(pupil.SchoolId);
        if (school is null) return Content("");
        var canViewPlans = school.Can(Permission.ViewPlans);
        var canViewPassport = school.Can(Permission.ViewPassports) &&
            (!access.LimitedToPupilsTaught(pupil.SchoolId, Permission.ViewPassports) || await access.TeachesAsync(pupil.SchoolId, pupil.Id, HttpContext.RequestAborted));
        if (!canViewPlans && !canViewPassport) return Content("");

        var ct = HttpContext.RequestAborted;
        SupportPlan? plan = null;
        var cycles = 0;
        var notTold = false;
        if (canViewPlans)
        {
            plan = await db.SupportPlans.AsNoTracking().FirstOrDefaultAsync(p => p.PupilId == pupil.Id && p.Status == SupportPlanStatus.Current, ct);
            cycles = await db.SupportPlans.CountAsync(p => p.PupilId == pupil.Id, ct);
            notTold = SupportPlanCommands.ParentsNotYetTold(pupil, await db.ParentsInformed.AsNoTracking().Where(r => r.PupilId == pupil.Id).ToListAsync(ct));
        }
        LearningPassport? passport = null;
        DateOnly? due = null;
        if (canViewPassport)
        {
            passport = await db.Passports.AsNoTracking().FirstOrDefaultAsync(p => p.PupilId == pupil.Id, ct);
            if (passport is not null) due = ReviewSchedule.PassportReviewDue(passport.LastReviewedOn, await GraduatedSettingsStore.PassportReviewMonthsAsync(db, pupil.SchoolId, ct));
        }
        return View(new Summary(pupil, canViewPlans, school.Can(Permission.ManagePlans), canViewPassport, school.Can(Permission.ApprovePassport),
            plan, cycles, passport, due, notTold, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
    }
}
