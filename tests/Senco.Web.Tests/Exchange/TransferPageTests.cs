using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Core.Exchange;
using Senco.Web.Tests.Infrastructure;
using Senco.Web.Tests.Pages;

namespace Senco.Web.Tests.Exchange;

/// Leaving, the transfer pack and the reminder through the pages (cookie sign-in, anti-forgery), and who may open them.
public sealed class TransferPageTests(TestWorld world) : IClassFixture<TestWorld>
{
    private Task<PageSession> SignIn(SchoolRole role, string school) => PageSession.SignInAsync(world.Factory, world.User(role, school).Email, TestWorld.Password);

    private static Dictionary<string, string> Date(string name, DateOnly d) => new()
    {
        [$"{name}.Day"] = d.Day.ToString(), [$"{name}.Month"] = d.Month.ToString(), [$"{name}.Year"] = d.Year.ToString(),
    };

    [Fact]
    public async Task A_leaver_gets_a_transfer_due_in_15_weekdays_a_pack_with_an_index_and_the_reminder_ends_when_sent()
    {
        var pupil = await world.AddPupilAsync("A", "Lena", "Leaver", "6", status: "E", needs: ["ASD", "SLCN"]);
        using var senco = await SignIn(SchoolRole.Senco, "A");
        var leftOn = TestWorld.Today.AddDays(-3);
        var form = Date("LeftOn", leftOn);
        form["Destination.Kind"] = "School";
        form["Destination.La"] = "330";
        form["Destination.Estab"] = "4002";
        form["Destination.Name"] = "Riverside High School";
        form["__RequestVerificationToken"] = await senco.GetFormTokenAsync($"/pupils/{pupil.Id}/leave");
        var left = await senco.Client.PostAsync($"/pupils/{pupil.Id}/leave", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, left.StatusCode);
        var transferUrl = left.Headers.Location!.ToString();

        var (scope, db) = world.SystemDb();
        Guid transferId;
        using (scope)
        {
            var p = await db.Pupils.SingleAsync(x => x.Id == pupil.Id);
            Assert.False(p.OnRoll);
            Assert.Equal(leftOn, p.LeftOn);
            var t = await db.PupilTransfers.SingleAsync(x => x.PupilId == pupil.Id);
            Assert.Equal(TransferRules.DueOn(leftOn), t.DueOn);
            transferId = t.Id;
        }
        Assert.EndsWith(transferId.ToString(), transferUrl);
        Assert.Contains("Lena Leaver", await senco.Client.GetStringAsync($"/schools/{world.A.Urn}"));

        var packResponse = await senco.Client.PostAsync($"/transfers/{transferId}?handler=Pack", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await senco.GetFormTokenAsync($"/transfers/{transferId}"),
        }));
        Assert.Equal(HttpStatusCode.OK, packResponse.StatusCode);
        Assert.Equal("application/zip", packResponse.Content.Headers.ContentType?.MediaType);
        using (var zip = new ZipArchive(await packResponse.Content.ReadAsStreamAsync()))
        {
            var index = new StreamReader(zip.GetEntry("00-index.txt")!.Open()).ReadToEnd();
            Assert.Contains("Riverside High School (330/4002)", index);
            Assert.Contains("EHC plan: none recorded", index);
            var ctf = zip.Entries.Single(e => e.FullName.StartsWith("01-ctf-", StringComparison.Ordinal));
            using var ms = new MemoryStream();
            ctf.Open().CopyTo(ms);
            var file = CtfReader.Read(ms.ToArray()).File!;
            Assert.Equal(["ASD", "SLCN"], file.Pupils.Single().Needs.Select(n => n.Type));
        }

        var sent = Date("SentOn", TestWorld.Today);
        sent["SentTo"] = "S2S upload to Riverside High School";
        sent["Version"] = "1";
        sent["__RequestVerificationToken"] = await senco.GetFormTokenAsync($"/transfers/{transferId}");
        Assert.Equal(HttpStatusCode.Redirect, (await senco.Client.PostAsync($"/transfers/{transferId}?handler=Sent", new FormUrlEncodedContent(sent))).StatusCode);
        Assert.DoesNotContain("Lena Leaver", await senco.Client.GetStringAsync($"/schools/{world.A.Urn}"));

        var (scope2, db2) = world.SystemDb();
        using (scope2)
        {
            var t = await db2.PupilTransfers.SingleAsync(x => x.Id == transferId);
            Assert.Equal(TestWorld.Today, t.SentOn);
            Assert.Equal(1, t.PacksGenerated);
            Assert.True(await db2.AuditEntries.AnyAsync(a => a.PupilId == pupil.Id && a.Action == "transfer.pack"));
            Assert.True(await db2.AuditEntries.AnyAsync(a => a.PupilId == pupil.Id && a.Action == "transfer.sent"));
        }
    }

    [Theory]
    [InlineData(SchoolRole.Senco, "A", HttpStatusCode.OK)]
    [InlineData(SchoolRole.SchoolAdmin, "A", HttpStatusCode.OK)]
    [InlineData(SchoolRole.Teacher, "A", HttpStatusCode.Forbidden)]
    [InlineData(SchoolRole.SeniorLeader, "A", HttpStatusCode.Forbidden)]
    [InlineData(SchoolRole.Governor, "A", HttpStatusCode.Forbidden)]
    [InlineData(SchoolRole.Senco, "C", HttpStatusCode.NotFound)]
    public async Task Transfer_and_census_pages_by_role_and_school(SchoolRole role, string actorSchool, HttpStatusCode expected)
    {
        using var session = await SignIn(role, actorSchool);
        foreach (var path in new[] { "transfers", "transfers/import", "transfers/export", "census" })
        {
            var r = await session.Client.GetAsync($"/schools/{world.A.Urn}/{path}");
            Assert.True(expected == r.StatusCode, $"{role} of {actorSchool} on {path}: {r.StatusCode}");
        }
    }

    [Fact]
    public async Task Census_CSV_neutralises_formula_injection()
    {
        var pupil = await world.AddPupilAsync("B", "=HYPERLINK(\"http://x\")", "@Sum", "7", status: "K", needs: ["MLD"]);
        using var senco = await SignIn(SchoolRole.Senco, "B");
        var csv = await senco.Client.GetStringAsync($"/schools/{world.B.Urn}/census?handler=Csv");
        var line = csv.Split("\r\n").Single(l => l.Contains(pupil.Upn));
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\") @Sum\"", line);
        Assert.DoesNotContain(",=", line);
    }
}
