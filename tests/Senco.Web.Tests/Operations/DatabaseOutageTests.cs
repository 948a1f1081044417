using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Senco.Core.Access;
using Senco.Web.Tests.Infrastructure;

namespace Senco.Web.Tests.Operations;

/// The database briefly unreachable while people work: they are told plainly (503, Retry-After, a Senco page or a
/// problem), /health says so, nothing is half-written, and everything works again once the database is back.
/// On PostgreSQL the network to the server is cut; on SQLite another process holds the write lock past the timeout.
public sealed class DatabaseOutageTests(TestWorld world) : IClassFixture<TestWorld>
{
    [Fact]
    public async Task An_outage_is_explained_nothing_is_half_saved_and_work_resumes_when_it_ends()
    {
        var db = world.Factory.Database;
        TcpCutter? cutter = null;
        SqliteConnection? holder = null;
        string cs;
        if (db.Provider == "Postgres")
        {
            var b = new NpgsqlConnectionStringBuilder(db.ConnectionString);
            cutter = new TcpCutter(b.Host!, b.Port);
            b.Host = "127.0.0.1";
            b.Port = cutter.Port;
            b.Timeout = 3;
            cs = b.ConnectionString;
        }
        else
        {
            cs = db.ConnectionString + ";Default Timeout=1";
        }
        await using var app = world.Factory.WithWebHostBuilder(w => w.UseSetting("ConnectionStrings:Senco", cs));
        using var api = app.CreateClient();
        var token = await api.PostJson("/api/v1/auth/token", new { email = world.User(SchoolRole.Senco, "A").Email, password = TestWorld.Password }).ExpectJson(HttpStatusCode.OK);
        api.DefaultRequestHeaders.Authorization = new("Bearer", token["accessToken"]!.GetValue<string>());
        var pupil = await world.AddPupilAsync("A", "Outage", "Pupil", "3");
        var change = TestWorld.SenBody("K", ["SLCN"], TestWorld.Today, "Concern raised by class teacher");
        using var session = await Pages.PageSession.SignInAsync(app, world.User(SchoolRole.Senco, "A").Email, TestWorld.Password);
        var form = await session.Client.GetStringAsync($"/pupils/{pupil.Id}/sen");
        var formToken = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        var version = System.Text.RegularExpressions.Regex.Match(form, "name=\"Version\" value=\"(\\d+)\"|value=\"(\\d+)\"[^>]*name=\"Version\"");
        var versionValue = version.Groups[1].Success ? version.Groups[1].Value : version.Groups[2].Value;
        Assert.False(string.IsNullOrEmpty(versionValue), "the SEN change form carries the pupil's version");

        // The outage starts.
        if (cutter is not null) cutter.Cut();
        else
        {
            holder = new SqliteConnection(db.ConnectionString);
            await holder.OpenAsync();
            await using var lockCmd = holder.CreateCommand();
            lockCmd.CommandText = "BEGIN IMMEDIATE;";
            await lockCmd.ExecuteNonQueryAsync();
        }

        var refused = await api.PutJson($"/api/v1/pupils/{pupil.Id}/sen", change);
        var problem = await refused.ShouldBeProblem(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("cannot be reached", problem["title"]!.GetValue<string>());
        Assert.True(refused.Headers.RetryAfter is not null);
        if (cutter is not null)
        {
            using var anonymous = app.CreateClient();
            var health = await anonymous.GetAsync("/health");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Contains("cannot be reached", await health.Content.ReadAsStringAsync());
        }

        // People saving a form see a Senco page that says what happened, not a stack trace or a generic error.
        var page = await session.Client.PostAsync($"/pupils/{pupil.Id}/sen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Status"] = "K", ["Input.PrimaryNeed"] = "SLCN", ["Input.Reason"] = "Concern raised by class teacher",
            ["Input.EffectiveFrom.Day"] = TestWorld.Today.Day.ToString(), ["Input.EffectiveFrom.Month"] = TestWorld.Today.Month.ToString(),
            ["Input.EffectiveFrom.Year"] = TestWorld.Today.Year.ToString(), ["Version"] = versionValue, ["__RequestVerificationToken"] = formToken,
        }));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Senco cannot reach its database", html);
        Assert.DoesNotContain("Exception", html);

        // The outage ends.
        if (cutter is not null) cutter.Restore();
        else
        {
            await using (var rollback = holder!.CreateCommand()) { rollback.CommandText = "ROLLBACK;"; await rollback.ExecuteNonQueryAsync(); }
            await holder.DisposeAsync();
        }

        // Nothing of the refused change was written.
        var (scope, data) = world.SystemDb();
        using (scope)
        {
            Assert.Equal(0, await data.SenStatusChanges.CountAsync(c => c.PupilId == pupil.Id));
            Assert.Equal("N", (await data.Pupils.SingleAsync(p => p.Id == pupil.Id)).SenStatus.ToString());
        }
        await api.PutJson($"/api/v1/pupils/{pupil.Id}/sen", change).Expect(HttpStatusCode.OK);
        using (var anonymous = app.CreateClient())
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
        (scope, data) = world.SystemDb();
        using (scope) Assert.Equal(1, await data.SenStatusChanges.CountAsync(c => c.PupilId == pupil.Id));
        if (cutter is not null) await cutter.DisposeAsync();
    }
}
