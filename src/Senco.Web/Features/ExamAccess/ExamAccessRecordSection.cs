using Microsoft.EntityFrameworkCore;
using Senco.Core.Leadership;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.DataProtection;
using Senco.Web.Features.Team;

namespace Senco.Web.Features.ExamAccess;

/// Subject access: a candidate's exam access arrangements with their evidence and scores, one row each.
[CoversPupilData(typeof(ExamAccessArrangement))]
public sealed class ExamAccessRecordSection : IPupilRecordSection
{
    public string Title => "Exam access arrangements";
    public int Order => 900;

    public async Task<IReadOnlyList<PupilRecordFile>> CollectAsync(SencoDbContext db, Pupil pupil, CancellationToken ct)
    {
        var rows = await db.ExamAccessArrangements.IgnoreQueryFilters().AsNoTracking().Where(a => a.PupilId == pupil.Id).OrderBy(a => a.RecordedAt).ToListAsync(ct);
        if (rows.Count == 0) return [];
        return [TeamCsv.Write("exam-access/arrangements.csv", rows.Select(a => new
        {
            Arrangement = ExamAccessRules.Label(a.Kind), a.Details, Evidence = a.Evidence is { } e ? ExamAccessRules.Label(e) : null, AssessedOn = TeamCsv.D(a.AssessedOn), a.Assessor,
            a.Score1Area, a.Score1, a.Score2Area, a.Score2, a.Score3Area, a.Score3, a.NormalWayOfWorking,
            Edition = ExamAccessRules.EditionLabel(a.EditionStartYear), ApprovedOn = TeamCsv.D(a.ApprovedOn), ExpiresOn = TeamCsv.D(a.ExpiresOn), a.RecordedBy,
        }))];
    }
}
