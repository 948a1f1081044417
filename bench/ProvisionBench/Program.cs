// Provision benchmark (issue 4): how long the whole-school provision map and the impact report take to render for a
// generated 1,500-pupil secondary school with 60 intervention groups and a full academic year of registers.
//
//   dotnet run -c Release --project bench/ProvisionBench                       SQLite in a temporary folder
//   BENCH_POSTGRES="Host=...;Username=...;Password=...;Database=postgres" \
//   dotnet run -c Release --project bench/ProvisionBench -- --postgres          a fresh PostgreSQL database (dropped after)
//   ... -- --runs 20                                                            more timed runs per request (default 10)
//
// The real app (Kestrel on 127.0.0.1, the same middleware, tenancy, audit and Razor pages) is started in-process on a
// new database; the data is generated straight into it; then each page and endpoint is requested over HTTP, signed
// in as the school's SENCO with a bearer token, after two warm-up requests. Numbers are printed, not asserted.
// All names are generated and fictional.

using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Core.Provision;
using Senco.Core.Pupils;
using Senco.Core.Schools;
using Senco.Core.Sen;
using Senco.Data;
using Senco.Web;
using Senco.Web.Features.Provision;
using Senco.Web.Features.Shared.Access;

var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(int.Parse).FirstOrDefault(10);
var usePostgres = args.Contains("--postgres");
const string Password = "a long benchmark passphrase";
const string Urn = "998001";
var year = new SchoolYear(SchoolYear.Containing(DateOnly.FromDateTime(DateTime.UtcNow)).StartYear - 1);   // last year: every register is in the past

string provider, connection;
string? pgAdmin = null, pgName = null, folder = null;
if (usePostgres)
{
    pgAdmin = Environment.GetEnvironmentVariable("BENCH_POSTGRES") ?? throw new InvalidOperationException("--postgres needs BENCH_POSTGRES (a login with CREATEDB)");
    pgName = "senco_bench_" + Guid.NewGuid().ToString("N")[..12];
    await using (var c = new NpgsqlConnection(pgAdmin))
    {
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = $"CREATE DATABASE \"{pgName}\"";
        await cmd.ExecuteNonQueryAsync();
    }
    provider = "Postgres";
    connection = new NpgsqlConnectionStringBuilder(pgAdmin) { Database = pgName }.ConnectionString;
}
else
{
    folder = Path.Combine(Path.GetTempPath(), "senco-provision-bench-" + Guid.NewGuid().ToString("N")[..8]);
    Directory.CreateDirectory(folder);
    provider = "Sqlite";
    connection = $"Data Source={Path.Combine(folder, "bench.db")}";
}

var app = SencoApp.Build([
    "--applicationName=Senco.Web", "--urls=http://127.0.0.1:0", "--environment=Production",
    $"--Database:Provider={provider}", $"--ConnectionStrings:Senco={connection}", "--Senco:Demo=false",
    "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.EntityFrameworkCore=Warning",
]);
await SencoApp.PrepareAsync(app);

var seedClock = Stopwatch.StartNew();
var counts = await Generator.SeedAsync(app.Services, Urn, Password, year);
Console.WriteLine($"Generated in {seedClock.Elapsed.TotalSeconds:0.0} s on {provider}: {counts}");

await app.StartAsync();
var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };
var token = (await (await http.PostAsJsonAsync("/api/v1/auth/token", new { email = Generator.SencoEmail, password = Password })).Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

var y = Uri.EscapeDataString(year.Label);
var requests = new (string Name, string Url)[]
{
    ("Provision map page (HTML, whole school + every pupil)", $"/schools/{Urn}/provision-map?year={y}"),
    ("Impact report page (HTML, by provision, area, staff)", $"/schools/{Urn}/impact?year={y}"),
    ("Provision map API (JSON)", $"/api/v1/schools/{Urn}/provision-map?year={y}"),
    ("Impact API (JSON)", $"/api/v1/schools/{Urn}/impact?year={y}"),
    ("Provision map export (XLSX)", $"/schools/{Urn}/provision-map?handler=xlsx&year={y}"),
    ("Funding page (HTML)", $"/schools/{Urn}/funding?year={y}"),
    ("Staff deployment page (HTML)", $"/schools/{Urn}/staff"),
};

Console.WriteLine();
Console.WriteLine($"{runs} timed runs each after 2 warm-up requests, {provider}, academic year {year.Label}, {Environment.ProcessorCount} CPUs");
Console.WriteLine($"{"request",-56} {"min ms",8} {"median",8} {"p95",8} {"max",8} {"KiB",8}");
foreach (var (name, url) in requests)
{
    long bytes = 0;
    for (var i = 0; i < 2; i++) bytes = await Fetch(http, url);
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var sw = Stopwatch.StartNew();
        bytes = await Fetch(http, url);
        times.Add(sw.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    Console.WriteLine($"{name,-56} {times[0],8:0.0} {Percentile(times, 0.5),8:0.0} {Percentile(times, 0.95),8:0.0} {times[^1],8:0.0} {bytes / 1024.0,8:0}");
}

// The same work without HTTP and HTML: the queries and the arithmetic alone.
Console.WriteLine();
using (var scope = app.Services.CreateScope())
{
    var db = scope.ServiceProvider.GetRequiredService<SencoDbContext>();
    scope.ServiceProvider.GetRequiredService<TenantScope>().RestrictToSystem();
    var school = await db.Schools.AsNoTracking().FirstAsync(s => s.Urn == Urn);
    var grant = new SchoolGrant(school.Id, school.Urn, school.Name, school.Phase, null, null, new HashSet<SchoolRole> { SchoolRole.Senco });
    var data = new SchoolData(db, grant);
    foreach (var (name, work) in new (string, Func<Task>)[]
             {
                 ("LoadYearAsync (map + funding), in process", () => ProvisionQueries.LoadYearAsync(data, year, default)),
                 ("SchoolImpactAsync (map + registers + impact), in process", () => ProvisionQueries.SchoolImpactAsync(data, year, default)),
             })
    {
        await work(); await work();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            await work();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"{name,-56} {times[0],8:0.0} {Percentile(times, 0.5),8:0.0} {Percentile(times, 0.95),8:0.0} {times[^1],8:0.0}");
    }
}

await app.StopAsync();
await app.DisposeAsync();
if (folder is not null)
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    try { Directory.Delete(folder, true); } catch (IOException) { }
}
if (pgName is not null)
{
    NpgsqlConnection.ClearAllPools();
    await using var c = new NpgsqlConnection(pgAdmin);
    await c.OpenAsync();
    await using var cmd = c.CreateCommand();
    cmd.CommandText = $"DROP DATABASE IF EXISTS \"{pgName}\" WITH (FORCE)";
    await cmd.ExecuteNonQueryAsync();
}

static async Task<long> Fetch(HttpClient http, string url)
{
    using var r = await http.GetAsync(url);
    var body = await r.Content.ReadAsByteArrayAsync();
    if (!r.IsSuccessStatusCode) throw new InvalidOperationException($"GET {url} answered {(int)r.StatusCode}");
    return body.Length;
}

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
