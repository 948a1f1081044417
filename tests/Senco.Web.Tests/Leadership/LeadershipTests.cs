using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using AngleSharp.Html.Parser;
using Senco.Core.Leadership;
using Senco.Web.Tests.Provision;
using static Senco.Web.Tests.Provision.ProvisionFixture;

namespace Senco.Web.Tests.Leadership;

[CollectionDefinition(Name)]
public sealed class AssessmentCollection : ICollectionFixture<ProvisionFixture>
{
    public const string Name = "Assessment";
}

/// Assessment results and their analysis through pages, API and exports, on SQLite and PostgreSQL: who may do what,
/// governors never see a pupil's name, import problems by row and column, and a failed import writes nothing.
[Collection(AssessmentCollection.Name)]
public class LeadershipTests(ProvisionFixture app)
{
    private static readonly HtmlParser Parser = new();
    private static string TermKey => AssessmentTerm.Containing(Today).Key;

    /// Six pupils with SEN and six without, each with a reading score; returns the names used.
    private async Task<List<string>> SeedAsync(string tag)
    {
        var names = new List<string>();
        var rows = new List<object>();
        for (var i = 0; i < 12; i++)
        {
            var forename = $"Zephyrine{tag}{(char)('a' + i)}";
            var id = await app.PupilAsync(forename: forename, surname: "Quillfeather", needs: i < 6 ? ["SLCN"] : null);
            names.Add(forename);
            rows.Add(new { pupilId = id, term = TermKey, measure = "StandardisedScore", subject = "Reading", value = 85 + i * 3 });
        }
        var senco = await app.ClientAsync("senco@a.test");
        var r = await senco.PostAsJsonAsync($"/api/v1/schools/{app.SchoolA}/assessments/batch", new { results = rows });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return names;
    }

    [Fact]
    public async Task Pages_and_api_answer_by_role_and_school()
    {
        await SeedAsync("R");
        var a = app.SchoolA;
        var cases = new (string Url, string Email, HttpStatusCode Status)[]
        {
            ($"/schools/{a}/analysis", "governor@a.test", HttpStatusCode.OK), ($"/schools/{a}/analysis", "head@a.test", HttpStatusCode.OK), ($"/schools/{a}/analysis", "senco@c.test", HttpStatusCode.NotFound),
            ($"/schools/{a}/assessments", "senco@a.test", HttpStatusCode.OK), ($"/schools/{a}/assessments", "head@a.test", HttpStatusCode.OK), ($"/schools/{a}/assessments", "governor@a.test", HttpStatusCode.Forbidden),
            ($"/schools/{a}/assessments", "ta@a.test", HttpStatusCode.Forbidden), ($"/schools/{a}/assessments", "senco@b.test", HttpStatusCode.NotFound),
            ($"/schools/{a}/assessments/enter", "office@a.test", HttpStatusCode.OK), ($"/schools/{a}/assessments/enter", "teacher@a.test", HttpStatusCode.Forbidden), ($"/schools/{a}/assessments/enter", "governor@a.test", HttpStatusCode.Forbidden),
            ($"/schools/{a}/assessments/import", "assistant@a.test", HttpStatusCode.OK), ($"/schools/{a}/assessments/import", "head@a.test", HttpStatusCode.Forbidden),
            ($"/schools/{a}/assessments/scales", "senco@a.test", HttpStatusCode.OK), ($"/schools/{a}/assessments/scales", "governor@a.test", HttpStatusCode.Forbidden), ($"/schools/{a}/assessments/scales", "senco@c.test", HttpStatusCode.NotFound),
        };
        foreach (var (url, email, status) in cases)
        {
            var r = await (await app.ClientAsync(email, cookies: true)).GetAsync(url);
            Assert.True(r.StatusCode == status, $"{email} GET {url}: expected {(int)status}, got {(int)r.StatusCode}");
        }
        var api = new (string Url, string Email, HttpStatusCode Status)[]
        {
            ($"/api/v1/schools/{a}/assessments", "senco@a.test", HttpStatusCode.OK), ($"/api/v1/schools/{a}/assessments", "governor@a.test", HttpStatusCode.Forbidden),
            ($"/api/v1/schools/{a}/assessments", "senco@c.test", HttpStatusCode.NotFound), ($"/api/v1/schools/{a}/assessment-analysis", "governor@a.test", HttpStatusCode.OK),
            ($"/api/v1/schools/{a}/assessment-analysis", "senco@c.test", HttpStatusCode.NotFound),
        };
        foreach (var (url, email, status) in api)
            Assert.True((await (await app.ClientAsync(email)).GetAsync(url)).StatusCode == status, $"{email} GET {url}");
        var post = await (await app.ClientAsync("head@a.test")).PostAsJsonAsync($"/api/v1/schools/{a}/assessments", new { upn = "X", term = TermKey, measure = "StandardisedScore", subject = "Maths", value = 100 });
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    [Fact]
    public async Task A_governor_never_sees_a_pupils_name_in_the_analysis_its_exports_or_the_api()
    {
        var names = await SeedAsync("G");
        var gov = await app.ClientAsync("governor@a.test", cookies: true);
        var bodies = new List<string>();
        var page = await gov.GetAsync($"/schools/{app.SchoolA}/analysis?series=StandardisedScore:Reading&term={TermKey}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        bodies.Add(html);
        Assert.Contains("fewer than 5", html);
        var csv = await gov.GetAsync($"/schools/{app.SchoolA}/analysis?handler=csv&series=StandardisedScore:Reading&term={TermKey}");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        bodies.Add(await csv.Content.ReadAsStringAsync());
        var xlsx = await gov.GetAsync($"/schools/{app.SchoolA}/analysis?handler=xlsx&series=StandardisedScore:Reading&term={TermKey}");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using (var zip = new ZipArchive(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync())))
            foreach (var e in zip.Entries)
                using (var reader = new StreamReader(e.Open())) bodies.Add(await reader.ReadToEndAsync());
        var api = await (await app.ClientAsync("governor@a.test")).GetAsync($"/api/v1/schools/{app.SchoolA}/assessment-analysis?series=StandardisedScore:Reading&term={TermKey}");
        bodies.Add(await api.Content.ReadAsStringAsync());
        Assert.Contains("\"smallGroupsSuppressed\":true", bodies[^1]);
        foreach (var body in bodies)
        {
            Assert.DoesNotContain("Quillfeather", body);
            foreach (var n in names) Assert.DoesNotContain(n, body);
        }
        // The SENCO's list names them (the check above can fail).
        var list = await (await app.ClientAsync("senco@a.test")).GetStringAsync($"/api/v1/schools/{app.SchoolA}/assessments?term={TermKey}");
        Assert.Contains(names[0], list);
    }

    [Fact]
    public async Task An_import_with_a_bad_row_names_row_and_column_and_writes_nothing()
    {
        var ok = await app.PupilAsync(forename: "Importa", surname: "Rowland");
        var upn = (await Expect(await (await app.ClientAsync("senco@a.test")).GetAsync($"/api/v1/pupils/{ok}"), HttpStatusCode.OK))["upn"]!.GetValue<string>();
        var senco = await app.ClientAsync("senco@a.test", cookies: true);
        var url = $"/schools/{app.SchoolA}/assessments/import";
        var form = Parser.ParseDocument(await senco.GetStringAsync(url));
        var token = form.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var file = $"UPN,Score\r\n{upn},104\r\n{upn[..^1]}Z,97\r\n{upn},=1+1\r\n";
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" }, { new StringContent(TermKey), "Term" },
            { new StringContent("StandardisedScore"), "Measure" }, { new StringContent("Maths"), "Subject" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(file)), "Upload", "scores.csv" },
        };
        var r = await senco.PostAsync(url + "?handler=Check", content);
        var html = await r.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var doc = Parser.ParseDocument(html);
        var rows = doc.QuerySelectorAll("table tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.Contains(rows, x => x[0] == "3" && x[1] == "UPN");
        Assert.Contains(rows, x => x[0] == "4" && x[1] == "Score" && x[2].Contains("formula"));
        Assert.Contains("Nothing was imported", doc.QuerySelector(".govuk-error-summary")!.TextContent);
        var list = await Expect(await (await app.ClientAsync("senco@a.test")).GetAsync($"/api/v1/schools/{app.SchoolA}/assessments?pupilId={ok}"), HttpStatusCode.OK);
        Assert.Equal(0, list["count"]!.GetValue<int>());

        // The API batch is all or nothing too, its errors keyed by row and field.
        var api = await (await app.ClientAsync("senco@a.test")).PostAsJsonAsync($"/api/v1/schools/{app.SchoolA}/assessments/batch", new
        {
            results = new object[]
            {
                new { pupilId = ok, term = TermKey, measure = "StandardisedScore", subject = "Maths", value = 101 },
                new { pupilId = ok, term = TermKey, measure = "TeacherAssessment", subject = "Writing", grade = "Superb" },
            },
        });
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("rows[1].grade", await api.Content.ReadAsStringAsync());
        list = await Expect(await (await app.ClientAsync("senco@a.test")).GetAsync($"/api/v1/schools/{app.SchoolA}/assessments?pupilId={ok}"), HttpStatusCode.OK);
        Assert.Equal(0, list["count"]!.GetValue<int>());
    }
}
