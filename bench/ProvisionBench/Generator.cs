using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Core.Provision;
using Senco.Core.Pupils;
using Senco.Core.Schools;
using Senco.Core.Sen;
using Senco.Data;
using Senco.Web.Features.Pupils;

/// <summary>
/// A fictional secondary of 1,500 pupils (300 a year in Years 7–11, 18% on the register, 3% with plans), with a
/// catalogue of 12 provisions, 14 staff, and 60 intervention groups over the year: 18 a term for 10–12 weeks plus
/// 6 year-long 1:1s, every timetabled session registered (4% cancelled, 90% attendance), entry and exit scores.
/// </summary>
internal static class Generator
{
    public const string SencoEmail = "senco@bench.example";

    private static readonly string[] Forenames = ["Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Freya", "Aisha", "Zara", "Maya", "Oliver", "Noah", "George", "Leo", "Arthur", "Muhammad", "Oscar", "Theo", "Kai", "Yusuf", "Tomasz", "Kofi", "Ezra", "Nia"];
    private static readonly string[] Surnames = ["Ashworth", "Baptiste", "Chowdhury", "Dalton", "Ellery", "Fairbairn", "Gallagher", "Haddad", "Ingram", "Jankowski", "Kavanagh", "Lindqvist", "Mbeki", "Nowak", "Osei", "Pennington", "Quinlan", "Rahman", "Sutcliffe", "Thornbury", "Umarov", "Varga", "Whitlock", "Xiang"];
    private static readonly string[] Needs = ["SLCN", "SEMH", "MLD", "SPLD", "ASD", "OTH", "PD", "HI"];

    public static async Task<string> SeedAsync(IServiceProvider services, string urn, string password, SchoolYear year)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<TenantScope>().RestrictToSystem();
        var db = sp.GetRequiredService<SencoDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var random = new Random(1500);
        var now = DateTime.UtcNow;

        var school = new School { Urn = urn, Name = "Benchmark Academy (generated)", LaCode = "873", Estab = "4998", Phase = Phase.Secondary, CreatedAt = now };
        db.Schools.Add(school);
        await db.SaveChangesAsync();
        var users = sp.GetRequiredService<UserManager<SencoUser>>();
        var senco = new SencoUser { UserName = SencoEmail, Email = SencoEmail, DisplayName = "Benchmark SENCO", EmailConfirmed = true, CreatedAt = now };
        var created = await users.CreateAsync(senco, password);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        db.Memberships.Add(new SchoolMembership { UserId = senco.Id, SchoolId = school.Id, Role = SchoolRole.Senco });

        // Pupils.
        var pupils = new List<Pupil>();
        for (var i = 0; i < 1500; i++)
        {
            var nc = 7 + i % 5;
            var dob = new DateOnly(year.StartYear - nc - 5, 9, 1).AddDays(random.Next(365));
            // UPN serials run to 999, so the second thousand pupils take a different two-digit year in the UPN.
            var body = $"873{school.Estab}{(year.StartYear - nc + (i >= 1000 ? 50 : 0)) % 100:00}{i % 1000:000}";
            var p = new Pupil
            {
                Id = Guid.CreateVersion7(), SchoolId = school.Id, Upn = $"{Upn.CheckLetterFor(body)}{body}", Forename = Forenames[random.Next(Forenames.Length)],
                Surname = Surnames[random.Next(Surnames.Length)], DateOfBirth = dob, Gender = random.Next(2) == 0 ? "F" : "M", YearGroup = nc.ToString(),
                Version = 1, CreatedAt = now, UpdatedAt = now,
            };
            var roll = random.NextDouble();
            if (roll < 0.18)
            {
                var needs = new List<string> { Needs[random.Next(Needs.Length)] };
                PupilCommands.ApplySen(p, roll < 0.03 ? SenStatus.E : SenStatus.K, needs, year.Start.AddYears(-1));
            }
            p.RefreshSearchText();
            pupils.Add(p);
        }
        db.Pupils.AddRange(pupils);
        await db.SaveChangesAsync();
        var register = pupils.Where(p => p.SenStatus != SenStatus.N).ToList();
        var plans = register.Where(p => p.SenStatus == SenStatus.E).ToList();

        // Catalogue and staff.
        var offers = new List<ProvisionOffer>();
        var names = new[] { "Lexia reading", "Fresh Start phonics", "Nessy spelling", "Maths catch-up", "Social skills group", "Anxiety group", "Touch typing", "Mentoring", "Speech and language", "Handwriting", "Memory skills", "1:1 TA support (EHC plan)" };
        for (var i = 0; i < names.Length; i++)
            offers.Add(new ProvisionOffer
            {
                Id = Guid.CreateVersion7(), SchoolId = school.Id, Name = names[i], AreaOfNeed = (AreaOfNeed)(i % 4), Wave = i == names.Length - 1 ? 3 : 2,
                UsualStaffRole = StaffRole.TeachingAssistant, Version = 1, CreatedAt = now, UpdatedAt = now,
            });
        db.ProvisionOffers.AddRange(offers);
        var staff = Enumerable.Range(0, 14).Select(i => new StaffMember
        {
            Id = Guid.CreateVersion7(), SchoolId = school.Id, Name = $"Generated TA {i + 1}", Role = i == 0 ? StaffRole.Senco : StaffRole.TeachingAssistant,
            ContractedHoursPerWeek = 30m, HourlyCost = 14.60m + i % 3 * 0.5m, Version = 1, CreatedAt = now, UpdatedAt = now,
        }).ToList();
        foreach (var s in staff.Skip(1)) s.LineManagerId = staff[0].Id;
        db.StaffMembers.AddRange(staff);
        await db.SaveChangesAsync();

        // Sixty groups: three terms of 18, plus six year-long 1:1s.
        var termStarts = new[] { FirstMonday(year.StartYear, 9, 3), FirstMonday(year.StartYear + 1, 1, 5), FirstMonday(year.StartYear + 1, 4, 20) };
        var groups = new List<(InterventionGroup Group, List<GroupPupil> Members)>();
        var days = Timetable.SchoolDays;
        for (var term = 0; term < 3; term++)
            for (var k = 0; k < 18; k++)
            {
                var offer = offers[k % 11];
                var sessions = 2 + k % 3;
                var ta = staff[1 + k % 13];
                var slotStart = new TimeOnly(9 + k / 13 * 2, (k % 2) * 30);
                var g = new InterventionGroup
                {
                    Id = Guid.CreateVersion7(), SchoolId = school.Id, ProvisionId = offer.Id, Name = $"{offer.Name} term {term + 1} group {k + 1}", StaffMemberId = ta.Id,
                    StartOn = termStarts[term], Weeks = 10 + k % 3, SessionsPerWeek = sessions, MinutesPerSession = k % 2 == 0 ? 30 : 50, StaffHourlyCost = ta.HourlyCost!.Value,
                    ResourceCost = 50m * (k % 4), Measure = (MeasureKind)(k % 3), Version = 1, CreatedAt = now, UpdatedAt = now,
                };
                for (var s = 0; s < sessions; s++)
                    g.Slots.Add(new InterventionSlot { SchoolId = school.Id, Day = days[(k + s * 2) % 5], Start = slotStart, End = slotStart.AddMinutes(g.MinutesPerSession) });
                var members = register.OrderBy(_ => random.Next()).Take(4 + k % 5).Select(p => new GroupPupil
                {
                    GroupId = g.Id, PupilId = p.Id, SchoolId = school.Id, JoinedOn = g.StartOn,
                    LeftOn = random.NextDouble() < 0.08 ? g.StartOn.AddDays(7 * random.Next(2, 8)) : null,
                }).ToList();
                groups.Add((g, members));
            }
        for (var k = 0; k < 6; k++)
        {
            var ta = staff[1 + (k + 6) % 13];
            var g = new InterventionGroup
            {
                Id = Guid.CreateVersion7(), SchoolId = school.Id, ProvisionId = offers[^1].Id, Name = $"1:1 support {k + 1}", StaffMemberId = ta.Id, StartOn = termStarts[0],
                Weeks = 38, SessionsPerWeek = 5, MinutesPerSession = 200, StaffHourlyCost = ta.HourlyCost!.Value, ResourceCost = 0m, Version = 1, CreatedAt = now, UpdatedAt = now,
            };
            foreach (var d in days) g.Slots.Add(new InterventionSlot { SchoolId = school.Id, Day = d, Start = new TimeOnly(13, 0), End = new TimeOnly(16, 20) });
            groups.Add((g, [new GroupPupil { GroupId = g.Id, PupilId = plans[k % plans.Count].Id, SchoolId = school.Id, JoinedOn = g.StartOn }]));
        }

        var sessionCount = 0;
        var markCount = 0;
        foreach (var (g, members) in groups)
        {
            foreach (var m in members)
            {
                if (g.Measure is not { } measure) continue;
                var (lo, gain) = measure == MeasureKind.StandardisedScore ? (70 + random.Next(18), random.Next(-2, 11)) : (100 + random.Next(40), random.Next(0, 12));
                m.EntryValue = lo;
                m.EntryOn = g.StartOn;
                m.ExitValue = lo + gain;
                m.ExitOn = m.LeftOn ?? g.EndOn;
            }
            g.Pupils.AddRange(members);
            db.InterventionGroups.Add(g);
            foreach (var d in Timetable.SessionDates(g.StartOn, g.Weeks, g.Slots.Select(s => s.Day)))
            {
                var session = new InterventionSession
                {
                    Id = Guid.CreateVersion7(), GroupId = g.Id, SchoolId = school.Id, On = d, Version = 1, RecordedBy = "Generated", RecordedAt = now,
                    Status = random.NextDouble() < 0.04 ? SessionStatus.Cancelled : SessionStatus.Held,
                };
                if (session.Status == SessionStatus.Cancelled) session.Note = "Trip";
                else
                    foreach (var m in members.Where(m => m.JoinedOn <= d && (m.LeftOn is null || m.LeftOn >= d)))
                    {
                        session.Attendance.Add(new SessionAttendance { PupilId = m.PupilId, SchoolId = school.Id, Attended = random.NextDouble() < 0.9 });
                        markCount++;
                    }
                db.InterventionSessions.Add(session);
                sessionCount++;
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        foreach (var p in plans)
            db.TopUpFunding.Add(new TopUpFunding
            {
                Id = Guid.CreateVersion7(), SchoolId = school.Id, PupilId = p.Id, Band = "B3", Amount = 6_400m, From = year.Start, To = year.End, CreatedAt = now, RecordedBy = "Generated",
            });
        db.SenBudgets.Add(new SenBudget { SchoolId = school.Id, StartYear = year.StartYear, NotionalSenBudget = 240_000m, Version = 1, UpdatedAt = now, UpdatedBy = "Generated" });
        await db.SaveChangesAsync();

        return $"{pupils.Count} pupils ({register.Count} on the register, {plans.Count} with plans), {groups.Count} groups, " +
               $"{groups.Sum(g => g.Members.Count)} group places, {sessionCount} registers, {markCount} attendance marks";
    }

    private static DateOnly FirstMonday(int year, int month, int day)
    {
        var d = new DateOnly(year, month, day);
        while (d.DayOfWeek != DayOfWeek.Monday) d = d.AddDays(1);
        return d;
    }
}
