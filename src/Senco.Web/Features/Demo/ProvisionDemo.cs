using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Model;
using Senco.Core.Provision;
using Senco.Core.Sen;
using Senco.Data;

namespace Senco.Web.Features.Demo;

/// <summary>
/// The demo trust's provision: a catalogue across waves 1–3 and the four areas of need, staff with contracts, line
/// managers and weekly timetables, about eight intervention groups per school with this term's registers and entry
/// and exit scores, 1:1 support for pupils with EHC plans, high-needs top-up and the notional SEN budget. Every
/// person is fictional; the same seed gives the same data. Timetables are laid out so that nobody is double-booked
/// (the app would refuse it), and one TA is timetabled over their contracted hours, as happens.
/// </summary>
public static class ProvisionDemo
{
    private sealed record Offer(string Name, AreaOfNeed Area, int Wave, StaffRole? Role, int? Size, int? Sessions, int? Minutes, int? Weeks, decimal? Hourly, decimal? Resources, string? Description = null);

    private sealed record Staff(string Name, StaffRole Role, decimal? Hours, decimal? Hourly, string? Email = null, bool Manager = false);

    private sealed record Slot(DayOfWeek Day, string Start, string End);

    private sealed record Plan(string Name, string Offer, int Staff, int StartWeek, int Weeks, int Minutes, Slot[] Slots, string[] Years, string[] Needs, int Count,
        MeasureKind? Measure = null, string? OwnName = null, int? OwnMin = null, int? OwnMax = null, decimal Resources = 0m, bool OneToOne = false);

    private sealed record Entry(int Staff, TimetableKind Kind, DayOfWeek[] Days, string Start, string End, string Description);

    private static readonly DayOfWeek[] Week = Timetable.SchoolDays;
    private static Slot[] Daily(string start, string end) => Week.Select(d => new Slot(d, start, end)).ToArray();

    private static readonly Offer[] PrimaryOffers =
    [
        new("Quality-first: visual timetables and word mats", AreaOfNeed.CommunicationAndInteraction, 1, StaffRole.Teacher, null, null, null, null, null, 60m, "Every classroom; the cost is the resources"),
        new("Quality-first: pre-teaching vocabulary", AreaOfNeed.CognitionAndLearning, 1, StaffRole.Teacher, null, null, null, null, null, null),
        new("Phonics catch-up", AreaOfNeed.CognitionAndLearning, 2, StaffRole.TeachingAssistant, 6, 3, 30, 10, 14.20m, 40m),
        new("Precision teaching", AreaOfNeed.CognitionAndLearning, 2, StaffRole.TeachingAssistant, 4, 2, 20, 10, 14.20m, 0m),
        new("Maths catch-up with Numicon", AreaOfNeed.CognitionAndLearning, 2, StaffRole.Teacher, 5, 2, 30, 10, 32.50m, 120m),
        new("Talk Boost", AreaOfNeed.CommunicationAndInteraction, 2, StaffRole.TeachingAssistant, 5, 2, 30, 10, 14.20m, 95m),
        new("Lego-based therapy", AreaOfNeed.CommunicationAndInteraction, 2, StaffRole.TeachingAssistant, 3, 1, 45, 12, 14.20m, 50m),
        new("ELSA sessions", AreaOfNeed.SocialEmotionalMentalHealth, 2, StaffRole.TeachingAssistant, 3, 1, 45, 12, 15.10m, 20m, "Emotional literacy support assistant"),
        new("Clever Hands fine motor group", AreaOfNeed.SensoryPhysical, 2, StaffRole.TeachingAssistant, 4, 2, 20, 10, 14.20m, 35m),
        new("Speech and language therapy (commissioned)", AreaOfNeed.CommunicationAndInteraction, 3, StaffRole.Therapist, 2, 1, 30, 10, 78.00m, 0m),
        new("1:1 TA support (EHC plan)", AreaOfNeed.CommunicationAndInteraction, 3, StaffRole.TeachingAssistant, 1, 10, 120, 38, 15.10m, 0m),
        new("Sensory circuits", AreaOfNeed.SensoryPhysical, 2, StaffRole.TeachingAssistant, 6, 5, 15, 12, 14.20m, 150m),
    ];

    private static readonly Staff[] PrimaryStaff =
    [
        new("Ruth Okafor", StaffRole.Senco, 32.5m, 31.00m, "senco@millbrook.example", Manager: true),
        new("Dan Hughes", StaffRole.TeachingAssistant, 27.5m, 15.10m, "ta@millbrook.example"),
        new("Bethan Lloyd", StaffRole.TeachingAssistant, 25m, 14.20m),
        new("Kwame Asante", StaffRole.TeachingAssistant, 27.5m, 14.60m),
        new("Sophie Turner", StaffRole.TeachingAssistant, 17.5m, 15.10m),
        new("Priya Nair", StaffRole.Teacher, 32.5m, 32.50m, "teacher@millbrook.example"),
        new("Fiona Marsh", StaffRole.Therapist, null, 78.00m),
    ];

    private static readonly Plan[] PrimaryPlans =
    [
        new("Phonics catch-up Y1–2", "Phonics catch-up", 1, 0, 10, 30, [new(DayOfWeek.Monday, "11:15", "11:45"), new(DayOfWeek.Wednesday, "11:15", "11:45"), new(DayOfWeek.Friday, "11:15", "11:45")],
            ["1", "2"], [], 6, MeasureKind.ReadingAgeMonths, Resources: 40m),
        new("Precision teaching Y3–4", "Precision teaching", 2, 0, 10, 20, [new(DayOfWeek.Tuesday, "13:15", "13:35"), new(DayOfWeek.Thursday, "13:15", "13:35")],
            ["3", "4"], ["SPLD", "MLD"], 4, MeasureKind.SpellingAgeMonths),
        new("Talk Boost KS1", "Talk Boost", 3, 0, 10, 30, [new(DayOfWeek.Monday, "14:00", "14:30"), new(DayOfWeek.Wednesday, "14:00", "14:30")],
            ["R", "1", "2"], ["SLCN"], 5, MeasureKind.SchoolMeasure, "Talk Boost progress score", 0, 60, 95m),
        new("Maths catch-up Y5–6", "Maths catch-up with Numicon", 5, 0, 10, 30, [new(DayOfWeek.Tuesday, "15:20", "15:50"), new(DayOfWeek.Thursday, "15:20", "15:50")],
            ["5", "6"], ["MLD", "SPLD", "NSA"], 5, MeasureKind.StandardisedScore, Resources: 120m),
        new("ELSA Y3–6", "ELSA sessions", 4, 1, 12, 45, [new(DayOfWeek.Thursday, "14:00", "14:45")],
            ["3", "4", "5", "6"], ["SEMH"], 3, MeasureKind.SchoolMeasure, "Boxall profile developmental strands", 0, 136, 20m),
        new("Lego-based therapy", "Lego-based therapy", 3, 1, 12, 45, [new(DayOfWeek.Friday, "14:00", "14:45")], ["2", "3", "4"], ["ASD", "SLCN"], 3, Resources: 50m),
        new("Clever Hands Y1–3", "Clever Hands fine motor group", 2, 0, 10, 20, [new(DayOfWeek.Tuesday, "14:00", "14:20"), new(DayOfWeek.Thursday, "14:00", "14:20")],
            ["1", "2", "3"], ["PD", "OTH", "MLD"], 4, Resources: 35m),
        new("Speech and language therapy", "Speech and language therapy (commissioned)", 6, 1, 10, 30, [new(DayOfWeek.Wednesday, "09:30", "10:00")], ["R", "1", "2", "3"], ["SLCN", "ASD"], 2),
        new("1:1 support", "1:1 TA support (EHC plan)", 1, 0, 38, 120, [.. Daily("09:00", "11:00"), .. Daily("13:00", "15:00")], ["R", "1", "2", "3", "4", "5", "6"], [], 1, OneToOne: true),
        new("1:1 support", "1:1 TA support (EHC plan)", 3, 0, 38, 150, Daily("09:00", "11:30"), ["R", "1", "2", "3", "4", "5", "6"], [], 1, OneToOne: true),
    ];

    private static readonly Entry[] PrimaryEntries =
    [
        new(2, TimetableKind.Class, Week, "09:00", "12:00", "Year 3 class support"),
        new(4, TimetableKind.Class, Week, "09:00", "12:00", "Year 5 class support"),
        new(4, TimetableKind.Other, [DayOfWeek.Monday, DayOfWeek.Wednesday], "13:00", "15:00", "ELSA planning and check-ins"),
        new(1, TimetableKind.Other, Week, "12:00", "12:45", "Lunchtime supervision"),
        new(3, TimetableKind.Class, [DayOfWeek.Tuesday, DayOfWeek.Thursday], "13:00", "15:00", "Reception afternoon support"),
    ];

    private static readonly Offer[] SecondaryOffers =
    [
        new("Quality-first: adapted resources and seating plans", AreaOfNeed.CognitionAndLearning, 1, StaffRole.Teacher, null, null, null, null, null, null),
        new("Quality-first: movement breaks", AreaOfNeed.SensoryPhysical, 1, StaffRole.Teacher, null, null, null, null, null, null),
        new("Lexia reading", AreaOfNeed.CognitionAndLearning, 2, StaffRole.TeachingAssistant, 6, 3, 30, 10, 14.60m, 300m),
        new("Fresh Start phonics", AreaOfNeed.CognitionAndLearning, 2, StaffRole.TeachingAssistant, 5, 4, 30, 12, 14.60m, 180m),
        new("Nessy spelling", AreaOfNeed.CognitionAndLearning, 2, StaffRole.TeachingAssistant, 6, 2, 30, 10, 14.60m, 150m),
        new("Maths catch-up", AreaOfNeed.CognitionAndLearning, 2, StaffRole.Teacher, 6, 3, 50, 10, 34.00m, 80m),
        new("Social skills group", AreaOfNeed.CommunicationAndInteraction, 2, StaffRole.TeachingAssistant, 5, 1, 50, 12, 14.60m, 40m),
        new("Cool Connections anxiety group", AreaOfNeed.SocialEmotionalMentalHealth, 2, StaffRole.Mentor, 6, 1, 50, 10, 17.80m, 60m),
        new("Touch typing", AreaOfNeed.SensoryPhysical, 2, StaffRole.TeachingAssistant, 6, 2, 30, 10, 14.60m, 90m),
        new("Mentoring", AreaOfNeed.SocialEmotionalMentalHealth, 3, StaffRole.Mentor, 1, 1, 30, 12, 17.80m, 0m),
        new("1:1 TA support (EHC plan)", AreaOfNeed.CognitionAndLearning, 3, StaffRole.TeachingAssistant, 1, 5, 200, 38, 15.10m, 0m),
    ];

    private static readonly Staff[] SecondaryStaff =
    [
        new("Marcus Bell", StaffRole.Senco, 37m, 33.00m, "senco@hillside.example", Manager: true),
        new("Tom Price", StaffRole.Senco, 7.5m, 28.00m, "assistant.senco@millbrook.example"),
        new("Aisha Rahman", StaffRole.TeachingAssistant, 30m, 14.60m),
        new("Gareth Evans", StaffRole.TeachingAssistant, 30m, 15.10m),
        new("Lena Kowalski", StaffRole.TeachingAssistant, 27.5m, 14.60m),
        new("Josh Whitaker", StaffRole.TeachingAssistant, 30m, 14.60m),
        new("Nadia Hussain", StaffRole.Teacher, 32.5m, 34.00m, "teacher@hillside.example"),
        new("Corinne Blake", StaffRole.Mentor, 32.5m, 17.80m),
        new("Sam Oduya", StaffRole.TeachingAssistant, 30m, 15.10m),
    ];

    private static readonly Plan[] SecondaryPlans =
    [
        new("Lexia reading Y7", "Lexia reading", 2, 0, 10, 30, [new(DayOfWeek.Monday, "08:50", "09:20"), new(DayOfWeek.Wednesday, "08:50", "09:20"), new(DayOfWeek.Friday, "08:50", "09:20")],
            ["7"], ["SPLD", "MLD", "SLCN"], 6, MeasureKind.ReadingAgeMonths, Resources: 300m),
        new("Fresh Start phonics Y7–8", "Fresh Start phonics", 4, 1, 12, 30, [new(DayOfWeek.Monday, "09:50", "10:20"), new(DayOfWeek.Tuesday, "09:50", "10:20"), new(DayOfWeek.Thursday, "09:50", "10:20"), new(DayOfWeek.Friday, "09:50", "10:20")],
            ["7", "8"], ["MLD", "SPLD"], 5, MeasureKind.ReadingAgeMonths, Resources: 180m),
        new("Nessy spelling Y8–9", "Nessy spelling", 5, 0, 10, 30, [new(DayOfWeek.Tuesday, "08:50", "09:20"), new(DayOfWeek.Thursday, "08:50", "09:20")],
            ["8", "9"], ["SPLD"], 6, MeasureKind.SpellingAgeMonths, Resources: 150m),
        new("Maths catch-up Y7", "Maths catch-up", 6, 0, 10, 50, [new(DayOfWeek.Monday, "13:50", "14:40"), new(DayOfWeek.Wednesday, "13:50", "14:40"), new(DayOfWeek.Friday, "13:50", "14:40")],
            ["7"], ["MLD", "SPLD", "NSA"], 6, MeasureKind.StandardisedScore, Resources: 80m),
        new("Social skills KS3", "Social skills group", 3, 1, 12, 50, [new(DayOfWeek.Wednesday, "13:50", "14:40")], ["7", "8", "9"], ["ASD", "SLCN"], 5, Resources: 40m),
        new("Cool Connections Y9–10", "Cool Connections anxiety group", 7, 0, 10, 50, [new(DayOfWeek.Tuesday, "13:50", "14:40")],
            ["9", "10"], ["SEMH"], 6, MeasureKind.SchoolMeasure, "SWEMWBS wellbeing score", 7, 35, 60m),
        new("Touch typing Y7–9", "Touch typing", 4, 0, 10, 30, [new(DayOfWeek.Wednesday, "09:50", "10:20"), new(DayOfWeek.Friday, "11:10", "11:40")],
            ["7", "8", "9"], ["PD", "SPLD", "OTH"], 6, MeasureKind.SchoolMeasure, "Typing speed (words a minute)", 0, 120, 90m),
        new("Mentoring", "Mentoring", 7, 1, 12, 30, [new(DayOfWeek.Thursday, "11:10", "11:40")], ["10", "11"], ["SEMH"], 1, OneToOne: true),
        new("1:1 support", "1:1 TA support (EHC plan)", 3, 0, 38, 200, Daily("08:50", "12:10"), ["7", "8", "9", "10", "11"], [], 1, OneToOne: true),
        new("1:1 support", "1:1 TA support (EHC plan)", 8, 0, 38, 200, Daily("08:50", "12:10"), ["7", "8", "9", "10", "11"], [], 1, OneToOne: true),
    ];

    private static readonly Entry[] SecondaryEntries =
    [
        new(2, TimetableKind.Class, Week, "09:50", "12:10", "English in-class support"),
        new(2, TimetableKind.Class, [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Thursday], "13:50", "14:50", "Science in-class support"),
        new(4, TimetableKind.Class, [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday], "11:10", "13:10", "Maths in-class support"),
        new(5, TimetableKind.Class, Week, "09:50", "12:10", "Year 8 in-class support"),
        new(5, TimetableKind.Other, [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday], "12:10", "13:10", "Lunchtime nurture room"),
        new(3, TimetableKind.Class, [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Friday], "13:50", "15:00", "Afternoon in-class support"),
        new(8, TimetableKind.Class, Week, "13:50", "15:00", "Afternoon in-class support"),
        new(7, TimetableKind.Other, Week, "08:30", "10:30", "Attendance and pastoral check-ins"),
    ];

    // Top-up bands as a fictional local authority might set them. The first pupil with 1:1 support in each school is
    // on a band below what their provision costs above £6,000 (a shortfall to raise at annual review); the second's
    // band is above it (top-up not matched by costed provision). Other plans are met from the notional budget.
    private static readonly (string Band, decimal Amount)[] Bands = [("B2", 3_850m), ("B1", 2_100m)];
    private static readonly string[] CancelReasons = ["Whole-school assembly", "Class trip", "TA covering a class", "Fire drill", "Staff training"];
    private static readonly string[] AbsentNotes = ["Off sick", "Hospital appointment", "On a school trip", "Refused to come today", "Speech and language assessment"];

    public static async Task SeedAsync(SencoDbContext db, IReadOnlyList<School> schools, DateOnly today, int seed)
    {
        var random = new Random(seed);
        await SeedSchoolAsync(db, schools[0], today, random, PrimaryOffers, PrimaryStaff, PrimaryPlans, PrimaryEntries, 96_000m);
        await SeedSchoolAsync(db, schools[1], today, random, SecondaryOffers, SecondaryStaff, SecondaryPlans, SecondaryEntries, 268_000m);
    }

    private static async Task SeedSchoolAsync(SencoDbContext db, School school, DateOnly today, Random random, Offer[] offers, Staff[] staff, Plan[] plans, Entry[] entries, decimal budget)
    {
        var now = DateTime.UtcNow;
        var year = SchoolYear.Containing(today);
        // The first Monday on or after 3 September: the first full week of the autumn term.
        var termStart = new DateOnly(year.StartYear, 9, 3);
        while (termStart.DayOfWeek != DayOfWeek.Monday) termStart = termStart.AddDays(1);
        var halfTerm = LastMondayOfOctober(year.StartYear);

        var offerRows = offers.Select(o => new ProvisionOffer
        {
            Id = Guid.CreateVersion7(), SchoolId = school.Id, Name = o.Name, Description = o.Description, AreaOfNeed = o.Area, Wave = o.Wave, UsualStaffRole = o.Role,
            GroupSize = o.Size, SessionsPerWeek = o.Sessions, MinutesPerSession = o.Minutes, Weeks = o.Weeks, StaffHourlyCost = o.Hourly, ResourceCost = o.Resources,
            Version = 1, CreatedAt = now, UpdatedAt = now,
        }).ToList();
        db.ProvisionOffers.AddRange(offerRows);

        var userIds = await db.Users.Where(u => staff.Select(s => s.Email).Contains(u.Email)).ToDictionaryAsync(u => u.Email!, u => u.Id);
        var staffRows = staff.Select(s => new StaffMember
        {
            Id = Guid.CreateVersion7(), SchoolId = school.Id, Name = s.Name, Role = s.Role, ContractedHoursPerWeek = s.Hours, HourlyCost = s.Hourly,
            UserId = s.Email is not null && userIds.TryGetValue(s.Email, out var uid) ? uid : null, Version = 1, CreatedAt = now, UpdatedAt = now,
        }).ToList();
        var manager = staffRows[Array.FindIndex(staff, s => s.Manager)];
        foreach (var s in staffRows.Where(s => s != manager)) s.LineManagerId = manager.Id;
        db.StaffMembers.AddRange(staffRows);

        var register = await db.Pupils.Where(p => p.SchoolId == school.Id && p.OnRoll && p.SenStatus != SenStatus.N)
            .OrderBy(p => p.Surname).ThenBy(p => p.Forename).ThenBy(p => p.Upn).ToListAsync();
        var plansPupils = register.Where(p => p.SenStatus == SenStatus.E).ToList();
        var usedOneToOne = new HashSet<Guid>();
        var groupsPerPupil = new Dictionary<Guid, int>();

        foreach (var plan in plans)
        {
            var offer = offerRows.First(o => o.Name == plan.Offer);
            var runBy = staffRows[plan.Staff];
            var start = termStart.AddDays(7 * plan.StartWeek);
            var group = new InterventionGroup
            {
                Id = Guid.CreateVersion7(), SchoolId = school.Id, ProvisionId = offer.Id, StaffMemberId = runBy.Id, StartOn = start, Weeks = plan.Weeks,
                SessionsPerWeek = plan.Slots.Length, MinutesPerSession = plan.Minutes, StaffHourlyCost = runBy.HourlyCost ?? offer.StaffHourlyCost ?? 15m,
                ResourceCost = plan.Resources, Measure = plan.Measure, OwnMeasureName = plan.OwnName, OwnMeasureMin = plan.OwnMin, OwnMeasureMax = plan.OwnMax,
                Version = 1, CreatedAt = now, UpdatedAt = now,
            };
            foreach (var s in plan.Slots)
                group.Slots.Add(new InterventionSlot { SchoolId = school.Id, Day = s.Day, Start = TimeOnly.Parse(s.Start), End = TimeOnly.Parse(s.End) });

            List<Pupil> pupils;
            if (plan.OneToOne && plan.Offer.StartsWith("1:1", StringComparison.Ordinal))
                pupils = plansPupils.Where(p => !usedOneToOne.Contains(p.Id) && plan.Years.Contains(p.YearGroup)).Take(1).ToList();
            else
                pupils = register.Where(p => plan.Years.Contains(p.YearGroup) && (plan.Needs.Length == 0 || plan.Needs.Contains(p.PrimaryNeed) || plan.Needs.Contains(p.SecondaryNeed))
                                             && groupsPerPupil.GetValueOrDefault(p.Id) < 2)
                    .OrderBy(_ => random.Next()).Take(plan.Count).ToList();
            foreach (var p in pupils)
            {
                if (plan.OneToOne && plan.Offer.StartsWith("1:1", StringComparison.Ordinal)) usedOneToOne.Add(p.Id);
                groupsPerPupil[p.Id] = groupsPerPupil.GetValueOrDefault(p.Id) + 1;
            }
            if (plan.OneToOne && pupils.Count == 1) group.Name = $"{plan.Name} for {pupils[0].Forename} {pupils[0].Surname[0]}.";
            else group.Name = plan.Name;

            // A pupil leaves one of the longer groups midway (moved to another intervention), as happens.
            var members = pupils.Select(p => new GroupPupil { GroupId = group.Id, PupilId = p.Id, SchoolId = school.Id, JoinedOn = start }).ToList();
            if (members.Count >= 5 && plan.StartWeek == 0 && random.NextDouble() < 0.5)
                members[^1].LeftOn = start.AddDays(7 * (plan.Weeks / 2) - 3);
            group.Pupils.AddRange(members);
            db.InterventionGroups.Add(group);

            // This term's registers, up to yesterday; half term is recorded as cancelled.
            var until = today.AddDays(-1);
            var dates = Timetable.SessionDates(start, plan.Weeks, plan.Slots.Select(s => s.Day), until);
            foreach (var d in dates)
            {
                var session = new InterventionSession
                {
                    Id = Guid.CreateVersion7(), GroupId = group.Id, SchoolId = school.Id, On = d, Version = 1, RecordedById = runBy.UserId,
                    RecordedBy = runBy.Name, RecordedAt = d.ToDateTime(TimeOnly.Parse(plan.Slots[0].End), DateTimeKind.Utc),
                };
                if (d >= halfTerm && d < halfTerm.AddDays(5))
                {
                    session.Status = SessionStatus.Cancelled;
                    session.Note = "Half term";
                }
                else if (random.NextDouble() < 0.05)
                {
                    session.Status = SessionStatus.Cancelled;
                    session.Note = CancelReasons[random.Next(CancelReasons.Length)];
                }
                else
                {
                    session.Status = SessionStatus.Held;
                    foreach (var m in members.Where(m => m.JoinedOn <= d && (m.LeftOn is null || m.LeftOn >= d)))
                    {
                        var attended = random.NextDouble() < 0.91;
                        session.Attendance.Add(new SessionAttendance
                        {
                            PupilId = m.PupilId, SchoolId = school.Id, Attended = attended,
                            Note = attended || random.NextDouble() < 0.5 ? null : AbsentNotes[random.Next(AbsentNotes.Length)],
                        });
                    }
                }
                db.InterventionSessions.Add(session);
            }

            // Entry scores in the first week; exit scores once the group has ended (or the pupil has left).
            if (plan.Measure is { } measure)
            {
                foreach (var m in members)
                {
                    var pupil = pupils.First(p => p.Id == m.PupilId);
                    var (entry, exit) = Scores(measure, pupil, start, plan, random);
                    m.EntryValue = entry;
                    m.EntryOn = start;
                    var exitOn = m.LeftOn ?? group.EndOn.AddDays(-2);
                    if (exitOn < today)
                    {
                        m.ExitValue = m.LeftOn is null ? exit : entry + (exit - entry) / 3;
                        m.ExitOn = exitOn;
                    }
                    m.ScoresRecordedBy = runBy.Name;
                    m.ScoresRecordedAt = now;
                }
            }
        }

        foreach (var e in entries)
            foreach (var day in e.Days)
                db.StaffTimetableEntries.Add(new StaffTimetableEntry
                {
                    Id = Guid.CreateVersion7(), StaffMemberId = staffRows[e.Staff].Id, SchoolId = school.Id, Kind = e.Kind, Day = day,
                    Start = TimeOnly.Parse(e.Start), End = TimeOnly.Parse(e.End), Description = e.Description,
                });

        // High-needs top-up for the pupils with 1:1 support, for the academic year.
        foreach (var (p, i) in plansPupils.Where(p => usedOneToOne.Contains(p.Id)).Select((p, i) => (p, i)))
        {
            var (band, amount) = Bands[Math.Min(i, Bands.Length - 1)];
            db.TopUpFunding.Add(new TopUpFunding
            {
                Id = Guid.CreateVersion7(), SchoolId = school.Id, PupilId = p.Id, Band = band, Amount = amount, From = year.Start, To = year.End,
                Note = "Fictional award letter from the local authority", CreatedAt = now, RecordedBy = "Demo data",
            });
        }
        db.SenBudgets.Add(new SenBudget { SchoolId = school.Id, StartYear = year.StartYear, NotionalSenBudget = budget, Version = 1, UpdatedAt = now, UpdatedBy = "Demo data" });
        db.Audit(AuditActor.System, "demo.seed.provision", $"Seeded the demo provision for {school.Name}", school.Id);
        await db.SaveChangesAsync();
    }

    /// Realistic scores: reading and spelling ages a year or two behind, gaining a few months; standardised scores in
    /// the 70s and 80s gaining a few points; own measures a third of the way up their range.
    private static (int Entry, int Exit) Scores(MeasureKind measure, Pupil pupil, DateOnly on, Plan plan, Random random)
    {
        switch (measure)
        {
            case MeasureKind.ReadingAgeMonths or MeasureKind.SpellingAgeMonths:
                var age = (on.Year - pupil.DateOfBirth.Year) * 12 + on.Month - pupil.DateOfBirth.Month;
                var entry = Math.Max(48, age - random.Next(8, 30));
                return (entry, entry + random.Next(1, 11));
            case MeasureKind.StandardisedScore:
                var s = random.Next(69, 88);
                return (s, Math.Min(160, s + random.Next(-2, 11)));
            default:
                var lo = plan.OwnMin ?? 0;
                var hi = plan.OwnMax ?? 100;
                var e = lo + (hi - lo) * random.Next(20, 45) / 100;
                return (e, Math.Min(hi, e + (hi - lo) * random.Next(2, 20) / 100));
        }
    }

    private static DateOnly LastMondayOfOctober(int year)
    {
        var d = new DateOnly(year, 10, 31);
        while (d.DayOfWeek != DayOfWeek.Monday) d = d.AddDays(-1);
        return d;
    }
}
