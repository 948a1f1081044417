using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Senco.Core.Access;
using Senco.Web.Tests.Infrastructure;
using Senco.Web.Tests.Pages;

namespace Senco.Web.Tests.Trust;

/// The trust view (issue 8, point 7) on SQLite or PostgreSQL (SENCO_TEST_DB): a trust lead sees exactly their trust's
/// schools with the figures worked out by hand from <see cref="TrustWorld"/>; no one else sees the dashboard; no other
/// trust's school can be seen or detected; no pupil is named on the page or in its downloads.
public sealed class TrustDashboardTests(TrustWorld world) : IClassFixture<TrustWorld>
{
    private static readonly HtmlParser Parser = new();

    private async Task<int> OakfieldId()
    {
        using var lead = await world.ClientFor(SchoolRole.TrustLead, "A");
        var trusts = (await lead.GetAsync("/api/v1/trusts").ExpectJson(HttpStatusCode.OK)).AsArray();
        return Assert.Single(trusts)!["id"]!.GetValue<int>();
    }

    private async Task<JsonNode> DashboardAsync(string leadOf)
    {
        using var lead = await world.ClientFor(SchoolRole.TrustLead, leadOf);
        var id = Assert.Single((await lead.GetAsync("/api/v1/trusts").ExpectJson(HttpStatusCode.OK)).AsArray())!["id"]!.GetValue<int>();
        return await lead.GetAsync($"/api/v1/trusts/{id}/dashboard").ExpectJson(HttpStatusCode.OK);
    }

    private static decimal? Dec(JsonNode? n) => n?.GetValue<decimal>();

    [Fact]
    public async Task A_trust_lead_lists_exactly_the_schools_of_their_trust()
    {
        using var lead = await world.ClientFor(SchoolRole.TrustLead, "A");
        var trust = Assert.Single((await lead.GetAsync("/api/v1/trusts").ExpectJson(HttpStatusCode.OK)).AsArray())!;
        Assert.Equal(TestWorld.TrustAB, trust.Str("name"));
        Assert.Equal(new[] { world.B.Urn, world.A.Urn }, trust["schoolUrns"]!.AsArray().Select(u => u!.GetValue<string>()));   // by name: Academy, Primary
        // Everyone else leads nothing.
        foreach (var role in TestWorld.Roles.Where(r => r != SchoolRole.TrustLead))
        {
            using var other = await world.ClientFor(role, "A");
            Assert.Empty((await other.GetAsync("/api/v1/trusts").ExpectJson(HttpStatusCode.OK)).AsArray());
        }
    }

    [Fact]
    public async Task The_dashboard_gives_the_hand_computed_figures_of_the_trust_and_each_school()
    {
        var d = await DashboardAsync("A");
        Assert.Equal(TestWorld.TrustAB, d.Str("trust"));
        Assert.Equal(TrustWorld.Year.Label, d.Str("year"));
        var schools = d["schools"]!.AsArray();
        Assert.Equal(new[] { world.B.Urn, world.A.Urn }, schools.Select(s => s!.Str("urn")));
        var a = schools[1]!;
        var b = schools[0]!;
        var t = d["trustFigures"]!;

        // Roll and register. A: 5 on roll, K 2, E 2 → 40.0%, 40.0%, 80.0%. B: 6, K 1, E 1 → 16.7%, 16.7%, 33.3%.
        // Trust: 11, K 3, E 3 → 27.3%, 27.3%, 54.5%.
        Assert.Equal((5, 1, 2, 2), (a["onRoll"]!.GetValue<int>(), a["noSen"]!.GetValue<int>(), a["senSupport"]!.GetValue<int>(), a["ehcPlans"]!.GetValue<int>()));
        Assert.Equal((40.0m, 40.0m, 80.0m), (Dec(a["senSupportPercent"])!.Value, Dec(a["ehcPlanPercent"])!.Value, Dec(a["registerPercent"])!.Value));
        Assert.Equal((6, 4, 1, 1), (b["onRoll"]!.GetValue<int>(), b["noSen"]!.GetValue<int>(), b["senSupport"]!.GetValue<int>(), b["ehcPlans"]!.GetValue<int>()));
        Assert.Equal((16.7m, 16.7m, 33.3m), (Dec(b["senSupportPercent"])!.Value, Dec(b["ehcPlanPercent"])!.Value, Dec(b["registerPercent"])!.Value));
        Assert.Equal(11, t["onRoll"]!.GetValue<int>());
        Assert.Equal((27.3m, 27.3m, 54.5m), (Dec(t["senSupportPercent"])!.Value, Dec(t["ehcPlanPercent"])!.Value, Dec(t["registerPercent"])!.Value));

        // Primary needs. A: ASD 2 (50.0%), SEMH 1, SLCN 1 (25.0% each; ties by code). Trust: ASD 3, SLCN 2, SEMH 1.
        static string Needs(JsonNode s) => string.Join(", ", s["primaryNeeds"]!.AsArray().Select(n => $"{n!.Str("need")} {n["pupils"]} {Dec(n["percent"]):0.0}"));
        Assert.Equal("ASD 2 50.0, SEMH 1 25.0, SLCN 1 25.0", Needs(a));
        Assert.Equal("ASD 1 50.0, SLCN 1 50.0", Needs(b));
        Assert.Equal("ASD 3 50.0, SLCN 2 33.3, SEMH 1 16.7", Needs(t));

        // Overdue statutory dates: A's plan issued 400 days ago has its annual review overdue; C's (450 days) is not ours.
        Assert.Equal((1, 0, 1), (a["overdueStatutoryDates"]!.GetValue<int>(), b["overdueStatutoryDates"]!.GetValue<int>(), t["overdueStatutoryDates"]!.GetValue<int>()));

        // Funding. A: £10,000 + £6,000 = £16,000 against £500 → 3.1%. B: £1,000 + £0 against £1,500 → 150.0%, overspent.
        // Trust: £17,000 against £2,000 → 11.8%.
        Assert.Equal((10_000m, 6_000m, 16_000m, 500m, 3.1m), (Dec(a["notionalSenBudget"])!.Value, Dec(a["topUpInYear"])!.Value, Dec(a["funding"])!.Value, Dec(a["provisionCost"])!.Value, Dec(a["provisionCostPercentOfFunding"])!.Value));
        Assert.False(a["overspent"]!.GetValue<bool>());
        Assert.Equal((1_500m, 150.0m), (Dec(b["provisionCost"])!.Value, Dec(b["provisionCostPercentOfFunding"])!.Value));
        Assert.True(b["overspent"]!.GetValue<bool>());
        Assert.Equal((17_000m, 2_000m, 11.8m), (Dec(t["funding"])!.Value, Dec(t["provisionCost"])!.Value, Dec(t["provisionCostPercentOfFunding"])!.Value));

        // Impact. A: +8 and −3 → 2 assessed, 1 improved (50.0%), mean +2.50 standardised; the pupil without an exit score
        // does not count. B: reading age +6 and 0 → 50.0%, mean 3.00; the exit without a date does not count.
        static decimal? Gain(JsonNode s, string measure) => Dec(s["meanGain"]!.AsArray().Single(g => g!.Str("measure") == measure)!["meanGain"]);
        Assert.Equal((2, 50.0m, 2.50m), (a["placesAssessed"]!.GetValue<int>(), Dec(a["improvedPercent"])!.Value, Gain(a, "StandardisedScore")!.Value));
        Assert.Null(Gain(a, "ReadingAgeMonths"));
        Assert.Equal((2, 50.0m, 3.00m), (b["placesAssessed"]!.GetValue<int>(), Dec(b["improvedPercent"])!.Value, Gain(b, "ReadingAgeMonths")!.Value));
        Assert.Equal((4, 50.0m, 2.50m, 3.00m), (t["placesAssessed"]!.GetValue<int>(), Dec(t["improvedPercent"])!.Value, Gain(t, "StandardisedScore")!.Value, Gain(t, "ReadingAgeMonths")!.Value));

        // Far from the trust: K and E in both schools (12.7 and 10.6 points, more than a quarter of 27.3); B's spending.
        static string Outliers(JsonNode s) => string.Join(", ", s["outliers"]!.AsArray().Select(o => $"{o!.Str("measure")} {o.Str("direction")}"));
        Assert.Equal("SenSupportPercent Above, EhcPlanPercent Above", Outliers(a));
        Assert.Equal("SenSupportPercent Below, EhcPlanPercent Below, SpendPercentOfFunding Above", Outliers(b));
        Assert.Equal("SEN support (K): 40.0%, well above the trust's 27.3%", a["outliers"]![0]!.Str("description"));
    }

    [Fact]
    public async Task Overdue_counts_agree_with_the_statutory_clock_the_trust_lead_already_has()
    {
        using var lead = await world.ClientFor(SchoolRole.TrustLead, "A");
        var items = (await lead.GetAsync("/api/v1/statutory-deadlines?withinDays=0").ExpectJson(HttpStatusCode.OK))["items"]!.AsArray();
        var d = await DashboardAsync("A");
        Assert.Equal(items.Count(i => i!["overdue"]!.GetValue<bool>()), d["trustFigures"]!["overdueStatutoryDates"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_page_shows_the_same_schools_and_names_the_outliers_in_words()
    {
        using var session = await PageSession.SignInAsync(world.Factory, world.User(SchoolRole.TrustLead, "A").Email, TestWorld.Password);
        var r = await session.Client.GetAsync("/trust");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var doc = Parser.ParseDocument(await r.Content.ReadAsStringAsync());
        var rows = doc.QuerySelectorAll("#register-table tbody tr").Select(tr => tr.QuerySelector("th a")!.TextContent.Trim()).ToList();
        Assert.Equal(new[] { world.B.Name, world.A.Name }, rows);
        Assert.DoesNotContain(world.C.Name, doc.Body!.TextContent);
        var primary = doc.QuerySelectorAll("#register-table tbody tr")[1];
        Assert.Contains("40.0% well above the trust", System.Text.RegularExpressions.Regex.Replace(primary.TextContent, @"\s+", " "));
        var attention = doc.QuerySelector("#needs-attention")!.TextContent;
        Assert.Contains("SEN support (K): 16.7%, well below the trust's 27.3%", attention);
        Assert.Contains("1 statutory date overdue", attention);
        Assert.Contains("is more than its SEN funding", attention);
        Assert.Contains("150.0%", doc.QuerySelector("#funding-table")!.TextContent);
        // The header's "Trust" link is the dashboard; the trust's deadlines are reached from it.
        Assert.NotNull(doc.QuerySelector("nav.senco-nav a[href='/trust'][aria-current='page']"));
        Assert.NotNull(doc.QuerySelector("a[href='/trust/statutory-deadlines']"));
        // Drill-in links: each school's overview and register.
        Assert.NotNull(doc.QuerySelector($"#register-table a[href='/schools/{world.B.Urn}/register']"));
    }

    [Fact]
    public async Task A_trust_lead_drills_into_every_school_of_their_trust_and_no_other()
    {
        using var session = await PageSession.SignInAsync(world.Factory, world.User(SchoolRole.TrustLead, "A").Email, TestWorld.Password);
        foreach (var s in new[] { world.A, world.B })
        {
            Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync($"/schools/{s.Urn}")).StatusCode);
            var register = await session.Client.GetAsync($"/schools/{s.Urn}/register");
            Assert.Equal(HttpStatusCode.OK, register.StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await session.Client.GetAsync($"/schools/{world.C.Urn}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await session.Client.GetAsync($"/schools/{world.C.Urn}/register")).StatusCode);
    }

    [Theory]
    [InlineData(SchoolRole.Senco)]
    [InlineData(SchoolRole.AssistantSenco)]
    [InlineData(SchoolRole.Teacher)]
    [InlineData(SchoolRole.TeachingAssistant)]
    [InlineData(SchoolRole.SeniorLeader)]
    [InlineData(SchoolRole.Governor)]
    [InlineData(SchoolRole.SchoolAdmin)]
    public async Task Anyone_but_the_trust_lead_is_refused_the_dashboard_and_its_api(SchoolRole role)
    {
        var oakfield = await OakfieldId();
        using var api = await world.ClientFor(role, "A");
        // Their own school's trust: they know it exists, and may not see it (403).
        await (await api.GetAsync($"/api/v1/trusts/{oakfield}/dashboard")).ShouldBeProblem(HttpStatusCode.Forbidden);
        // Another trust: not found, the same as a trust that does not exist.
        using var lead = await world.ClientFor(SchoolRole.TrustLead, "C");
        var riverside = Assert.Single((await lead.GetAsync("/api/v1/trusts").ExpectJson(HttpStatusCode.OK)).AsArray())!["id"]!.GetValue<int>();
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/trusts/{riverside}/dashboard")).StatusCode);

        using var session = await PageSession.SignInAsync(world.Factory, world.User(role, "A").Email, TestWorld.Password);
        foreach (var path in new[] { "/trust", $"/trust?trust={oakfield}", "/trust?handler=csv", "/trust?handler=xlsx" })
            Assert.Equal(HttpStatusCode.Forbidden, (await session.Client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await session.Client.GetAsync($"/trust?trust={riverside}")).StatusCode);
        // And no "Trust" link in their header.
        var home = Parser.ParseDocument(await session.Client.GetStringAsync($"/schools/{world.A.Urn}"));
        Assert.Null(home.QuerySelector("nav.senco-nav a[href='/trust']"));
    }

    [Fact]
    public async Task A_trust_lead_cannot_see_or_detect_another_trusts_schools()
    {
        var oakfield = await OakfieldId();
        using var riversideLead = await world.ClientFor(SchoolRole.TrustLead, "C");
        var answer = await riversideLead.GetAsync($"/api/v1/trusts/{oakfield}/dashboard");
        var missing = await riversideLead.GetAsync("/api/v1/trusts/987654/dashboard");
        // The same 404 for another trust as for no trust at all: nothing to tell them apart.
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        static async Task<string> WithoutTrace(HttpResponseMessage r)
        {
            var node = JsonNode.Parse(await r.Content.ReadAsStringAsync())!.AsObject();
            node.Remove("traceId");
            return node.ToJsonString();
        }
        Assert.Equal(await WithoutTrace(missing), await WithoutTrace(answer));

        var own = await DashboardAsync("C");
        Assert.Equal(new[] { world.C.Urn }, own["schools"]!.AsArray().Select(s => s!.Str("urn")));
        var json = own.ToJsonString();
        foreach (var s in new[] { world.A, world.B }) { Assert.DoesNotContain(s.Urn, json); Assert.DoesNotContain(s.Name, json); }
        // C's own figures: 4 on roll (N, K, E and the extra K), its budget and its overdue plan.
        Assert.Equal(4, own["trustFigures"]!["onRoll"]!.GetValue<int>());
        Assert.Equal(987_654m, Dec(own["trustFigures"]!["notionalSenBudget"]));
        Assert.Equal(1, own["trustFigures"]!["overdueStatutoryDates"]!.GetValue<int>());

        using var session = await PageSession.SignInAsync(world.Factory, world.User(SchoolRole.TrustLead, "C").Email, TestWorld.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await session.Client.GetAsync($"/trust?trust={oakfield}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await session.Client.GetAsync($"/trust?trust={oakfield}&handler=csv")).StatusCode);
        var page = await session.Client.GetStringAsync("/trust");
        foreach (var s in new[] { world.A, world.B }) { Assert.DoesNotContain(s.Urn, page); Assert.DoesNotContain(s.Name, page); }
    }

    [Fact]
    public async Task No_pupil_is_named_on_the_dashboard_its_downloads_or_its_api()
    {
        using var session = await PageSession.SignInAsync(world.Factory, world.User(SchoolRole.TrustLead, "A").Email, TestWorld.Password);
        var page = await session.Client.GetStringAsync("/trust");
        var csvResponse = await session.Client.GetAsync("/trust?handler=csv");
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.StartsWith("text/csv", csvResponse.Content.Headers.ContentType!.ToString());
        var csv = Encoding.UTF8.GetString(await csvResponse.Content.ReadAsByteArrayAsync());
        var xlsxResponse = await session.Client.GetAsync("/trust?handler=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsxResponse.StatusCode);
        var xlsx = XlsxText(await xlsxResponse.Content.ReadAsByteArrayAsync());
        var api = (await DashboardAsync("A")).ToJsonString();

        Assert.Contains(world.A.Name, csv);
        Assert.Contains(world.A.Name, xlsx);
        foreach (var p in world.Pupils)
            foreach (var (what, text) in new[] { ("page", page), ("CSV", csv), ("XLSX", xlsx), ("API", api) })
            {
                Assert.False(text.Contains(p.Surname, StringComparison.OrdinalIgnoreCase), $"{p.Surname} appears in the {what}");
                Assert.False(text.Contains(p.Upn, StringComparison.OrdinalIgnoreCase), $"{p.Upn} appears in the {what}");
            }
        // Hand-computed rows of the download: A is the second school (by name); the trust's row last.
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith($"{world.A.Name},{world.A.Urn},5,1,2,2,40.0,40.0,80.0,1,10000.00,6000.00,16000.00,500.00,3.1,2,50.0,,,2.50,", lines[2]);
        Assert.StartsWith($"{TestWorld.TrustAB} (all schools),,11,", lines[3]);
    }

    [Fact]
    public async Task A_school_name_that_is_a_formula_is_neutralised_in_both_downloads()
    {
        using var admin = await world.AdminClient();
        var urn = "149" + Random.Shared.Next(100, 999);
        await admin.PostJson("/api/v1/schools", new { urn, name = "=HYPERLINK(\"http://evil.example\",\"x\")", laCode = "873", estab = "2" + urn[3..], phase = "Primary", trust = "Formula Trust (fictional)" })
            .Expect(HttpStatusCode.Created);
        var email = $"formula-{urn}@senco.test";
        await TestWorld.CreateUserAsync(admin, email, "Formula lead", (urn, "TrustLead"));
        using var session = await PageSession.SignInAsync(world.Factory, email, TestWorld.Password);
        var csv = Encoding.UTF8.GetString(await session.Client.GetByteArrayAsync("/trust?handler=csv"));
        Assert.Contains("\"'=HYPERLINK(", csv);
        Assert.DoesNotContain("\n=HYPERLINK", csv);
        Assert.DoesNotContain(",=HYPERLINK", csv);
        var xlsx = XlsxText(await session.Client.GetByteArrayAsync("/trust?handler=xlsx"));
        Assert.Contains("'=HYPERLINK(", xlsx);
        Assert.DoesNotContain("<f>", xlsx);
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
