using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Core.Pupils;
using Senco.Core.Schools;
using Senco.Core.Sen;
using Senco.Data;

namespace Senco.Bench;

/// `national`: England-sized data on PostgreSQL (issue "Scale and speed"): by default 24,000 schools and 9,000,000
/// fictional pupils, in the kinds and sizes of England's state-funded schools (DfE "Schools, pupils and their
/// characteristics"), with SEN support and EHC plans by kind of school (DfE "Special educational needs in England":
/// about 1.7 million pupils with SEN, 4–5 % of all pupils with plans, nearly all pupils of special schools), a share of
/// schools in multi-academy trusts, one SENCO per school, and per school the SEN history, timeline, EHC plans with
/// annual reviews, SEN budget, top-ups, provision catalogue and intervention groups with scores that the smaller
/// generator makes. Loaded in batches of schools, each batch one transaction of binary COPYs, so memory stays bounded
/// and a failed batch leaves the batches before it whole.
public static class NationalCommand
{
    /// Kind of school, how many of England's 24,000, their size range, and the shares with a plan and on SEN support.
    private sealed record Kind(Phase Phase, string Label, int Schools, int MinPupils, int MaxPupils, double Ehc, double Support);

    private static readonly Kind[] Kinds =
    [
        new(Phase.Primary, "Primary School", 18_420, 60, 700, 0.034, 0.150),
        new(Phase.Secondary, "Academy", 3_450, 450, 2_100, 0.030, 0.130),
        new(Phase.AllThrough, "All-Through School", 200, 800, 2_400, 0.034, 0.140),
        new(Phase.Special, "Special School", 1_150, 40, 300, 0.960, 0.030),
        new(Phase.AlternativeProvision, "Learning Centre", 400, 12, 90, 0.180, 0.520),
        new(Phase.Nursery, "Nursery School", 380, 40, 160, 0.020, 0.080),
    ];

    public const string Usage = """
        Senco.Bench national --connection "<PostgreSQL connection string>" [--schools 24000] [--pupils 9000000]
                             [--seed 42] [--as-of yyyy-MM-dd] [--password P] [--batch 400]
                             [--sample 500] [--sample-out <file>]
          England-sized fictional data on PostgreSQL, into a fresh database. Schools by kind and size as England's,
          SEN by kind of school, multi-academy trusts, one SENCO per school (senco@<urn>.bench.example), and each
          school's SEN history, timeline, EHC plans and reviews, funding and intervention groups. --sample-out writes
          <sample> schools picked at random (seeded), one a line: URN, SENCO email, then up to 4 pupil ids on roll.
        """;

    public static async Task<int> RunAsync(Func<string, string?, string> opt)
    {
        var connection = opt("connection", null);
        var schoolCount = int.Parse(opt("schools", "24000"), CultureInfo.InvariantCulture);
        var pupilTarget = long.Parse(opt("pupils", "9000000"), CultureInfo.InvariantCulture);
        var seed = int.Parse(opt("seed", "42"), CultureInfo.InvariantCulture);
        var asOfText = opt("as-of", "");
        var asOf = asOfText == "" ? DateOnly.FromDateTime(DateTime.UtcNow) : DateOnly.ParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var password = opt("password", BenchUsers.DefaultPassword);
        var batchSize = int.Parse(opt("batch", "400"), CultureInfo.InvariantCulture);
        var sampleCount = int.Parse(opt("sample", "500"), CultureInfo.InvariantCulture);
        var sampleOut = opt("sample-out", "");
        if (schoolCount is < 1 or > 90_000 || pupilTarget < schoolCount || batchSize < 1)
        {
            Console.Error.WriteLine("--schools must be 1–90000, --pupils at least one per school, --batch at least 1.");
            return 2;
        }

        var total = Stopwatch.StartNew();
        await using var db = DatabaseSetup.Open(DatabaseProvider.Postgres, connection, TenantScope.System());
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await DatabaseSetup.MigrateAsync(db);
        if (await db.Schools.AnyAsync())
        {
            Console.Error.WriteLine("The database already holds schools: generate the national dataset into a fresh database.");
            return 1;
        }

        var random = new Random(seed);
        var plan = PlanSchools(random, schoolCount, pupilTarget);
        var createdAt = asOf.ToDateTime(new TimeOnly(7, 0), DateTimeKind.Utc).AddYears(-2);
        var ids = new SchoolGenerator(new Random(seed + 1), asOf);

        // Schools, trusts, users and memberships: tens of thousands of rows, through EF in batches.
        var setup = Stopwatch.StartNew();
        var laCodes = LocalAuthorities.CurrentEnglish.Keys.Order(StringComparer.Ordinal).ToArray();
        var estabSerial = new Dictionary<(string La, int Digit), int>();
        var schools = new List<School>(schoolCount);
        var trusts = new List<Trust>();
        Trust? currentTrust = null;
        var trustRoom = 0;
        for (var i = 0; i < plan.Count; i++)
        {
            var (kind, _) = plan[i];
            // Schools are spread over the authorities in order, so a trust's schools share an area, as most do.
            var la = laCodes[(int)((long)i * laCodes.Length / plan.Count)];
            var digit = kind.Phase switch { Phase.Nursery => 1, Phase.Primary => 2, Phase.Secondary => 4, Phase.AllThrough => 4, Phase.Special => 7, _ => 1 };
            estabSerial.TryGetValue((la, digit), out var serial);
            estabSerial[(la, digit)] = ++serial;
            // About four in five secondaries and two in five primaries are in a multi-academy trust (2–40 schools).
            var joins = random.NextDouble() < kind.Phase switch { Phase.Secondary or Phase.AllThrough => 0.8, Phase.Primary => 0.42, Phase.Special => 0.45, Phase.AlternativeProvision => 0.3, _ => 0.05 };
            if (joins && trustRoom == 0)
            {
                currentTrust = new Trust { Name = $"{BenchUsers.Place(trusts.Count)} Learning Trust (fictional)" };
                trusts.Add(currentTrust);
                trustRoom = random.NextDouble() < 0.6 ? random.Next(2, 8) : random.Next(8, 41);
            }
            var school = new School
            {
                Urn = NationalUrn(i), Name = $"{BenchUsers.Place(i)} {kind.Label} (bench)", LaCode = la,
                Estab = $"{digit}{serial % 1000:000}", Phase = kind.Phase, CreatedAt = createdAt,
            };
            if (joins) { school.Trust = currentTrust; trustRoom--; }
            schools.Add(school);
        }
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Trusts.AddRange(trusts);
        db.Schools.AddRange(schools);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        // One SENCO per school. Every bench user has the same password, so it is hashed once.
        var hasher = PasswordWork.Hasher(); // the app's work factor, so signing in does not rehash
        var hash = hasher.HashPassword(new SencoUser(), password);
        var sencoIds = new Guid[schools.Count];
        for (var start = 0; start < schools.Count; start += 4_000)
        {
            foreach (var (school, i) in schools.Skip(start).Take(4_000).Select((s, k) => (s, start + k)))
            {
                var email = BenchUsers.SencoEmail(school.Urn);
                var user = new SencoUser
                {
                    Id = ids.GuidV7(createdAt), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
                    NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, DisplayName = $"Bench SENCO {i + 1} (SENCO)",
                    SecurityStamp = ids.GuidV7(createdAt).ToString("N").ToUpperInvariant(), ConcurrencyStamp = ids.GuidV7(createdAt).ToString(),
                    LockoutEnabled = true, CreatedAt = createdAt, PasswordHash = hash,
                };
                sencoIds[i] = user.Id;
                db.Users.Add(user);
                db.Memberships.Add(new SchoolMembership { UserId = user.Id, SchoolId = school.Id, Role = SchoolRole.Senco });
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        Console.WriteLine($"  set-up: {schools.Count:N0} schools, {trusts.Count:N0} trusts ({schools.Count(s => s.TrustId != null):N0} schools in trusts), {schools.Count:N0} SENCOs in {setup.Elapsed.TotalSeconds:F1} s");

        // The bulk: per batch of schools, generate and COPY in one transaction.
        var copy = new EntityCopy(db);
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var load = Stopwatch.StartNew();
        var generator = new SchoolGenerator(new Random(seed + 2), asOf);
        var trustGen = new TrustGenerator(new Random(seed + 3), asOf, ids);
        var counts = new Counts();
        var sampleSet = new HashSet<int>(Enumerable.Range(0, schools.Count).OrderBy(_ => random.Next()).Take(sampleCount));
        var sample = new List<string>();
        for (var start = 0; start < schools.Count; start += batchSize)
        {
            var batch = new List<(SchoolData Data, TrustRows Rows)>();
            for (var i = start; i < Math.Min(schools.Count, start + batchSize); i++)
            {
                var (kind, size) = plan[i];
                generator.Shares = (kind.Ehc, kind.Support);
                var data = generator.Generate(schools[i], size, sencoIds[i], $"Bench SENCO {i + 1} (SENCO)");
                var rows = trustGen.Generate(schools[i], data.Pupils, schools[i].LaCode);
                batch.Add((data, rows));
                counts.Add(data, rows);
                if (sampleSet.Contains(i))
                    sample.Add(string.Join('\t', [schools[i].Urn, BenchUsers.SencoEmail(schools[i].Urn), .. data.Pupils.Where(p => p.OnRoll).Take(4).Select(p => p.Id.ToString())]));
            }
            await using (var tx = await conn.BeginTransactionAsync())
            {
                await SchoolRows.WriteAsync(conn, tx, batch.Select(b => b.Data).ToList());
                await copy.CopyAsync(conn, batch.SelectMany(b => b.Rows.Plans));
                await copy.CopyAsync(conn, batch.SelectMany(b => b.Rows.Reviews));
                await copy.CopyAsync(conn, batch.SelectMany(b => b.Rows.Budgets));
                await copy.CopyAsync(conn, batch.SelectMany(b => b.Rows.TopUps));
                await copy.CopyAsync(conn, batch.SelectMany(b => b.Rows.Offers));
                await copy.CopyAsync(conn, batch.SelectMany(b => b.Rows.Groups));
                await copy.CopyAsync(conn, batch.SelectMany(b => b.Rows.Members));
                await tx.CommitAsync();
            }
            var done = Math.Min(schools.Count, start + batchSize);
            if (done == schools.Count || (start / batchSize) % 5 == 4)
                Console.WriteLine($"  load: {done:N0} of {schools.Count:N0} schools, {counts.Pupils:N0} pupils, {counts.Rows:N0} rows in {load.Elapsed.TotalSeconds:F0} s ({counts.Rows / Math.Max(1, load.Elapsed.TotalSeconds):N0} rows/s)");
        }
        var loadTime = load.Elapsed;

        var analyze = Stopwatch.StartNew();
        await using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = "VACUUM ANALYZE;";
            cmd.CommandTimeout = 3600;
            await cmd.ExecuteNonQueryAsync();
        }
        await using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = "SELECT pg_size_pretty(pg_database_size(current_database()))";
            Console.WriteLine($"  database size: {await cmd.ExecuteScalarAsync()}");
        }

        Console.WriteLine($"Senco.Bench national: PostgreSQL, seed {seed}, as of {asOf:yyyy-MM-dd}");
        foreach (var kind in Kinds)
        {
            var of = plan.Where(p => p.Kind == kind).ToList();
            if (of.Count > 0) Console.WriteLine($"  {kind.Phase,-21} {of.Count,7:N0} schools, {of.Sum(p => (long)p.Pupils),10:N0} pupils (median {of.Select(p => p.Pupils).Order().ElementAt(of.Count / 2):N0})");
        }
        Console.WriteLine($"  pupils {counts.Pupils:N0}; with SEN {counts.K + counts.E:N0} ({(counts.K + counts.E) / (double)counts.Pupils:P1}): SEN support {counts.K:N0}, EHC plan {counts.E:N0} ({counts.E / (double)counts.Pupils:P1})");
        Console.WriteLine($"  rows: SEN history {counts.Changes:N0}, timeline {counts.Events:N0}, EHC plans {counts.Plans:N0}, annual reviews {counts.Reviews:N0}, intervention groups {counts.Groups:N0}, group places {counts.Members:N0}, other {counts.Other:N0}");
        Console.WriteLine($"  loaded {counts.Rows:N0} rows in {loadTime.TotalSeconds:F0} s ({counts.Rows / Math.Max(1, loadTime.TotalSeconds):N0} rows/s); VACUUM ANALYZE {analyze.Elapsed.TotalSeconds:F0} s; total {total.Elapsed.TotalSeconds:F0} s");
        if (sampleOut != "")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(sampleOut))!);
            await File.WriteAllLinesAsync(sampleOut, sample);
            Console.WriteLine($"  sample: {sample.Count} schools in {sampleOut}");
        }
        return 0;
    }

    /// Fictional URNs from 900001, six digits as GIAS's are.
    public static string NationalUrn(int i) => (900001 + i).ToString(CultureInfo.InvariantCulture);

    /// Each school's kind and size: kinds in England's proportions (scaled to the school count), sizes drawn from each
    /// kind's range leaning to the middle, then all scaled so the pupils add up to the target exactly.
    private static List<(Kind Kind, int Pupils)> PlanSchools(Random random, int schoolCount, long pupilTarget)
    {
        var kindTotal = Kinds.Sum(k => k.Schools);
        var plan = new List<(Kind Kind, double Raw)>(schoolCount);
        foreach (var kind in Kinds)
        {
            var n = (int)Math.Round((double)kind.Schools * schoolCount / kindTotal);
            for (var i = 0; i < n && plan.Count < schoolCount; i++)
                plan.Add((kind, kind.MinPupils + (kind.MaxPupils - kind.MinPupils) * (random.NextDouble() + random.NextDouble()) / 2));
        }
        while (plan.Count < schoolCount) plan.Add((Kinds[0], (Kinds[0].MinPupils + Kinds[0].MaxPupils) / 2.0));
        // Interleave the kinds, as schools of every kind sit in every area.
        var shuffled = plan.OrderBy(_ => random.Next()).ToList();
        var scale = pupilTarget / shuffled.Sum(p => p.Raw);
        var sized = shuffled.Select(p => (p.Kind, Pupils: Math.Max(1, (int)Math.Round(p.Raw * scale)))).ToList();
        var diff = pupilTarget - sized.Sum(p => (long)p.Pupils);
        for (var i = 0; diff != 0; i = (i + 1) % sized.Count)
        {
            var step = diff > 0 ? 1 : -1;
            if (sized[i].Pupils + step < 1) continue;
            sized[i] = (sized[i].Kind, sized[i].Pupils + step);
            diff -= step;
        }
        return sized;
    }

    private sealed class Counts
    {
        public long Pupils, K, E, Changes, Events, Plans, Reviews, Groups, Members, Other;
        public long Rows => Pupils + Changes + Events + Plans + Reviews + Groups + Members + Other;

        public void Add(SchoolData d, TrustRows r)
        {
            Pupils += d.Pupils.Count;
            K += d.Pupils.Count(p => p.OnRoll && p.SenStatus == SenStatus.K);
            E += d.Pupils.Count(p => p.OnRoll && p.SenStatus == SenStatus.E);
            Changes += d.Changes.Count;
            Events += d.Events.Count;
            Plans += r.Plans.Count;
            Reviews += r.Reviews.Count;
            Groups += r.Groups.Count;
            Members += r.Members.Count;
            Other += r.Budgets.Count + r.TopUps.Count + r.Offers.Count;
        }
    }
}
