using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Senco.Bench;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Core.Schools;
using Senco.Data;

// Senco.Bench: a deterministic data generator for benchmarks.
//   generate --provider Sqlite|Postgres --connection "<cs>" --schools N --pupils-per-school M --seed 42
//            [--as-of yyyy-MM-dd] [--password P] [--ids-out FILE] [--env-out FILE]
if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(Usage);
    return 0;
}
if (args[0] is not ("generate" or "national"))
{
    Console.Error.WriteLine($"Unknown command \"{args[0]}\".\n{Usage}");
    return 2;
}

var opts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
for (var i = 1; i < args.Length; i++)
{
    if (!args[i].StartsWith("--") || i + 1 >= args.Length)
    {
        Console.Error.WriteLine($"Expected --name value, got \"{args[i]}\".\n{Usage}");
        return 2;
    }
    opts[args[i][2..]] = args[++i];
}
string Opt(string name, string? fallback = null) =>
    opts.TryGetValue(name, out var v) ? v : fallback ?? throw new ArgumentException($"--{name} is required.\n{Usage}");
if (args[0] == "national") return await NationalCommand.RunAsync(Opt);

var provider = DatabaseSetup.ParseProvider(Opt("provider"));
var connection = Opt("connection");
var schoolCount = int.Parse(Opt("schools", "3"), CultureInfo.InvariantCulture);
var perSchool = int.Parse(Opt("pupils-per-school", "2000"), CultureInfo.InvariantCulture);
var seed = int.Parse(Opt("seed", "42"), CultureInfo.InvariantCulture);
var asOf = opts.TryGetValue("as-of", out var a) ? DateOnly.ParseExact(a, "yyyy-MM-dd", CultureInfo.InvariantCulture) : DateOnly.FromDateTime(DateTime.UtcNow);
var password = Opt("password", BenchUsers.DefaultPassword);
if (schoolCount < 1 || schoolCount > 9000 || perSchool < 1 || perSchool > 50_000)
{
    Console.Error.WriteLine("--schools must be 1–9000 and --pupils-per-school 1–50000.");
    return 2;
}

await using var db = BenchDb.Create(provider, connection);
var total = Stopwatch.StartNew();
await DatabaseSetup.MigrateAsync(db);
var migrated = total.Elapsed;

var urns = Enumerable.Range(0, schoolCount).Select(BenchUsers.Urn).ToList();
if (await db.Schools.AnyAsync(s => urns.Contains(s.Urn)))
{
    Console.Error.WriteLine("The database already holds bench schools: generate into a fresh database.");
    return 1;
}

var random = new Random(seed);
var generator = new SchoolGenerator(random, asOf);
var createdAt = asOf.ToDateTime(new TimeOnly(7, 0), DateTimeKind.Utc).AddYears(-2);

// The few rows of trust, schools, users and memberships go through EF in one SaveChanges each.
var trust = new Trust { Name = "Bench Learning Trust (fictional)" };
string[] las = ["873", "886", "330", "383", "850", "926", "936", "352"];
var schools = urns.Select((urn, i) =>
{
    var phase = i % 2 == 0 ? Phase.Secondary : Phase.Primary;
    return new School
    {
        Urn = urn, Name = $"{BenchUsers.Place(i)} {(phase == Phase.Secondary ? "Academy" : "Primary School")} (bench)",
        LaCode = las[i % las.Length], Estab = $"{(phase == Phase.Secondary ? 4 : 2)}{(i / las.Length) % 1000:000}", Phase = phase,
        Trust = trust, CreatedAt = createdAt,
    };
}).ToList();
db.Trusts.Add(trust);
db.Schools.AddRange(schools);
await db.SaveChangesAsync();

var hasher = PasswordWork.Hasher(); // the app's work factor, so signing in does not rehash
var sencos = new List<SencoUser>();
foreach (var (school, i) in schools.Select((s, i) => (s, i)))
{
    var email = BenchUsers.SencoEmail(school.Urn);
    var user = new SencoUser
    {
        Id = generator.GuidV7(createdAt), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
        NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, DisplayName = $"Bench SENCO {i + 1} (SENCO)",
        SecurityStamp = generator.GuidV7(createdAt).ToString("N").ToUpperInvariant(), ConcurrencyStamp = generator.GuidV7(createdAt).ToString(),
        LockoutEnabled = true, CreatedAt = createdAt,
    };
    user.PasswordHash = hasher.HashPassword(user, password);
    sencos.Add(user);
    db.Users.Add(user);
    db.Memberships.Add(new SchoolMembership { UserId = user.Id, SchoolId = school.Id, Role = SchoolRole.Senco });
}
await db.SaveChangesAsync();

var generated = schools.Select((s, i) => generator.Generate(s, perSchool, sencos[i].Id, sencos[i].DisplayName)).ToList();
var genTime = total.Elapsed - migrated;

// The bulk of the rows: one transaction, raw ADO.NET on the context's own connection.
var loadClock = Stopwatch.StartNew();
var conn = db.Database.GetDbConnection();
await db.Database.OpenConnectionAsync();
if (provider == DatabaseProvider.Sqlite)
{
    await using var pragma = conn.CreateCommand();
    pragma.CommandText = "PRAGMA synchronous=OFF; PRAGMA cache_size=-200000; PRAGMA temp_store=MEMORY;";
    await pragma.ExecuteNonQueryAsync();
}
long pupilRows = 0, changeRows = 0, eventRows = 0;
await using (var tx = await conn.BeginTransactionAsync())
{
    (pupilRows, changeRows, eventRows) = await SchoolRows.WriteAsync(conn, tx, generated,
        what => Console.WriteLine($"  load: {what} loaded at {loadClock.Elapsed.TotalSeconds:F2} s"));
    await tx.CommitAsync();
    Console.WriteLine($"  load: committed at {loadClock.Elapsed.TotalSeconds:F2} s");
}
var loadTime = loadClock.Elapsed;

// The trust view's rows (--trust-data true): plans and reviews, funding, provision and scores for every school, and a
// trust SEND lead. A few thousand rows a school at most, so EF in one SaveChanges with change detection off.
var trustData = opts.TryGetValue("trust-data", out var td) && bool.Parse(td);
SencoUser? trustLead = null;
var trustRows = 0L;
var trustClock = Stopwatch.StartNew();
if (trustData)
{
    var trustGen = new TrustGenerator(new Random(seed + 7), asOf, new SchoolGenerator(new Random(seed + 11), asOf));
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    foreach (var (school, i) in schools.Select((s, i) => (s, i)))
    {
        var r = trustGen.Generate(school, generated[i].Pupils, school.LaCode);
        db.EhcPlans.AddRange(r.Plans);
        db.AnnualReviews.AddRange(r.Reviews);
        db.SenBudgets.AddRange(r.Budgets);
        db.TopUpFunding.AddRange(r.TopUps);
        db.ProvisionOffers.AddRange(r.Offers);
        db.InterventionGroups.AddRange(r.Groups);
        db.GroupPupils.AddRange(r.Members);
        trustRows += r.Plans.Count + r.Reviews.Count + r.Budgets.Count + r.TopUps.Count + r.Offers.Count + r.Groups.Count + r.Members.Count;
    }
    var email = BenchUsers.TrustLeadEmail;
    trustLead = new SencoUser
    {
        Id = generator.GuidV7(createdAt), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
        EmailConfirmed = true, DisplayName = "Bench trust SEND lead", SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString(),
        LockoutEnabled = true, CreatedAt = createdAt,
    };
    trustLead.PasswordHash = hasher.HashPassword(trustLead, password);
    db.Users.Add(trustLead);
    // One membership in one school: the trust lead role extends to every school of the trust.
    db.Memberships.Add(new SchoolMembership { UserId = trustLead.Id, SchoolId = schools[0].Id, Role = SchoolRole.TrustLead });
    db.ChangeTracker.DetectChanges();
    await db.SaveChangesAsync();
    Console.WriteLine($"  load: trust rows (plans, reviews, funding, provision, scores) {trustRows:N0} in {trustClock.Elapsed.TotalSeconds:F2} s");
}

// Statistics for the query planners, as a database in steady use would have them.
var analyzeClock = Stopwatch.StartNew();
await using (var cmd = conn.CreateCommand())
{
    cmd.CommandText = provider == DatabaseProvider.Sqlite ? "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);" : "VACUUM ANALYZE;";
    cmd.CommandTimeout = 600;
    await cmd.ExecuteNonQueryAsync();
}
await db.Database.CloseConnectionAsync();

var all = generated.SelectMany(g => g.Pupils).ToList();
var first = generated[0].Pupils;
Console.WriteLine($"Senco.Bench generate: provider {provider}, seed {seed}, as of {asOf:yyyy-MM-dd}");
Console.WriteLine($"  schools {schools.Count} (trust 1), users {sencos.Count}, pupils {pupilRows:N0}, SEN history {changeRows:N0}, timeline events {eventRows:N0}");
Console.WriteLine($"  rows loaded in bulk: {pupilRows + changeRows + eventRows:N0} in {loadTime.TotalSeconds:F2} s ({(pupilRows + changeRows + eventRows) / Math.Max(0.001, loadTime.TotalSeconds):N0} rows/s)");
Console.WriteLine($"  migrate {migrated.TotalSeconds:F2} s, generate (incl. password hashing) {genTime.TotalSeconds:F2} s, analyze {analyzeClock.Elapsed.TotalSeconds:F2} s, total {total.Elapsed.TotalSeconds:F2} s");
Console.WriteLine($"  mix over all pupils: K {Share(all, p => p.SenStatus == Senco.Core.Sen.SenStatus.K)}, E {Share(all, p => p.SenStatus == Senco.Core.Sen.SenStatus.E)}, " +
                  $"EAL {Share(all, p => p.Eal)}, pupil premium {Share(all, p => p.PupilPremium)}, looked after {Share(all, p => p.LookedAfter)}, off roll {Share(all, p => !p.OnRoll)}");
Console.WriteLine($"  school 1: URN {schools[0].Urn}, {first.Count:N0} pupils, register (on roll, K or E) {first.Count(p => p.OnRoll && p.SenStatus != Senco.Core.Sen.SenStatus.N):N0}");
Console.WriteLine($"  sign in: {BenchUsers.SencoEmail(schools[0].Urn)} (one SENCO per school, senco@<urn>.bench.example, password from --password)");

if (opts.TryGetValue("ids-out", out var idsOut))
{
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(idsOut))!);
    await File.WriteAllLinesAsync(idsOut, first.Where(p => p.OnRoll).Select(p => p.Id.ToString()));
}
if (opts.TryGetValue("env-out", out var envOut))
{
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(envOut))!);
    await File.WriteAllLinesAsync(envOut,
    [
        $"BENCH_URN={schools[0].Urn}",
        $"BENCH_EMAIL={BenchUsers.SencoEmail(schools[0].Urn)}",
        $"BENCH_PUPILS={first.Count}",
        $"BENCH_REGISTER={first.Count(p => p.OnRoll && p.SenStatus != Senco.Core.Sen.SenStatus.N)}",
        $"BENCH_TOTAL_PUPILS={pupilRows}",
        $"BENCH_HISTORY_ROWS={changeRows}",
        $"BENCH_EVENT_ROWS={eventRows}",
        $"BENCH_LOAD_SECONDS={loadTime.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)}",
        $"BENCH_TRUST_ID={trust.Id}",
        $"BENCH_TRUST_EMAIL={(trustLead is null ? "" : BenchUsers.TrustLeadEmail)}",
        $"BENCH_TRUST_ROWS={trustRows}",
    ]);
}
return 0;

static string Share(List<Pupil> all, Func<Pupil, bool> f) => (all.Count(f) / (double)all.Count).ToString("P1", CultureInfo.InvariantCulture);

public partial class Program
{
    private const string Usage = """
        Senco.Bench generate --provider Sqlite|Postgres --connection "<connection string>"
                             [--schools 3] [--pupils-per-school 2000] [--seed 42] [--as-of yyyy-MM-dd]
                             [--password <bench users' password>] [--ids-out <file>] [--env-out <file>]
                             [--trust-data true]
          Migrates the database, then creates one trust, N schools of M fictional pupils with SEN history and
          timeline, and one SENCO user per school (senco@<urn>.bench.example). Use a fresh database.
          The same seed and as-of date give the same rows. --trust-data true adds, for the trust view, EHC plans
          and reviews, the year's SEN budget and top-ups, provision and intervention groups with scores, and a
          trust SEND lead (trustlead@bench.example).

        """ + NationalCommand.Usage;
}

static class BenchDb
{
    public static SencoDbContext Create(DatabaseProvider provider, string cs) => DatabaseSetup.Open(provider, cs, TenantScope.System());
}

static class BenchUsers
{
    public const string DefaultPassword = "bench-senco-password-2026";
    /// Fictional URNs in a range GIAS does not use for open schools.
    public static string Urn(int i) => (990001 + i).ToString(CultureInfo.InvariantCulture);
    public static string SencoEmail(string urn) => $"senco@{urn}.bench.example";
    public const string TrustLeadEmail = "trustlead@bench.example";

    private static readonly string[] Places = ["Ashcombe", "Brackenfield", "Coldharbour", "Dunmere", "Elmbridge Vale", "Fernhollow", "Greystoke Lane", "Harrowdene", "Ivybridge Moor", "Kestrel Down", "Larkspur", "Marlow Heath"];
    public static string Place(int i) => i < Places.Length ? Places[i] : $"{Places[i % Places.Length]} {i / Places.Length + 1}";
}
