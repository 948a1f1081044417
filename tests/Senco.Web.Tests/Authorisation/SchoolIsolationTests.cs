using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Core.Sen;
using Senco.Web.Tests.Contract;
using Senco.Web.Tests.Infrastructure;

namespace Senco.Web.Tests.Authorisation;

/// Another school's pupils are never listed, counted, exported or found, by anyone, whatever they search for.
/// The ground truth comes from the database itself, not from the API under test.
public sealed class SchoolIsolationTests(TestWorld world) : IClassFixture<TestWorld>
{
    private async Task<Dictionary<string, (HashSet<string> All, HashSet<string> OnRegister)>> UpnsBySchool()
    {
        var (scope, db) = world.SystemDb();
        using (scope)
        {
            var rows = await db.Pupils.AsNoTracking().Select(p => new { p.School!.Urn, p.Upn, p.SenStatus, p.OnRoll }).ToListAsync();
            return world.Schools.Values.ToDictionary(s => s.Key, s => (
                rows.Where(r => r.Urn == s.Urn).Select(r => r.Upn).ToHashSet(),
                rows.Where(r => r.Urn == s.Urn && r.OnRoll && r.SenStatus != SenStatus.N).Select(r => r.Upn).ToHashSet()));
        }
    }

    public static TheoryData<SchoolRole, string, string> Viewers()
    {
        var data = new TheoryData<SchoolRole, string, string>();
        foreach (var role in Enum.GetValues<SchoolRole>().Where(r => RolePermissions.Has(r, Permission.ExportRegister)))
            foreach (var actor in TestWorld.SchoolKeys)
                foreach (var target in TestWorld.SchoolKeys)
                    if (actor == target || (role == SchoolRole.TrustLead && actor != "C" && target != "C"))
                        data.Add(role, actor, target);
        return data;
    }

    [Theory]
    [MemberData(nameof(Viewers))]
    public async Task The_register_json_csv_and_xlsx_of_a_school_hold_exactly_its_own_pupils_on_K_or_E(SchoolRole role, string actor, string target)
    {
        var truth = await UpnsBySchool();
        var own = truth[target].OnRegister;
        var others = truth.Where(kv => kv.Key != target).SelectMany(kv => kv.Value.All).Except(truth[target].All).ToList();
        Assert.NotEmpty(own);
        Assert.NotEmpty(others);

        using var client = await world.ClientFor(role, actor);
        var urn = world.Schools[target].Urn;

        var jsonText = await (await client.GetAsync($"/api/v1/schools/{urn}/register").Expect(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        var json = System.Text.Json.Nodes.JsonNode.Parse(jsonText)!;
        Assert.Equal(own.Count, json["count"]!.GetValue<int>());
        Assert.Equal(own.Order(), json["pupils"]!.AsArray().Select(p => p.Str("upn")).Order());

        var csvBytes = await (await client.GetAsync($"/api/v1/schools/{urn}/register.csv").Expect(HttpStatusCode.OK)).Content.ReadAsByteArrayAsync();
        var csv = Csv.Parse(csvBytes);
        Assert.Equal(own.Order(), csv.Skip(1).Select(r => r[Array.IndexOf(csv[0], "UPN")]).Order());

        var xlsx = Excel.Rows(await (await client.GetAsync($"/api/v1/schools/{urn}/register.xlsx").Expect(HttpStatusCode.OK)).Content.ReadAsByteArrayAsync());
        Assert.Equal(own.Order(), xlsx.Select(r => r["UPN"]).Order());

        var csvText = Encoding.UTF8.GetString(csvBytes);
        foreach (var upn in others)
        {
            Assert.DoesNotContain(upn, jsonText);
            Assert.DoesNotContain(upn, csvText);
        }
    }

    [Fact]
    public async Task Searching_a_register_for_another_schools_upn_or_name_finds_nobody()
    {
        var truth = await UpnsBySchool();
        foreach (var target in TestWorld.SchoolKeys)
        {
            using var senco = await world.ClientFor(SchoolRole.Senco, target);
            var urn = world.Schools[target].Urn;
            foreach (var other in TestWorld.SchoolKeys.Where(k => k != target))
            {
                foreach (var upn in truth[other].OnRegister)
                {
                    var reg = await senco.GetAsync($"/api/v1/schools/{urn}/register?q={upn}").ExpectJson(HttpStatusCode.OK);
                    Assert.Equal(0, reg["count"]!.GetValue<int>());
                    Assert.Empty(reg["pupils"]!.AsArray());
                }
                var k = world.BasePupil(other, "K");
                var byName = await senco.GetAsync($"/api/v1/schools/{urn}/register?q={k.Surname}").ExpectJson(HttpStatusCode.OK);
                Assert.Equal(0, byName["count"]!.GetValue<int>());
            }
        }
    }

    [Fact]
    public async Task Every_pupil_of_another_school_answers_404_exactly_like_a_pupil_that_does_not_exist()
    {
        var (scope, db) = world.SystemDb();
        List<(Guid Id, string Urn)> all;
        using (scope) all = await db.Pupils.AsNoTracking().Select(p => new ValueTuple<Guid, string>(p.Id, p.School!.Urn)).ToListAsync();

        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        var missing = await senco.GetAsync($"/api/v1/pupils/{Guid.NewGuid()}");
        var missingProblem = await missing.ShouldBeProblem(HttpStatusCode.NotFound);
        missingProblem.Remove("traceId");

        foreach (var (id, urn) in all.Where(p => p.Urn != world.A.Urn))
        {
            foreach (var path in new[] { "", "/sen/history" })
            {
                var r = await senco.GetAsync($"/api/v1/pupils/{id}{path}");
                var problem = await r.ShouldBeProblem(HttpStatusCode.NotFound);
                problem.Remove("traceId");
                Assert.Equal(missingProblem.ToJsonString(), problem.ToJsonString());
            }
        }
    }

    [Fact]
    public async Task A_senco_cannot_add_a_pupil_to_another_school_even_knowing_its_urn()
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        var upn = world.NewUpn("B");
        await (await senco.PostJson($"/api/v1/schools/{world.B.Urn}/pupils", TestWorld.PupilBody(upn, "Planted", "Pupil"))).ShouldBeProblem(HttpStatusCode.NotFound);
        var (scope, db) = world.SystemDb();
        using (scope) Assert.False(await db.Pupils.AnyAsync(p => p.Upn == upn));
    }
}
