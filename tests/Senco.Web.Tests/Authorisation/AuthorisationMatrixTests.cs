using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Core.Sen;
using Senco.Web.Tests.Contract;
using Senco.Web.Tests.Infrastructure;

namespace Senco.Web.Tests.Authorisation;

/// Every call of the API up to the SEND register, by every role, in its own school, in another school of the
/// same trust, and in a school outside the trust. The expectation is derived from RolePermissions (the policy
/// table), so this matrix documents the policy; hand-written rows below check the table itself.
public sealed class AuthorisationMatrixTests(TestWorld world) : IClassFixture<TestWorld>
{
    public enum Call { ListSchools, CreateSchool, CreateUser, AddPupil, ReadPupil, EditPupil, ChangeSen, ReadSenHistory, ReadRegister, ExportCsv, ExportXlsx }

    private static readonly Call[] SchoolCalls = [Call.AddPupil, Call.ReadPupil, Call.EditPupil, Call.ChangeSen, Call.ReadSenHistory, Call.ReadRegister, Call.ExportCsv, Call.ExportXlsx];

    // The schools' trusts as TestWorld builds them: A and B share a trust, C is in another.
    private static readonly Dictionary<string, string> TrustOf = new() { ["A"] = TestWorld.TrustAB, ["B"] = TestWorld.TrustAB, ["C"] = TestWorld.TrustC };

    private static bool Visible(SchoolRole role, string actor, string target) =>
        actor == target || (role == SchoolRole.TrustLead && TrustOf[actor] == TrustOf[target]);

    private static Permission? Needs(Call call) => call switch
    {
        Call.AddPupil or Call.EditPupil => Permission.EditPupilDetails,
        Call.ReadPupil or Call.ReadSenHistory or Call.ReadRegister => Permission.ViewPupils,
        Call.ChangeSen => Permission.ChangeSenStatus,
        Call.ExportCsv or Call.ExportXlsx => Permission.ExportRegister,
        _ => null,
    };

    public static HttpStatusCode Expected(SchoolRole role, string actor, Call call, string target)
    {
        if (call is Call.CreateSchool or Call.CreateUser) return HttpStatusCode.Forbidden; // system administrator only
        if (call is Call.ListSchools) return HttpStatusCode.OK;
        if (!Visible(role, actor, target)) return HttpStatusCode.NotFound; // never 403: existence must not leak
        if (!RolePermissions.Has(role, Needs(call)!.Value)) return HttpStatusCode.Forbidden;
        return call == Call.AddPupil ? HttpStatusCode.Created : HttpStatusCode.OK;
    }

    public static IEnumerable<object[]> Matrix()
    {
        foreach (var role in Enum.GetValues<SchoolRole>())
            foreach (var actor in TestWorld.SchoolKeys)
            {
                yield return [role, actor, Call.CreateSchool, actor, Expected(role, actor, Call.CreateSchool, actor)];
                yield return [role, actor, Call.CreateUser, actor, Expected(role, actor, Call.CreateUser, actor)];
                foreach (var target in TestWorld.SchoolKeys)
                {
                    yield return [role, actor, Call.ListSchools, target, Expected(role, actor, Call.ListSchools, target)];
                    foreach (var call in SchoolCalls)
                        yield return [role, actor, call, target, Expected(role, actor, call, target)];
                }
            }
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public Task Role_in_school_calling_endpoint_on_school_gets_the_policy_status(SchoolRole role, string actor, Call call, string target, HttpStatusCode expected) =>
        Check(role, actor, call, target, expected);

    /// Written by hand from the contract and the brief, not from the table: if RolePermissions were wrong,
    /// these would disagree with the derived matrix above.
    [Theory]
    [InlineData(SchoolRole.Governor, "A", Call.ReadRegister, "A", HttpStatusCode.Forbidden)]
    [InlineData(SchoolRole.Governor, "A", Call.ReadPupil, "A", HttpStatusCode.Forbidden)]
    [InlineData(SchoolRole.Governor, "A", Call.ReadSenHistory, "A", HttpStatusCode.Forbidden)]
    [InlineData(SchoolRole.Governor, "A", Call.ExportCsv, "A", HttpStatusCode.Forbidden)]
    [InlineData(SchoolRole.Governor, "A", Call.ReadRegister, "B", HttpStatusCode.NotFound)]
    [InlineData(SchoolRole.Governor, "A", Call.ReadPupil, "C", HttpStatusCode.NotFound)]
    [InlineData(SchoolRole.Teacher, "A", Call.ReadRegister, "A", HttpStatusCode.OK)]
    [InlineData(SchoolRole.Teacher, "A", Call.ReadPupil, "A", HttpStatusCode.OK)]
    [InlineData(SchoolRole.Teacher, "A", Call.ChangeSen, "A", HttpStatusCode.Forbidden)]
    [InlineData(SchoolRole.Teacher, "A", Call.EditPupil, "A", HttpStatusCode.Forbidden)]
    [InlineData(SchoolRole.Teacher, "A", Call.AddPupil, "A", HttpStatusCode.Forbidden)]
    [InlineData(SchoolRole.Teacher, "A", Call.ExportCsv, "A", HttpStatusCode.Forbidden)]
    [InlineData(SchoolRole.TeachingAssistant, "B", Call.ReadPupil, "B", HttpStatusCode.OK)]
    [InlineData(SchoolRole.TeachingAssistant, "B", Call.ChangeSen, "B", HttpStatusCode.Forbidden)]
    [InlineData(SchoolRole.TeachingAssistant, "B", Call.AddPupil, "B", HttpStatusCode.Forbidden)]
    [InlineData(SchoolRole.SchoolAdmin, "A", Call.ChangeSen, "A", HttpStatusCode.Forbidden)]
    [InlineData(SchoolRole.SchoolAdmin, "A", Call.AddPupil, "A", HttpStatusCode.Created)]
    [InlineData(SchoolRole.SchoolAdmin, "A", Call.EditPupil, "A", HttpStatusCode.OK)]
    [InlineData(SchoolRole.Senco, "A", Call.ReadPupil, "B", HttpStatusCode.NotFound)]
    [InlineData(SchoolRole.Senco, "A", Call.ChangeSen, "B", HttpStatusCode.NotFound)]
    [InlineData(SchoolRole.Senco, "A", Call.ReadRegister, "C", HttpStatusCode.NotFound)]
    [InlineData(SchoolRole.Senco, "A", Call.ChangeSen, "A", HttpStatusCode.OK)]
    [InlineData(SchoolRole.AssistantSenco, "C", Call.ChangeSen, "C", HttpStatusCode.OK)]
    [InlineData(SchoolRole.SeniorLeader, "A", Call.ExportXlsx, "A", HttpStatusCode.OK)]
    [InlineData(SchoolRole.SeniorLeader, "A", Call.EditPupil, "A", HttpStatusCode.Forbidden)]
    [InlineData(SchoolRole.TrustLead, "A", Call.ReadRegister, "B", HttpStatusCode.OK)]
    [InlineData(SchoolRole.TrustLead, "A", Call.ReadPupil, "B", HttpStatusCode.OK)]
    [InlineData(SchoolRole.TrustLead, "B", Call.ExportCsv, "A", HttpStatusCode.OK)]
    [InlineData(SchoolRole.TrustLead, "A", Call.ReadRegister, "C", HttpStatusCode.NotFound)]
    [InlineData(SchoolRole.TrustLead, "A", Call.ChangeSen, "B", HttpStatusCode.Forbidden)]
    [InlineData(SchoolRole.TrustLead, "C", Call.ReadPupil, "A", HttpStatusCode.NotFound)]
    [InlineData(SchoolRole.Senco, "A", Call.CreateSchool, "A", HttpStatusCode.Forbidden)]
    [InlineData(SchoolRole.SchoolAdmin, "A", Call.CreateUser, "A", HttpStatusCode.Forbidden)]
    public async Task Hand_written_policy_rows_agree_with_the_api_and_with_the_derived_matrix(SchoolRole role, string actor, Call call, string target, HttpStatusCode expected)
    {
        Assert.Equal(expected, Expected(role, actor, call, target));
        await Check(role, actor, call, target, expected);
    }

    [Fact]
    public async Task Roles_held_together_in_one_school_add_up_and_do_not_spill_into_another_school()
    {
        // A teacher who also keeps the roll may edit pupils in that school; a governor of C who teaches in A
        // still sees no named pupil in C.
        var email = await world.NewUserAsync((SchoolRole.Teacher, "A"), (SchoolRole.SchoolAdmin, "A"), (SchoolRole.Governor, "C"));
        using var c = await world.ClientFor(email);
        var pupil = world.BasePupil("A", "N");
        var read = await c.GetAsync($"/api/v1/pupils/{pupil.Id}").ExpectJson(HttpStatusCode.OK);
        var edit = PupilsContractTests.EditBody(read, read["version"]!.GetValue<int>());
        edit["eal"] = !read["eal"]!.GetValue<bool>();
        await c.PutJson($"/api/v1/pupils/{pupil.Id}", edit).Expect(HttpStatusCode.OK);
        await (await c.PutJson($"/api/v1/pupils/{pupil.Id}/sen", TestWorld.SenBody("K", ["MLD"], TestWorld.Today))).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await c.GetAsync($"/api/v1/schools/{world.C.Urn}/register")).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await c.GetAsync($"/api/v1/pupils/{world.BasePupil("C", "K").Id}")).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await c.GetAsync($"/api/v1/schools/{world.B.Urn}/register")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public void The_derived_matrix_is_not_vacuous_every_pupil_call_has_allowed_forbidden_and_not_found_rows()
    {
        var rows = Matrix().Select(r => (Call: (Call)r[2], Status: (HttpStatusCode)r[4])).ToList();
        foreach (var call in SchoolCalls)
        {
            var statuses = rows.Where(r => r.Call == call).Select(r => r.Status).ToHashSet();
            Assert.Contains(HttpStatusCode.NotFound, statuses);
            Assert.Contains(HttpStatusCode.Forbidden, statuses);
            Assert.Contains(call == Call.AddPupil ? HttpStatusCode.Created : HttpStatusCode.OK, statuses);
        }
    }

    [Theory]
    [InlineData(Call.ReadPupil, HttpStatusCode.NotFound)]
    [InlineData(Call.ReadRegister, HttpStatusCode.NotFound)]
    [InlineData(Call.AddPupil, HttpStatusCode.NotFound)]
    [InlineData(Call.ChangeSen, HttpStatusCode.NotFound)]
    [InlineData(Call.CreateSchool, HttpStatusCode.Created)]
    public async Task The_system_administrator_sets_up_schools_but_sees_no_pupil(Call call, HttpStatusCode expected)
    {
        using var admin = await world.AdminClient();
        await Perform(admin, "admin", call, "A", expected);
    }

    private async Task Check(SchoolRole role, string actor, Call call, string target, HttpStatusCode expected)
    {
        using var client = await world.ClientFor(role, actor);
        await Perform(client, $"{role} of {actor}", call, target, expected);
    }

    private int _serial;

    private async Task Perform(HttpClient client, string who, Call call, string target, HttpStatusCode expected)
    {
        var school = world.Schools[target];
        var pupil = world.BasePupil(target, "K");
        // Only writes can change the pupil; reads skip the before/after comparison to keep the matrix fast.
        var writes = call is Call.EditPupil or Call.ChangeSen;
        var before = writes ? await SenCoRead(target, pupil.Id) : null;
        var historyBefore = writes ? await SenCoRead(target, pupil.Id, "/sen/history") : null;
        HttpResponseMessage r;
        string? newUpn = null;
        switch (call)
        {
            case Call.ListSchools:
                r = await client.GetAsync("/api/v1/schools");
                break;
            case Call.CreateSchool:
                var urn = (160000 + Interlocked.Increment(ref _serial)).ToString();
                r = await client.PostJson("/api/v1/schools", new { urn, name = "Made by " + who, laCode = "873", estab = "7001", phase = "Primary" });
                if (expected != HttpStatusCode.Created) await AssertNoSchool(urn);
                break;
            case Call.CreateUser:
                var email = $"made{Interlocked.Increment(ref _serial)}@senco.test";
                r = await client.PostJson("/api/v1/users", new { email, password = TestWorld.Password, displayName = "Made", memberships = new[] { new { schoolUrn = school.Urn, role = "Senco" } } });
                break;
            case Call.AddPupil:
                newUpn = world.NewUpn(target);
                r = await client.PostJson($"/api/v1/schools/{school.Urn}/pupils", TestWorld.PupilBody(newUpn, "Added", "By" + who.Replace(" ", "")));
                break;
            case Call.ReadPupil:
                r = await client.GetAsync($"/api/v1/pupils/{pupil.Id}");
                break;
            case Call.EditPupil:
                var edit = PupilsContractTests.EditBody(before!, before!["version"]!.GetValue<int>());
                edit["pupilPremium"] = !before["pupilPremium"]!.GetValue<bool>();
                r = await client.PutJson($"/api/v1/pupils/{pupil.Id}", edit);
                break;
            case Call.ChangeSen:
                var needs = before!.Str("senStatus") == "K" && before["needs"]![0]!.GetValue<string>() == "SLCN" ? new[] { "ASD", "SLCN" } : ["SLCN", "ASD"];
                r = await client.PutJson($"/api/v1/pupils/{pupil.Id}/sen", TestWorld.SenBody("K", needs, TestWorld.Today, "Matrix check by " + who));
                break;
            case Call.ReadSenHistory:
                r = await client.GetAsync($"/api/v1/pupils/{pupil.Id}/sen/history");
                break;
            case Call.ReadRegister:
                r = await client.GetAsync($"/api/v1/schools/{school.Urn}/register");
                break;
            case Call.ExportCsv:
                r = await client.GetAsync($"/api/v1/schools/{school.Urn}/register.csv");
                break;
            case Call.ExportXlsx:
                r = await client.GetAsync($"/api/v1/schools/{school.Urn}/register.xlsx");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(call));
        }

        var body = await r.Content.ReadAsStringAsync();
        Assert.True(expected == r.StatusCode, $"{who} {call} on school {target}: expected {(int)expected} {expected}, got {(int)r.StatusCode} {r.StatusCode}. Body: {body}");

        if ((int)expected >= 400)
        {
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
            // A refusal names nothing about the pupil or the school's register.
            Assert.DoesNotContain(pupil.Upn, body);
            Assert.DoesNotContain(pupil.Surname, body);
            // ...and changes nothing.
            if (writes)
            {
                Assert.Equal(before!.ToJsonString(), (await SenCoRead(target, pupil.Id)).ToJsonString());
                Assert.Equal(historyBefore!.ToJsonString(), (await SenCoRead(target, pupil.Id, "/sen/history")).ToJsonString());
            }
            if (newUpn is not null) await AssertNoPupil(newUpn);
        }
        else if (call == Call.ListSchools)
        {
            var urns = JsonNode.Parse(body)!.AsArray().Select(s => s.Str("urn")).ToHashSet();
            var role = Enum.Parse<SchoolRole>(who.Split(' ')[0]);
            var actor = who.Split(' ')[^1];
            Assert.Equal(Visible(role, actor, target), urns.Contains(school.Urn));
        }
        else if (call is Call.ReadPupil)
        {
            Assert.Equal(pupil.Upn, JsonNode.Parse(body).Str("upn"));
        }
        else if (call is Call.ReadRegister)
        {
            Assert.Contains(pupil.Upn, JsonNode.Parse(body)!["pupils"]!.AsArray().Select(p => p.Str("upn")));
        }
        else if (call is Call.ExportCsv)
        {
            Assert.Contains(pupil.Upn, body);
        }
        else if (call is Call.EditPupil)
        {
            Assert.NotEqual(before!["pupilPremium"]!.GetValue<bool>(), (await SenCoRead(target, pupil.Id))["pupilPremium"]!.GetValue<bool>());
        }
        else if (call is Call.ChangeSen)
        {
            Assert.Equal(historyBefore!.AsArray().Count + 1, (await SenCoRead(target, pupil.Id, "/sen/history")).AsArray().Count);
        }
    }

    private async Task<JsonNode> SenCoRead(string schoolKey, Guid id, string path = "")
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, schoolKey);
        return await senco.GetAsync($"/api/v1/pupils/{id}{path}").ExpectJson(HttpStatusCode.OK);
    }

    private async Task AssertNoPupil(string upn)
    {
        var (scope, db) = world.SystemDb();
        using (scope) Assert.False(await db.Pupils.AnyAsync(p => p.Upn == upn), $"a refused call stored pupil {upn}");
    }

    private async Task AssertNoSchool(string urn)
    {
        var (scope, db) = world.SystemDb();
        using (scope) Assert.False(await db.Schools.AnyAsync(s => s.Urn == urn), $"a refused call stored school {urn}");
    }
}
