using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Senco.Browser.Tests.Infrastructure;
using Senco.Core.Pupils;
using Senco.Web.Tests.Contract;
using Senco.Web.Tests.Infrastructure;

namespace Senco.Web.Tests.Operations;

/// <summary>
/// The real app as a separate process, killed (SIGKILL, no chance to tidy up) in the middle of a large import, which is
/// Senco's biggest multi-record save: the database must hold exactly what it held before, and when the app starts
/// again it says the import stopped and wrote nothing. Runs on the suite's database (SQLite file or PostgreSQL).
/// </summary>
public sealed class ProcessKillTests : IDisposable
{
    private const string Urn = "999101"; // the demo primary school
    private const string Senco = "senco@millbrook.example";
    private const string Password = "Kill-test-demo-2026!";
    private readonly TestDatabase _db = TestDatabase.Create();
    private readonly StringBuilder _log = new();

    public void Dispose() => _db.Dispose();

    private Task<(Process Process, string BaseUrl)> StartAppAsync() => AppProcess.StartAsync(_db, _log, new()
    {
        ["Senco__Demo"] = "true", ["Senco__DemoPassword"] = Password,
    });

    private string Log { get { lock (_log) return _log.ToString(); } }

    private static async Task<HttpClient> SignInAsync(string baseUrl)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        var token = await (await client.PostJson("/api/v1/auth/token", new { email = Senco, password = Password })).ReadNode();
        client.UseBearer(token.Str("accessToken"));
        return client;
    }

    /// What an interrupted import must not change: the pupils, their history and their SEN records.
    private async Task<string> CountsAsync()
    {
        var counts = new List<string>();
        foreach (var table in new[] { "Pupils", "PupilEvents", "SenStatusChanges" })
            counts.Add($"{table}={await DatabaseDump.ScalarAsync(_db.Provider, _db.ConnectionString, $"SELECT COUNT(*) FROM \"{table}\"")}");
        return string.Join(", ", counts);
    }

    private static byte[] RollOf(int pupils)
    {
        var sb = new StringBuilder(Exchange.ImportApi.Header).Append("\r\n");
        for (var i = 0; i < pupils; i++)
        {
            var last12 = $"801{i:D9}";
            var upn = Upn.CheckLetterFor(last12) + last12;
            sb.Append(Exchange.ImportApi.Line(upn, $"Killtest{i % 97}", $"Pupil{i}", year: (1 + i % 6).ToString(), sen: i % 7 == 0 ? "K" : "N", primary: i % 7 == 0 ? "SPLD" : "")).Append("\r\n");
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    [Fact]
    public async Task An_import_killed_midway_leaves_the_database_as_before_and_says_so_after_restart()
    {
        var (app, baseUrl) = await StartAppAsync();
        string before, importId;
        try
        {
            using var senco = await SignInAsync(baseUrl);
            before = await CountsAsync();
            var body = new ByteArrayContent(RollOf(8_000));
            body.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");
            var preview = await (await senco.PostAsync($"/api/v1/schools/{Urn}/imports/pupils?source=KillTest&fileName=big-roll.csv", body)).ReadNode();
            importId = preview.Str("id");
            Assert.True(preview["canImport"]!.GetValue<bool>(), preview["problems"]!.ToJsonString()[..Math.Min(2000, preview["problems"]!.ToJsonString().Length)]);
            await senco.PostJson($"/api/v1/schools/{Urn}/imports/pupils/{importId}/start", new { }).Expect(HttpStatusCode.Accepted);

            // Wait until some batches are written inside the transaction, then kill the process outright.
            JsonNode status;
            var watch = Stopwatch.StartNew();
            while (true)
            {
                status = await (await senco.GetAsync($"/api/v1/schools/{Urn}/imports/pupils/{importId}")).ReadNode();
                var done = status["done"]?.GetValue<int?>() ?? 0;
                Assert.NotEqual("Completed", status.Str("status"));
                Assert.NotEqual("Failed", status.Str("status"));
                if (status.Str("status") == "Running" && done > 0) break;
                Assert.True(watch.Elapsed < TimeSpan.FromMinutes(3), "the import never started\n" + status.ToJsonString());
                await Task.Delay(10);
            }
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
            Assert.Equal("Running", status.Str("status"));
        }
        finally
        {
            if (!app.HasExited) app.Kill(true);
            app.Dispose();
        }

        // Nothing of the half-done import is in the database.
        Assert.Equal(before, await CountsAsync());

        // Started again, Senco tells the SENCO what happened, still writes nothing, and the same file then imports.
        (app, baseUrl) = await StartAppAsync();
        try
        {
            using var senco = await SignInAsync(baseUrl);
            var after = await (await senco.GetAsync($"/api/v1/schools/{Urn}/imports/pupils/{importId}")).ReadNode();
            Assert.Equal("Failed", after.Str("status"));
            Assert.Contains("nothing was imported", after.Str("error"));
            Assert.Equal(before, await CountsAsync());
        }
        finally
        {
            app.Kill(true);
            await app.WaitForExitAsync();
            app.Dispose();
        }
    }
}
