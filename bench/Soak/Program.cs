// Soak: a steady, mixed load of reads and writes against a running Senco for a long time, reporting per minute the
// latency percentiles, errors and the app's memory, so a leak or a slow drift shows as a trend, not a single number.
//
//   dotnet Soak.dll --base http://127.0.0.1:5077 --token T --urn 990001 --ids pupil-ids.txt --pid APP_PID
//                   --minutes 60 --rps 40 --out soak.md
//
// Mix (per request): 45% pupil (API), 15% register (API), 10% SEN history, 10% register page-sized CSV,
// 15% a SEN status change (read then write with the version), 5% a new pupil. Writes are real: each is one
// transaction with its audit entry, so the audit chain and the WAL grow as in a school's day.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

var opt = Args.Parse(args);
var ids = File.ReadAllLines(opt["ids"]).Where(l => l.Length > 0).ToArray();
var minutes = int.Parse(opt.GetValueOrDefault("minutes", "60"), CultureInfo.InvariantCulture);
var rps = int.Parse(opt.GetValueOrDefault("rps", "40"), CultureInfo.InvariantCulture);
var pid = int.Parse(opt["pid"], CultureInfo.InvariantCulture);
var urn = opt["urn"];
var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
{
    BaseAddress = new Uri(opt["base"]), Timeout = TimeSpan.FromSeconds(30),
};
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", opt["token"]);

var buckets = new ConcurrentDictionary<int, Minute>();
var rng = new Random(42);
var started = Stopwatch.StartNew();
var total = TimeSpan.FromMinutes(minutes);
var inflight = new List<Task>();
var serial = 0;
var tokenRefreshed = Stopwatch.StartNew();
Console.WriteLine($"soak: {minutes} min at {rps} requests/s against {opt["base"]} (school {urn}, {ids.Length} pupils)");

var memory = Task.Run(async () =>
{
    while (started.Elapsed < total)
    {
        var m = Bucket((int)started.Elapsed.TotalMinutes);
        m.RssMb.Add(Rss(pid));
        m.Load.Add(LoadAverage());
        await Task.Delay(TimeSpan.FromSeconds(10));
    }
});

var interval = TimeSpan.FromSeconds(1.0 / rps);
var next = started.Elapsed;
while (started.Elapsed < total)
{
    next += interval;
    var wait = next - started.Elapsed;
    if (wait > TimeSpan.Zero) await Task.Delay(wait);
    if (tokenRefreshed.Elapsed > TimeSpan.FromMinutes(45) && opt.TryGetValue("email", out var email))
    {
        // Bearer tokens last an hour: sign in again, as an integration would.
        var t = await http.PostAsJsonAsync("/api/v1/auth/token", new { email, password = opt["password"] });
        var json = await t.Content.ReadFromJsonAsync<JsonObject>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json!["accessToken"]!.GetValue<string>());
        tokenRefreshed.Restart();
    }
    var roll = rng.Next(100);
    var id = ids[rng.Next(ids.Length)];
    var n = Interlocked.Increment(ref serial);
    inflight.Add(Task.Run(() => One(roll, id, n)));
    if (inflight.Count > 5000) inflight.RemoveAll(t => t.IsCompleted);
}
await Task.WhenAll(inflight);
await memory;

var report = new StringBuilder();
report.AppendLine($"Soak: {minutes} min at a steady {rps} requests/s (mixed reads and writes), {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
report.AppendLine();
report.AppendLine("| minute | requests | errors | conflicts (409) | p50 ms | p95 ms | p99 ms | max ms | app RSS MB | load avg (1 min, highest) |");
report.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var (minute, m) in buckets.OrderBy(b => b.Key))
{
    var l = m.Latencies.OrderBy(x => x).ToArray();
    if (l.Length == 0) continue;
    report.AppendLine(CultureInfo.InvariantCulture, $"| {minute + 1} | {l.Length} | {m.Errors} | {m.Conflicts} | {P(l, 50):F1} | {P(l, 95):F1} | {P(l, 99):F1} | {l[^1]:F1} | {(m.RssMb.IsEmpty ? 0 : m.RssMb.Max()):F0} | {(m.Load.IsEmpty ? 0 : m.Load.Max()):F1} |");
}
var all = buckets.Values.SelectMany(m => m.Latencies).OrderBy(x => x).ToArray();
var errors = buckets.Values.Sum(m => m.Errors);
var rssFirst = buckets.OrderBy(b => b.Key).Select(b => b.Value.RssMb).FirstOrDefault(r => !r.IsEmpty)?.Max() ?? 0;
var rssLast = buckets.OrderByDescending(b => b.Key).Select(b => b.Value.RssMb).FirstOrDefault(r => !r.IsEmpty)?.Max() ?? 0;
report.AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"Overall: {all.Length:N0} requests, {errors} errors, p50 {P(all, 50):F1} ms, p95 {P(all, 95):F1} ms, p99 {P(all, 99):F1} ms; app RSS {rssFirst:F0} MB in minute 1, {rssLast:F0} MB in the last minute.");
foreach (var kind in buckets.Values.SelectMany(m => m.ErrorKinds).GroupBy(k => k).OrderByDescending(g => g.Count()).Take(10))
    report.AppendLine($"- {kind.Count()} × {kind.Key}");
Console.WriteLine(report);
if (opt.TryGetValue("out", out var outFile)) File.WriteAllText(outFile, report.ToString());
return errors == 0 ? 0 : 1;

async Task One(int roll, string id, int n)
{
    var sw = Stopwatch.StartNew();
    string what;
    HttpResponseMessage? r = null;
    try
    {
        if (roll < 45) { what = "GET pupil"; r = await http.GetAsync($"/api/v1/pupils/{id}"); }
        else if (roll < 60) { what = "GET register"; r = await http.GetAsync($"/api/v1/schools/{urn}/register"); }
        else if (roll < 70) { what = "GET history"; r = await http.GetAsync($"/api/v1/pupils/{id}/sen/history"); }
        else if (roll < 80) { what = "GET register.csv"; r = await http.GetAsync($"/api/v1/schools/{urn}/register.csv?yearGroup=5"); }
        else if (roll < 95)
        {
            what = "PUT sen";
            var pupil = await http.GetFromJsonAsync<JsonObject>($"/api/v1/pupils/{id}");
            var onRegister = pupil!["senStatus"]!.GetValue<string>() != "N";
            var body = onRegister
                ? new JsonObject { ["status"] = "N", ["needs"] = new JsonArray(), ["effectiveFrom"] = Today(), ["reason"] = "Soak: reviewed, needs met" }
                : new JsonObject { ["status"] = "K", ["needs"] = new JsonArray("SPLD", "SLCN"), ["effectiveFrom"] = Today(), ["reason"] = "Soak: concern from class teacher" };
            r = await http.PutAsJsonAsync($"/api/v1/pupils/{id}/sen", body);
        }
        else
        {
            what = "POST pupil";
            var last12 = $"936{2100 + n / 1000 % 7000:D4}26{n % 1000:D3}";
            var upn = Senco.Core.Pupils.Upn.CheckLetterFor(last12) + last12;
            r = await http.PostAsJsonAsync($"/api/v1/schools/{urn}/pupils", new
            {
                upn, forename = "Soak", surname = $"Pupil{n}", dateOfBirth = "2016-03-01", gender = n % 2 == 0 ? "F" : "M",
                yearGroup = "5", eal = false, lookedAfter = false, pupilPremium = false,
            });
        }
        var m = Bucket((int)started.Elapsed.TotalMinutes);
        m.Latencies.Add(sw.Elapsed.TotalMilliseconds);
        if ((int)r.StatusCode == 409) Interlocked.Increment(ref m.Conflicts);
        else if (!r.IsSuccessStatusCode) { Interlocked.Increment(ref m.Errors); m.ErrorKinds.Add($"{what} {(int)r.StatusCode}"); }
        await r.Content.ReadAsByteArrayAsync();
    }
    catch (Exception ex)
    {
        var m = Bucket((int)started.Elapsed.TotalMinutes);
        m.Latencies.Add(sw.Elapsed.TotalMilliseconds);
        Interlocked.Increment(ref m.Errors);
        m.ErrorKinds.Add(ex.GetType().Name + ": " + ex.Message.Split('\n')[0]);
    }
    finally { r?.Dispose(); }
}

Minute Bucket(int minute) => buckets.GetOrAdd(minute, _ => new Minute());
static string Today() => DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
static double P(double[] sorted, int p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1)];
// The machine's 1-minute load average, so a reader can tell the app's latency from the queue for the CPU.
static double LoadAverage()
{
    try { return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture); }
    catch (IOException) { return 0; }
}
static double Rss(int pid)
{
    try
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
    catch (IOException) { return 0; }
}

sealed class Minute
{
    public ConcurrentBag<double> Latencies { get; } = [];
    public ConcurrentBag<double> RssMb { get; } = [];
    public ConcurrentBag<double> Load { get; } = [];
    public ConcurrentBag<string> ErrorKinds { get; } = [];
    public int Errors;
    public int Conflicts;
}

static class Args
{
    public static Dictionary<string, string> Parse(string[] a)
    {
        var d = new Dictionary<string, string>();
        for (var i = 0; i + 1 < a.Length; i += 2) d[a[i].TrimStart('-')] = a[i + 1];
        foreach (var k in new[] { "base", "token", "urn", "ids", "pid" })
            if (!d.ContainsKey(k)) throw new ArgumentException($"--{k} is required");
        return d;
    }
}
