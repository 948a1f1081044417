using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Leadership;
using Senco.Core.Model;
using Senco.Core.Sen;
using Senco.Data;

namespace Senco.Web.Features.Demo;

/// <summary>
/// Leadership (issue 8) in the demo trust: Millbrook's SEN information report for last year (approved by the
/// governors, kept as published) and this year's started from it with a few sections brought up to date; Hillside's
/// exam access arrangements for Year 10 and 11 candidates, with one of each problem the checks flag. Fictional.
/// </summary>
public static class ReportsDemo
{
    private static readonly Dictionary<string, string> LastYearText = new()
    {
        ["kinds-of-sen"] = "Millbrook is a mainstream primary school. We make provision for pupils with needs in all four broad areas of the SEND Code of Practice: communication and interaction; cognition and learning; social, emotional and mental health; and sensory and physical needs.",
        ["identifying-and-assessing"] = "Class teachers track every pupil's progress each half term. When a pupil makes less progress than expected, the teacher talks with parents and the SENCO, and we may use screening tools (for example for speech and language or literacy) or ask an outside specialist to assess.\n\nIf we agree a pupil needs SEN support, we tell parents and add the pupil to the SEN register.",
        ["evaluating-provision"] = "Every intervention has an entry and an exit assessment. The SENCO reviews the results each term with the headteacher and reports to the governors' curriculum committee.",
        ["assessing-progress"] = "We follow the graduated approach: assess, plan, do, review. Support plans are reviewed with parents and pupils three times a year; EHC plans are reviewed at least once a year.",
        ["approach-to-teaching"] = "All teachers adapt their teaching so that every pupil can learn: clear routines, visual supports, pre-teaching of vocabulary and chunked instructions.",
        ["adapting-curriculum"] = "We adapt resources, seating and the timetable where needed. The school is on one level with an accessible toilet and a quiet room.",
        ["additional-support"] = "Pupils may take part in small-group interventions for reading, spelling, number and language, or receive one-to-one support.",
        ["activities"] = "All clubs and trips are open to every pupil. We plan reasonable adjustments with parents before residential visits.",
        ["emotional-social"] = "Our learning mentor runs nurture and emotional literacy groups. Every class uses the Zones of Regulation.",
        ["senco"] = "Our SENCO is Ruth Okafor. Email senco@millbrook.example or call the school office on 01632 960 000.",
        ["staff-expertise"] = "The SENCO holds the National Professional Qualification for SENCOs. Teaching assistants are trained in the interventions they deliver.",
        ["equipment"] = "Specialist equipment is bought from the school's SEN budget or, for high needs, with the local authority's top-up funding.",
        ["consulting-parents"] = "Parents are invited to review meetings three times a year and can speak to the class teacher or SENCO at any time.",
        ["consulting-pupils"] = "Pupils contribute to their one-page profiles and reviews, in words, drawings or symbols.",
        ["complaints"] = "Please speak first to the class teacher, then the SENCO. The school's complaints policy is on our website.",
        ["other-bodies"] = "We work with the educational psychology service, speech and language therapy, occupational therapy, CAMHS and the local authority's sensory support team.",
        ["parent-support-services"] = "Riverside SENDIASS offers free, impartial information, advice and support to parents: 01632 960 900.",
        ["transitions"] = "We visit pre-schools before pupils join and arrange extra transition visits to secondary school for pupils who need them.",
        ["local-offer"] = "Riverside's local offer is published at https://www.riverside-la.example/localoffer.",
    };

    public static async Task SeedAsync(SencoDbContext db, IReadOnlyList<School> schools, DateOnly today, string sencoName, string secondarySencoName)
    {
        var year = SchoolYear.Containing(today);
        var millbrook = schools[0];
        var now = DateTime.UtcNow;
        var last = new Core.Model.InformationReport
        {
            Id = Guid.CreateVersion7(), SchoolId = millbrook.Id, YearStart = year.StartYear - 1, Status = InformationReportStatus.Approved,
            ApprovedOn = new DateOnly(year.StartYear - 1, 10, 14), ApprovedBy = "Full governing body", CreatedBy = sencoName, CreatedAt = now, UpdatedAt = now, Version = 2,
        };
        var current = new Core.Model.InformationReport
        {
            Id = Guid.CreateVersion7(), SchoolId = millbrook.Id, YearStart = year.StartYear, Status = InformationReportStatus.Draft,
            CreatedBy = sencoName, CreatedAt = now, UpdatedAt = now, Version = 1,
        };
        foreach (var item in InformationReportSchedule.Items)
        {
            var text = LastYearText[item.Key];
            last.Sections.Add(new InformationReportSection { Id = Guid.CreateVersion7(), SchoolId = millbrook.Id, ItemKey = item.Key, Text = text, Version = 2, UpdatedBy = sencoName, UpdatedAt = now });
            var revised = item.Key switch
            {
                "staff-expertise" => text + "\n\nThis year all teaching assistants are completing autism awareness training with the local authority's outreach team.",
                "complaints" => "",
                _ => text,
            };
            current.Sections.Add(new InformationReportSection
            {
                Id = Guid.CreateVersion7(), SchoolId = millbrook.Id, ItemKey = item.Key, Text = revised, Version = revised == text ? 1 : 2,
                UpdatedBy = revised == text ? null : sencoName, UpdatedAt = revised == text ? null : now,
            });
        }
        db.InformationReports.AddRange(last, current);
        await db.SaveChangesAsync();
        await ExamAccessAsync(db, schools[1], today, secondarySencoName);
    }

    /// Hillside's Year 10 and 11 candidates on the register: most arrangements complete, and one of each thing the
    /// checks flag (an expired approval, one expiring soon, a Form 8 whose scores do not support extra time, no
    /// normal-way-of-working evidence, an approval under last year's edition).
    private static async Task ExamAccessAsync(SencoDbContext db, School school, DateOnly today, string sencoName)
    {
        var candidates = await db.Pupils.Where(p => p.SchoolId == school.Id && p.OnRoll && p.SenStatus != SenStatus.N && (p.YearGroup == "10" || p.YearGroup == "11"))
            .OrderBy(p => p.Surname).ThenBy(p => p.Forename).ThenBy(p => p.Upn).Take(14).ToListAsync();
        var edition = ExamAccessRules.EditionOn(today);
        var yearStart = new DateOnly(edition, 9, 1);
        var now = DateTime.UtcNow;
        const string Assessor = "Dr Rosa Bell, specialist assessor (APC)";
        const string Nww = "Uses this in lessons, class tests and the November mocks; confirmed by English and science teachers.";
        for (var i = 0; i < candidates.Count; i++)
        {
            var p = candidates[i];
            ExamAccessArrangement A(ExamArrangementKind kind, ExamEvidenceKind? evidence, DateOnly? approved, int ed, string? nww = Nww, int? s1 = null, int? s2 = null, string? details = null) => new()
            {
                Id = Guid.CreateVersion7(), SchoolId = school.Id, PupilId = p.Id, Kind = kind, Evidence = evidence, Details = details,
                AssessedOn = evidence == ExamEvidenceKind.Form8 ? approved?.AddDays(-21) ?? yearStart.AddDays(30) : null,
                Assessor = evidence == ExamEvidenceKind.Form8 ? Assessor : null,
                Score1Area = s1 is null ? null : "Reading speed (TOWRE-2)", Score1 = s1, Score2Area = s2 is null ? null : "Writing speed (DASH 17+)", Score2 = s2,
                NormalWayOfWorking = nww, EditionStartYear = ed, ApprovedOn = approved, RecordedBy = sencoName, RecordedAt = now, UpdatedAt = now, Version = 1,
            };
            var recent = yearStart.AddDays(40 + i);
            db.ExamAccessArrangements.Add(i switch
            {
                0 => A(ExamArrangementKind.ExtraTime25, ExamEvidenceKind.Form8, today.AddMonths(-27), ExamAccessRules.EditionOn(today.AddMonths(-27)), s1: 78, s2: 82),      // expired
                1 => A(ExamArrangementKind.ExtraTime25, ExamEvidenceKind.Form8, today.AddMonths(-25), ExamAccessRules.EditionOn(today.AddMonths(-25)), s1: 80, s2: 88),      // expiring soon
                2 => A(ExamArrangementKind.ExtraTime25, ExamEvidenceKind.Form8, recent, edition, s1: 86, s2: 92),                                                         // scores do not support it
                3 => A(ExamArrangementKind.WordProcessor, ExamEvidenceKind.HistoryOfNeed, recent, edition, nww: null, details: "Laptop with spellchecker and predictive text turned off"), // no NWW
                4 => A(ExamArrangementKind.Reader, ExamEvidenceKind.EhcPlan, today.AddMonths(-8), ExamAccessRules.EditionOn(today.AddMonths(-8))),                       // older edition
                _ => (i % 4) switch
                {
                    0 => A(ExamArrangementKind.ExtraTime25, ExamEvidenceKind.Form8, recent, edition, s1: 76 + i % 6, s2: 81 + i % 3),
                    1 => A(ExamArrangementKind.RestBreaks, ExamEvidenceKind.ProfessionalReport, recent, edition, details: "Up to 10 minutes' supervised rest in each hour"),
                    2 => A(ExamArrangementKind.SeparateInvigilation, ExamEvidenceKind.HistoryOfNeed, recent, edition, details: "Small room with no more than six candidates"),
                    _ => A(ExamArrangementKind.ComputerReader, ExamEvidenceKind.Form8, recent, edition, s1: 79, s2: 84),
                },
            });
            if (i % 3 == 0 && i > 4) db.ExamAccessArrangements.Add(A(ExamArrangementKind.WordProcessor, ExamEvidenceKind.HistoryOfNeed, recent, edition));
        }
        await db.SaveChangesAsync();
    }
}
