using Microsoft.EntityFrameworkCore;
using Senco.Core.Leadership;
using Senco.Core.Model;
using Senco.Data;
using Senco.Web.Features.DataProtection;
using Senco.Web.Features.Leadership.Assessment;
using Senco.Web.Features.Team;

namespace Senco.Web.Features.Leadership;

/// The pupil's assessment results, for a subject access request.
[CoversPupilData(typeof(AssessmentResult))]
public sealed class AssessmentRecordSection : IPupilRecordSection
{
    public string Title => "Assessment results";
    public int Order => 800;

    public async Task<IReadOnlyList<PupilRecordFile>> CollectAsync(SencoDbContext db, Pupil pupil, CancellationToken ct)
    {
        var rows = await db.AssessmentResults.IgnoreQueryFilters().AsNoTracking().Include(r => r.Scale).Where(r => r.PupilId == pupil.Id)
            .OrderBy(r => r.YearStart).ThenBy(r => r.Term).ThenBy(r => r.Measure).ToListAsync(ct);
        if (rows.Count == 0) return [];
        return [TeamCsv.Write("assessments/results.csv", rows.Select(r => new
        {
            Term = r.When.Label, Measure = AssessmentCommands.Describe(r), Result = AssessmentRules.Show(r), r.Value, r.Grade, AssessedOn = TeamCsv.D(r.AssessedOn),
            r.ChronologicalAgeMonths, AtOrAboveExpected = AssessmentRules.AtOrAboveExpected(r), r.RecordedBy, RecordedAt = r.RecordedAt.ToString("yyyy-MM-dd HH:mm"),
        }))];
    }
}
