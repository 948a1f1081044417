using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Senco.Core.Access;
using Senco.Core.Leadership;
using Senco.Web.Tests.Infrastructure;
using Senco.Web.Tests.Pages;

namespace Senco.Web.Tests.Leadership;

[Collection(LeadershipCollection.Name)]
public sealed class InformationReportTests(LeadershipWorld world)
{
    private Task<PageSession> As(SchoolRole role, string school = "A") => PageSession.SignInAsync(world.Factory, world.User(role, school).Email, TestWorld.Password);
    private string Root => $"/schools/{world.A.Urn}/information-report";
    private string Api => $"/api/v1/schools/{world.A.Urn}/information-reports";

    private async Task<HttpResponseMessage> Post(PageSession s, string path, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await s.GetFormTokenAsync(path);
        return await s.Client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    private IEnumerable<string> PupilNames => world.Pupils.Where(p => p.SchoolKey == "A").SelectMany(p => new[] { p.Surname, p.Upn, $"{p.Forename} {p.Surname}" });

    public static TheoryData<SchoolRole, string, HttpStatusCode, HttpStatusCode> Matrix => new()
    {
        { SchoolRole.Senco, "A", HttpStatusCode.OK, HttpStatusCode.OK },
        { SchoolRole.AssistantSenco, "A", HttpStatusCode.OK, HttpStatusCode.OK },
        { SchoolRole.SeniorLeader, "A", HttpStatusCode.OK, HttpStatusCode.OK },
        { SchoolRole.Governor, "A", HttpStatusCode.OK, HttpStatusCode.Forbidden },
        { SchoolRole.Teacher, "A", HttpStatusCode.OK, HttpStatusCode.Forbidden },
        { SchoolRole.TeachingAssistant, "A", HttpStatusCode.OK, HttpStatusCode.Forbidden },
        { SchoolRole.SchoolAdmin, "A", HttpStatusCode.OK, HttpStatusCode.Forbidden },
        { SchoolRole.TrustLead, "A", HttpStatusCode.OK, HttpStatusCode.Forbidden },
        { SchoolRole.Senco, "C", HttpStatusCode.NotFound, HttpStatusCode.NotFound },
    };

    [Theory, MemberData(nameof(Matrix))]
    public async Task Report_pages_and_api_follow_the_role_matrix(SchoolRole role, string school, HttpStatusCode read, HttpStatusCode write)
    {
        using var s = await As(role, school);
        foreach (var path in new[] { Root, $"{Root}/{world.ThisYear}", $"{Root}/{world.ThisYear}?handler=Word", $"{Root}/{world.ThisYear}?handler=Html" })
            await s.Client.GetAsync(path).Expect(read);
        foreach (var path in new[] { $"{Root}/{world.ThisYear}/sections/senco", $"{Root}/{world.ThisYear}/approval" })
            await s.Client.GetAsync(path).Expect(write);

        using var api = await world.ClientFor(role, school);
        await api.GetAsync($"{Api}/{world.ThisYear}").Expect(read);
        await api.GetAsync($"{Api}/{world.ThisYear}/report.docx").Expect(read);
        var section = await api.PutJson($"{Api}/{world.ThisYear}/sections/equipment", new { text = "", version = 0 });
        // Those allowed to write get past authorisation to the version check (409); the rest are refused first.
        await section.ShouldBe(write == HttpStatusCode.OK ? HttpStatusCode.Conflict : write);
    }

    [Fact]
    public async Task The_word_document_holds_every_schedule_1_heading_as_a_heading()
    {
        using var s = await As(SchoolRole.Senco);
        var r = await s.Client.GetAsync($"{Root}/{world.ThisYear}?handler=Word").Expect(HttpStatusCode.OK);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", r.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await r.Content.ReadAsByteArrayAsync());
        using var doc = WordprocessingDocument.Open(stream, false);
        var headings = doc.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading2").Select(p => p.InnerText).ToList();
        Assert.Equal(InformationReportSchedule.Items.Select(InformationReportSchedule.Title), headings);
        var text = doc.MainDocumentPart.Document.Body.InnerText;
        Assert.Contains(LeadershipWorld.LastYearText, text); // carried over from last year
        Assert.Contains("Northfield Educational Psychology Service", text);
        foreach (var name in PupilNames) Assert.DoesNotContain(name, text);
    }

    [Fact]
    public async Task The_html_page_to_publish_is_standalone_and_names_no_pupil()
    {
        using var s = await As(SchoolRole.Senco);
        var r = await s.Client.GetAsync($"{Root}/{world.ThisYear}?handler=Html").Expect(HttpStatusCode.OK);
        Assert.Equal("text/html", r.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", r.Content.Headers.ContentDisposition?.DispositionType);
        var html = await r.Content.ReadAsStringAsync();
        foreach (var name in PupilNames) Assert.DoesNotContain(name, html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html);
        Assert.DoesNotContain("<link", html);
        var doc = new HtmlParser().ParseDocument(html);
        Assert.Equal("en-GB", doc.DocumentElement.GetAttribute("lang"));
        Assert.Single(doc.QuerySelectorAll("h1"));
        var h2 = doc.QuerySelectorAll("section h2").Select(h => h.TextContent).ToList();
        Assert.Equal(InformationReportSchedule.Items.Select(InformationReportSchedule.Title), h2);
        // The one pupil with a visual impairment is counted, but only as "fewer than 5".
        Assert.Contains("Primary need Visual impairment: fewer than 5.", html);
    }

    [Theory]
    [InlineData("page")]
    [InlineData("api")]
    public async Task Governors_never_see_a_pupils_name(string how)
    {
        string text;
        if (how == "page")
        {
            using var s = await As(SchoolRole.Governor);
            text = await (await s.Client.GetAsync($"{Root}/{world.ThisYear}").Expect(HttpStatusCode.OK)).Content.ReadAsStringAsync();
            text += await (await s.Client.GetAsync(Root).Expect(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        }
        else
        {
            using var api = await world.ClientFor(SchoolRole.Governor, "A");
            text = (await api.GetAsync($"{Api}/{world.ThisYear}").ExpectJson(HttpStatusCode.OK)).ToJsonString();
        }
        Assert.Contains("Pupils on the SEN register", text);
        foreach (var name in PupilNames) Assert.DoesNotContain(name, text);
    }

    [Fact]
    public async Task Two_people_edit_one_section_and_the_second_saver_is_told_without_overwriting()
    {
        using var first = await As(SchoolRole.Senco);
        using var second = await As(SchoolRole.AssistantSenco);
        var path = $"{Root}/{world.ThisYear}/sections/consulting-parents";
        var firstToken = await first.GetFormTokenAsync(path);
        var firstPage = new HtmlParser().ParseDocument(await first.Client.GetStringAsync(path));
        var version = firstPage.QuerySelector("input[name='Version']")!.GetAttribute("value")!;
        var secondToken = await second.GetFormTokenAsync(path);

        var saved = await first.Client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Text"] = "Fictional: parents meet the class teacher three times a year.", ["Version"] = version, ["__RequestVerificationToken"] = firstToken,
        }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var late = await second.Client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Text"] = "Fictional: a different text.", ["Version"] = version, ["__RequestVerificationToken"] = secondToken,
        }));
        await late.ShouldBe(HttpStatusCode.OK);
        var doc = new HtmlParser().ParseDocument(await late.Content.ReadAsStringAsync());
        Assert.Contains("Someone else saved this section", doc.QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Contains("three times a year", doc.QuerySelector("#conflict")!.TextContent);
        Assert.Equal("Fictional: a different text.", doc.QuerySelector("textarea[name='Input.Text']")!.TextContent.Trim());

        using var api = await world.ClientFor(SchoolRole.Senco, "A");
        var report = await api.GetAsync($"{Api}/{world.ThisYear}").ExpectJson(HttpStatusCode.OK);
        var section = report["sections"]!.AsArray().First(x => x!["key"]!.GetValue<string>() == "consulting-parents")!;
        Assert.Equal("Fictional: parents meet the class teacher three times a year.", section["text"]!.GetValue<string>());

        var conflict = await api.PutJson($"{Api}/{world.ThisYear}/sections/consulting-parents", new { text = "stale", version = int.Parse(version) }).ExpectJson(HttpStatusCode.Conflict);
        Assert.Contains("three times a year", conflict["current"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_future_or_impossible_approval_date_is_a_field_error()
    {
        using var s = await As(SchoolRole.Senco);
        var path = $"{Root}/{world.ThisYear}/approval";
        var page = new HtmlParser().ParseDocument(await s.Client.GetStringAsync(path));
        var version = page.QuerySelector("input[name='Version']")!.GetAttribute("value")!;
        var future = TestWorld.Today.AddDays(3);
        var r = await Post(s, path, new()
        {
            ["Input.ApprovedOn.Day"] = future.Day.ToString(), ["Input.ApprovedOn.Month"] = future.Month.ToString(), ["Input.ApprovedOn.Year"] = future.Year.ToString(),
            ["Input.ApprovedBy"] = "Full governing body", ["Version"] = version,
        });
        await r.ShouldBe(HttpStatusCode.OK);
        var doc = new HtmlParser().ParseDocument(await r.Content.ReadAsStringAsync());
        Assert.Contains("today or in the past", doc.QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Contains(doc.QuerySelectorAll(".govuk-error-summary a"), a => a.GetAttribute("href")!.StartsWith("#Input-ApprovedOn"));

        var impossible = await Post(s, path, new()
        {
            ["Input.ApprovedOn.Day"] = "31", ["Input.ApprovedOn.Month"] = "13", ["Input.ApprovedOn.Year"] = "2026", ["Input.ApprovedBy"] = "", ["Version"] = version,
        });
        await impossible.ShouldBe(HttpStatusCode.OK);
        Assert.Contains(new HtmlParser().ParseDocument(await impossible.Content.ReadAsStringAsync()).QuerySelectorAll(".govuk-error-summary a"),
            a => a.GetAttribute("href")!.StartsWith("#Input-ApprovedOn"));

        using var api = await world.ClientFor(SchoolRole.Senco, "A");
        var bad = await api.PutJson($"{Api}/{world.ThisYear}/approval", new { approvedOn = future.ToString("yyyy-MM-dd"), approvedBy = "", version = int.Parse(version) }).ExpectJson(HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["approvedOn"]);
        Assert.NotNull(bad["errors"]!["approvedBy"]);
        await api.PutJson($"{Api}/{world.ThisYear}/approval", new { approvedOn = "14/10/2026", approvedBy = "FGB", version = 1 }).Expect(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Last_years_report_is_kept_read_only_and_approval_then_a_change_makes_a_draft_again()
    {
        using var api = await world.ClientFor(SchoolRole.Senco, "A");
        var last = await api.GetAsync($"{Api}/{world.LastYear}").ExpectJson(HttpStatusCode.OK);
        Assert.True(last["readOnly"]!.GetValue<bool>());
        await api.PutJson($"{Api}/{world.LastYear}/sections/kinds-of-sen", new { text = "rewritten history", version = 2 }).Expect(HttpStatusCode.Conflict);
        using var s = await As(SchoolRole.Senco);
        await s.Client.GetAsync($"{Root}/{world.LastYear}/sections/kinds-of-sen").Expect(HttpStatusCode.Redirect);

        // Starting the year again is refused: there is one already.
        await api.PostJson(Api, new { year = world.ThisYear }).Expect(HttpStatusCode.Conflict);

        var now = await api.GetAsync($"{Api}/{world.ThisYear}").ExpectJson(HttpStatusCode.OK);
        var approved = await api.PutJson($"{Api}/{world.ThisYear}/approval", new { approvedOn = TestWorld.Today.ToString("yyyy-MM-dd"), approvedBy = "Full governing body", version = now["version"]!.GetValue<int>() })
            .ExpectJson(HttpStatusCode.OK);
        Assert.Equal("Approved", approved["status"]!.GetValue<string>());
        var equipment = now["sections"]!.AsArray().First(x => x!["key"]!.GetValue<string>() == "equipment")!;
        await api.PutJson($"{Api}/{world.ThisYear}/sections/equipment", new { text = "Fictional: specialist equipment is bought through the SEN budget.", version = equipment["version"]!.GetValue<int>() })
            .Expect(HttpStatusCode.OK);
        var after = await api.GetAsync($"{Api}/{world.ThisYear}").ExpectJson(HttpStatusCode.OK);
        Assert.Equal("Draft", after["status"]!.GetValue<string>());
    }
}
