// Import benchmark (issue 7): a generated, fictional 2,000-pupil roll as an XLSX workbook, uploaded and imported through
// the same API and use case a school uses (upload → preview → background import in one transaction) into SQLite,
// then the same file again (every pupil matched by UPN, nothing changes).
//
//   dotnet run -c Release --project bench/ImportBench                 2,000 rows
//   dotnet run -c Release --project bench/ImportBench -- --rows 5000   another size
//
// Prints wall-clock times and the process's peak memory; nothing is asserted. All names are generated and fictional.

using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Core.Pupils;
using Senco.Core.Schools;
using Senco.Data;
using Senco.Web;

var rows = args.SkipWhile(a => a != "--rows").Skip(1).Select(int.Parse).FirstOrDefault(2000);
const string Password = "a long benchmark passphrase";
const string Urn = "998101";
const string Email = "senco@import-bench.example";

var folder = Path.Combine(Path.GetTempPath(), "senco-import-bench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(folder);
var app = SencoApp.Build([
    "--applicationName=Senco.Web", "--urls=http://127.0.0.1:0", "--environment=Production",
    "--Database:Provider=Sqlite", $"--ConnectionStrings:Senco=Data Source={Path.Combine(folder, "bench.db")}", "--Senco:Demo=false",
    "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.EntityFrameworkCore=Warning",
]);
await SencoApp.PrepareAsync(app);
using (var scope = app.Services.CreateScope())
{
    scope.ServiceProvider.GetRequiredService<TenantScope>().RestrictToSystem();
    var db = scope.ServiceProvider.GetRequiredService<SencoDbContext>();
    var school = new School { Urn = Urn, Name = "Import Bench Academy (generated)", LaCode = "873", Estab = "4997", Phase = Phase.Secondary, CreatedAt = DateTime.UtcNow };
    db.Schools.Add(school);
    await db.SaveChangesAsync();
    var users = scope.ServiceProvider.GetRequiredService<UserManager<SencoUser>>();
    var senco = new SencoUser { UserName = Email, Email = Email, DisplayName = "Benchmark SENCO", EmailConfirmed = true, CreatedAt = DateTime.UtcNow };
    var created = await users.CreateAsync(senco, Password);
    if (!created.Succeeded) throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
    db.Memberships.Add(new SchoolMembership { UserId = senco.Id, SchoolId = school.Id, Role = SchoolRole.Senco });
    await db.SaveChangesAsync();
}

var genClock = Stopwatch.StartNew();
var workbook = Generate(rows);
Console.WriteLine($"Generated a {rows:N0}-row XLSX ({workbook.Length / 1024.0:0} KiB) in {genClock.Elapsed.TotalMilliseconds:0} ms");

await app.StartAsync();
var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(5) };
var token = (await (await http.PostAsJsonAsync("/api/v1/auth/token", new { email = Email, password = Password })).Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

long peakManaged = 0;
Console.WriteLine($"{Environment.ProcessorCount} CPUs, SQLite, .NET {Environment.Version}");
foreach (var pass in new[] { "first import (all new)", "same file again (all unchanged)" })
{
    var upload = Stopwatch.StartNew();
    var body = new ByteArrayContent(workbook);
    body.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    var response = await http.PostAsync($"/api/v1/schools/{Urn}/imports/pupils?source=Bench&fileName=roll.xlsx", body);
    var preview = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    var uploadMs = upload.Elapsed.TotalMilliseconds;
    if (!preview["canImport"]!.GetValue<bool>()) throw new InvalidOperationException("The generated file has problems: " + preview["problems"]!.ToJsonString()[..Math.Min(600, preview["problems"]!.ToJsonString().Length)]);
    var id = preview["id"]!.GetValue<string>();

    var run = Stopwatch.StartNew();
    (await http.PostAsJsonAsync($"/api/v1/schools/{Urn}/imports/pupils/{id}/start", new { markMissingOffRoll = false })).EnsureSuccessStatusCode();
    JsonObject status;
    while (true)
    {
        peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(false));
        status = (await http.GetFromJsonAsync<JsonObject>($"/api/v1/schools/{Urn}/imports/pupils/{id}"))!;
        if (status["status"]!.GetValue<string>() is "Completed" or "Failed") break;
        await Task.Delay(20);
    }
    var runMs = run.Elapsed.TotalMilliseconds;
    Console.WriteLine($"{pass,-34} upload + read + preview {uploadMs,7:0} ms   import job {runMs,7:0} ms   → {status["status"]}: " +
                      $"{status["created"]} new, {status["updated"]} updated, {status["unchanged"]} unchanged");
}
using (var p = Process.GetCurrentProcess())
    Console.WriteLine($"Peak working set of the whole process (app + benchmark): {p.PeakWorkingSet64 / 1024.0 / 1024.0:0} MiB; largest managed heap seen: {peakManaged / 1024.0 / 1024.0:0} MiB");

await app.StopAsync();
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
try { Directory.Delete(folder, true); } catch (IOException) { }

static byte[] Generate(int count)
{
    var random = new Random(20261123);
    string[] forenames = ["Amara", "Ben", "Chloe", "Dev", "Elif", "Finn", "Grace", "Hamza", "Isla", "Jonah", "Kai", "Lena", "Milo", "Nia", "Oscar", "Priya", "Quinn", "Rosa", "Sami", "Tess"];
    string[] surnames = ["Abbott", "Bakshi", "Carver", "Dunmore", "Eze", "Fairley", "Gallo", "Hinds", "Iqbal", "Jessop", "Kowal", "Lund", "Mbeki", "Norris", "Okoro", "Pryce", "Quayle", "Rahman", "Stroud", "Tully"];
    string[] needs = ["SPLD", "MLD", "SEMH", "SLCN", "ASD", "HI", "VI", "PD", "OTH"];
    var year0 = DateTime.UtcNow.Month >= 9 ? DateTime.UtcNow.Year : DateTime.UtcNow.Year - 1;
    var list = new List<Dictionary<string, object>>(count);
    for (var i = 0; i < count; i++)
    {
        var nc = 7 + i % 5;
        var body = $"873499{i / 1000 % 10}{(year0 - nc) % 100:D2}{i % 1000:D3}";
        var roll = random.Next(100);
        var sen = roll < 3 ? "E" : roll < 16 ? "K" : "N";
        var first = needs[random.Next(needs.Length)];
        var second = needs.Where(n => n != first).ElementAt(random.Next(needs.Length - 1));
        list.Add(new Dictionary<string, object>
        {
            ["UPN"] = Upn.CheckLetterFor(body) + body,
            ["Legal Surname"] = surnames[random.Next(surnames.Length)],
            ["Legal Forename"] = forenames[random.Next(forenames.Length)],
            ["DOB"] = new DateTime(year0 - nc - 5, 9, 1).AddDays(random.Next(365)),
            ["Gender"] = random.Next(2) == 0 ? "F" : "M",
            ["NC Year Actual"] = nc.ToString(),
            ["SEN Provision"] = sen,
            ["Primary Need"] = sen == "N" ? "" : first,
            ["Secondary Need"] = sen == "N" || random.Next(2) == 0 ? "" : second,
            ["EAL"] = random.Next(5) == 0 ? "Y" : "N",
            ["FSM Eligible"] = random.Next(4) == 0 ? "Y" : "N",
            ["In LA Care"] = random.Next(60) == 0 ? "Y" : "N",
        });
    }
    using var ms = new MemoryStream();
    ms.SaveAs(list, sheetName: "Roll");
    return ms.ToArray();
}
