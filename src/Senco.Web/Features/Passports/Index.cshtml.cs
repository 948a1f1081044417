using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Core.Graduated;
using Senco.Core.Model;
using Senco.Core.Sen;
using Senco.Data;
using Senco.Web.Features.Graduated;
using Senco.Web.Features.Shared;
using Senco.Web.Features.Shared.Access;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Passports;

/// Learning passports of the school. A class teacher sees the pupils they teach, class by class, with whether they
/// have read each passport; the SENCO sees every passport, its review date and the changes waiting for approval.
public sealed class IndexModel(UserContext user, GraduatedAccess access, SencoDbContext db, AuditLog audit, TimeProvider clock) : SchoolPageModel(user)
{
    public sealed record Row(Guid PupilId, string Name, string YearGroup, SenStatus Status, Guid? PassportId, int? Version, DateOnly? LastReviewed,
        DateOnly? ReviewDue, string? KeptBy, int Readers, int Pending, DateTime? MyReadAt, bool MyReadCurrent, int PlanStrategies);

    public sealed record Group(string Name, IReadOnlyList<Row> Rows);

    [BindProperty(SupportsGet = true)] public string? Show { get; set; }
    public bool TeacherView { get; private set; }
    public IReadOnlyList<Group> Groups { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<(PassportProposal Proposal, string Pupil)> Pending { get; private set; } = [];
    public int IntervalMonths { get; private set; }
    public bool CanApprove => School.Can(Permission.ApprovePassport);
    public bool CanManageSettings => School.Can(Permission.ManageGraduatedSettings);
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync(string urn, CancellationToken ct)
    {
        if (Authorise(urn, Permission.ViewPassports) is { } denied) return denied;
        IntervalMonths = await GraduatedSettingsStore.PassportReviewMonthsAsync(db, School.SchoolId, ct);
        TeacherView = access.LimitedToPupilsTaught(School.SchoolId, Permission.ViewPassports);

        if (TeacherView)
        {
            var groups = await db.TeachingGroups.AsNoTracking().Include(g => g.Pupils).ThenInclude(p => p.Pupil)
                .Where(g => g.SchoolId == School.SchoolId && g.Teachers.Any(t => t.UserId == CurrentUser.UserId))
                .OrderBy(g => g.Name).AsSplitQuery().ToListAsync(ct);
            var pupils = groups.SelectMany(g => g.Pupils.Select(p => p.Pupil!)).Where(p => p.OnRoll).DistinctBy(p => p.Id).ToList();
            var rows = await RowsAsync(pupils, ct);
            // Pupils with a passport or on the register: a teacher needs to know about them; others have nothing to read.
            Groups = groups.Select(g => new Group(g.Name + (g.YearGroup is null ? "" : $" ({Senco.Core.Pupils.YearGroups.Label(g.YearGroup)})"),
                    g.Pupils.Where(p => rows.ContainsKey(p.PupilId)).Select(p => rows[p.PupilId]).Where(r => r.PassportId is not null || r.Status != SenStatus.N)
                        .OrderBy(r => r.Name).ToList()))
                .ToList();
            audit.Read("passports.list", $"Viewed the passports of the pupils they teach ({rows.Count} pupils)", School.SchoolId);
            return Page();
        }

        var withPassport = db.Passports.Where(p => p.SchoolId == School.SchoolId).Select(p => p.PupilId);
        var list = await db.Pupils.AsNoTracking()
            .Where(p => p.SchoolId == School.SchoolId && p.OnRoll && (p.SenStatus != SenStatus.N || withPassport.Contains(p.Id)))
            .OrderBy(p => p.Surname).ThenBy(p => p.Forename).ToListAsync(ct);
        var all = (await RowsAsync(list, ct)).Values.OrderBy(r => r.Name).ToList();
        Rows = Show switch
        {
            "due" => all.Where(r => r.ReviewDue is { } d && ReviewSchedule.StateOf(d, Today) != DueState.NotDue).ToList(),
            "none" => all.Where(r => r.PassportId is null).ToList(),
            "pending" => all.Where(r => r.Pending > 0).ToList(),
            _ => all,
        };
        if (CanApprove)
        {
            var pending = await db.PassportProposals.AsNoTracking().Where(p => p.SchoolId == School.SchoolId && p.Status == ProposalStatus.Pending)
                .OrderBy(p => p.ProposedAt).ToListAsync(ct);
            var names = list.ToDictionary(p => p.Id, p => p.FullName);
            Pending = pending.Select(p => (p, names.GetValueOrDefault(p.PupilId) ?? "a pupil")).ToList();
        }
        audit.Read("passports.list", $"Viewed the learning passports of the school ({Rows.Count} pupils)", School.SchoolId);
        return Page();
    }

    private async Task<Dictionary<Guid, Row>> RowsAsync(IReadOnlyList<Pupil> pupils, CancellationToken ct)
    {
        var ids = pupils.Select(p => p.Id).ToList();
        var passports = await db.Passports.AsNoTracking().Where(p => ids.Contains(p.PupilId)).ToDictionaryAsync(p => p.PupilId, ct);
        var passportIds = passports.Values.Select(p => p.Id).ToList();
        var readings = await db.PassportReadings.AsNoTracking().Where(r => passportIds.Contains(r.PassportId))
            .Select(r => new { r.PassportId, r.UserId, r.Version, r.ReadAt }).ToListAsync(ct);
        var pending = await db.PassportProposals.AsNoTracking().Where(p => passportIds.Contains(p.PassportId) && p.Status == ProposalStatus.Pending)
            .GroupBy(p => p.PassportId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var strategies = await db.PlanStrategies.AsNoTracking()
            .Join(db.SupportPlans.Where(p => p.Status == SupportPlanStatus.Current && ids.Contains(p.PupilId)), s => s.PlanId, p => p.Id, (s, p) => p.PupilId)
            .GroupBy(id => id).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var me = CurrentUser.UserId;
        return pupils.ToDictionary(p => p.Id, p =>
        {
            var pp = passports.GetValueOrDefault(p.Id);
            var mine = pp is null ? null : readings.Where(r => r.PassportId == pp.Id && r.UserId == me).OrderByDescending(r => r.ReadAt).FirstOrDefault();
            return new Row(p.Id, $"{p.Surname}, {p.Forename}", p.YearGroup, p.SenStatus, pp?.Id, pp?.Version, pp?.LastReviewedOn,
                pp is null ? null : ReviewSchedule.PassportReviewDue(pp.LastReviewedOn, IntervalMonths), pp?.KeptByName,
                pp is null ? 0 : readings.Where(r => r.PassportId == pp.Id).Select(r => r.UserId).Distinct().Count(),
                pp is null ? 0 : pending.GetValueOrDefault(pp.Id), mine?.ReadAt, mine is not null && mine.Version == pp!.Version,
                strategies.GetValueOrDefault(p.Id));
        });
    }
}
