using Microsoft.EntityFrameworkCore;
using Senco.Core.Leadership;
using Senco.Core.Model;
using Senco.Core.Sen;
using Senco.Data;

namespace Senco.Web.Features.Demo;

/// Fictional assessment results over the last four completed terms for the demo primary: reading standardised scores
/// and writing teacher assessment for years 1–6, reading ages for years 2–6, and a phonics scale for years 1–2.
/// Pupils with SEN start lower and close the gap a little each term, so the analysis and its trend show something a
/// governor would recognise. The same seed always gives the same results.
public static class LeadershipDemo
{
    public static async Task SeedAsync(SencoDbContext db, IReadOnlyList<School> schools, DateOnly today, int seed)
    {
        var random = new Random(seed);
        var school = schools[0];
        var pupils = await db.Pupils.IgnoreQueryFilters().Where(p => p.SchoolId == school.Id && p.OnRoll).OrderBy(p => p.Upn).ToListAsync();
        var terms = new List<AssessmentTerm>();
        var t = AssessmentTerm.Containing(today);
        if (today < t.AssessmentPoint) t = t.Previous;
        for (var i = 0; i < 4; i++) { terms.Insert(0, t); t = t.Previous; }
        var phonics = new AssessmentScale
        {
            Id = Guid.NewGuid(), SchoolId = school.Id, Name = "Phonics phase", Kind = ScaleKind.Grades, Grades = "Phase 1\nPhase 2\nPhase 3\nPhase 4\nPhase 5\nPhase 6",
            ExpectedFrom = "Phase 5", CreatedBy = "Ruth Okafor (SENCO)", CreatedAt = DateTime.UtcNow,
        };
        db.AssessmentScales.Add(phonics);
        const string by = "Jo Whitfield (school office)";
        foreach (var p in pupils)
        {
            if (p.YearGroup is "R" or "N1" or "N2") continue;
            var year = int.Parse(p.YearGroup);
            var penalty = p.SenStatus switch { SenStatus.E => 22m, SenStatus.K => 13m, _ => 0m } + (p.PupilPremium ? 3m : 0m);
            var ability = 102m + (decimal)(Gaussian(random) * 11) - penalty;
            for (var i = 0; i < terms.Count; i++)
            {
                var term = terms[i];
                // Results of an earlier school year were taken in the year group below.
                var yearThen = year - (AssessmentTerm.Containing(today).Year.StartYear - term.Year.StartYear);
                if (yearThen < 1) continue;
                var catchUp = p.SenStatus == SenStatus.N ? 0m : 0.9m * i;
                var score = Math.Clamp(Math.Round(ability + catchUp + (decimal)(Gaussian(random) * 3.5)), 55m, 141m);
                var on = term.AssessmentPoint;
                Add(db, school, p, term, AssessmentMeasure.StandardisedScore, "Reading", score, null, null, by);
                var grade = score switch { < 80 => "Pre-key stage", < 95 => "Working towards", < 113 => "Expected", _ => "Greater depth" };
                if (grade == "Pre-key stage" && p.SenStatus == SenStatus.N) grade = "Working towards";
                Add(db, school, p, term, AssessmentMeasure.TeacherAssessment, "Writing", null, grade, null, by);
                if (yearThen >= 2)
                {
                    var age = AssessmentRules.AgeInMonths(p.DateOfBirth, on);
                    var readingAge = Math.Clamp(age + (int)Math.Round((score - 100m) * 0.9m) + random.Next(-3, 4), AssessmentRules.AgeMonthsMin, AssessmentRules.AgeMonthsMax);
                    Add(db, school, p, term, AssessmentMeasure.ReadingAge, "", readingAge, null, age, by);
                }
                if (yearThen <= 2)
                {
                    var phase = Math.Clamp((int)Math.Round(3 + (yearThen - 1) * 1.5 + (double)(score - 100m) / 12 + i * 0.3), 1, 6);
                    var r = Add(db, school, p, term, AssessmentMeasure.SchoolScale, "", null, $"Phase {phase}", null, by);
                    r.ScaleId = phonics.Id;
                }
            }
        }
        await db.SaveChangesAsync();
    }

    private static AssessmentResult Add(SencoDbContext db, School school, Pupil p, AssessmentTerm term, AssessmentMeasure measure, string subject, decimal? value, string? grade, int? age, string by)
    {
        var r = new AssessmentResult
        {
            Id = Guid.NewGuid(), SchoolId = school.Id, PupilId = p.Id, YearStart = term.Year.StartYear, Term = term.Term, Measure = measure, Subject = subject,
            Value = value, Grade = grade, AssessedOn = term.AssessmentPoint, ChronologicalAgeMonths = age, RecordedBy = by, RecordedAt = DateTime.UtcNow,
        };
        db.AssessmentResults.Add(r);
        return r;
    }

    private static double Gaussian(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
}
