using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Model;
using Senco.Core.Sen;
using Senco.Data;

namespace Senco.Web.Features.Demo;

/// <summary>
/// Equality Act duties in the demo trust: Millbrook's accessibility plan for the three years that began last September
/// (approved by the governors, its annual review now overdue), with objectives in each strand at every stage; and
/// reasonable adjustments for a handful of pupils at both schools, one of each decision, one refused with its reason,
/// one awaiting a decision and one whose review is overdue. Fictional.
/// </summary>
public static class AccessibilityDemo
{
    public static async Task SeedAsync(SencoDbContext db, IReadOnlyList<School> schools, DateOnly today, string sencoName, string secondarySencoName)
    {
        var millbrook = schools[0];
        var start = SchoolYear.Containing(today).StartYear - 1;
        var now = DateTime.UtcNow;
        var plan = new Core.Model.AccessibilityPlan
        {
            Id = Guid.CreateVersion7(), SchoolId = millbrook.Id, StartYear = start, EndYear = start + 3,
            ApprovedOn = new DateOnly(start, 10, 14), ApprovedBy = "Full governing body", NextReviewOn = today.AddDays(-12),
            CreatedBy = sencoName, CreatedAt = now, UpdatedAt = now, Version = 2,
        };
        var from = new DateOnly(start, 9, 1);
        AccessibilityAction A(AccessibilityStrand strand, string objective, string actions, string owner, DateOnly target, string success,
            string? resources, decimal? cost, AccessibilityActionStatus status, string? progress = null, DateOnly? done = null) => new()
        {
            Id = Guid.CreateVersion7(), SchoolId = millbrook.Id, PlanId = plan.Id, Strand = strand, Objective = objective, Actions = actions, Owner = owner,
            TargetDate = target, SuccessCriteria = success, Resources = resources, Cost = cost, Status = status, Progress = progress, CompletedOn = done,
            UpdatedBy = sencoName, UpdatedAt = now, Version = 1,
        };
        plan.Actions.AddRange(
        [
            A(AccessibilityStrand.Curriculum, "Every educational visit is planned so that disabled pupils can take part", "Add an accessibility section to the visit planning form; the educational visits coordinator checks venues in advance.",
                "Educational visits coordinator", from.AddMonths(5), "Every visit form has the section completed; no pupil misses a visit because of a disability.", "Staff meeting time", null,
                AccessibilityActionStatus.Done, "Form changed and used for every visit since January.", from.AddMonths(4)),
            A(AccessibilityStrand.Curriculum, "All staff confident to adapt lessons for pupils with sensory impairments", "Training from the local authority's sensory support team; a shared bank of adapted resources.",
                "SENCO", from.AddMonths(14), "Staff survey shows confidence up; learning walks show adapted resources in use.", "INSET half day, sensory support team", 450m,
                AccessibilityActionStatus.InProgress, "First session held; resource bank started."),
            A(AccessibilityStrand.Curriculum, "PE and after-school clubs are open to pupils with physical disabilities", "Buy adapted equipment; club leaders briefed on including every pupil.",
                "PE lead", from.AddMonths(9), "Attendance of disabled pupils at clubs matches their peers.", "Adapted equipment", 800m, AccessibilityActionStatus.NotStarted),
            A(AccessibilityStrand.PhysicalEnvironment, "Step-free access to the library and the music room", "Install a ramp at the library door and a handrail on the music room steps.",
                "Site manager", from.AddMonths(20), "Both rooms can be reached without steps.", "Capital budget", 6200m, AccessibilityActionStatus.InProgress, "Quotes obtained; work booked for the summer."),
            A(AccessibilityStrand.PhysicalEnvironment, "A quiet, low-stimulus space for pupils who need it", "Convert the small group room; blinds, soft lighting, acoustic panels.",
                "Headteacher", from.AddMonths(8), "The room is in daily use and pupils say it helps.", "Acoustic panels and blinds", 1200m,
                AccessibilityActionStatus.Done, "Room opened after half term.", from.AddMonths(7)),
            A(AccessibilityStrand.Information, "Letters and the website available in accessible formats", "Offer large print, audio and translated versions; check the website against WCAG 2.2 AA.",
                "School business manager", from.AddMonths(11), "Formats offered on every letter; website audit shows no serious failures.", null, null, AccessibilityActionStatus.NotStarted),
            A(AccessibilityStrand.Information, "Visual timetables in every classroom", "Symbol-supported timetables and now-and-next boards in each class.",
                "SENCO", from.AddMonths(3), "Every class uses them daily.", "Printing and laminating", 150m, AccessibilityActionStatus.Done, "In place in every class.", from.AddMonths(2)),
        ]);
        db.AccessibilityPlans.Add(plan);
        await db.SaveChangesAsync();

        await AdjustmentsAsync(db, millbrook, today, sencoName, 0);
        await AdjustmentsAsync(db, schools[1], today, secondarySencoName, 1);
    }

    private static async Task AdjustmentsAsync(SencoDbContext db, School school, DateOnly today, string sencoName, int variant)
    {
        var pupils = await db.Pupils.Where(p => p.SchoolId == school.Id && p.OnRoll && p.SenStatus != SenStatus.N)
            .OrderBy(p => p.Surname).ThenBy(p => p.Forename).ThenBy(p => p.Upn).Skip(3 + variant * 5).Take(variant == 0 ? 7 : 4).ToListAsync();
        var now = DateTime.UtcNow;
        var rows = new (AdjustmentArea Area, string Barrier, string Adjustment, AdjustmentRequester By, int AgoDays, AdjustmentDecision? Decision, AdjustmentGround? Ground, string? Reason, int? ReviewInDays, string? Outcome)[]
        {
            (AdjustmentArea.Curriculum, "Fatigue in the afternoon because of a long-term condition", "Rest breaks in the quiet room and shortened written tasks after lunch", AdjustmentRequester.Parent, 120, AdjustmentDecision.Agreed, null, null, 40, "Working well: fewer missed afternoons."),
            (AdjustmentArea.TripsAndVisits, "Cannot walk the distance on the residential trip", "A wheelchair and an extra adult for the walking activities", AdjustmentRequester.Parent, 60, AdjustmentDecision.Agreed, null, null, 20, null),
            (AdjustmentArea.Uniform, "Sensory sensitivity to the school jumper and tie", "Wear a soft cotton sweatshirt in school colours and no tie", AdjustmentRequester.Professional, 200, AdjustmentDecision.Agreed, null, null, -9, null),
            (AdjustmentArea.Environment, "Hearing impairment: echo in the hall makes assemblies hard to follow", "A radio aid and a seat at the front for assemblies", AdjustmentRequester.Professional, 90, AdjustmentDecision.Agreed, null, null, 90, null),
            (AdjustmentArea.TripsAndVisits, "Anxiety about overnight stays", "A parent to stay overnight with the pupil on the residential trip", AdjustmentRequester.Parent, 45, AdjustmentDecision.Refused, AdjustmentGround.HealthAndSafety,
                "The centre cannot accommodate non-staff adults overnight and every adult must be DBS-checked by the centre. Offered instead: a visit to the centre beforehand, a named member of staff to share the pupil's room group, and a phone call home each evening.", null, null),
            (AdjustmentArea.BehaviourPolicy, "Autism: finds sudden changes and loud correction overwhelming", "A time-out card and calm, private correction instead of the class warning system", AdjustmentRequester.Staff, 30, AdjustmentDecision.AgreedInPart, AdjustmentGround.OtherPupils,
                "Time-out card agreed. A separate reward chart was not agreed: the class teacher will use the whole-class system with the pupil's adjustments, so the pupil is not singled out in front of peers.", 60, null),
            (AdjustmentArea.Information, "Visual impairment: cannot read standard print handouts", "All handouts in 18-point print", AdjustmentRequester.Staff, 5, null, null, null, null, null),
        };
        for (var i = 0; i < pupils.Count; i++)
        {
            var r = rows[(i + variant * 2) % rows.Length];
            var requested = today.AddDays(-r.AgoDays);
            var decided = r.Decision is null ? (DateOnly?)null : requested.AddDays(Math.Min(7, r.AgoDays / 2));
            var reviewed = r.Outcome is null ? (DateOnly?)null : decided!.Value.AddDays(r.AgoDays / 2);
            db.ReasonableAdjustments.Add(new ReasonableAdjustment
            {
                Id = Guid.CreateVersion7(), SchoolId = school.Id, PupilId = pupils[i].Id, Area = r.Area, Barrier = r.Barrier, Adjustment = r.Adjustment, RequestedBy = r.By,
                RequestedOn = requested, Decision = r.Decision, Ground = r.Ground, DecisionReason = r.Reason, DecidedOn = decided, DecidedBy = decided is null ? null : sencoName,
                InPlaceOn = r.Decision is AdjustmentDecision.Agreed or AdjustmentDecision.AgreedInPart ? decided!.Value.AddDays(3) <= today ? decided.Value.AddDays(3) : decided : null,
                ReviewOn = r.ReviewInDays is { } days && r.Decision is not null ? today.AddDays(days) : null, LastReviewedOn = reviewed, Outcome = r.Outcome,
                RecordedBy = sencoName, RecordedAt = now, UpdatedAt = now, Version = 1,
            });
        }
        await db.SaveChangesAsync();
    }
}
