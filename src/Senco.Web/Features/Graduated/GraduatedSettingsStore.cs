using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Core.Graduated;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;

namespace Senco.Web.Features.Graduated;

/// The school's settings for the graduated approach; a school that never chose gets the defaults.
public static class GraduatedSettingsStore
{
    public static async Task<int> PassportReviewMonthsAsync(SencoDbContext db, int schoolId, CancellationToken ct = default) =>
        await db.GraduatedSettings.AsNoTracking().Where(s => s.SchoolId == schoolId).Select(s => (int?)s.PassportReviewMonths).FirstOrDefaultAsync(ct)
        ?? ReviewSchedule.DefaultPassportReviewMonths;

    public static async Task<Outcome<GraduatedSettings>> SetPassportReviewMonthsAsync(SencoDbContext db, UserContext user, string urn, int? months, CancellationToken ct = default)
    {
        var school = user.School(urn);
        if (school is null) return Outcome<GraduatedSettings>.NotFound();
        if (!school.Can(Permission.ManageGraduatedSettings)) return Outcome<GraduatedSettings>.Forbidden();
        var errors = ReviewSchedule.ValidatePassportInterval(months);
        if (!errors.IsValid) return Outcome<GraduatedSettings>.Invalid(errors);
        var settings = await db.GraduatedSettings.FirstOrDefaultAsync(s => s.SchoolId == school.SchoolId, ct);
        if (settings is null) db.GraduatedSettings.Add(settings = new GraduatedSettings { SchoolId = school.SchoolId });
        var before = settings.PassportReviewMonths;
        settings.PassportReviewMonths = months!.Value;
        settings.UpdatedAt = DateTime.UtcNow;
        settings.UpdatedBy = user.Name;
        db.Audit(user.Actor, "settings.passport-interval", $"Passport review interval set to {months} month(s) (was {before})", school.SchoolId);
        await db.SaveChangesAsync(ct);
        return Outcome<GraduatedSettings>.Ok(settings);
    }
}
