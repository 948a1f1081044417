using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Senco.Core.Access;
using Senco.Core.Pupils;
using Senco.Web.Tests.Infrastructure;

namespace Senco.Web.Tests.Contract;

/// POST/GET/PUT /api/v1/schools/{urn}/pupils and /api/v1/pupils/{id}: adding and editing a pupil.
public sealed class PupilsContractTests(TestWorld world) : IClassFixture<TestWorld>
{
    private static readonly string[] PupilFields =
        ["id", "upn", "upnIsTemporary", "forename", "surname", "dateOfBirth", "gender", "yearGroup", "eal", "lookedAfter", "pupilPremium", "senStatus", "needs", "version"];

    private async Task<HttpResponseMessage> Post(string schoolKey, object body, SchoolRole as_ = SchoolRole.Senco)
    {
        using var c = await world.ClientFor(as_, schoolKey);
        return await c.PostJson($"/api/v1/schools/{world.Schools[schoolKey].Urn}/pupils", body);
    }

    private async Task<JsonNode> Get(Guid id, SchoolRole as_ = SchoolRole.Senco, string school = "A")
    {
        using var c = await world.ClientFor(as_, school);
        return await c.GetAsync($"/api/v1/pupils/{id}").ExpectJson(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_senco_adds_a_pupil_and_gets_201_with_id_version_and_every_field_as_sent()
    {
        var upn = world.NewUpn("A");
        var dob = TestWorld.Today.AddYears(-9).AddDays(-3);
        var r = await Post("A", new
        {
            upn, forename = "Amira", surname = "Hassan", dateOfBirth = dob.ToString("yyyy-MM-dd"), gender = "F", yearGroup = "4",
            eal = true, lookedAfter = false, pupilPremium = true,
        });
        await r.ShouldBe(HttpStatusCode.Created);
        var p = await r.ReadNode();
        p.ShouldHaveProperties(PupilFields);
        var id = Guid.Parse(p.Str("id"));
        Assert.NotEqual(Guid.Empty, id);
        Assert.True(p["version"]!.GetValue<int>() >= 1);
        Assert.Equal(upn, p.Str("upn"));
        Assert.False(p["upnIsTemporary"]!.GetValue<bool>());
        Assert.Equal("Amira", p.Str("forename"));
        Assert.Equal("Hassan", p.Str("surname"));
        Assert.Equal(dob.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.Str("dateOfBirth"));
        Assert.Equal("F", p.Str("gender"));
        Assert.Equal("4", p.Str("yearGroup"));
        Assert.True(p["eal"]!.GetValue<bool>());
        Assert.False(p["lookedAfter"]!.GetValue<bool>());
        Assert.True(p["pupilPremium"]!.GetValue<bool>());
        Assert.Equal("N", p.Str("senStatus"));
        Assert.Empty(p["needs"]!.AsArray());
        Assert.EndsWith($"/api/v1/pupils/{id}", r.Headers.Location?.ToString());

        var again = await Get(id);
        foreach (var f in PupilFields) Assert.Equal(p[f]!.ToJsonString(), again[f]!.ToJsonString());
    }

    [Fact]
    public async Task A_temporary_upn_is_accepted_and_reported_as_temporary()
    {
        // The DfE's own temporary example, then one computed for this school's LA.
        var dfe = await Post("A", TestWorld.PupilBody("G80120000101A", "Temp", "Example")).ExpectJson(HttpStatusCode.Created);
        Assert.True(dfe["upnIsTemporary"]!.GetValue<bool>());
        Assert.Equal("G80120000101A", dfe.Str("upn"));

        var upn = world.NewTemporaryUpn("A");
        var p = await Post("A", TestWorld.PupilBody(upn, "Temp", "Computed")).ExpectJson(HttpStatusCode.Created);
        Assert.True(p["upnIsTemporary"]!.GetValue<bool>());
        Assert.True((await Get(Guid.Parse(p.Str("id"))))["upnIsTemporary"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_wrong_check_letter_is_refused_with_400_naming_the_right_letter()
    {
        var good = world.NewUpn("A");
        var expected = Upn.CheckLetterFor(good[1..]);
        Assert.Equal(expected, good[0]);
        var wrongLetter = "ABCDEFGHJKLMNPQRTUVWXYZ".First(c => c != expected);
        var r = await Post("A", TestWorld.PupilBody(wrongLetter + good[1..], "Wrong", "Letter"));
        var messages = await r.ShouldBeValidationProblemOn("upn");
        Assert.Equal([$"The check letter should be {expected}."], messages);
    }

    [Theory]
    [InlineData("H801200001001", 'H')] // DfE worked example
    [InlineData("U936200124123", 'U')] // fact sheet's own example
    [InlineData("Q93620012412B", 'Q')] // and its temporary form
    public async Task The_check_letter_message_matches_the_fact_sheet_examples(string upn, char letter)
    {
        var wrong = (letter == 'A' ? 'B' : 'A') + upn[1..];
        var messages = await (await Post("B", TestWorld.PupilBody(wrong, "Check", "Letter"))).ShouldBeValidationProblemOn("upn");
        Assert.Equal([$"The check letter should be {letter}."], messages);
    }

    [Theory]
    [InlineData("upn", "H80120000100")]
    [InlineData("upn", "H8012000010011")]
    [InlineData("upn", "")]
    [InlineData("upn", "A999200001001")]
    [InlineData("forename", "")]
    [InlineData("surname", "   ")]
    [InlineData("gender", "X")]
    [InlineData("yearGroup", "15")]
    [InlineData("yearGroup", "Y7")]
    [InlineData("dateOfBirth", "future")]
    [InlineData("dateOfBirth", "2026-02-30")]
    [InlineData("eal", "\"maybe\"")]
    public async Task An_invalid_pupil_is_refused_with_400_naming_the_field(string field, string value)
    {
        var upn = world.NewUpn("A");
        var body = new JsonObject
        {
            ["upn"] = upn, ["forename"] = "Valid", ["surname"] = "Pupil", ["dateOfBirth"] = TestWorld.Today.AddYears(-8).ToString("yyyy-MM-dd"),
            ["gender"] = "M", ["yearGroup"] = "3", ["eal"] = false, ["lookedAfter"] = false, ["pupilPremium"] = false,
        };
        body[field] = field switch
        {
            "dateOfBirth" when value == "future" => TestWorld.Today.AddDays(10).ToString("yyyy-MM-dd"),
            "eal" => JsonNode.Parse(value),
            _ => value,
        };
        await (await Post("A", body)).ShouldBeValidationProblemOn(field);

        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        var reg = await senco.GetAsync($"/api/v1/schools/{world.A.Urn}/register?q={Uri.EscapeDataString(upn)}").ExpectJson(HttpStatusCode.OK);
        Assert.Equal(0, reg["count"]!.GetValue<int>());
        await Post("A", TestWorld.PupilBody(upn, "Same", "Upn")).Expect(HttpStatusCode.Created); // so nothing was stored under it
    }

    [Fact]
    public async Task The_same_upn_twice_in_one_school_is_a_409_conflict_even_typed_in_lower_case()
    {
        var upn = world.NewUpn("B");
        await Post("B", TestWorld.PupilBody(upn, "First", "Copy")).Expect(HttpStatusCode.Created);
        await (await Post("B", TestWorld.PupilBody(upn, "Second", "Copy"))).ShouldBeProblem(HttpStatusCode.Conflict);
        await (await Post("B", TestWorld.PupilBody(" " + upn.ToLowerInvariant() + " ", "Third", "Copy"))).ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_same_upn_may_be_on_the_roll_of_two_different_schools()
    {
        // A dual-registered pupil, or one mid-transfer, is on two rolls.
        var upn = world.NewUpn("A");
        var a = await Post("A", TestWorld.PupilBody(upn, "Dual", "Registered")).ExpectJson(HttpStatusCode.Created);
        var c = await Post("C", TestWorld.PupilBody(upn, "Dual", "Registered")).ExpectJson(HttpStatusCode.Created);
        Assert.NotEqual(a.Str("id"), c.Str("id"));
    }

    [Fact]
    public async Task A_lower_case_upn_with_spaces_is_stored_in_its_census_form()
    {
        var upn = world.NewUpn("A");
        var p = await Post("A", TestWorld.PupilBody("  " + upn.ToLowerInvariant() + " ", "Lower", "Case", yearGroup: "r")).ExpectJson(HttpStatusCode.Created);
        Assert.Equal(upn, p.Str("upn"));
        Assert.Equal("R", p.Str("yearGroup"));
    }

    [Fact]
    public async Task Adding_a_pupil_to_a_school_that_does_not_exist_answers_404()
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        var r = await senco.PostJson("/api/v1/schools/999999/pupils", TestWorld.PupilBody(world.NewUpn("A"), "No", "School"));
        await r.ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Getting_a_pupil_shows_their_sen_status_and_ranked_needs_today()
    {
        var k = world.BasePupil("C", "K");
        var p = await Get(k.Id, SchoolRole.Senco, "C");
        p.ShouldHaveProperties(PupilFields);
        Assert.Equal(k.Upn, p.Str("upn"));
        Assert.Equal("K", p.Str("senStatus"));
        Assert.Equal(["SLCN", "ASD"], p["needs"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task An_unknown_pupil_id_answers_404_problem()
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        await (await senco.GetAsync($"/api/v1/pupils/{Guid.NewGuid()}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await senco.GetAsync($"/api/v1/pupils/{Guid.NewGuid()}/sen/history")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Editing_with_the_version_read_succeeds_and_a_second_edit_with_that_old_version_is_409_and_overwrites_nothing()
    {
        var created = await Post("A", TestWorld.PupilBody(world.NewUpn("A"), "Edit", "Me", yearGroup: "2")).ExpectJson(HttpStatusCode.Created);
        var id = Guid.Parse(created.Str("id"));
        var v = created["version"]!.GetValue<int>();
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        using var admin = await world.ClientFor(SchoolRole.SchoolAdmin, "A");

        var first = await senco.PutJson($"/api/v1/pupils/{id}", EditBody(created, v, surname: "Edited", yearGroup: "3")).ExpectJson(HttpStatusCode.OK);
        Assert.Equal("Edited", first.Str("surname"));
        Assert.Equal("3", first.Str("yearGroup"));
        Assert.True(first["version"]!.GetValue<int>() > v);

        var stale = await admin.PutJson($"/api/v1/pupils/{id}", EditBody(created, v, surname: "Overwritten", yearGroup: "9"));
        await stale.ShouldBeProblem(HttpStatusCode.Conflict);

        var now = await Get(id);
        Assert.Equal("Edited", now.Str("surname"));
        Assert.Equal("3", now.Str("yearGroup"));
        Assert.Equal(first["version"]!.GetValue<int>(), now["version"]!.GetValue<int>());

        // With the new version the same edit goes through.
        var retry = await admin.PutJson($"/api/v1/pupils/{id}", EditBody(created, now["version"]!.GetValue<int>(), surname: "Overwritten", yearGroup: "9"))
            .ExpectJson(HttpStatusCode.OK);
        Assert.Equal("Overwritten", retry.Str("surname"));
    }

    [Fact]
    public async Task Editing_without_a_version_is_refused_with_400_on_version()
    {
        var k = world.BasePupil("A", "N");
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        var before = await Get(k.Id);
        var body = EditBody(before, 0, surname: "NoVersion");
        body.Remove("version");
        await (await senco.PutJson($"/api/v1/pupils/{k.Id}", body)).ShouldBeValidationProblemOn("version");
        Assert.Equal(before.ToJsonString(), (await Get(k.Id)).ToJsonString());
    }

    [Fact]
    public async Task Editing_to_a_upn_another_pupil_of_the_school_has_is_409()
    {
        var one = await Post("B", TestWorld.PupilBody(world.NewUpn("B"), "One", "Upn")).ExpectJson(HttpStatusCode.Created);
        var two = await Post("B", TestWorld.PupilBody(world.NewUpn("B"), "Two", "Upn")).ExpectJson(HttpStatusCode.Created);
        using var senco = await world.ClientFor(SchoolRole.Senco, "B");
        var body = EditBody(two, two["version"]!.GetValue<int>());
        body["upn"] = one.Str("upn");
        await (await senco.PutJson($"/api/v1/pupils/{two.Str("id")}", body)).ShouldBeProblem(HttpStatusCode.Conflict);
        Assert.Equal(two.Str("upn"), (await Get(Guid.Parse(two.Str("id")), SchoolRole.Senco, "B")).Str("upn"));
    }

    internal static JsonObject EditBody(JsonNode pupil, int version, string? surname = null, string? yearGroup = null, string? forename = null) => new()
    {
        ["upn"] = pupil.Str("upn"),
        ["forename"] = forename ?? pupil.Str("forename"),
        ["surname"] = surname ?? pupil.Str("surname"),
        ["dateOfBirth"] = pupil.Str("dateOfBirth"),
        ["gender"] = pupil.Str("gender"),
        ["yearGroup"] = yearGroup ?? pupil.Str("yearGroup"),
        ["eal"] = pupil["eal"]!.GetValue<bool>(),
        ["lookedAfter"] = pupil["lookedAfter"]!.GetValue<bool>(),
        ["pupilPremium"] = pupil["pupilPremium"]!.GetValue<bool>(),
        ["version"] = version,
    };
}
