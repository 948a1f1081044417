using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Senco.Core.Access;
using Senco.Web.Tests.Infrastructure;
using Senco.Web.Tests.Pages;

namespace Senco.Web.Tests.Leadership;

/// The leaders' and governors' dashboard (issue 8, point 4) on SQLite or PostgreSQL: the figures of the hand-built school D
/// (<see cref="SchoolDashboardWorld"/>) through the API, the page and the downloads; who may open it; and that a governor
/// never meets a pupil's name or UPN in any of them.
public sealed class SchoolDashboardTests(SchoolDashboardWorld world) : IClassFixture<SchoolDashboardWorld>
{
    private static readonly HtmlParser Parser = new();
    private const string Urn = SchoolDashboardWorld.DUrn;
    private static readonly string Page = $"/schools/{Urn}/leadership/dashboard";
    private static readonly string ApiPath = $"/api/v1/schools/{Urn}/dashboard";

    private async Task<JsonNode> ApiAs(string email)
    {
        using var client = await world.ClientFor(email);
        return await client.GetAsync(ApiPath).ExpectJson(HttpStatusCode.OK);
    }

    private static decimal? Dec(JsonNode? n) => n?.GetValue<decimal>();
    private static int Int(JsonNode? n) => n!.GetValue<int>();

    [Fact]
    public async Task The_senco_gets_the_hand_computed_figures()
    {
        var d = await ApiAs(world.DUser(SchoolRole.Senco));
        Assert.Equal(SchoolDashboardWorld.DName, d.Str("school"));
        Assert.Equal(SchoolDashboardWorld.Year.Label, d.Str("year"));
        Assert.False(d["smallGroupsWithheld"]!.GetValue<bool>());

        var r = d["register"]!;
        Assert.Equal((15, 3, 8, 4, 12), (Int(r["onRoll"]), Int(r["noSen"]), Int(r["senSupport"]), Int(r["ehcPlans"]), Int(r["onRegister"])));
        Assert.Equal((20.0m, 53.3m, 26.7m, 80.0m), (Dec(r["noSenPercent"])!.Value, Dec(r["senSupportPercent"])!.Value, Dec(r["ehcPlanPercent"])!.Value, Dec(r["registerPercent"])!.Value));

        static string Needs(JsonNode d) => string.Join(", ", d["primaryNeeds"]!.AsArray().Select(n => n!["withheld"]!.GetValue<bool>()
            ? $"{n.Str("need")} withheld" : $"{n.Str("need")} {n["pupils"]} {Dec(n["percent"]):0.0}"));
        Assert.Equal("MLD 5 41.7, ASD 3 25.0, SLCN 3 25.0, SEMH 1 8.3", Needs(d));

        var c = d["changes"]!;
        Assert.Equal(SchoolDashboardWorld.From.ToString("yyyy-MM-dd"), c.Str("from"));
        Assert.Equal(TestWorld.Today.ToString("yyyy-MM-dd"), c.Str("to"));
        Assert.Equal((1, 1, 1, 1, 1), (Int(c["addedToSenSupport"]), Int(c["addedWithEhcPlan"]), Int(c["movedToEhcPlan"]), Int(c["ehcPlanToSenSupport"]), Int(c["removedFromRegister"])));
        Assert.Equal((1, 1, 1), (Int(c["newEhcPlans"]), Int(c["joinedOnRegister"]), Int(c["leftOnRegister"])));

        var s = d["statutoryDates"]!;
        Assert.Equal((1, 1, 30), (Int(s["overdue"]), Int(s["dueSoon"]), Int(s["dueWithinDays"])));
        var review = Assert.Single(s["byKind"]!.AsArray())!;
        Assert.Equal(("AnnualReviewMeeting", 1, 1), (review.Str("kind"), Int(review["overdue"]), Int(review["dueSoon"])));

        var f = d["funding"]!;
        Assert.Equal((20_000m, 4_000m, 24_000m, 800m, 3.3m), (Dec(f["notionalSenBudget"])!.Value, Dec(f["topUpInYear"])!.Value, Dec(f["funding"])!.Value, Dec(f["provisionCost"])!.Value, Dec(f["provisionCostPercentOfFunding"])!.Value));
        Assert.False(f["overspent"]!.GetValue<bool>());

        var i = d["impact"]!;
        Assert.Equal((2, 1, 50.0m), (Int(i["placesAssessed"]), Int(i["placesImproved"]), Dec(i["improvedPercent"])!.Value));
        Assert.Equal(2.50m, Dec(i["meanGain"]!.AsArray().Single(g => g!.Str("measure") == "StandardisedScore")!["meanGain"]));
        Assert.Equal((500m, 500m), (Dec(i["measuredGroupsCost"])!.Value, Dec(i["costPerPupilImproved"])!.Value));
    }

    [Fact]
    public async Task A_governor_gets_the_same_counts_with_small_needs_withheld()
    {
        var d = await ApiAs(world.DUser(SchoolRole.Governor));
        Assert.True(d["smallGroupsWithheld"]!.GetValue<bool>());
        Assert.Equal(5, Int(d["suppressionThreshold"]));
        // The governor is outside the pupil tenancy scope: the counts come from the same rows all the same.
        Assert.Equal(15, Int(d["register"]!["onRoll"]));
        Assert.Equal(1, Int(d["changes"]!["movedToEhcPlan"]));
        Assert.Equal(1, Int(d["statutoryDates"]!["overdue"]));
        Assert.Equal(24_000m, Dec(d["funding"]!["funding"]));
        Assert.Equal(2, Int(d["impact"]!["placesAssessed"]));
        // MLD (5) is shown; ASD 3, SLCN 3 and SEMH 1 are under 5, with neither count nor share.
        var needs = d["primaryNeeds"]!.AsArray();
        Assert.Equal(new[] { "MLD", "ASD", "SLCN", "SEMH" }, needs.Select(n => n!.Str("need")));
        Assert.Equal((5, 41.7m), (Int(needs[0]!["pupils"]), Dec(needs[0]!["percent"])!.Value));
        foreach (var n in needs.Skip(1))
        {
            Assert.True(n!["withheld"]!.GetValue<bool>());
            Assert.Null(n["pupils"]);
            Assert.Null(n["percent"]);
        }
    }

    public static TheoryData<string, HttpStatusCode> Matrix() => new()
    {
        { "governor.d", HttpStatusCode.OK },
        { "seniorleader.d", HttpStatusCode.OK },
        { "senco.d", HttpStatusCode.OK },
        { "assistantsenco.d", HttpStatusCode.OK },
        { "trustlead.a", HttpStatusCode.OK },           // the trust lead of D's trust
        { "teacher.d", HttpStatusCode.Forbidden },
        { "teachingassistant.d", HttpStatusCode.Forbidden },
        { "schooladmin.d", HttpStatusCode.Forbidden },
        { "senco.a", HttpStatusCode.NotFound },          // another school's SENCO, in the same trust
        { "governor.a", HttpStatusCode.NotFound },
        { "trustlead.c", HttpStatusCode.NotFound },      // the trust lead of another trust
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Who_may_open_the_dashboard_its_downloads_and_its_api(string user, HttpStatusCode expected)
    {
        var email = user + "@senco.test";
        using var api = await world.ClientFor(email);
        var answer = await api.GetAsync(ApiPath);
        Assert.Equal(expected, answer.StatusCode);
        if (expected == HttpStatusCode.Forbidden) await answer.ShouldBeProblem(HttpStatusCode.Forbidden);

        using var session = await PageSession.SignInAsync(world.Factory, email, TestWorld.Password);
        foreach (var path in new[] { Page, Page + "?handler=csv", Page + "?handler=xlsx" })
            Assert.Equal(expected, (await session.Client.GetAsync(path)).StatusCode);
        if (expected == HttpStatusCode.NotFound) return;
        // The Leadership section (here on the information report, which everyone in the school reads) lists the
        // dashboard for exactly those who may open it.
        var leadership = Parser.ParseDocument(await session.Client.GetStringAsync($"/schools/{Urn}/information-report"));
        Assert.Equal(expected == HttpStatusCode.OK, leadership.QuerySelectorAll(".senco-subnav a").Any(a => a.GetAttribute("href") == Page));
    }

    [Fact]
    public async Task A_school_outside_the_callers_reach_is_the_same_404_as_no_school()
    {
        using var other = await world.ClientFor("trustlead.c@senco.test");
        var answer = await other.GetAsync(ApiPath);
        var missing = await other.GetAsync("/api/v1/schools/199999/dashboard");
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        static async Task<string> WithoutTrace(HttpResponseMessage r)
        {
            var node = JsonNode.Parse(await r.Content.ReadAsStringAsync())!.AsObject();
            node.Remove("traceId");
            return node.ToJsonString();
        }
        Assert.Equal(await WithoutTrace(missing), await WithoutTrace(answer));
    }

    [Fact]
    public async Task A_year_or_term_that_cannot_be_shown_is_refused_by_the_api_and_explained_on_the_page()
    {
        using var senco = await world.ClientFor(world.DUser(SchoolRole.Senco));
        await (await senco.GetAsync(ApiPath + "?term=winter")).ShouldBeValidationProblemOn("term");
        await (await senco.GetAsync(ApiPath + "?year=2099/00")).ShouldBeValidationProblemOn("year");
        await (await senco.GetAsync(ApiPath + "?year=soon")).ShouldBeValidationProblemOn("year");
        var last = SchoolDashboardWorld.Year.Previous;
        var past = await senco.GetAsync($"{ApiPath}?year={Uri.EscapeDataString(last.Label)}&term=summer").ExpectJson(HttpStatusCode.OK);
        Assert.Equal((last.Label, "summer"), (past.Str("year"), past.Str("term")));
        // No group started last year, and no budget was recorded for it.
        Assert.Equal(0, Int(past["impact"]!["placesAssessed"]));
        Assert.Null(past["funding"]!["notionalSenBudget"]);

        using var session = await PageSession.SignInAsync(world.Factory, world.DUser(SchoolRole.Senco), TestWorld.Password);
        var doc = Parser.ParseDocument(await session.Client.GetStringAsync(Page + "?term=winter"));
        Assert.Contains("Choose the autumn, spring or summer term", doc.QuerySelector("#not-shown")!.TextContent);
        Assert.NotNull(doc.QuerySelector("#changes-table"));
    }

    [Fact]
    public async Task The_page_shows_each_chart_with_its_table_and_leaders_get_links_to_the_lists()
    {
        using var session = await PageSession.SignInAsync(world.Factory, world.DUser(SchoolRole.Senco), TestWorld.Password);
        var doc = Parser.ParseDocument(await session.Client.GetStringAsync(Page));
        Assert.Equal("Leaders’ and governors’ dashboard", doc.QuerySelector("h1")!.TextContent.Trim());
        // Every chart is hidden from assistive technology and followed by a table with the same figures.
        foreach (var figure in doc.QuerySelectorAll("figure.senco-bars"))
        {
            Assert.Equal("true", figure.QuerySelector("ol")!.GetAttribute("aria-hidden"));
            Assert.Equal("TABLE", figure.NextElementSibling!.TagName);
        }
        Assert.Equal(4, doc.QuerySelectorAll("figure.senco-bars").Length);
        var changes = doc.QuerySelectorAll("#changes-table tbody tr").ToDictionary(tr => tr.GetAttribute("data-change")!, tr => tr.QuerySelector("td")!.TextContent.Trim());
        Assert.Equal("1", changes["movedToEhcPlan"]);
        Assert.Equal("1", changes["leftOnRegister"]);
        Assert.Contains("53.3%", doc.QuerySelector("#register-table")!.TextContent);
        Assert.Contains("41.7%", doc.QuerySelector("#needs-table")!.TextContent);
        Assert.Contains("£500.00", doc.QuerySelector("#impact-table")!.TextContent);
        Assert.NotNull(doc.QuerySelector($"a[href='/schools/{Urn}/statutory-deadlines']"));
        Assert.NotNull(doc.QuerySelector($"a[href='/schools/{Urn}/register?status=E']"));
        Assert.NotNull(doc.QuerySelector($"a[href='/schools/{Urn}/register?need=MLD']"));
        Assert.NotNull(doc.QuerySelector("button.senco-print-button"));
        // The Leadership section is the current one, with the dashboard its current page.
        Assert.NotNull(doc.QuerySelector($"a[href='{Page}'][aria-current='page']"));
    }

    [Fact]
    public async Task A_governor_never_sees_a_pupils_name_or_upn_on_the_page_in_the_downloads_or_through_the_api()
    {
        var email = world.DUser(SchoolRole.Governor);
        using var session = await PageSession.SignInAsync(world.Factory, email, TestWorld.Password);
        var page = await session.Client.GetStringAsync(Page);
        var csvResponse = await session.Client.GetAsync(Page + "?handler=csv");
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.StartsWith("text/csv", csvResponse.Content.Headers.ContentType!.ToString());
        var csv = Encoding.UTF8.GetString(await csvResponse.Content.ReadAsByteArrayAsync());
        var xlsx = XlsxText(await session.Client.GetByteArrayAsync(Page + "?handler=xlsx"));
        var api = (await ApiAs(email)).ToJsonString();

        // The figures are there (so the absence of names is not an empty page) ...
        foreach (var (what, text) in new[] { ("page", page), ("CSV", csv), ("XLSX", xlsx), ("API", api) })
        {
            Assert.True(text.Contains(SchoolDashboardWorld.DName, StringComparison.Ordinal), $"the school's name is missing from the {what}");
            // ... and no pupil of D, nor of any other school, is named or identified.
            foreach (var (surname, upn) in world.DPupils)
            {
                Assert.False(text.Contains(surname, StringComparison.OrdinalIgnoreCase), $"{surname} appears in the {what}");
                Assert.False(text.Contains(upn, StringComparison.OrdinalIgnoreCase), $"{upn} appears in the {what}");
            }
            foreach (var p in world.Pupils)
                Assert.False(text.Contains(p.Surname, StringComparison.OrdinalIgnoreCase), $"{p.Surname} appears in the {what}");
        }
        // Withheld, not counted, and no link into named lists.
        var doc = Parser.ParseDocument(page);
        Assert.Contains("Withheld", doc.QuerySelector("#needs-table")!.TextContent);
        Assert.DoesNotContain("/register", page);
        Assert.DoesNotContain("/statutory-deadlines", page);
        Assert.Contains("To protect pupils’ privacy", doc.QuerySelector("#privacy-note")!.TextContent);
        Assert.Contains("Withheld: fewer than 5 pupils", csv);
        Assert.Contains("Withheld: fewer than 5 pupils", xlsx);

        // The download's rows, worked out by hand: K 8 of 15 = 53.3%; ASD withheld; the term's move K → E.
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.EndsWith(",SEN support (K),8,53.3,Percent of the roll", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith(",Autistic spectrum disorder (ASD),,,\"Withheld: fewer than 5 pupils, or it would reveal such a group\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith(",Moved from SEN support to an EHC plan (K to E),1,,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith(",Cost per pupil improved (£),500.00,,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reading_the_dashboard_is_audited()
    {
        using var governor = await world.ClientFor(world.DUser(SchoolRole.Governor));
        await governor.GetAsync(ApiPath).Expect(HttpStatusCode.OK);
        var (scope, db) = world.SystemDb();
        using (scope)
        {
            // The audit queue is written in the background: wait for the entry rather than for a time.
            for (var i = 0; i < 100 && !db.AuditEntries.Any(a => a.Action == "school.dashboard.read" && a.UserName.Contains("Governor of D")); i++)
                await Task.Delay(100);
            Assert.Contains(db.AuditEntries.Where(a => a.Action == "school.dashboard.read").Select(a => a.UserName).ToList(), n => n.Contains("Governor of D"));
        }
    }

    /// The worksheets' XML (shared strings and sheets), to search for text.
    private static string XlsxText(byte[] bytes)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        var sb = new StringBuilder();
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            sb.Append(System.Net.WebUtility.HtmlDecode(reader.ReadToEnd()));
        }
        return sb.ToString();
    }
}
