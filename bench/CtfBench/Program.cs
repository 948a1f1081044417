// CTF import benchmark (issue 7): how long importing a generated 2,000-pupil Common Transfer File takes, and the memory
// it needs, on SQLite. The real app is started in-process (Kestrel on 127.0.0.1, the same middleware, tenancy, audit)
// on a new database in a temporary folder with one empty school and its SENCO; the file is generated in memory with
// the same CTF writer the export uses, then POSTed to /api/v1/schools/{urn}/imports/ctf (the same use case the pages
// use). Then the same file again (every pupil matched, nothing to change). Numbers are printed, not asserted.
//
//   dotnet run -c Release --project bench/CtfBench                 (-- --pupils 2000)
//
// All names are generated and fictional.

using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Senco.Core.Access;
using Senco.Core.Exchange;
using Senco.Core.Model;
using Senco.Core.Pupils;
using Senco.Core.Schools;
using Senco.Data;
using Senco.Web;

var count = args.SkipWhile(a => a != "--pupils").Skip(1).Select(int.Parse).FirstOrDefault(2000);
const string Password = "a long benchmark passphrase";
const string Email = "senco@ctf-bench.example";
const string Urn = "998002";

var folder = Path.Combine(Path.GetTempPath(), "senco-ctf-bench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(folder);
var app = SencoApp.Build([
    "--applicationName=Senco.Web", "--urls=http://127.0.0.1:0", "--environment=Production",
    "--Database:Provider=Sqlite", $"--ConnectionStrings:Senco=Data Source={Path.Combine(folder, "bench.db")}", "--Senco:Demo=false",
    "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.EntityFrameworkCore=Warning",
]);
await SencoApp.PrepareAsync(app);

using (var scope = app.Services.CreateScope())
{
    var sp = scope.ServiceProvider;
    sp.GetRequiredService<TenantScope>().RestrictToSystem();
    var db = sp.GetRequiredService<SencoDbContext>();
    var school = new School { Urn = Urn, Name = "CTF Bench High School (generated)", LaCode = "873", Estab = "4997", Phase = Phase.Secondary, CreatedAt = DateTime.UtcNow };
    db.Schools.Add(school);
    await db.SaveChangesAsync();
    var users = sp.GetRequiredService<UserManager<SencoUser>>();
    var senco = new SencoUser { UserName = Email, Email = Email, DisplayName = "Bench SENCO", EmailConfirmed = true, CreatedAt = DateTime.UtcNow };
    var created = await users.CreateAsync(senco, Password);
    if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
    db.Memberships.Add(new SchoolMembership { UserId = senco.Id, SchoolId = school.Id, Role = SchoolRole.Senco });
    await db.SaveChangesAsync();
}

var bytes = CtfWriter.Write(Generate(count));
Console.WriteLine($"Generated a CTF {CtfVersions.Current} of {count} pupils: {bytes.Length / 1024.0 / 1024.0:0.00} MB");

await app.StartAsync();
var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(10) };
var token = (await (await http.PostAsJsonAsync("/api/v1/auth/token", new { email = Email, password = Password })).Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

foreach (var label in new[] { "first import (all new)", "second import (all matched, unchanged)" })
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var clock = Stopwatch.StartNew();
    var response = await http.PostAsync($"/api/v1/schools/{Urn}/imports/ctf", new ByteArrayContent(bytes) { Headers = { ContentType = new("application/xml") } });
    var body = await response.Content.ReadAsStringAsync();
    clock.Stop();
    var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
    using var process = Process.GetCurrentProcess();
    Console.WriteLine($"{label}: {(int)response.StatusCode} in {clock.Elapsed.TotalSeconds:0.00} s; {body}");
    Console.WriteLine($"  allocated {allocated / 1024.0 / 1024.0:0} MB; peak working set of the process so far {process.PeakWorkingSet64 / 1024.0 / 1024.0:0} MB; " +
                      $"GC heap after {GC.GetGCMemoryInfo().HeapSizeBytes / 1024.0 / 1024.0:0} MB");
}

await app.StopAsync();
await app.DisposeAsync();
try { Directory.Delete(folder, recursive: true); } catch (IOException) { }

static CtfFile Generate(int count)
{
    var random = new Random(2000);
    string[] forenames = ["Ada", "Bilal", "Cara", "Dev", "Esme", "Finn", "Gita", "Hugo", "Iris", "Jai", "Kira", "Luca", "Maya", "Nico", "Orla", "Pip"];
    string[] surnames = ["Abbot", "Brook", "Cotter", "Dale", "Ember", "Frost", "Gale", "Heath", "Ivy", "Jessop", "Knoll", "Lark", "Moss", "North", "Oakes", "Pike"];
    string[] needs = ["SLCN", "SEMH", "MLD", "SPLD", "ASD", "OTH", "PD", "HI"];
    var pupils = new List<CtfPupil>();
    for (var i = 0; i < count; i++)
    {
        var body = $"801{2000 + i / 1000:D4}{20 + i % 5:D2}{i % 1000:D3}";
        var upn = Upn.CheckLetterFor(body) + body;
        var year = 7 + i % 5;
        var dob = new DateOnly(2026 - year - 5, 1 + i % 12, 1 + i % 28).AddYears(-1);
        var roll = random.Next(100);
        var sen = new List<CtfSenEntry>();
        var ranked = new List<CtfNeed>();
        if (roll < 15)
        {
            sen.Add(new CtfSenEntry(new DateOnly(2022, 9, 5), "K"));
            if (roll < 3) sen.Add(new CtfSenEntry(new DateOnly(2024, 3, 1), "E"));
            var first = needs[random.Next(needs.Length)];
            ranked.Add(new CtfNeed(1, first));
            if (roll % 2 == 0) ranked.Add(new CtfNeed(2, needs.First(n => n != first)));
        }
        pupils.Add(new CtfPupil(upn, surnames[random.Next(surnames.Length)], forenames[random.Next(forenames.Length)], dob, i % 2 == 0 ? "F" : "M", null,
            year.ToString(System.Globalization.CultureInfo.InvariantCulture), [new CtfLanguage("F", random.Next(10) == 0 ? "POL" : "ENG")], random.Next(50) == 0,
            random.Next(5) == 0 ? [new CtfFsmPeriod(new DateOnly(2021, 9, 1), null)] : [], sen, ranked));
    }
    return new CtfFile(new CtfHeader(CtfVersions.Current, DateTime.UtcNow, "full", "Bench",
        new CtfSchool("801", "2000", "100001", "Generated Primary", CtfVersions.AcademicYearFor(DateOnly.FromDateTime(DateTime.UtcNow))),
        new CtfSchool("873", "4997")), pupils);
}
