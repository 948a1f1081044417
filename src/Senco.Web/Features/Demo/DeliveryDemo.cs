using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Delivery;
using Senco.Core.Model;
using Senco.Core.Sen;
using Senco.Data;

namespace Senco.Web.Features.Demo;

/// <summary>
/// Demo of provision delivered (issue 11), fictional throughout: planned doses on the Section F lines of the demo EHC
/// plans and on the lines of current support plans, this term's delivery log (most sessions delivered, some missed
/// with reasons, half term logged as "school closed"), one pupil whose 1:1 sessions were missed for the last two weeks
/// because their TA was off (which raises the alert), and open concerns on the monitoring list.
/// </summary>
public static class DeliveryDemo
{
    public static async Task SeedAsync(SencoDbContext db, IReadOnlyList<School> schools, DateOnly today, int seed)
    {
        var random = new Random(seed);
        foreach (var school in schools) await SeedSchoolAsync(db, school, today, random, school == schools[0]);
        await db.SaveChangesAsync();
    }

    private static async Task SeedSchoolAsync(SencoDbContext db, School school, DateOnly today, Random random, bool withAlert)
    {
        var now = DateTime.UtcNow;
        var year = SchoolYear.Containing(today);
        var termStart = new DateOnly(year.StartYear, 9, 3);
        while (termStart.DayOfWeek != DayOfWeek.Monday) termStart = termStart.AddDays(1);
        var halfTerm = new DateOnly(year.StartYear, 10, 31);
        while (halfTerm.DayOfWeek != DayOfWeek.Monday) halfTerm = halfTerm.AddDays(-1);
        var staff = await db.StaffMembers.Where(s => s.SchoolId == school.Id && (s.Role == StaffRole.TeachingAssistant || s.Role == StaffRole.Mentor)).OrderBy(s => s.Name).ToListAsync();
        if (staff.Count == 0) return;
        var linkedTa = staff.FirstOrDefault(s => s.UserId != null) ?? staff[0];
        var others = staff.Where(s => s != linkedTa).ToList();
        if (others.Count == 0) others.Add(linkedTa);
        var sencoName = school.Urn == "999101" ? "Ruth Okafor (SENCO)" : "Marcus Bell (SENCO)";

        // Section F lines of current plans, and the first line of a few current support plans.
        var fLines = await (from p in db.EhcProvision
                            join n in db.EhcNeeds on p.NeedId equals n.Id
                            join plan in db.EhcPlans on n.PlanId equals plan.Id
                            where plan.SchoolId == school.Id && plan.CeasedOn == null
                            orderby plan.PupilId, n.Order, p.Id
                            select new { p.Id, p.Description, p.HoursPerWeek, plan.PupilId, plan.IssuedOn }).ToListAsync();
        var spLines = await (from s in db.PlanStrategies
                             join plan in db.SupportPlans on s.PlanId equals plan.Id
                             where plan.SchoolId == school.Id && plan.Status == SupportPlanStatus.Current
                             orderby plan.PupilId, s.Position
                             select new { s.Id, s.Description, plan.PupilId, plan.StartedOn, s.Position }).ToListAsync();

        var doses = new List<PlannedDose>();
        var oneToOneForLinked = 0;
        foreach (var f in fLines)
        {
            if (f.HoursPerWeek is not { } h || h <= 0) continue;
            var big = h > 5;
            var minutes = big ? 60 : h >= 1.5m ? 30 : 15;
            var assigned = !big && oneToOneForLinked < 4 ? linkedTa : others[random.Next(others.Count)];
            if (assigned == linkedTa) oneToOneForLinked++;
            doses.Add(new PlannedDose
            {
                Id = Guid.CreateVersion7(), SchoolId = school.Id, PupilId = f.PupilId, Kind = DoseLineKind.EhcProvision, EhcProvisionId = f.Id, Label = f.Description,
                Basis = DoseBasis.HoursPerWeek, HoursPerWeek = big ? 5m : h, MinutesPerSession = minutes, StaffType = StaffRole.TeachingAssistant,
                Mode = big ? DeliveryMode.Group : DeliveryMode.OneToOne, From = f.IssuedOn > termStart ? f.IssuedOn : termStart, StaffMemberId = assigned.Id,
                Version = 1, CreatedAt = now, UpdatedAt = now, UpdatedBy = sencoName,
            });
        }
        foreach (var s in spLines.Where(s => s.Position == spLines.Where(x => x.PupilId == s.PupilId).Min(x => x.Position)).Take(8))
        {
            doses.Add(new PlannedDose
            {
                Id = Guid.CreateVersion7(), SchoolId = school.Id, PupilId = s.PupilId, Kind = DoseLineKind.SupportPlanStrategy, PlanStrategyId = s.Id, Label = s.Description,
                Basis = DoseBasis.SessionsPerWeek, SessionsPerWeek = 2, MinutesPerSession = 20, StaffType = StaffRole.TeachingAssistant, Mode = DeliveryMode.OneToOne,
                From = s.StartedOn > termStart ? s.StartedOn : termStart, StaffMemberId = others[random.Next(others.Count)].Id, Version = 1, CreatedAt = now, UpdatedAt = now, UpdatedBy = sencoName,
            });
        }
        db.PlannedDoses.AddRange(doses);

        // This term's log. One staff member's sessions never overlap: each day's sessions follow one another from 9:00.
        var nextFree = new Dictionary<(Guid, DateOnly), TimeOnly>();
        // The alert: a pupil the linked TA supports who is in no intervention group, so their 1:1 lines are all they have.
        var inGroups = (await db.GroupPupils.Where(g => g.SchoolId == school.Id).Select(g => g.PupilId).ToListAsync()).ToHashSet();
        var alertPupil = !withAlert ? null
            : (doses.FirstOrDefault(d => d.StaffMemberId == linkedTa.Id && !inGroups.Contains(d.PupilId)) ?? doses.FirstOrDefault(d => d.StaffMemberId == linkedTa.Id))?.PupilId;
        var lastMonday = DeliveryArithmetic.MondayOf(today).AddDays(-7);
        var staffNames = staff.ToDictionary(s => s.Id, s => s.Name);
        foreach (var d in doses)
        {
            var sessionsPerWeek = d.Basis == DoseBasis.HoursPerWeek ? (int)Math.Round(d.HoursPerWeek!.Value * 60 / d.MinutesPerSession!.Value) : d.SessionsPerWeek!.Value;
            var days = sessionsPerWeek >= 5 ? new[] { 0, 1, 2, 3, 4 } : sessionsPerWeek switch { 1 => [2], 2 => [1, 3], 3 => [0, 2, 4], _ => [0, 1, 3, 4] };
            var perDay = Math.Max(1, (int)Math.Ceiling(sessionsPerWeek / (double)days.Length));
            var from = d.From > termStart ? d.From : termStart;
            for (var monday = DeliveryArithmetic.MondayOf(from); monday.AddDays(4) < today; monday = monday.AddDays(7))
            {
                var logged = 0;
                foreach (var offset in days)
                {
                    var on = monday.AddDays(offset);
                    if (on < from) continue;
                    for (var k = 0; k < perDay && logged < sessionsPerWeek; k++, logged++)
                    {
                        var key = (d.StaffMemberId!.Value, on);
                        var start = nextFree.TryGetValue(key, out var t) ? t : new TimeOnly(9, 0);
                        if (start.AddMinutes(d.MinutesPerSession!.Value) > new TimeOnly(15, 15)) continue;
                        nextFree[key] = start.AddMinutes(d.MinutesPerSession.Value + 5);
                        var outcome = DeliveryOutcome.Delivered;
                        MissedReason? reason = null;
                        string? note = null;
                        var roll = random.Next(100);
                        if (monday == halfTerm) { outcome = DeliveryOutcome.Cancelled; reason = MissedReason.SchoolClosed; note = "Half term"; }
                        else if (d.PupilId == alertPupil && monday >= lastMonday.AddDays(-7)) { outcome = DeliveryOutcome.Cancelled; reason = roll < 75 ? MissedReason.StaffAbsent : MissedReason.Trip; note = reason == MissedReason.StaffAbsent ? $"{staffNames[d.StaffMemberId!.Value]} off sick; no cover available" : "Year group trip to the science museum"; }
                        else if (roll < 5) { outcome = DeliveryOutcome.Cancelled; reason = MissedReason.PupilAbsent; }
                        else if (roll < 8) { outcome = DeliveryOutcome.Cancelled; reason = MissedReason.StaffAbsent; note = "Covering a class"; }
                        else if (roll < 9) { outcome = DeliveryOutcome.Cancelled; reason = MissedReason.Exam; note = "Termly assessments"; }
                        db.DeliverySessions.Add(new DeliverySession
                        {
                            Id = Guid.CreateVersion7(), SchoolId = school.Id, PupilId = d.PupilId, DoseId = d.Id, On = on, Start = start, Minutes = d.MinutesPerSession.Value,
                            Outcome = outcome, Reason = reason, Note = note, StaffMemberId = d.StaffMemberId, RecordedBy = staffNames[d.StaffMemberId!.Value],
                            RecordedAt = on.ToDateTime(start.AddMinutes(d.MinutesPerSession.Value + 10), DateTimeKind.Utc), Version = 1,
                        });
                        if (outcome == DeliveryOutcome.Cancelled && reason is MissedReason.StaffAbsent or MissedReason.Trip && d.PupilId == alertPupil)
                            db.PupilEvents.Add(new PupilEvent
                            {
                                PupilId = d.PupilId, SchoolId = school.Id, Kind = PupilEventKind.Delivery, OccurredOn = on, Summary = $"Provision missed ({d.MinutesPerSession} minutes): {d.Label}",
                                Reason = ShortfallPolicy.Describe(reason.Value) + (note is null ? "" : ": " + note), RecordedBy = staffNames[d.StaffMemberId!.Value], RecordedAt = now,
                            });
                    }
                }
            }
        }

        // The monitoring list: two open concerns (one with a further observation) and one closed, on pupils at N.
        var candidates = await db.Pupils.Where(p => p.SchoolId == school.Id && p.OnRoll && p.SenStatus == SenStatus.N).OrderBy(p => p.Surname).ThenBy(p => p.Forename).Take(40).ToListAsync();
        if (candidates.Count < 3) return;
        var raisedBy = school.Urn == "999101" ? "Priya Nair (class teacher)" : "Nadia Hussain (teacher)";
        var concerns = new (Pupil Pupil, int DaysAgo, string What, string Lessons, string Tried, ConcernStatus Status)[]
        {
            (candidates[3], 37, "Struggles to copy from the board and often loses her place when reading aloud; tires quickly in written work.", "English, phonics and topic", "Seated near the front; printed copies of board work; coloured overlay.", ConcernStatus.Open),
            (candidates[11], 12, "Very quiet in group work, rarely answers even when he knows the answer; often alone at break.", "All lessons, most in group work", "Talk partners; thinking time before answers.", ConcernStatus.Open),
            (candidates[19], 70, "Reversed letters and slow handwriting after the summer.", "Literacy", "Handwriting practice at home and in class.", ConcernStatus.Closed),
        };
        foreach (var (p, daysAgo, what, lessons, tried, status) in concerns)
        {
            var seen = today.AddDays(-daysAgo);
            var c = new MonitoringConcern
            {
                Id = Guid.CreateVersion7(), SchoolId = school.Id, PupilId = p.Id, ObservedOn = seen, WhatSeen = what, Lessons = lessons, Tried = tried, Status = status,
                RaisedBy = raisedBy, RaisedAt = seen.AddDays(1).ToDateTime(new TimeOnly(16, 10), DateTimeKind.Utc), Version = 1,
            };
            if (daysAgo > 30)
                c.Observations.Add(new ConcernObservation
                {
                    SchoolId = school.Id, ObservedOn = seen.AddDays(14), Text = "Same difficulty seen in the phonics group: needs two or three prompts to find the line again.",
                    Lessons = "Phonics group", RecordedBy = "Dan Hughes (teaching assistant)", RecordedAt = seen.AddDays(15).ToDateTime(new TimeOnly(15, 40), DateTimeKind.Utc),
                });
            if (status == ConcernStatus.Closed)
            {
                c.DecidedOn = seen.AddDays(42);
                c.Decision = "Handwriting now in line with peers after six weeks of daily practice; no further concern.";
                c.DecidedBy = sencoName;
                c.DecidedAt = c.DecidedOn.Value.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);
            }
            db.MonitoringConcerns.Add(c);
            db.PupilEvents.Add(new PupilEvent { PupilId = p.Id, SchoolId = school.Id, Kind = PupilEventKind.Monitoring, OccurredOn = seen, Summary = "Concern raised: added to the monitoring list", Reason = what, RecordedBy = raisedBy, RecordedAt = c.RaisedAt });
            if (status == ConcernStatus.Closed)
                db.PupilEvents.Add(new PupilEvent { PupilId = p.Id, SchoolId = school.Id, Kind = PupilEventKind.Monitoring, OccurredOn = c.DecidedOn!.Value, Summary = "Concern closed: taken off the monitoring list", Reason = c.Decision, RecordedBy = sencoName, RecordedAt = c.DecidedAt!.Value });
        }
    }
}
