using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Web.Features.Imports;
using Senco.Web.Tests.Infrastructure;
using static Senco.Web.Tests.Exchange.ImportApi;

namespace Senco.Web.Tests.Exchange;

/// Leavers and full-roll files change who is on roll, so they get a world of their own.
public sealed class ImportLeaverTests(TestWorld world) : IClassFixture<TestWorld>
{
    [Fact]
    public async Task Leaving_dates_and_a_full_roll_file_mark_pupils_off_roll_and_never_delete_them()
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "B");
        var urn = world.B.Urn;
        var n = world.BasePupil("B", "N");
        var k = world.BasePupil("B", "K");
        var e = world.BasePupil("B", "E");
        var leftOn = TestWorld.Today.AddDays(-10);
        // N stays, K leaves with a date; E is not in the file at all.
        var csv = Csv("UPN,Year,Leaving Date", $"{n.Upn},{n.YearGroup},", $"{k.Upn},{k.YearGroup},{leftOn:dd/MM/yyyy}");
        var preview = await PreviewAsync(senco, urn, csv, fullRoll: true);
        Assert.True(preview["canImport"]!.GetValue<bool>(), preview.ToJsonString());
        Assert.Equal(k.Upn, Assert.Single(preview["leaving"]!.AsArray())!.Str("upn"));
        Assert.Equal(e.Upn, Assert.Single(preview["notInFile"]!.AsArray())!.Str("upn"));

        var done = await ImportAsync(senco, urn, preview.Str("id"), markMissingOffRoll: true);
        Assert.Equal(2, done["left"]!.GetValue<int>());
        var (scope, db) = world.SystemDb();
        using (scope)
        {
            Assert.False((await db.Pupils.SingleAsync(p => p.Id == k.Id)).OnRoll);
            Assert.False((await db.Pupils.SingleAsync(p => p.Id == e.Id)).OnRoll);
            Assert.True((await db.Pupils.SingleAsync(p => p.Id == n.Id)).OnRoll);
            var left = await db.PupilEvents.SingleAsync(x => x.PupilId == k.Id && x.Kind == PupilEventKind.LeftRoll);
            Assert.Equal(leftOn, left.OccurredOn);
            Assert.Equal(TestWorld.Today, (await db.PupilEvents.SingleAsync(x => x.PupilId == e.Id && x.Kind == PupilEventKind.LeftRoll)).OccurredOn);
            Assert.Equal(1, await db.SenStatusChanges.CountAsync(c => c.PupilId == e.Id));
        }
        var register = await senco.GetAsync($"/api/v1/schools/{urn}/register").ExpectJson(HttpStatusCode.OK);
        Assert.Equal(0, register["count"]!.GetValue<int>());

        // Back in the next file without a leaving date: back on roll, same record.
        var back = await PreviewAsync(senco, urn, Csv("UPN,Year", $"{e.Upn},{e.YearGroup}"));
        Assert.Single(back["updated"]!.AsArray());
        await ImportAsync(senco, urn, back.Str("id"));
        var (s2, db2) = world.SystemDb();
        using (s2)
        {
            Assert.True((await db2.Pupils.SingleAsync(p => p.Id == e.Id)).OnRoll);
            Assert.Equal(1, await db2.Pupils.CountAsync(p => p.Upn == e.Upn));
        }
    }

    /// Fails the import after its first batch has been written inside the transaction.
    private sealed class FailingProgress : ImportProgress
    {
        public override void Report(Guid id, int done, int total)
        {
            if (done > 0) throw new InvalidOperationException("simulated failure after the first batch");
            base.Report(id, done, total);
        }
    }

    [Fact]
    public async Task A_failed_import_writes_nothing()
    {
        await using var failing = world.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ImportProgress, FailingProgress>()));
        var token = await world.FetchTokenAsync(world.User(SchoolRole.Senco, "A").Email, TestWorld.Password);
        using var senco = failing.CreateClient();
        senco.UseBearer(token);
        var urn = world.A.Urn;
        var k = world.BasePupil("A", "K");
        // 300 new pupils (more than one batch) and a change to an existing one.
        var lines = new List<string> { Header, Line(k.Upn, k.Surname, k.Forename, dob: TestWorld.Today.AddYears(-10).AddDays(-40).ToString("dd/MM/yyyy"), gender: "F", year: "6", sen: "K", primary: "SLCN", secondary: "ASD", eal: "Y") };
        var upns = Enumerable.Range(0, 300).Select(_ => world.NewUpn("A")).ToList();
        lines.AddRange(upns.Select((u, i) => Line(u, $"Batch{i}", "Pupil")));
        var preview = await PreviewAsync(senco, urn, Csv(lines.ToArray()));
        Assert.True(preview["canImport"]!.GetValue<bool>(), preview.ToJsonString());
        Assert.Equal(300, preview["new"]!.AsArray().Count);

        var result = await ImportAsync(senco, urn, preview.Str("id"));
        Assert.Equal("Failed", result.Str("status"));
        Assert.Contains("nothing was imported", result.Str("error"));
        var (scope, db) = world.SystemDb();
        using (scope)
        {
            Assert.Equal(0, await db.Pupils.CountAsync(p => upns.Contains(p.Upn)));
            Assert.Equal("5", (await db.Pupils.SingleAsync(p => p.Id == k.Id)).YearGroup);
            Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == "pupil.import.create" && a.SchoolId != null));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "import.failed"));
            var import = await db.PupilImports.SingleAsync(i => i.Id == Guid.Parse(preview.Str("id")));
            Assert.Empty(import.Content);
        }
    }
}
