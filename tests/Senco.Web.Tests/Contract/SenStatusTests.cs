using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Senco.Core.Access;
using Senco.Web.Tests.Infrastructure;

namespace Senco.Web.Tests.Contract;

/// PUT /api/v1/pupils/{id}/sen and GET /api/v1/pupils/{id}/sen/history: the SEN register's audit trail.
public sealed class SenStatusTests(TestWorld world) : IClassFixture<TestWorld>
{
    private static DateOnly Today => TestWorld.Today;

    private async Task<Guid> NewPupil(string schoolKey = "A")
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, schoolKey);
        var p = await senco.PostJson($"/api/v1/schools/{world.Schools[schoolKey].Urn}/pupils",
            TestWorld.PupilBody(world.NewUpn(schoolKey), "Sen", "Change" + Guid.NewGuid().ToString("N")[..6])).ExpectJson(HttpStatusCode.Created);
        return Guid.Parse(p.Str("id"));
    }

    private async Task<HttpResponseMessage> PutSen(Guid id, JsonObject body, SchoolRole as_ = SchoolRole.Senco, string school = "A")
    {
        using var c = await world.ClientFor(as_, school);
        return await c.PutJson($"/api/v1/pupils/{id}/sen", body);
    }

    private async Task<JsonNode> Get(Guid id, string path = "")
    {
        using var c = await world.ClientFor(SchoolRole.Senco, "A");
        return await c.GetAsync($"/api/v1/pupils/{id}{path}").ExpectJson(HttpStatusCode.OK);
    }

    private static string[] Needs(JsonNode n) => n["needs"]!.AsArray().Select(x => x!.GetValue<string>()).ToArray();

    [Fact]
    public async Task A_senco_puts_a_pupil_on_sen_support_with_ranked_needs_and_the_primary_need_comes_first()
    {
        var id = await NewPupil();
        var r = await PutSen(id, TestWorld.SenBody("K", ["ASD", "SLCN", "HI"], Today.AddDays(-2)));
        await r.ShouldBe(HttpStatusCode.OK);
        var body = await r.ReadNode();
        Assert.Equal("K", body.Str("senStatus"));
        Assert.Equal(["ASD", "SLCN", "HI"], Needs(body));

        var p = await Get(id);
        Assert.Equal("K", p.Str("senStatus"));
        Assert.Equal(["ASD", "SLCN", "HI"], Needs(p));

        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        var reg = await senco.GetAsync($"/api/v1/schools/{world.A.Urn}/register?q={p.Str("upn")}").ExpectJson(HttpStatusCode.OK);
        var row = reg["pupils"]!.AsArray().Single()!;
        Assert.Equal("ASD", row.Str("primaryNeed"));
        Assert.Equal("SLCN", row.Str("secondaryNeed"));
    }

    [Fact]
    public async Task Need_codes_are_accepted_in_any_case_and_stored_as_census_codes()
    {
        var id = await NewPupil();
        await PutSen(id, TestWorld.SenBody("e", ["semh", " Spld "], Today)).Expect(HttpStatusCode.OK);
        var p = await Get(id);
        Assert.Equal("E", p.Str("senStatus"));
        Assert.Equal(["SEMH", "SPLD"], Needs(p));
    }

    [Fact]
    public async Task Taking_a_pupil_off_the_register_to_N_clears_their_needs()
    {
        var id = await NewPupil();
        await PutSen(id, TestWorld.SenBody("K", ["MLD"], Today.AddDays(-5))).Expect(HttpStatusCode.OK);
        await PutSen(id, TestWorld.SenBody("N", [], Today)).Expect(HttpStatusCode.OK);
        var p = await Get(id);
        Assert.Equal("N", p.Str("senStatus"));
        Assert.Empty(Needs(p));
    }

    public static TheoryData<string, string, JsonObject> InvalidChanges() => new()
    {
        { "needs on N", "needs", TestWorld.SenBody("N", ["ASD"], Today) },
        { "no needs on K", "needs", TestWorld.SenBody("K", [], Today) },
        { "no needs on E", "needs", TestWorld.SenBody("E", [], Today) },
        { "unknown need code", "needs", TestWorld.SenBody("K", ["ADHD"], Today) },
        { "BESD, replaced by SEMH in 2015", "needs", TestWorld.SenBody("K", ["BESD"], Today) },
        { "repeated code", "needs", TestWorld.SenBody("K", ["ASD", "SLCN", "asd"], Today) },
        { "NSA with an EHC plan", "needs", TestWorld.SenBody("E", ["NSA"], Today) },
        { "date before the previous change", "effectiveFrom", TestWorld.SenBody("E", ["ASD"], Today.AddDays(-11)) },
        { "date in the future", "effectiveFrom", TestWorld.SenBody("E", ["ASD"], Today.AddDays(3)) },
        { "missing reason", "reason", TestWorld.SenBody("E", ["ASD"], Today, reason: null) },
        { "blank reason", "reason", TestWorld.SenBody("E", ["ASD"], Today, reason: "   ") },
        { "historical status S", "status", TestWorld.SenBody("S", ["ASD"], Today) },
        { "status missing", "status", new JsonObject { ["needs"] = new JsonArray("ASD"), ["effectiveFrom"] = Today.ToString("yyyy-MM-dd"), ["reason"] = "x" } },
        { "effectiveFrom missing", "effectiveFrom", new JsonObject { ["status"] = "K", ["needs"] = new JsonArray("ASD"), ["reason"] = "x" } },
        { "effectiveFrom not a date", "effectiveFrom", new JsonObject { ["status"] = "K", ["needs"] = new JsonArray("ASD"), ["effectiveFrom"] = "03/09/2026", ["reason"] = "x" } },
    };

    [Theory]
    [MemberData(nameof(InvalidChanges))]
    public async Task An_invalid_sen_change_is_refused_with_400_and_the_record_and_its_history_are_unchanged(string why, string field, JsonObject change)
    {
        var id = await NewPupil();
        await PutSen(id, TestWorld.SenBody("K", ["SLCN", "ASD"], Today.AddDays(-10), "Speech therapist's report")).Expect(HttpStatusCode.OK);
        var before = await Get(id);
        var historyBefore = await Get(id, "/sen/history");

        var r = await PutSen(id, (JsonObject)change.DeepClone());
        var messages = await r.ShouldBeValidationProblemOn(field);
        Assert.True(messages.Length > 0, why);

        Assert.Equal(before.ToJsonString(), (await Get(id)).ToJsonString());
        Assert.Equal(historyBefore.ToJsonString(), (await Get(id, "/sen/history")).ToJsonString());
    }

    [Fact]
    public async Task History_lists_every_change_oldest_first_with_who_when_and_why_and_is_never_rewritten()
    {
        var id = await NewPupil();
        var started = DateTime.UtcNow.AddSeconds(-5);
        await PutSen(id, TestWorld.SenBody("K", ["SPLD"], Today.AddDays(-20), "Dyslexia screening")).Expect(HttpStatusCode.OK);
        var afterFirst = await Get(id, "/sen/history");
        await PutSen(id, TestWorld.SenBody("E", ["ASD", "SLCN"], Today.AddDays(-10), "EHC plan issued"), SchoolRole.AssistantSenco).Expect(HttpStatusCode.OK);
        await PutSen(id, TestWorld.SenBody("N", [], Today, "Needs met by quality first teaching")).Expect(HttpStatusCode.OK);

        var history = (await Get(id, "/sen/history")).AsArray();
        Assert.Equal(3, history.Count);
        foreach (var h in history) h!.ShouldHaveProperties("status", "needs", "effectiveFrom", "reason", "recordedBy", "recordedAt");

        Assert.Equal(["K", "E", "N"], history.Select(h => h.Str("status")));
        Assert.Equal(new[] { Today.AddDays(-20), Today.AddDays(-10), Today }.Select(d => d.ToString("yyyy-MM-dd")), history.Select(h => h.Str("effectiveFrom")));
        Assert.Equal(["SPLD"], Needs(history[0]!));
        Assert.Equal(["ASD", "SLCN"], Needs(history[1]!));
        Assert.Empty(Needs(history[2]!));
        Assert.Equal(["Dyslexia screening", "EHC plan issued", "Needs met by quality first teaching"], history.Select(h => h.Str("reason")));
        Assert.Contains("Senco of A", history[0].Str("recordedBy"));
        Assert.Contains("AssistantSenco of A", history[1].Str("recordedBy"));
        foreach (var h in history)
        {
            var at = h.Str("recordedAt");
            Assert.True(at.EndsWith('Z') || at.EndsWith("+00:00"), $"recordedAt {at} is not marked as UTC");
            var parsed = DateTime.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            Assert.InRange(parsed, started, DateTime.UtcNow.AddSeconds(5));
        }

        // The first entry reads exactly as it did before the later changes.
        Assert.Equal(afterFirst[0]!.ToJsonString(), history[0]!.ToJsonString());
    }

    [Fact]
    public async Task Two_changes_on_the_same_day_are_both_kept_in_the_order_they_were_made()
    {
        var id = await NewPupil();
        await PutSen(id, TestWorld.SenBody("K", ["MLD"], Today, "First thoughts")).Expect(HttpStatusCode.OK);
        await PutSen(id, TestWorld.SenBody("K", ["SLD"], Today, "Corrected after assessment")).Expect(HttpStatusCode.OK);
        var history = (await Get(id, "/sen/history")).AsArray();
        Assert.Equal(["First thoughts", "Corrected after assessment"], history.Select(h => h.Str("reason")));
        Assert.Equal(["SLD"], Needs(await Get(id)));
    }

    [Fact]
    public async Task A_sen_change_sent_with_a_stale_version_is_409_and_records_nothing()
    {
        var id = await NewPupil();
        var v = (await Get(id))["version"]!.GetValue<int>();
        await PutSen(id, TestWorld.SenBody("K", ["SLCN"], Today.AddDays(-1)), SchoolRole.AssistantSenco).Expect(HttpStatusCode.OK);
        var stale = TestWorld.SenBody("E", ["ASD"], Today);
        stale["version"] = v;
        await (await PutSen(id, stale)).ShouldBeProblem(HttpStatusCode.Conflict);
        var p = await Get(id);
        Assert.Equal("K", p.Str("senStatus"));
        Assert.Single((await Get(id, "/sen/history")).AsArray());
    }

    [Fact]
    public async Task A_new_pupil_has_an_empty_history()
    {
        var id = await NewPupil();
        Assert.Empty((await Get(id, "/sen/history")).AsArray());
    }

    [Fact]
    public async Task Changing_the_sen_status_of_an_unknown_pupil_answers_404()
    {
        await (await PutSen(Guid.NewGuid(), TestWorld.SenBody("K", ["ASD"], Today))).ShouldBeProblem(HttpStatusCode.NotFound);
    }
}
