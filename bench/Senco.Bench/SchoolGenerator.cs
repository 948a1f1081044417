using Senco.Core;
using Senco.Core.Model;
using Senco.Core.Pupils;
using Senco.Core.Schools;
using Senco.Core.Sen;

namespace Senco.Bench;

/// The rows of one school's pupils, their SEN history and their timeline.
public sealed class SchoolData
{
    public List<Pupil> Pupils { get; } = [];
    public List<SenStatusChange> Changes { get; } = [];
    public List<PupilEvent> Events { get; } = [];
}

/// Makes a school's pupils with roughly England's proportions (DfE "Special educational needs in England",
/// 2024: about 13–14% on SEN support, 4–5% with an EHC plan; EAL about 20%; pupil premium about 25%) and SEN
/// history consistent with each pupil's status today. Every name is made up; the same seed and as-of date give
/// the same rows.
public sealed class SchoolGenerator(Random random, DateOnly asOf)
{
    public const double EhcPlanShare = 0.045;
    public const double SenSupportShare = 0.135;

    /// The shares of pupils with an EHC plan and on SEN support. Mainstream schools use England's averages; the national
    /// dataset sets them by kind of school (a special school's pupils nearly all have plans).
    public (double Ehc, double Support) Shares { get; set; } = (EhcPlanShare, SenSupportShare);

    private readonly SchoolYear _year = SchoolYear.Containing(asOf);
    private readonly DateTime _now = asOf.ToDateTime(new TimeOnly(7, 0), DateTimeKind.Utc);
    /// The school started to use Senco two years ago; pupils on roll then were imported from the MIS that day.
    private DateOnly Adopted => _year.Start.AddYears(-2);

    private static readonly string[] GirlNames = ["Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Florence", "Freya", "Evie", "Sophia", "Poppy", "Aisha", "Zara", "Maya", "Ellie", "Grace", "Hannah", "Layla", "Nia", "Chloe", "Ruby", "Sienna", "Fatima", "Esme", "Olivia", "Imogen", "Amira", "Phoebe", "Willow", "Harper", "Zofia", "Oluwaseun", "Niamh", "Saoirse", "Anaya", "Maryam", "Elif", "Bethan", "Ines", "Keira"];
    private static readonly string[] BoyNames = ["Oliver", "Noah", "George", "Leo", "Arthur", "Muhammad", "Oscar", "Harry", "Theo", "Jack", "Freddie", "Alfie", "Ethan", "Kai", "Reuben", "Yusuf", "Samuel", "Finley", "Ibrahim", "Louis", "Max", "Rory", "Toby", "Adam", "Jacob", "Ezra", "Dylan", "Felix", "Tomasz", "Kofi", "Aarav", "Callum", "Dmitri", "Emeka", "Hamza", "Jayden", "Lewis", "Mateo", "Rhys", "Zain"];
    private static readonly string[] Surnames = ["Ashworth", "Baptiste", "Chowdhury", "Dalton", "Ellery", "Fairbairn", "Gallagher", "Haddad", "Ingram", "Jankowski", "Kavanagh", "Lindqvist", "Mbeki", "Nowak", "Osei", "Pennington", "Quinlan", "Rahman", "Sutcliffe", "Thornbury", "Umarov", "Varga", "Whitlock", "Xiang", "Yardley", "Zielinski", "Abara", "Brightwell", "Cartwright", "Delacroix", "Eastwood", "Farrant", "Goldsworthy", "Hollins", "Iqbal", "Jovanovic", "Kettering", "Lockwood", "Marchetti", "Northcott", "O'Dowd", "Pryce-Hughes", "Adeyemi", "Begum", "Costa", "Dunmore", "Evans-Okoro", "Fitzgerald", "Grewal", "Hartnell", "Ilori", "Kowalczyk", "Latimer", "MacAskill", "Nakamura", "Oyelaran", "Petrescu", "Ramsbottom", "Szabo", "Tremayne", "Underwood", "Vasquez", "Wojcik", "Yilmaz"];

    // As DemoSeeder: England's mix of primary needs. SEN support is led by SLCN, SEMH and MLD; EHC plans by autism.
    private static readonly (string Need, int Weight)[] SupportNeeds = [("SLCN", 24), ("SEMH", 21), ("MLD", 18), ("SPLD", 13), ("ASD", 9), ("OTH", 4), ("PD", 3), ("HI", 2), ("VI", 1), ("NSA", 3), ("SLD", 1), ("MSI", 1)];
    private static readonly (string Need, int Weight)[] PlanNeeds = [("ASD", 33), ("SLCN", 21), ("SEMH", 14), ("SLD", 9), ("MLD", 7), ("PD", 5), ("SPLD", 3), ("HI", 2), ("VI", 1), ("PMLD", 2), ("OTH", 2), ("MSI", 1)];

    private static readonly string[] KReasons =
    [
        "Assessment shows progress well below age-related expectations despite quality-first teaching; parents met and agree to SEN support.",
        "Speech and language screening and class observations show needs that call for targeted support; parents informed.",
        "Pattern of dysregulation and anxiety noted over two terms; pupil progress meeting agreed SEN support with parents.",
        "Specialist teacher assessment identified specific literacy difficulties; plan agreed with parents and pupil.",
        "Information from the previous school and our own assessment confirm needs that call for SEN support; parents agree.",
    ];
    private const string EReason = "EHC plan issued by the local authority following needs assessment.";
    private const string EOnArrivalReason = "Joined with an EHC plan naming this school; plan received from the local authority.";
    private const string NeedsReason = "Reviewed at the termly assess–plan–do–review meeting with parents; needs re-ranked on new evidence.";
    private const string OffReason = "Good progress sustained over three terms; no longer needs provision additional to or different from the class; parents agree.";

    public SchoolData Generate(School school, int count, Guid sencoId, string sencoName)
    {
        var data = new SchoolData();
        var years = YearsOf(school.Phase);
        var entryOrder = YearGroups.Order(years[0].Item1);
        var upns = new HashSet<string>(StringComparer.Ordinal);
        var serials = new Dictionary<int, int>();

        for (var i = 0; i < count; i++)
        {
            var year = Pick(years);
            var order = YearGroups.Order(year);
            var girl = random.Next(2) == 0;
            var forename = girl ? GirlNames[random.Next(GirlNames.Length)] : BoyNames[random.Next(BoyNames.Length)];
            var surname = Surnames[random.Next(Surnames.Length)];
            // A Year N pupil turns N+5 during the school year.
            var dob = new DateOnly(_year.StartYear - order - 5, 9, 1).AddDays(random.Next(365));

            // Joined at the start of the phase (or of the sixth form), a few mid-year.
            var joinOrder = order >= 12 && random.NextDouble() < 0.3 ? 12 : entryOrder;
            var joined = new DateOnly(_year.StartYear - (order - joinOrder), 9, 1);
            if (random.NextDouble() < 0.06) joined = joined.AddDays(random.Next(20, 300));
            if (joined > asOf) joined = asOf;

            var (upn, temporary) = NewUpn(school, order, upns, serials);
            var added = joined < Adopted ? Adopted : joined;
            var createdAt = At(added);
            var pupil = new Pupil
            {
                Id = GuidV7(createdAt),
                SchoolId = school.Id,
                Upn = upn,
                UpnIsTemporary = temporary,
                Forename = forename,
                Surname = surname,
                DateOfBirth = dob,
                Gender = girl ? "F" : "M",
                YearGroup = year,
                Eal = random.NextDouble() < 0.20,
                LookedAfter = random.NextDouble() < 0.01,
                PupilPremium = random.NextDouble() < 0.25,
                OnRoll = true,
                Version = 1,
                CreatedAt = createdAt,
                UpdatedAt = createdAt,
            };
            pupil.RefreshSearchText();
            data.Pupils.Add(pupil);

            var yearThen = YearLabel(order - (_year.StartYear - SchoolYear.Containing(added).StartYear));
            AddEvent(data, pupil, PupilEventKind.Added, added,
                $"Added to Senco with UPN {upn}{(temporary ? " (temporary)" : "")}, {yearThen}" + (joined < Adopted ? " (imported from the MIS)" : ""),
                null, joined < Adopted ? "MIS import" : sencoName, joined < Adopted ? null : sencoId);

            AddSenHistory(data, pupil, joined, sencoId, sencoName);

            if (pupil.PupilPremium && random.NextDouble() < 0.15)
            {
                var on = Between(added, asOf);
                AddEvent(data, pupil, PupilEventKind.DetailsChanged, on, "Pupil premium changed from no to yes", "Eligibility confirmed by the local authority.", sencoName, sencoId);
            }
            if (random.NextDouble() < 0.01)
            {
                // Left during this school year: history and timeline stay; the register shows only pupils on roll.
                pupil.OnRoll = false;
                var on = Between(_year.Start > added ? _year.Start : added, asOf);
                AddEvent(data, pupil, PupilEventKind.LeftRoll, on, "Left the school's roll", "Moved out of the area.", sencoName, sencoId);
            }
        }
        return data;
    }

    /// The year groups a school of this phase teaches, weighted by their usual size.
    private static (string, int)[] YearsOf(Phase phase) => phase switch
    {
        Phase.Primary => [("R", 10), ("1", 10), ("2", 10), ("3", 10), ("4", 10), ("5", 10), ("6", 10)],
        Phase.Nursery => [("N1", 8), ("N2", 10)],
        // All-through and special schools: Reception to Year 13 (special schools' older year groups are larger).
        Phase.AllThrough => [("R", 8), ("1", 8), ("2", 8), ("3", 8), ("4", 8), ("5", 8), ("6", 8), ("7", 10), ("8", 10), ("9", 10), ("10", 10), ("11", 10), ("12", 5), ("13", 4)],
        Phase.Special => [("R", 3), ("1", 4), ("2", 5), ("3", 6), ("4", 7), ("5", 8), ("6", 8), ("7", 9), ("8", 9), ("9", 10), ("10", 10), ("11", 10), ("12", 7), ("13", 6), ("14", 4)],
        // Alternative provision: mostly key stage 3 and 4.
        Phase.AlternativeProvision => [("7", 3), ("8", 5), ("9", 8), ("10", 12), ("11", 14)],
        // An 11–18 secondary: sixth-form year groups are smaller than Years 7–11.
        _ => [("7", 10), ("8", 10), ("9", 10), ("10", 10), ("11", 10), ("12", 5), ("13", 4)],
    };

    private void AddSenHistory(SchoolData data, Pupil pupil, DateOnly joined, Guid sencoId, string sencoName)
    {
        var roll = random.NextDouble();
        var span = Math.Max(0, asOf.DayNumber - joined.DayNumber);
        var (ehcShare, supportShare) = Shares;
        if (roll < ehcShare)
        {
            var needs = Needs(PlanNeeds);
            if (random.NextDouble() < 0.3)
            {
                // Arrived with a plan from the previous setting.
                Change(data, pupil, SenStatus.E, needs, joined, EOnArrivalReason, sencoId, sencoName);
                return;
            }
            var kFrom = joined.AddDays(random.Next(0, Math.Max(1, span * 6 / 10)));
            Change(data, pupil, SenStatus.K, [needs[0]], kFrom, KReasons[random.Next(KReasons.Length)], sencoId, sencoName);
            var eFrom = kFrom.AddMonths(random.Next(8, 21));
            if (eFrom > asOf) eFrom = asOf;
            Change(data, pupil, SenStatus.E, needs, eFrom, EReason, sencoId, sencoName);
        }
        else if (roll < ehcShare + supportShare)
        {
            var needs = Needs(SupportNeeds);
            var kFrom = joined.AddDays(random.Next(0, Math.Max(1, span)));
            if (needs.Count >= 2 && random.NextDouble() < 0.2)
            {
                // Started with the needs in another order; re-ranked at a later review.
                List<string> before = [needs[1], needs[0], .. needs.Skip(2)];
                Change(data, pupil, SenStatus.K, before, kFrom, KReasons[random.Next(KReasons.Length)], sencoId, sencoName);
                Change(data, pupil, SenStatus.K, needs, Between(kFrom, asOf), NeedsReason, sencoId, sencoName);
            }
            else
            {
                Change(data, pupil, SenStatus.K, needs, kFrom, KReasons[random.Next(KReasons.Length)], sencoId, sencoName);
            }
        }
        else if (random.NextDouble() < 0.07 && span > 120)
        {
            // Was on SEN support for a while and came off it.
            var kFrom = joined.AddDays(random.Next(0, span / 2));
            Change(data, pupil, SenStatus.K, Needs(SupportNeeds), kFrom, KReasons[random.Next(KReasons.Length)], sencoId, sencoName);
            Change(data, pupil, SenStatus.N, [], Between(kFrom.AddDays(60), asOf), OffReason, sencoId, sencoName);
        }
    }

    /// One SEN change: history row, timeline row, and the pupil's denormalised columns, by the same rules as
    /// PupilCommands.ApplySen and DescribeSenChange in Senco.Web (copied here so the bench does not depend on the web app).
    private void Change(SchoolData data, Pupil pupil, SenStatus status, List<string> needs, DateOnly from, string reason, Guid sencoId, string sencoName)
    {
        var before = pupil.SenStatus;
        if (before == SenStatus.N && status != SenStatus.N) pupil.OnRegisterSince = from;
        if (status == SenStatus.N) pupil.OnRegisterSince = null;
        pupil.SenStatus = status;
        pupil.Needs = string.Join(',', needs);
        pupil.PrimaryNeed = needs.Count > 0 ? needs[0] : null;
        pupil.SecondaryNeed = needs.Count > 1 ? needs[1] : null;

        var at = At(from);
        data.Changes.Add(new SenStatusChange
        {
            PupilId = pupil.Id, SchoolId = pupil.SchoolId, Status = status, Needs = pupil.Needs, EffectiveFrom = from, Reason = reason,
            RecordedById = sencoId, RecordedBy = sencoName, RecordedAt = at,
        });
        AddEvent(data, pupil, PupilEventKind.SenStatusChanged, from, Describe(before, status, needs), reason, sencoName, sencoId);
    }

    private void AddEvent(SchoolData data, Pupil pupil, PupilEventKind kind, DateOnly on, string summary, string? reason, string by, Guid? byId)
    {
        var at = At(on);
        data.Events.Add(new PupilEvent
        {
            PupilId = pupil.Id, SchoolId = pupil.SchoolId, Kind = kind, OccurredOn = on, Summary = summary, Reason = reason,
            RecordedById = byId, RecordedBy = by, RecordedAt = at,
        });
        if (kind != PupilEventKind.Added) pupil.Version++;
        if (at > pupil.UpdatedAt) pupil.UpdatedAt = at;
    }

    private static string Describe(SenStatus before, SenStatus after, IReadOnlyList<string> needs)
    {
        var needText = needs.Count == 0 ? "no needs" : string.Join(", ", needs.Select((n, i) => $"{i + 1}. {NeedTypes.NameOf(n)} ({n})"));
        if (before == after) return $"Needs changed ({SenStatuses.Describe(after)}): {needText}";
        return after == SenStatus.N
            ? $"SEN status changed from {before} ({SenStatuses.Describe(before)}) to N (no SEN)"
            : $"SEN status changed from {before} ({SenStatuses.Describe(before)}) to {after} ({SenStatuses.Describe(after)}); needs: {needText}";
    }

    /// One to three ranked needs; NSA ("no specialist assessment") only ever alone.
    private List<string> Needs((string Need, int Weight)[] weights)
    {
        var first = Pick(weights);
        if (first == "NSA") return [first];
        var needs = new List<string> { first };
        var roll = random.NextDouble();
        var extra = roll < 0.55 ? 0 : roll < 0.90 ? 1 : 2;
        var others = weights.Where(w => w.Need != "NSA").ToArray();
        for (var tries = 0; needs.Count < 1 + extra && tries < 20; tries++)
        {
            var n = Pick(others);
            if (!needs.Contains(n)) needs.Add(n);
        }
        return needs;
    }

    private (string Upn, bool Temporary) NewUpn(School school, int order, HashSet<string> taken, Dictionary<int, int> serials)
    {
        // UPN: check letter, LA, establishment, the two-digit year it was allocated, a 3-digit serial
        // (DfE UPN guide). About 1 in 200 is a temporary UPN, whose last character is a letter.
        var yy = (_year.StartYear - order + 95) % 100;
        while (true)
        {
            serials.TryGetValue(yy, out var serial);
            if (serial >= 999) { yy = (yy + 1) % 100; continue; }
            serials[yy] = ++serial;
            var body = $"{school.LaCode}{school.Estab}{yy:00}{serial:000}";
            var temporary = random.NextDouble() < 0.005;
            if (temporary) body = body[..11] + "ABCDEFGHJKLMNPQRTUVWXYZ"[random.Next(23)];
            var upn = $"{Upn.CheckLetterFor(body)}{body}";
            if (taken.Add(upn)) return (upn, temporary);
        }
    }

    private static string YearLabel(int order) => order switch
    {
        < -1 => "Nursery 1",
        -1 => "Nursery 2",
        0 => "Reception",
        _ => $"Year {order}",
    };

    private string Pick((string Item, int Weight)[] weights)
    {
        var r = random.Next(weights.Sum(w => w.Weight));
        foreach (var (item, weight) in weights)
        {
            if (r < weight) return item;
            r -= weight;
        }
        return weights[^1].Item;
    }

    private DateOnly Between(DateOnly from, DateOnly to) =>
        to <= from ? from : from.AddDays(random.Next(to.DayNumber - from.DayNumber + 1));

    /// A time in the school day on that date, never after "now".
    private DateTime At(DateOnly on)
    {
        var t = on.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc).AddMinutes(random.Next(9 * 60));
        return t > _now ? _now : t;
    }

    /// Time-ordered like the app's Guid.CreateVersion7, but drawn from the seeded generator.
    public Guid GuidV7(DateTime at)
    {
        Span<byte> b = stackalloc byte[16];
        random.NextBytes(b);
        var ms = new DateTimeOffset(at).ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++) b[i] = (byte)(ms >> (8 * (5 - i)));
        b[6] = (byte)(0x70 | (b[6] & 0x0F));
        b[8] = (byte)(0x80 | (b[8] & 0x3F));
        return new Guid(b, bigEndian: true);
    }
}
