using Microsoft.EntityFrameworkCore;
using Senco.Core.Ehc;
using Senco.Core.Model;
using Senco.Core.Sen;
using Senco.Data;
using Senco.Web.Features.Pupils;

namespace Senco.Web.Features.Demo;

/// EHC plans for the demo trust's pupils at status E, so the statutory clock has something to show: plans with
/// sections and the golden thread, reviews held on time for most, one review missed (overdue), some due within
/// the month with the meeting arranged, one held recently with its report still to send, a request for
/// assessment in progress, and a Year 6 and a Year 11 pupil with a phase-transfer deadline. All fictional.
public static class DemoEhc
{
    private static readonly Dictionary<string, (string Need, string[] Outcomes, (string What, decimal Hours, decimal Cost)[] Provision)> ByNeed = new()
    {
        ["ASD"] = ("Finds changes to routine and busy spaces overwhelming; social communication differs from peers'.",
            ["Uses a visual timetable to move between activities with no more than one prompt", "Takes part in a structured small-group game with two peers"],
            [("Visual timetable and now/next board, prepared by the class TA daily", 1.0m, 450m), ("Social communication group with the specialist teaching team", 1.0m, 1800m)]),
        ["SLCN"] = ("Understands short sentences but loses the thread of longer instructions; expressive vocabulary below age.",
            ["Follows two-step classroom instructions without repetition", "Uses 50 new topic words accurately in speech"],
            [("Speech and language therapy programme delivered by a trained TA", 1.5m, 2400m), ("Termly review by the NHS speech and language therapist", 0.25m, 600m)]),
        ["SEMH"] = ("Experiences anxiety that leads to withdrawal and, at times, leaving the classroom.",
            ["Names feelings and uses an agreed calm-down plan", "Attends 95% of lessons in the classroom"],
            [("Daily check-in with a key adult", 1.25m, 1500m), ("Weekly ELSA session", 0.5m, 900m)]),
        ["SLD"] = ("Significant difficulties across learning, communication and self-care.",
            ["Communicates choices using symbols across the school day", "Dresses for PE with minimal adult help"],
            [("Adapted curriculum in a small group with a high adult ratio", 10m, 9000m), ("Makaton and symbol support across the day", 2m, 1200m)]),
        ["MLD"] = ("Learns new concepts slowly and needs much repetition; reading and number well below age.",
            ["Reads and understands a book at book band 6", "Adds and subtracts within 20 using resources"],
            [("Small-group precision teaching, four times a week", 2m, 2100m)]),
        ["PD"] = ("Cerebral palsy affecting fine and gross motor skills.",
            ["Records work independently using a laptop", "Moves around the school site safely with a walker"],
            [("Physiotherapy programme delivered by a trained TA", 1.5m, 2000m), ("Laptop with adapted keyboard", 0m, 700m)]),
    };

    public static async Task SeedAsync(SencoDbContext db, IReadOnlyList<School> schools, DateOnly today, string sencoName)
    {
        var random = new Random(5105);
        var now = DateTime.UtcNow;
        var officers = new[] { "Jordan Ellis (demo)", "Priya Shah (demo)", "Chris Lowe (demo)" };

        // Make sure each school has a pupil moving phase with a plan: Year 6 at the primary, Year 11 at the secondary.
        foreach (var (school, year) in new[] { (schools[0], "6"), (schools[1], "11") })
        {
            if (await db.Pupils.AnyAsync(p => p.SchoolId == school.Id && p.YearGroup == year && p.SenStatus == SenStatus.E)) continue;
            await MakeEAsync(db, await FirstKAsync(db, school, year), today.AddMonths(-14), sencoName, now);
        }
        // Three plans at the primary whose dates are chosen so the SENCO's clock always shows each case:
        // a review missed 3 weeks ago (overdue), a review due in 3 weeks with the meeting arranged, and a
        // meeting held 13 days ago whose report to the LA is due tomorrow.
        var scenarios = new Dictionary<Guid, int>();
        foreach (var (year, issued, n) in new[] { ("3", today.AddYears(-2).AddDays(-20), 0), ("4", today.AddYears(-1).AddDays(20), 1), ("5", today.AddYears(-1).AddDays(-10), 2) })
        {
            var k = await FirstKAsync(db, schools[0], year);
            await MakeEAsync(db, k, issued, sencoName, now);
            scenarios[k.Id] = n;
        }
        await db.SaveChangesAsync();

        var ePupils = await db.Pupils.Where(p => p.SenStatus == SenStatus.E).OrderBy(p => p.SchoolId).ThenBy(p => p.Surname).ThenBy(p => p.Forename).ToListAsync();
        var eDates = await db.SenStatusChanges.Where(c => c.Status == SenStatus.E).GroupBy(c => c.PupilId).Select(g => new { g.Key, From = g.Max(c => c.EffectiveFrom) }).ToDictionaryAsync(x => x.Key, x => x.From);
        var progress = new List<(AnnualReview Review, EhcNeed Need)>();
        for (var i = 0; i < ePupils.Count; i++)
        {
            var pupil = ePupils[i];
            var issued = eDates.GetValueOrDefault(pupil.Id, today.AddMonths(-6));
            var template = ByNeed.GetValueOrDefault(pupil.PrimaryNeed ?? "ASD") is { Need: not null } t ? t : ByNeed["ASD"];
            var plan = new EhcPlan
            {
                Id = Guid.CreateVersion7(), PupilId = pupil.Id, SchoolId = pupil.SchoolId, IssuedOn = issued, LocalAuthority = "873",
                CaseOfficer = officers[i % officers.Length], CaseOfficerEmail = $"case.officer{i % officers.Length + 1}@la.example",
                SectionA = $"{pupil.Forename} enjoys drawing, football and being outdoors, and would like to work with animals. Parents want {pupil.Forename} to feel happy and confident at school.",
                SectionC = "No health needs related to the SEN beyond those in section B.",
                SectionD = "None identified.",
                SectionG = "Annual review by the community paediatrician.",
                SectionI = schools.First(s => s.Id == pupil.SchoolId).Name,
                SectionJ = "No personal budget requested.",
                SectionK = "Educational psychologist advice; school's SEN support plans and reviews; speech and language therapy report; parents' views.",
                Version = 1, CreatedAt = now, UpdatedAt = now,
            };
            var need = new EhcNeed
            {
                SchoolId = pupil.SchoolId, Order = 1, NeedType = pupil.PrimaryNeed is "NSA" ? null : pupil.PrimaryNeed, Description = template.Need,
                Outcomes = template.Outcomes.Select(o => new EhcOutcome { SchoolId = pupil.SchoolId, Description = o }).ToList(),
                Provision = template.Provision.Select(f => new EhcProvision { SchoolId = pupil.SchoolId, Description = f.What, HoursPerWeek = f.Hours, AnnualCost = f.Cost, FundedBy = f.Cost > 2000 ? "LA top-up (element 3)" : "Notional SEN budget" }).ToList(),
            };
            plan.Needs.Add(need);
            db.EhcPlans.Add(plan);

            // Reviews held on time every year, each a few days before its due date.
            var lastHeld = (DateOnly?)null;
            var scenario = scenarios.TryGetValue(pupil.Id, out var sc) ? sc : -1;
            while (scenario != 1)
            {
                var due = AnnualReviewRules.NextReviewDue(issued, lastHeld, pupil.DateOfBirth);
                var held = due.AddDays(-random.Next(3, 20));
                if (scenario == 0 && lastHeld is not null) break;       // the next one was missed: overdue on the clock
                if (scenario == 2 && lastHeld is null) held = today.AddDays(-13);
                if (held > today.AddDays(-1)) break;
                var review = NewReview(plan, pupil, held, now);
                review.HeldOn = held;
                review.InvitationsSentOn = held.AddDays(-21);
                review.AdviceCirculatedOn = held.AddDays(-15);
                review.Attendees = "Parent, SENCO, class teacher, educational psychologist";
                review.PupilViews = "Likes the quiet area and the new reading books.";
                review.ParentViews = "Pleased with progress; would like more support at lunchtimes.";
                review.Recommendation = ReviewRecommendation.Maintain;
                if (held > today.AddDays(-14)) { }   // report still to send: due soon
                else
                {
                    review.ReportSentOn = held.AddDays(random.Next(3, 12));
                    review.LaDecision = ReviewRecommendation.Maintain;
                    review.LaDecisionOn = held.AddDays(random.Next(14, 27));
                    if (review.ReportSentOn > today) review.ReportSentOn = today;
                    if (review.LaDecisionOn > today) { review.LaDecision = null; review.LaDecisionOn = null; }
                }
                progress.Add((review, need));
                db.AnnualReviews.Add(review);
                plan.Reviews.Add(review);
                lastHeld = held;
            }

            // The next meeting arranged for those due within six weeks; invitations still to send for some.
            var nextDue = AnnualReviewRules.NextReviewDue(issued, lastHeld, pupil.DateOfBirth);
            if (nextDue >= today && nextDue <= today.AddDays(42))
            {
                var pending = NewReview(plan, pupil, nextDue.AddDays(-5), now);
                if (random.Next(2) == 0) pending.InvitationsSentOn = pending.MeetingOn.AddDays(-20) <= today ? pending.MeetingOn.AddDays(-20) : null;
                db.AnnualReviews.Add(pending);
                plan.Reviews.Add(pending);
            }
        }
        await db.SaveChangesAsync();
        // Outcome ids exist only once saved: progress on them is added afterwards.
        foreach (var (review, need) in progress)
            foreach (var (o, n) in need.Outcomes.Select((o, n) => (o, n)))
                db.ReviewOutcomeProgress.Add(new ReviewOutcomeProgress { ReviewId = review.Id, OutcomeId = o.Id, SchoolId = review.SchoolId, Progress = n == 0 ? OutcomeProgress.GoodProgress : OutcomeProgress.SomeProgress });
        await db.SaveChangesAsync();

        // A request for assessment in progress at the primary, with its evidence.
        var candidate = await db.Pupils.Where(p => p.SchoolId == schools[0].Id && p.SenStatus == SenStatus.K && p.YearGroup == "3").OrderBy(p => p.Surname).FirstOrDefaultAsync()
                        ?? await db.Pupils.Where(p => p.SchoolId == schools[0].Id && p.SenStatus == SenStatus.K).OrderBy(p => p.Surname).FirstAsync();
        var received = today.AddDays(-25);
        db.EhcNeedsAssessments.Add(new EhcNeedsAssessment
        {
            Id = Guid.CreateVersion7(), PupilId = candidate.Id, SchoolId = candidate.SchoolId, RequestedBy = AssessmentRequester.School, RequestReceivedOn = received,
            Notes = "Acknowledged by the SEND team by email.", Version = 1, CreatedAt = now, UpdatedAt = now,
            Evidence =
            [
                new EhcEvidence { SchoolId = candidate.SchoolId, Kind = EvidenceKind.SupportPlan, Title = "SEN support plans, autumn and spring terms", Dated = received.AddDays(-60), AddedAt = now },
                new EhcEvidence { SchoolId = candidate.SchoolId, Kind = EvidenceKind.Review, Title = "Assess-plan-do-review cycle records", Dated = received.AddDays(-20), AddedAt = now },
                new EhcEvidence { SchoolId = candidate.SchoolId, Kind = EvidenceKind.AgencyReport, Title = "Educational psychologist report", Dated = received.AddDays(-40), AddedAt = now },
            ],
        });
        db.PupilEvents.Add(new PupilEvent { PupilId = candidate.Id, SchoolId = candidate.SchoolId, Kind = PupilEventKind.Ehc, OccurredOn = received, Summary = $"EHC needs assessment requested (School); the local authority received the request on {Senco.Core.Dates.Long(received)}", RecordedBy = sencoName, RecordedAt = now });
        db.Audit(AuditActor.System, "demo.seed.ehc", $"Seeded {ePupils.Count} fictional EHC plans and one request for assessment");
        await db.SaveChangesAsync();
    }

    private static AnnualReview NewReview(EhcPlan plan, Pupil pupil, DateOnly meetingOn, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(), PlanId = plan.Id, PupilId = pupil.Id, SchoolId = pupil.SchoolId, MeetingOn = meetingOn, Version = 1, CreatedAt = now, UpdatedAt = now,
    };

    private static async Task<Pupil> FirstKAsync(SencoDbContext db, School school, string year) =>
        await db.Pupils.Where(p => p.SchoolId == school.Id && p.YearGroup == year && p.SenStatus == SenStatus.K).OrderBy(p => p.Surname).ThenBy(p => p.Forename).FirstOrDefaultAsync()
        ?? await db.Pupils.Where(p => p.SchoolId == school.Id && p.YearGroup == year && p.SenStatus == SenStatus.N).OrderBy(p => p.Surname).FirstAsync();

    /// Moves a demo pupil to E from <paramref name="issued"/>, keeping the history in date order.
    private static async Task MakeEAsync(SencoDbContext db, Pupil pupil, DateOnly issued, string sencoName, DateTime now)
    {
        var changes = await db.SenStatusChanges.Where(c => c.PupilId == pupil.Id).ToListAsync();
        foreach (var c in changes.Where(c => c.EffectiveFrom > issued))
        {
            // Seed data only: move the earlier SEN support start so that it precedes the plan.
            var events = await db.PupilEvents.Where(e => e.PupilId == pupil.Id && e.Kind == PupilEventKind.SenStatusChanged && e.OccurredOn == c.EffectiveFrom).ToListAsync();
            c.EffectiveFrom = issued.AddMonths(-6);
            foreach (var e in events) e.OccurredOn = c.EffectiveFrom;
            pupil.OnRegisterSince = c.EffectiveFrom;
        }
        var needs = pupil.NeedList.Where(n => n != "NSA").DefaultIfEmpty("ASD").ToList();
        if (pupil.SenStatus == SenStatus.N)
        {
            db.SenStatusChanges.Add(new SenStatusChange { PupilId = pupil.Id, SchoolId = pupil.SchoolId, Status = SenStatus.K, Needs = string.Join(',', needs), EffectiveFrom = issued.AddMonths(-6), Reason = "SEN support agreed with parents (demo).", RecordedBy = sencoName, RecordedAt = now });
            PupilCommands.ApplySen(pupil, SenStatus.K, needs, issued.AddMonths(-6));
        }
        var before = pupil.SenStatus;
        var beforeNeeds = pupil.Needs;
        PupilCommands.ApplySen(pupil, SenStatus.E, needs, issued);
        const string reason = "EHC plan issued by LA 873 (Cambridgeshire)";
        db.SenStatusChanges.Add(new SenStatusChange { PupilId = pupil.Id, SchoolId = pupil.SchoolId, Status = SenStatus.E, Needs = string.Join(',', needs), EffectiveFrom = issued, Reason = reason, RecordedBy = sencoName, RecordedAt = now });
        db.PupilEvents.Add(new PupilEvent { PupilId = pupil.Id, SchoolId = pupil.SchoolId, Kind = PupilEventKind.SenStatusChanged, OccurredOn = issued, Summary = PupilCommands.DescribeSenChange(before, beforeNeeds, SenStatus.E, needs), Reason = reason, RecordedBy = sencoName, RecordedAt = now });
    }
}
