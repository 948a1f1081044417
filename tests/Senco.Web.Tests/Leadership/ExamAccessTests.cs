using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using Senco.Core;
using Senco.Core.Access;
using Senco.Web.Tests.Infrastructure;
using Senco.Web.Tests.Pages;

namespace Senco.Web.Tests.Leadership;

[Collection(LeadershipCollection.Name)]
public sealed class ExamAccessTests(LeadershipWorld world)
{
    private Task<PageSession> As(SchoolRole role, string school = "A") => PageSession.SignInAsync(world.Factory, world.User(role, school).Email, TestWorld.Password);
    private int Edition => SchoolYear.Containing(TestWorld.Today).StartYear;

    public static TheoryData<SchoolRole, string, HttpStatusCode, HttpStatusCode> Matrix => new()
    {
        { SchoolRole.Senco, "A", HttpStatusCode.OK, HttpStatusCode.OK },
        { SchoolRole.AssistantSenco, "A", HttpStatusCode.OK, HttpStatusCode.OK },
        { SchoolRole.SeniorLeader, "A", HttpStatusCode.OK, HttpStatusCode.Forbidden },
        { SchoolRole.SchoolAdmin, "A", HttpStatusCode.OK, HttpStatusCode.Forbidden },
        { SchoolRole.TrustLead, "A", HttpStatusCode.OK, HttpStatusCode.Forbidden },
        { SchoolRole.Teacher, "A", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden },
        { SchoolRole.TeachingAssistant, "A", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden },
        { SchoolRole.Governor, "A", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden },
        { SchoolRole.Senco, "C", HttpStatusCode.NotFound, HttpStatusCode.NotFound },
    };

    [Theory, MemberData(nameof(Matrix))]
    public async Task Exam_access_pages_and_api_follow_the_role_matrix(SchoolRole role, string school, HttpStatusCode view, HttpStatusCode manage)
    {
        using var s = await As(role, school);
        foreach (var path in new[] { $"/schools/{world.A.Urn}/exam-access", $"/schools/{world.A.Urn}/exam-access?handler=Csv", $"/pupils/{world.Candidate.Id}/exam-access" })
            await s.Client.GetAsync(path).Expect(view);
        foreach (var path in new[] { $"/pupils/{world.Candidate.Id}/exam-access/new", $"/exam-access/{world.ArrangementA}" })
            await s.Client.GetAsync(path).Expect(manage);
        using var api = await world.ClientFor(role, school);
        await api.GetAsync($"/api/v1/pupils/{world.Candidate.Id}/exam-access").Expect(view);
        await api.GetAsync($"/api/v1/schools/{world.A.Urn}/exam-access").Expect(view);
        var post = await api.PostJson($"/api/v1/pupils/{world.Candidate.Id}/exam-access", new { kind = "Nonsense", edition = Edition });
        await post.ShouldBe(manage == HttpStatusCode.OK ? HttpStatusCode.BadRequest : manage);
    }

    [Fact]
    public async Task Missing_form8_evidence_and_bad_dates_are_field_errors_on_the_page_and_in_the_api()
    {
        using var s = await As(SchoolRole.Senco);
        var path = $"/pupils/{world.Candidate.Id}/exam-access/new";
        var future = TestWorld.Today.AddDays(5);
        var r = await s.Client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Kind"] = "ExtraTime25", ["Input.Evidence"] = "Form8", ["Input.Edition"] = Edition.ToString(),
            ["Input.ApprovedOn.Day"] = future.Day.ToString(), ["Input.ApprovedOn.Month"] = future.Month.ToString(), ["Input.ApprovedOn.Year"] = future.Year.ToString(),
            ["Input.Score1"] = "250", ["__RequestVerificationToken"] = await s.GetFormTokenAsync(path),
        }));
        await r.ShouldBe(HttpStatusCode.OK);
        var doc = new HtmlParser().ParseDocument(await r.Content.ReadAsStringAsync());
        var links = doc.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains("#Input-Assessor", links);
        Assert.Contains(links, l => l.StartsWith("#Input-AssessedOn"));
        Assert.Contains(links, l => l.StartsWith("#Input-ApprovedOn"));
        Assert.Contains("#Input-Score1", links);
        Assert.Contains("between 40 and 160", doc.QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Equal("ExtraTime25", doc.QuerySelector("select[name='Input.Kind'] option[selected]")?.GetAttribute("value"));

        using var api = await world.ClientFor(SchoolRole.Senco, "A");
        var bad = await api.PostJson($"/api/v1/pupils/{world.Candidate.Id}/exam-access", new { kind = "Scribe", evidence = "Form8", edition = Edition, approvedOn = future.ToString("yyyy-MM-dd") })
            .ExpectJson(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "assessor", "assessedOn", "score1", "approvedOn" }) Assert.NotNull(bad["errors"]![field]);
        await api.PostJson($"/api/v1/pupils/{world.Candidate.Id}/exam-access", new { kind = "Scribe", approvedOn = "31/02/2026", edition = Edition }).Expect(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Recorded_evidence_gaps_show_as_flags_and_the_csv_neutralises_formulas()
    {
        using var api = await world.ClientFor(SchoolRole.Senco, "A");
        var created = await api.PostJson($"/api/v1/pupils/{world.Candidate.Id}/exam-access", new { kind = "ExtraTime25", evidence = "HistoryOfNeed", edition = Edition })
            .ExpectJson(HttpStatusCode.Created);
        var flags = created["flags"]!.AsArray().Select(f => f!["kind"]!.GetValue<string>()).ToList();
        Assert.Contains("MissingEvidence", flags);
        Assert.Contains(created["flags"]!.AsArray(), f => f!["message"]!.GetValue<string>().Contains("normal way of working"));
        Assert.Null(created["expiresOn"]);

        using var s = await As(SchoolRole.SchoolAdmin);
        var csv = await s.Client.GetAsync($"/schools/{world.A.Urn}/exam-access?handler=Csv").Expect(HttpStatusCode.OK);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.Contains("'=HYPERLINK", text);
        Assert.DoesNotContain(",=HYPERLINK", text);
        Assert.DoesNotContain("Reading speed", text); // no assessment scores in the exam officer's list
        var xlsx = await s.Client.GetAsync($"/schools/{world.A.Urn}/exam-access?handler=Xlsx").Expect(HttpStatusCode.OK);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        var page = await (await s.Client.GetAsync($"/schools/{world.A.Urn}/exam-access?kind=ExtraTime25").Expect(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains("Evidence missing", page);
    }

    [Fact]
    public async Task Reading_a_candidates_arrangements_is_audited()
    {
        var before = await world.AuditCountAsync("exam-access.read", world.Candidate.Id);
        using var s = await As(SchoolRole.SeniorLeader);
        await s.Client.GetAsync($"/pupils/{world.Candidate.Id}/exam-access").Expect(HttpStatusCode.OK);
        using var api = await world.ClientFor(SchoolRole.SchoolAdmin, "A");
        await api.GetAsync($"/api/v1/pupils/{world.Candidate.Id}/exam-access").Expect(HttpStatusCode.OK);
        Assert.Equal(before + 2, await world.AuditCountAsync("exam-access.read", world.Candidate.Id));
    }

    [Fact]
    public async Task A_stale_version_is_refused_and_the_saved_arrangement_returned()
    {
        using var api = await world.ClientFor(SchoolRole.Senco, "A");
        var created = await api.PostJson($"/api/v1/pupils/{world.Candidate.Id}/exam-access", new { kind = "RestBreaks", evidence = "ProfessionalReport", normalWayOfWorking = "Takes breaks in lessons", edition = Edition })
            .ExpectJson(HttpStatusCode.Created);
        var id = created.Str("id");
        var body = new { kind = "RestBreaks", evidence = "ProfessionalReport", normalWayOfWorking = "Takes two breaks per hour", edition = Edition, version = 1 };
        await api.PutJson($"/api/v1/exam-access/{id}", body).Expect(HttpStatusCode.OK);
        var conflict = await api.PutJson($"/api/v1/exam-access/{id}", body with { normalWayOfWorking = "stale" }).ExpectJson(HttpStatusCode.Conflict);
        Assert.Equal("Takes two breaks per hour", conflict["current"]!["normalWayOfWorking"]!.GetValue<string>());
        using var other = await world.ClientFor(SchoolRole.Senco, "C");
        await other.PutJson($"/api/v1/exam-access/{id}", body with { version = 2 }).Expect(HttpStatusCode.NotFound);
    }
}
