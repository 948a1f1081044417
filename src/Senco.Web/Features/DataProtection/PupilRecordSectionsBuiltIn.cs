using Microsoft.EntityFrameworkCore;
using Senco.Core.Model;
using Senco.Data;

namespace Senco.Web.Features.DataProtection;

// The sections of a pupil's record held by the areas built so far. Each reads only this pupil's rows; the db given is
// already scoped to the pupil's school.

[CoversPupilData(typeof(Pupil))]
public sealed class PupilDetailsSection : IPupilRecordSection
{
    public string Title => "Pupil details";
    public int Order => 0;
    public Task<IReadOnlyList<PupilRecordFile>> CollectAsync(SencoDbContext db, Pupil pupil, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<PupilRecordFile>>(
            [new("pupil/details.csv", "text/csv", RecordCsv.Write([pupil], nameof(Pupil.SearchText), nameof(Pupil.SchoolId)))]);
}

[CoversPupilData(typeof(SenStatusChange))]
public sealed class SenHistorySection : IPupilRecordSection
{
    public string Title => "SEN status and needs: full history";
    public int Order => 10;
    public async Task<IReadOnlyList<PupilRecordFile>> CollectAsync(SencoDbContext db, Pupil pupil, CancellationToken ct)
    {
        var rows = await db.SenStatusChanges.AsNoTracking().Where(c => c.PupilId == pupil.Id).OrderBy(c => c.EffectiveFrom).ThenBy(c => c.Id).ToListAsync(ct);
        return rows.Count == 0 ? [] : [new("pupil/sen-history.csv", "text/csv", RecordCsv.Write(rows, nameof(SenStatusChange.SchoolId)))];
    }
}

[CoversPupilData(typeof(PupilEvent))]
public sealed class TimelineSection : IPupilRecordSection
{
    public string Title => "Timeline of changes to the record";
    public int Order => 20;
    public async Task<IReadOnlyList<PupilRecordFile>> CollectAsync(SencoDbContext db, Pupil pupil, CancellationToken ct)
    {
        var rows = await db.PupilEvents.AsNoTracking().Where(e => e.PupilId == pupil.Id).OrderBy(e => e.OccurredOn).ThenBy(e => e.Id).ToListAsync(ct);
        return rows.Count == 0 ? [] : [new("pupil/timeline.csv", "text/csv", RecordCsv.Write(rows, nameof(PupilEvent.SchoolId)))];
    }
}

[CoversPupilData(typeof(EhcNeedsAssessment), typeof(EhcEvidence), typeof(EhcTimescaleException), typeof(EhcPlan), typeof(EhcNeed), typeof(EhcOutcome),
    typeof(EhcProvision), typeof(AnnualReview), typeof(ReviewOutcomeProgress))]
public sealed class EhcSection : IPupilRecordSection
{
    public string Title => "EHC needs assessments, EHC plans and annual reviews";
    public int Order => 30;
    public async Task<IReadOnlyList<PupilRecordFile>> CollectAsync(SencoDbContext db, Pupil pupil, CancellationToken ct)
    {
        var files = new List<PupilRecordFile>();
        var assessments = await db.EhcNeedsAssessments.AsNoTracking().Where(a => a.PupilId == pupil.Id).OrderBy(a => a.RequestReceivedOn).ToListAsync(ct);
        var assessmentIds = assessments.Select(a => a.Id).ToList();
        var plans = await db.EhcPlans.AsNoTracking().Where(p => p.PupilId == pupil.Id).OrderBy(p => p.IssuedOn).ToListAsync(ct);
        var planIds = plans.Select(p => p.Id).ToList();
        var needs = await db.EhcNeeds.AsNoTracking().Where(n => planIds.Contains(n.PlanId)).OrderBy(n => n.Id).ToListAsync(ct);
        var needIds = needs.Select(n => n.Id).ToList();
        var reviews = await db.AnnualReviews.AsNoTracking().Where(r => r.PupilId == pupil.Id || planIds.Contains(r.PlanId)).OrderBy(r => r.MeetingOn).ToListAsync(ct);
        var reviewIds = reviews.Select(r => r.Id).ToList();
        void Add<T>(string path, List<T> rows) { if (rows.Count > 0) files.Add(new(path, "text/csv", RecordCsv.Write(rows, "SchoolId"))); }
        Add("ehc/needs-assessments.csv", assessments);
        Add("ehc/assessment-evidence.csv", await db.EhcEvidence.AsNoTracking().Where(e => assessmentIds.Contains(e.AssessmentId)).OrderBy(e => e.Id).ToListAsync(ct));
        Add("ehc/timescale-exceptions.csv", await db.EhcTimescaleExceptions.AsNoTracking().Where(e => assessmentIds.Contains(e.AssessmentId)).OrderBy(e => e.Id).ToListAsync(ct));
        Add("ehc/plans.csv", plans);
        Add("ehc/plan-needs.csv", needs);
        Add("ehc/plan-outcomes.csv", await db.EhcOutcomes.AsNoTracking().Where(o => needIds.Contains(o.NeedId)).OrderBy(o => o.Id).ToListAsync(ct));
        Add("ehc/plan-provision.csv", await db.EhcProvision.AsNoTracking().Where(p => needIds.Contains(p.NeedId)).OrderBy(p => p.Id).ToListAsync(ct));
        Add("ehc/annual-reviews.csv", reviews);
        Add("ehc/review-progress.csv", await db.ReviewOutcomeProgress.AsNoTracking().Where(p => reviewIds.Contains(p.ReviewId)).OrderBy(p => p.Id).ToListAsync(ct));
        return files;
    }
}

[CoversPupilData(typeof(ParentsInformed), typeof(SupportPlan), typeof(PlanOutcome), typeof(PlanStrategy), typeof(PlanReview))]
public sealed class SupportPlanSection : IPupilRecordSection
{
    public string Title => "SEN support plans (assess, plan, do, review), their outcomes, strategies and reviews";
    public int Order => 40;
    public async Task<IReadOnlyList<PupilRecordFile>> CollectAsync(SencoDbContext db, Pupil pupil, CancellationToken ct)
    {
        var files = new List<PupilRecordFile>();
        void Add<T>(string path, List<T> rows) { if (rows.Count > 0) files.Add(new(path, "text/csv", RecordCsv.Write(rows, "SchoolId"))); }
        var plans = await db.SupportPlans.AsNoTracking().Where(p => p.PupilId == pupil.Id).OrderBy(p => p.Cycle).ToListAsync(ct);
        var ids = plans.Select(p => p.Id).ToList();
        Add("support-plans/parents-informed.csv", await db.ParentsInformed.AsNoTracking().Where(p => p.PupilId == pupil.Id).OrderBy(p => p.ToldOn).ToListAsync(ct));
        Add("support-plans/plans.csv", plans);
        Add("support-plans/outcomes.csv", await db.PlanOutcomes.AsNoTracking().Where(o => ids.Contains(o.PlanId)).OrderBy(o => o.Id).ToListAsync(ct));
        Add("support-plans/strategies.csv", await db.PlanStrategies.AsNoTracking().Where(s => ids.Contains(s.PlanId)).OrderBy(s => s.Id).ToListAsync(ct));
        Add("support-plans/reviews.csv", await db.PlanReviews.AsNoTracking().Where(r => ids.Contains(r.PlanId)).OrderBy(r => r.Id).ToListAsync(ct));
        return files;
    }
}

[CoversPupilData(typeof(LearningPassport), typeof(PassportPhoto), typeof(PassportProposal), typeof(PassportReading))]
public sealed class PassportSection : IPupilRecordSection
{
    public string Title => "Learning passport, its photo, proposed changes and who has read it";
    public int Order => 50;
    public async Task<IReadOnlyList<PupilRecordFile>> CollectAsync(SencoDbContext db, Pupil pupil, CancellationToken ct)
    {
        var files = new List<PupilRecordFile>();
        void Add<T>(string path, List<T> rows) { if (rows.Count > 0) files.Add(new(path, "text/csv", RecordCsv.Write(rows, "SchoolId"))); }
        var passports = await db.Passports.AsNoTracking().Where(p => p.PupilId == pupil.Id).ToListAsync(ct);
        var ids = passports.Select(p => p.Id).ToList();
        Add("passport/passport.csv", passports);
        Add("passport/proposed-changes.csv", await db.PassportProposals.AsNoTracking().Where(p => p.PupilId == pupil.Id || ids.Contains(p.PassportId)).OrderBy(p => p.Id).ToListAsync(ct));
        Add("passport/reads.csv", await db.PassportReadings.AsNoTracking().Where(r => ids.Contains(r.PassportId)).OrderBy(r => r.Id).ToListAsync(ct));
        foreach (var photo in await db.PassportPhotos.AsNoTracking().Where(p => ids.Contains(p.PassportId)).ToListAsync(ct))
        {
            var ext = photo.ContentType == "image/png" ? "png" : "jpg";
            files.Add(new($"passport/photo.{ext}", photo.ContentType, photo.Content));
            Add("passport/photo-details.csv", [photo]);
        }
        return files;
    }
}

[CoversPupilData(typeof(TeachingGroupPupil))]
public sealed class TeachingGroupSection : IPupilRecordSection
{
    public string Title => "Classes and teaching groups";
    public int Order => 60;
    public async Task<IReadOnlyList<PupilRecordFile>> CollectAsync(SencoDbContext db, Pupil pupil, CancellationToken ct)
    {
        var rows = await db.TeachingGroupPupils.AsNoTracking().Where(g => g.PupilId == pupil.Id)
            .Join(db.TeachingGroups.AsNoTracking(), g => g.TeachingGroupId, t => t.Id, (g, t) => new { t.Name, g.TeachingGroupId })
            .OrderBy(x => x.Name).ToListAsync(ct);
        return rows.Count == 0 ? [] :
            [new("teaching-groups.csv", "text/csv", RecordCsv.Table(["Class or teaching group", "Group ID"], rows.Select(r => new[] { r.Name, r.TeachingGroupId.ToString(System.Globalization.CultureInfo.InvariantCulture) })))];
    }
}

[CoversPupilData(typeof(GroupPupil), typeof(SessionAttendance), typeof(StaffTimetableEntry), typeof(TopUpFunding))]
public sealed class ProvisionSection : IPupilRecordSection
{
    public string Title => "Interventions (membership, attendance, entry and exit scores), one-to-one support and top-up funding";
    public int Order => 70;
    public async Task<IReadOnlyList<PupilRecordFile>> CollectAsync(SencoDbContext db, Pupil pupil, CancellationToken ct)
    {
        var files = new List<PupilRecordFile>();
        var memberships = await db.GroupPupils.AsNoTracking().Where(g => g.PupilId == pupil.Id)
            .Join(db.InterventionGroups.AsNoTracking(), m => m.GroupId, g => g.Id, (m, g) => new { m, g.Name, g.StartOn, g.Weeks }).ToListAsync(ct);
        if (memberships.Count > 0)
            files.Add(new("interventions/groups.csv", "text/csv", RecordCsv.Table(
                ["Intervention group", "Group starts", "Weeks", "Joined on", "Left on", "Entry score", "Entry on", "Exit score", "Exit on", "Scores recorded by"],
                memberships.OrderBy(x => x.StartOn).Select(x => new[]
                {
                    x.Name, Iso(x.StartOn), x.Weeks.ToString(System.Globalization.CultureInfo.InvariantCulture), Iso(x.m.JoinedOn), Iso(x.m.LeftOn),
                    x.m.EntryValue?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", Iso(x.m.EntryOn),
                    x.m.ExitValue?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", Iso(x.m.ExitOn), x.m.ScoresRecordedBy ?? "",
                }))));
        var attendance = await db.SessionAttendance.AsNoTracking().Where(a => a.PupilId == pupil.Id)
            .Join(db.InterventionSessions.AsNoTracking(), a => a.SessionId, s => s.Id, (a, s) => new { a, s.On, s.GroupId, s.RecordedBy })
            .Join(db.InterventionGroups.AsNoTracking(), x => x.GroupId, g => g.Id, (x, g) => new { x.a, x.On, x.RecordedBy, g.Name }).ToListAsync(ct);
        if (attendance.Count > 0)
            files.Add(new("interventions/attendance.csv", "text/csv", RecordCsv.Table(
                ["Intervention group", "Session on", "Register taken by", "Attended", "Note"],
                attendance.OrderBy(x => x.On).Select(x => new[] { x.Name, Iso(x.On), x.RecordedBy, x.a.Attended ? "Yes" : "No", x.a.Note ?? "" }))));
        var slots = await db.StaffTimetableEntries.AsNoTracking().Where(t => t.PupilId == pupil.Id).ToListAsync(ct);
        if (slots.Count > 0) files.Add(new("interventions/one-to-one-support.csv", "text/csv", RecordCsv.Write(slots, "SchoolId")));
        var topUps = await db.TopUpFunding.AsNoTracking().Where(t => t.PupilId == pupil.Id).ToListAsync(ct);
        if (topUps.Count > 0) files.Add(new("interventions/top-up-funding.csv", "text/csv", RecordCsv.Write(topUps, "SchoolId")));
        return files;
    }

    private static string Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";
}

/// The audit trail about the pupil: who read or changed what, and when. Staff IP addresses are left out: they are the
/// staff member's data, not the pupil's, and say nothing about the record.
[CoversPupilData(typeof(AuditEntry))]
public sealed class AuditSection : IPupilRecordSection
{
    public string Title => "Audit trail: who read or changed this record, and when";
    public int Order => 90;
    public async Task<IReadOnlyList<PupilRecordFile>> CollectAsync(SencoDbContext db, Pupil pupil, CancellationToken ct)
    {
        var rows = await db.AuditEntries.AsNoTracking().Where(a => a.PupilId == pupil.Id).OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync(ct);
        return rows.Count == 0 ? [] : [new("audit-trail.csv", "text/csv", RecordCsv.Write(rows, nameof(AuditEntry.IpAddress), nameof(AuditEntry.SchoolId), nameof(AuditEntry.UserId)))];
    }
}

[CoversPupilData(typeof(SubjectAccessRequest))]
public sealed class SubjectAccessSection : IPupilRecordSection
{
    public string Title => "Subject access requests about the pupil";
    public int Order => 95;
    public async Task<IReadOnlyList<PupilRecordFile>> CollectAsync(SencoDbContext db, Pupil pupil, CancellationToken ct)
    {
        var rows = await db.SubjectAccessRequests.AsNoTracking().Where(r => r.PupilId == pupil.Id).OrderBy(r => r.ReceivedOn).ToListAsync(ct);
        return rows.Count == 0 ? [] : [new("subject-access-requests.csv", "text/csv", RecordCsv.Write(rows, "SchoolId", "Version"))];
    }
}
