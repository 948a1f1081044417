using Microsoft.EntityFrameworkCore;
using Senco.Core.Graduated;
using Senco.Core.Model;
using Senco.Data;

namespace Senco.Web.Features.Graduated;

public enum ReviewKind { SupportPlan, Passport }

/// One review that is due or overdue: a current support plan cycle, or a passport older than the school's interval.
public sealed record DueReview(ReviewKind Kind, Guid PupilId, string PupilName, string YearGroup, Guid RecordId, int? Cycle,
    DateOnly DueOn, DueState State, Guid? StaffUserId, string? StaffName);

/// The reviews a school has due within a window or already missed, by the member of staff responsible: the plan's
/// lead, or the adult who keeps the passport up to date.
public static class ReviewsDueQuery
{
    public const string NoOneNamed = "No one named";

    public static async Task<IReadOnlyList<DueReview>> RunAsync(SencoDbContext db, int schoolId, DateOnly today, int withinDays, CancellationToken ct = default)
    {
        var until = today.AddDays(withinDays);
        var plans = await db.SupportPlans.AsNoTracking()
            .Where(p => p.SchoolId == schoolId && p.Status == SupportPlanStatus.Current && p.ReviewDue <= until && p.Pupil!.OnRoll)
            .Select(p => new { p.Id, p.PupilId, p.Pupil!.Forename, p.Pupil.Surname, p.Pupil.YearGroup, p.Cycle, p.ReviewDue, p.LeadUserId, p.LeadName })
            .ToListAsync(ct);

        var months = await GraduatedSettingsStore.PassportReviewMonthsAsync(db, schoolId, ct);
        // Reviewed on or before this date means due by the window's end.
        var reviewedBy = until.AddMonths(-months);
        var passports = await db.Passports.AsNoTracking()
            .Where(p => p.SchoolId == schoolId && p.LastReviewedOn <= reviewedBy && p.Pupil!.OnRoll)
            .Select(p => new { p.Id, p.PupilId, p.Pupil!.Forename, p.Pupil.Surname, p.Pupil.YearGroup, p.LastReviewedOn, p.KeptByUserId, p.KeptByName })
            .ToListAsync(ct);

        var items = plans.Select(p => new DueReview(ReviewKind.SupportPlan, p.PupilId, $"{p.Forename} {p.Surname}", p.YearGroup, p.Id, p.Cycle, p.ReviewDue,
                ReviewSchedule.StateOf(p.ReviewDue, today, withinDays), p.LeadUserId, p.LeadName))
            .Concat(passports.Select(p =>
            {
                var due = ReviewSchedule.PassportReviewDue(p.LastReviewedOn, months);
                return new DueReview(ReviewKind.Passport, p.PupilId, $"{p.Forename} {p.Surname}", p.YearGroup, p.Id, null, due,
                    ReviewSchedule.StateOf(due, today, withinDays), p.KeptByUserId, p.KeptByName);
            }))
            .Where(i => i.DueOn <= until)
            .OrderBy(i => i.DueOn).ThenBy(i => i.PupilName, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return items;
    }

    /// The same items grouped by the member of staff responsible; people by name, and "No one named" last.
    public static IReadOnlyList<(string Staff, IReadOnlyList<DueReview> Items)> ByStaff(IReadOnlyList<DueReview> items) =>
        items.GroupBy(i => i.StaffName ?? NoOneNamed)
            .OrderBy(g => g.Key == NoOneNamed ? 1 : 0).ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => (g.Key, (IReadOnlyList<DueReview>)g.ToList()))
            .ToList();
}
