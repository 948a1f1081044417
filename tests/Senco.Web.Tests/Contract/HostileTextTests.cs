using System.Net;
using Senco.Core.Access;
using Senco.Web.Tests.Infrastructure;

namespace Senco.Web.Tests.Contract;

/// Names are whatever a family writes: every script, markup-like text, and the longest the form allows.
public sealed class HostileTextTests(TestWorld world) : IClassFixture<TestWorld>
{
    private const string Script = "<script>alert(1)</script>";

    /// Exactly 100 UTF-16 characters: Latin with diacritics (one decomposed: e + combining acute), Greek, Cyrillic,
    /// Arabic, Hebrew, Devanagari, Chinese, Japanese, Korean, Welsh, quotes, and a script tag.
    public static string HundredCharacters()
    {
        var core = Script + " Zoë-Łucja O'Brien \"Ωμέγα\" Дмитрий محمد שָׁלוֹם देवनागरी 李小龍 さくら 민준 Siân e\u0301";
        var s = core + new string('ñ', 100 - core.Length);
        if (s.Length != 100) throw new InvalidOperationException($"test data is {s.Length} characters");
        return s;
    }

    private async Task<HttpResponseMessage> Add(string forename, string surname, string schoolKey = "A")
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, schoolKey);
        return await senco.PostJson($"/api/v1/schools/{world.Schools[schoolKey].Urn}/pupils", TestWorld.PupilBody(world.NewUpn(schoolKey), forename, surname));
    }

    [Fact]
    public async Task A_100_character_forename_in_mixed_scripts_with_a_script_tag_is_stored_exactly_as_typed()
    {
        var forename = HundredCharacters();
        Assert.Equal(100, forename.Length);
        var created = await (await Add(forename, "Hostile")).Content.ReadAsStringAsync();
        var id = Guid.Parse(System.Text.Json.Nodes.JsonNode.Parse(created).Str("id"));

        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        var read = await senco.GetAsync($"/api/v1/pupils/{id}").ExpectJson(HttpStatusCode.OK);
        Assert.Equal(forename, read.Str("forename"));
        Assert.Equal("Hostile", read.Str("surname"));

        // On the register and in its downloads too, found by searching for the markup itself.
        await senco.PutJson($"/api/v1/pupils/{id}/sen", TestWorld.SenBody("K", ["SLCN"], TestWorld.Today)).Expect(HttpStatusCode.OK);
        var reg = await senco.GetAsync($"/api/v1/schools/{world.A.Urn}/register?q={Uri.EscapeDataString(Script)}").ExpectJson(HttpStatusCode.OK);
        Assert.Equal(forename, reg["pupils"]!.AsArray().Single()!.Str("forename"));
        var csv = Csv.Parse(await senco.GetByteArrayAsync($"/api/v1/schools/{world.A.Urn}/register.csv?q={Uri.EscapeDataString("Дмитрий")}"));
        Assert.Equal(forename, csv[1][Array.IndexOf(csv[0], "Forename")]);
        var xlsx = Excel.Rows(await senco.GetByteArrayAsync($"/api/v1/schools/{world.A.Urn}/register.xlsx?q={Uri.EscapeDataString("李小龍")}"));
        Assert.Equal(forename, xlsx.Single()["Forename"]);
    }

    [Fact]
    public async Task A_101_character_forename_is_refused_with_400_on_forename()
    {
        var r = await Add(HundredCharacters() + "x", "TooLong");
        await r.ShouldBeValidationProblemOn("forename");
    }

    [Fact]
    public async Task A_forename_with_a_broken_unicode_character_is_refused_with_400_not_stored_mangled()
    {
        // A lone surrogate (\\ud800) is not text: it cannot be stored as UTF-8 in either database.
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        var json = "{\"upn\":\"" + world.NewUpn("A") + "\",\"forename\":\"Ann\\ud800e\",\"surname\":\"Broken\",\"dateOfBirth\":\"" +
                   TestWorld.Today.AddYears(-9).ToString("yyyy-MM-dd") + "\",\"gender\":\"F\",\"yearGroup\":\"4\"}";
        var r = await senco.PostAsync($"/api/v1/schools/{world.A.Urn}/pupils", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        await r.ShouldBeValidationProblemOn("forename");
    }

    [Fact]
    public async Task A_forename_with_a_line_break_is_refused_with_400_on_forename()
    {
        await (await Add("Line\nBreak", "Hidden")).ShouldBeValidationProblemOn("forename");
    }

    [Fact]
    public async Task A_pupil_whose_forename_and_surname_are_both_100_characters_can_be_added_found_and_edited()
    {
        // Both names at the longest the validation allows: whatever the app derives from them (search text,
        // timeline summaries) must fit its columns on every database.
        var forename = HundredCharacters();
        var surname = new string('Ł', 50) + new string('w', 50);
        var r = await Add(forename, surname, "B");
        await r.ShouldBe(HttpStatusCode.Created);
        var created = await r.ReadNode();
        var id = created.Str("id");

        using var senco = await world.ClientFor(SchoolRole.Senco, "B");
        await senco.PutJson($"/api/v1/pupils/{id}/sen", TestWorld.SenBody("E", ["PMLD", "VI"], TestWorld.Today)).Expect(HttpStatusCode.OK);
        var reg = await senco.GetAsync($"/api/v1/schools/{world.B.Urn}/register?q={Uri.EscapeDataString(surname.ToUpperInvariant())}").ExpectJson(HttpStatusCode.OK);
        Assert.Equal(surname, reg["pupils"]!.AsArray().Single()!.Str("surname"));

        var edit = PupilsContractTests.EditBody(created, await Version(senco, id), surname: new string('Ż', 100));
        var edited = await senco.PutJson($"/api/v1/pupils/{id}", edit).ExpectJson(HttpStatusCode.OK);
        Assert.Equal(new string('Ż', 100), edited.Str("surname"));
    }

    private static async Task<int> Version(HttpClient c, string id) =>
        (await c.GetAsync($"/api/v1/pupils/{id}").ExpectJson(HttpStatusCode.OK))["version"]!.GetValue<int>();
}
