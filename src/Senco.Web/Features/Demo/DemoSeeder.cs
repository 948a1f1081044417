using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Core.Pupils;
using Senco.Core.Schools;
using Senco.Core.Sen;
using Senco.Data;
using Senco.Web.Features.Pupils;

namespace Senco.Web.Features.Demo;

/// A fictional trust for trying Senco: one primary of about 300 pupils and one secondary of about 900, with
/// 15–20% on the register in roughly England's mix of needs. Every name is made up; the same seed always gives
/// the same data, so screenshots and tests are stable.
public static class DemoSeeder
{
    public const string TrustName = "Riverside Learning Trust (demo)";
    public static readonly (string Urn, string Name, string La, string Estab, Phase Phase, string Domain)[] Schools =
    [
        ("999101", "Millbrook Primary School (demo)", "873", "2901", Phase.Primary, "millbrook.example"),
        ("999102", "Hillside Academy (demo)", "873", "4901", Phase.Secondary, "hillside.example"),
    ];

    public static readonly (string Email, string Name, SchoolRole? Role, int School, bool Admin)[] Users =
    [
        ("senco@millbrook.example", "Ruth Okafor (SENCO)", SchoolRole.Senco, 0, false),
        ("assistant.senco@millbrook.example", "Tom Price (assistant SENCO)", SchoolRole.AssistantSenco, 0, false),
        ("teacher@millbrook.example", "Priya Nair (class teacher)", SchoolRole.Teacher, 0, false),
        ("ta@millbrook.example", "Dan Hughes (teaching assistant)", SchoolRole.TeachingAssistant, 0, false),
        ("head@millbrook.example", "Grace Mensah (headteacher)", SchoolRole.SeniorLeader, 0, false),
        ("governor@millbrook.example", "Alan Reeves (SEND governor)", SchoolRole.Governor, 0, false),
        ("office@millbrook.example", "Jo Whitfield (school office)", SchoolRole.SchoolAdmin, 0, false),
        ("senco@hillside.example", "Marcus Bell (SENCO)", SchoolRole.Senco, 1, false),
        ("teacher@hillside.example", "Nadia Hussain (teacher)", SchoolRole.Teacher, 1, false),
        ("trustlead@riverside.example", "Helen Carter (trust SEND lead)", SchoolRole.TrustLead, 0, false),
        ("admin@senco.example", "Sam Lee (system administrator)", null, 0, true),
    ];

    /// Added by the administrator with a temporary password (the demo password, for the first 72 hours after seeding).
    public static readonly (string Email, string Name) NewStarter = ("new.ta@millbrook.example", "Kemi Adebayo (teaching assistant, new)");

    private static readonly string[] GirlNames = ["Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Florence", "Freya", "Evie", "Sophia", "Poppy", "Aisha", "Zara", "Maya", "Ellie", "Grace", "Hannah", "Layla", "Nia", "Chloe", "Ruby", "Sienna", "Fatima", "Esme", "Olivia", "Imogen", "Amira", "Phoebe", "Willow", "Harper"];
    private static readonly string[] BoyNames = ["Oliver", "Noah", "George", "Leo", "Arthur", "Muhammad", "Oscar", "Harry", "Theo", "Jack", "Freddie", "Alfie", "Ethan", "Kai", "Reuben", "Yusuf", "Samuel", "Finley", "Ibrahim", "Louis", "Max", "Rory", "Toby", "Adam", "Jacob", "Ezra", "Dylan", "Felix", "Tomasz", "Kofi"];
    private static readonly string[] Surnames = ["Ashworth", "Baptiste", "Chowdhury", "Dalton", "Ellery", "Fairbairn", "Gallagher", "Haddad", "Ingram", "Jankowski", "Kavanagh", "Lindqvist", "Mbeki", "Nowak", "Osei", "Pennington", "Quinlan", "Rahman", "Sutcliffe", "Thornbury", "Umarov", "Varga", "Whitlock", "Xiang", "Yardley", "Zielinski", "Abara", "Brightwell", "Cartwright", "Delacroix", "Eastwood", "Farrant", "Goldsworthy", "Hollins", "Iqbal", "Jovanovic", "Kettering", "Lockwood", "Marchetti", "Northcott"];

    // Weighted roughly like England's primary needs (DfE Special educational needs in England, 2024): SEN support is
    // led by SLCN, SEMH and MLD; EHC plans by autism.
    private static readonly (string Need, int Weight)[] SupportNeeds = [("SLCN", 24), ("SEMH", 21), ("MLD", 18), ("SPLD", 13), ("ASD", 9), ("OTH", 4), ("PD", 3), ("HI", 2), ("VI", 1), ("NSA", 3), ("SLD", 1), ("MSI", 1)];
    private static readonly (string Need, int Weight)[] PlanNeeds = [("ASD", 33), ("SLCN", 21), ("SEMH", 14), ("SLD", 9), ("MLD", 7), ("PD", 5), ("SPLD", 3), ("HI", 2), ("VI", 1), ("PMLD", 2), ("OTH", 2), ("MSI", 1)];

    private static readonly string[] KReasons =
    [
        "Assessment shows progress well below age-related expectations despite quality-first teaching; parents met and agree to SEN support.",
        "Speech and language screening and class observations show needs that call for targeted support; parents informed.",
        "Pattern of dysregulation and anxiety noted over two terms; pupil progress meeting agreed SEN support with parents.",
        "Specialist teacher assessment identified specific literacy difficulties; plan agreed with parents and pupil.",
    ];

    public static async Task SeedIfEmptyAsync(IServiceProvider sp, SencoOptions options, ILogger log)
    {
        var db = sp.GetRequiredService<SencoDbContext>();
        if (await db.Schools.AnyAsync()) return;
        var users = sp.GetRequiredService<UserManager<SencoUser>>();

        var trust = new Trust { Name = TrustName };
        var schools = Schools.Select(s => new School { Urn = s.Urn, Name = s.Name, LaCode = s.La, Estab = s.Estab, Phase = s.Phase, Trust = trust, CreatedAt = DateTime.UtcNow }).ToList();
        db.Trusts.Add(trust);
        db.Schools.AddRange(schools);
        await db.SaveChangesAsync();

        foreach (var u in Users)
        {
            var user = new SencoUser { UserName = u.Email, Email = u.Email, DisplayName = u.Name, EmailConfirmed = true, IsSystemAdmin = u.Admin, CreatedAt = DateTime.UtcNow };
            var result = await users.CreateAsync(user, options.DemoPassword);
            if (!result.Succeeded) throw new InvalidOperationException("Senco__DemoPassword was not accepted: " + string.Join(" ", result.Errors.Select(e => e.Description)));
            if (u.Role is { } role) db.Memberships.Add(new SchoolMembership { UserId = user.Id, SchoolId = schools[u.School].Id, Role = role });
        }
        // A teaching assistant the administrator has just added: the password is temporary, so their first sign-in asks them
        // to choose their own (issue 9, ASVS 2.3.1). Their account is separate from the list above, which every demo uses.
        var newcomer = new SencoUser
        {
            UserName = NewStarter.Email, Email = NewStarter.Email, DisplayName = NewStarter.Name, EmailConfirmed = true, CreatedAt = DateTime.UtcNow,
            TemporaryPasswordExpiresAt = DateTime.UtcNow.AddHours(72),
        };
        var added = await users.CreateAsync(newcomer, options.DemoPassword);
        if (!added.Succeeded) throw new InvalidOperationException("Senco__DemoPassword was not accepted: " + string.Join(" ", added.Errors.Select(e => e.Description)));
        db.Memberships.Add(new SchoolMembership { UserId = newcomer.Id, SchoolId = schools[0].Id, Role = SchoolRole.TeachingAssistant });
        // The assistant SENCO also covers the secondary one day a week: a person with roles in two schools.
        var assistant = await users.FindByEmailAsync("assistant.senco@millbrook.example");
        db.Memberships.Add(new SchoolMembership { UserId = assistant!.Id, SchoolId = schools[1].Id, Role = SchoolRole.AssistantSenco });
        await db.SaveChangesAsync();

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var random = new Random(20260903);
        var senco = Users[0].Name;
        AddPupils(db, schools[0], 300, ["R", "1", "2", "3", "4", "5", "6"], today, random, senco);
        AddPupils(db, schools[1], 900, ["7", "8", "9", "10", "11"], today, random, Users[7].Name);
        db.Audit(AuditActor.System, "demo.seed", "Seeded the fictional demo trust");
        await db.SaveChangesAsync();
        await DemoEhc.SeedAsync(db, schools, today, Users[0].Name);
        // Graduated approach: classes, strategy bank, support plans, passports.
        await GraduatedDemo.SeedAsync(db, schools, today);
        await ProvisionDemo.SeedAsync(db, schools, today, 20261104);
        await TransfersDemo.SeedAsync(db, schools, today, Users[0].Name);
        await TeamDemo.SeedAsync(db, schools, today);
        await DataExchangeDemo.SeedAsync(db, schools, today, Users[0].Name, Users[7].Name); // leavers, subject access, a remembered MIS mapping
        await DeliveryDemo.SeedAsync(db, schools, today, 20261123);
        await ReportsDemo.SeedAsync(db, schools, today, Users[0].Name, Users[7].Name); // SEN information report, exam access arrangements
        await LeadershipDemo.SeedAsync(db, schools, today, 20261201); // assessment results over four terms (issue 8)
        await AccessibilityDemo.SeedAsync(db, schools, today, Users[0].Name, Users[7].Name); // accessibility plan, reasonable adjustments (issue 8)
        log.LogInformation("Seeded the demo trust: {Schools} schools, {Pupils} pupils", schools.Count, await db.Pupils.IgnoreQueryFilters().CountAsync());
    }

    private static void AddPupils(SencoDbContext db, School school, int count, string[] years, DateOnly today, Random random, string sencoName)
    {
        var academicYear = Senco.Core.SchoolYear.Containing(today);
        for (var i = 0; i < count; i++)
        {
            var year = years[i % years.Length];
            var girl = random.Next(2) == 0;
            var forename = girl ? GirlNames[random.Next(GirlNames.Length)] : BoyNames[random.Next(BoyNames.Length)];
            var surname = Surnames[random.Next(Surnames.Length)];
            // Age: a Year N pupil turns N+5 during the school year.
            var ncYear = year == "R" ? 0 : int.Parse(year);
            var dob = new DateOnly(academicYear.StartYear - ncYear - 5, 9, 1).AddDays(random.Next(365));
            var serial = (i + 1).ToString("000");
            var body = $"{school.LaCode}{school.Estab}{(academicYear.StartYear - ncYear) % 100:00}{serial}";
            var upn = $"{Upn.CheckLetterFor(body)}{body}";
            var now = DateTime.UtcNow;
            var pupil = new Pupil
            {
                Id = Guid.CreateVersion7(), SchoolId = school.Id, Upn = upn, Forename = forename, Surname = surname, DateOfBirth = dob,
                Gender = girl ? "F" : "M", YearGroup = year, Eal = random.NextDouble() < 0.2, LookedAfter = random.NextDouble() < 0.01,
                PupilPremium = random.NextDouble() < 0.25, Version = 1, CreatedAt = now, UpdatedAt = now,
            };
            pupil.RefreshSearchText();
            db.Pupils.Add(pupil);
            // The demo pretends the school has used Senco since the pupil joined it.
            var joined = new DateOnly(academicYear.StartYear - ncYear, 9, 1);
            db.PupilEvents.Add(new PupilEvent { PupilId = pupil.Id, SchoolId = school.Id, Kind = PupilEventKind.Added, OccurredOn = joined, Summary = $"Added to Senco with UPN {upn}", RecordedBy = "Demo data", RecordedAt = now });

            var roll = random.NextDouble();
            if (roll >= 0.175) continue;
            var plan = roll < 0.035;
            var weights = plan ? PlanNeeds : SupportNeeds;
            var needs = new List<string> { Pick(weights, random) };
            if (random.NextDouble() < 0.45)
            {
                var second = Pick(weights.Where(w => w.Need != "NSA").ToArray(), random);
                if (!needs.Contains(second)) needs.Add(second);
            }
            if (plan) needs.Remove("NSA");
            if (needs.Count == 0) needs.Add("ASD");
            var kFrom = academicYear.Start.AddYears(-random.Next(0, Math.Max(1, ncYear + 1))).AddDays(random.Next(3, 60));
            if (kFrom < joined) kFrom = joined.AddDays(random.Next(20, 60));
            if (kFrom > today) kFrom = today;
            AddChange(db, pupil, SenStatus.K, plan ? [needs[0]] : needs, kFrom, KReasons[random.Next(KReasons.Length)], sencoName, now);
            if (plan)
            {
                var eFrom = kFrom.AddMonths(random.Next(8, 20));
                if (eFrom > today) eFrom = today;
                AddChange(db, pupil, SenStatus.E, needs, eFrom, "EHC plan issued by the local authority following needs assessment.", sencoName, now);
            }
        }
    }

    private static void AddChange(SencoDbContext db, Pupil pupil, SenStatus status, List<string> needs, DateOnly from, string reason, string by, DateTime now)
    {
        var before = pupil.SenStatus;
        var beforeNeeds = pupil.Needs;
        PupilCommands.ApplySen(pupil, status, needs, from);
        db.SenStatusChanges.Add(new SenStatusChange { PupilId = pupil.Id, SchoolId = pupil.SchoolId, Status = status, Needs = string.Join(',', needs), EffectiveFrom = from, Reason = reason, RecordedBy = by, RecordedAt = now });
        db.PupilEvents.Add(new PupilEvent { PupilId = pupil.Id, SchoolId = pupil.SchoolId, Kind = PupilEventKind.SenStatusChanged, OccurredOn = from, Summary = PupilCommands.DescribeSenChange(before, beforeNeeds, status, needs), Reason = reason, RecordedBy = by, RecordedAt = now });
    }

    private static string Pick((string Need, int Weight)[] weights, Random random)
    {
        var total = weights.Sum(w => w.Weight);
        var r = random.Next(total);
        foreach (var (need, weight) in weights)
        {
            if (r < weight) return need;
            r -= weight;
        }
        return weights[^1].Need;
    }

    public static void PrintSignIns(SencoOptions options)
    {
        Console.WriteLine("  Demo data: a fictional trust. Sign in with any of these (password for all: " + options.DemoPassword + "):");
        foreach (var u in Users) Console.WriteLine($"    {u.Email,-36} {u.Name}");
        Console.WriteLine("  The system administrator must set up two-factor authentication at first sign-in.");
        Console.WriteLine($"  {NewStarter.Email} has just been added: they must choose their own password at first sign-in.");
    }
}
