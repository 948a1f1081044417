using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using static Senco.Web.Tests.Provision.ProvisionFixture;

namespace Senco.Web.Tests.Provision;

/// The pages, read as a browser would (AngleSharp): who may open them, what they show, and forms that keep what was
/// typed and name the field when something is wrong.
[Collection(ProvisionCollection.Name)]
public class ProvisionPageTests(ProvisionFixture app)
{
    private static readonly HtmlParser Parser = new();

    private static async Task<IHtmlDocument> Page(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var r = await client.GetAsync(url);
        var html = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == expected, $"GET {url}: expected {(int)expected}, got {(int)r.StatusCode}\n{html[..Math.Min(html.Length, 2000)]}");
        return Parser.ParseDocument(html);
    }

    /// Posts a page's form as a browser would: every field it has, with some replaced.
    private static async Task<(HttpResponseMessage Response, IHtmlDocument Document)> Submit(HttpClient client, IHtmlDocument page, string formSelector, Dictionary<string, string> values, string url)
    {
        var form = (IHtmlFormElement)page.QuerySelector(formSelector)!;
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input, select, textarea"))
        {
            var name = input.GetAttribute("name");
            if (name is null || values.ContainsKey(name)) continue;
            switch (input)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when !box.IsChecked: continue;
                case IHtmlInputElement i: fields.Add(new(name, i.Value)); break;
                case IHtmlSelectElement s: fields.Add(new(name, s.Value ?? "")); break;
                case IHtmlTextAreaElement t: fields.Add(new(name, t.Value)); break;
            }
        }
        fields.AddRange(values);
        var action = form.GetAttribute("action");
        var r = await client.PostAsync(string.IsNullOrEmpty(action) ? url : action, new FormUrlEncodedContent(fields));
        return (r, Parser.ParseDocument(await r.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Every_provision_page_opens_for_the_senco()
    {
        var pupil = await app.PupilAsync(needs: ["SPLD"]);
        var staff = await app.StaffAsync("Page Tester");
        var group = await app.GroupAsync(await app.ProvisionAsync(), [pupil], staff);
        var id = group["id"]!.GetValue<Guid>();
        var provision = group["provisionId"]!.GetValue<Guid>();
        var senco = await app.ClientAsync("senco@a.test", cookies: true);
        var a = app.SchoolA;
        foreach (var url in new[]
                 {
                     $"/schools/{a}/provision", $"/schools/{a}/provision/new", $"/provision/{provision}/edit", $"/schools/{a}/provision-map", $"/schools/{a}/funding",
                     $"/schools/{a}/impact", $"/pupils/{pupil}/provision", $"/pupils/{pupil}/top-ups/new", $"/schools/{a}/interventions", $"/schools/{a}/interventions/new",
                     $"/schools/{a}/interventions/new?provision={provision}", $"/interventions/{id}", $"/interventions/{id}/edit", $"/interventions/{id}/register",
                     $"/interventions/{id}/pupils/{pupil}/scores", $"/interventions/{id}/pupils/{pupil}", $"/interventions/{id}/impact", $"/schools/{a}/staff",
                     $"/schools/{a}/staff/new", $"/staff/{staff}", $"/staff/{staff}/edit",
                 })
        {
            var doc = await Page(senco, url);
            Assert.NotNull(doc.QuerySelector("h1"));
            Assert.Null(doc.QuerySelector(".govuk-error-summary"));
        }
        // Another school's SENCO finds none of it; a teacher may look but not manage.
        var other = await app.ClientAsync("senco@c.test", cookies: true);
        foreach (var url in new[] { $"/schools/{a}/provision-map", $"/interventions/{id}", $"/interventions/{id}/register", $"/staff/{staff}", $"/pupils/{pupil}/provision", $"/provision/{provision}/edit" })
            await Page(other, url, HttpStatusCode.NotFound);
        var teacher = await app.ClientAsync("teacher@a.test", cookies: true);
        await Page(teacher, $"/interventions/{id}");
        foreach (var url in new[] { $"/schools/{a}/provision/new", $"/interventions/{id}/edit", $"/schools/{a}/interventions/new", $"/interventions/{id}/register", $"/staff/{staff}/edit" })
            await Page(teacher, url, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_governor_sees_totals_and_no_names()
    {
        var pupil = await app.PupilAsync(forename: "Governor", surname: "Hidden");
        var group = await app.GroupAsync(await app.ProvisionAsync(), [pupil]);
        var governor = await app.ClientAsync("governor@a.test", cookies: true);
        foreach (var url in new[] { $"/schools/{app.SchoolA}/provision-map", $"/schools/{app.SchoolA}/funding", $"/schools/{app.SchoolA}/impact", $"/schools/{app.SchoolA}/provision" })
        {
            var doc = await Page(governor, url);
            Assert.DoesNotContain("Hidden", doc.Body!.TextContent);
        }
        var map = await Page(governor, $"/schools/{app.SchoolA}/provision-map");
        Assert.NotNull(map.QuerySelector("#total-cost"));
        Assert.Null(map.QuerySelector(".senco-provision-map"));
        await Page(governor, $"/interventions/{group["id"]}", HttpStatusCode.Forbidden);
        await Page(governor, $"/pupils/{pupil}/provision", HttpStatusCode.Forbidden);
        await Page(governor, $"/schools/{app.SchoolA}/interventions", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Bad_provision_input_keeps_what_was_typed_and_links_to_the_fields()
    {
        var senco = await app.ClientAsync("senco@a.test", cookies: true);
        var url = $"/schools/{app.SchoolA}/provision/new";
        var form = await Page(senco, url);
        var (r, doc) = await Submit(senco, form, "main form", new()
        {
            ["Input.Name"] = "Page-typed provision", ["Input.AreaOfNeed"] = "CognitionAndLearning", ["Input.Wave"] = "2",
            ["Input.StaffHourlyCost"] = "-4", ["Input.MinutesPerSession"] = "thirty",
        }, url);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var links = doc.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#Input-MinutesPerSession", "#Input-StaffHourlyCost"], links);
        Assert.Equal("thirty", ((IHtmlInputElement)doc.QuerySelector("#Input-MinutesPerSession")!).Value);
        Assert.Equal("-4", ((IHtmlInputElement)doc.QuerySelector("#Input-StaffHourlyCost")!).Value);
        Assert.Equal("Page-typed provision", ((IHtmlInputElement)doc.QuerySelector("#Input-Name")!).Value);
        Assert.StartsWith("Error:", doc.Title);
        var list = await Expect(await (await app.ClientAsync("senco@a.test")).GetAsync($"/api/v1/schools/{app.SchoolA}/provisions"), HttpStatusCode.OK);
        Assert.DoesNotContain(list.AsArray(), p => p!["name"]!.GetValue<string>() == "Page-typed provision");

        (r, _) = await Submit(senco, doc, "main form", new() { ["Input.StaffHourlyCost"] = "14.50", ["Input.MinutesPerSession"] = "30" }, url);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
    }

    [Fact]
    public async Task A_clash_on_the_group_form_names_the_slot()
    {
        var staff = await app.StaffAsync("Form Clash Person");
        await app.GroupAsync(await app.ProvisionAsync(), [], staff, [new { day = "Tuesday", start = "10:00", end = "10:30" }, new { day = "Wednesday", start = "10:00", end = "10:30" }, new { day = "Thursday", start = "10:00", end = "10:30" }]);
        var senco = await app.ClientAsync("senco@a.test", cookies: true);
        var url = $"/schools/{app.SchoolA}/interventions/new?provision={await app.ProvisionAsync()}";
        var form = await Page(senco, url);
        var start = MondayWeeksAgo(1);
        var (r, doc) = await Submit(senco, form, "main form", new()
        {
            ["Input.StaffMemberId"] = staff.ToString(), ["Input.StartOn.Day"] = start.Day.ToString(), ["Input.StartOn.Month"] = start.Month.ToString(), ["Input.StartOn.Year"] = start.Year.ToString(),
            ["Input.Weeks"] = "6", ["Input.SessionsPerWeek"] = "1", ["Input.MinutesPerSession"] = "30", ["Input.StaffHourlyCost"] = "15",
            ["Input.Slots[0].Day"] = "Wednesday", ["Input.Slots[0].Start"] = "10:15", ["Input.Slots[0].End"] = "10:45",
        }, url);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var link = doc.QuerySelector(".govuk-error-summary a")!;
        Assert.Equal("#Input-Slots-0-Start", link.GetAttribute("href"));
        Assert.Contains("Form Clash Person is already timetabled then", link.TextContent);
        Assert.Equal("10:15", ((IHtmlInputElement)doc.QuerySelector("#Input-Slots-0-Start")!).Value);
    }

    [Fact]
    public async Task A_ta_takes_the_register_of_their_group_on_the_page()
    {
        var a = await app.PupilAsync(forename: "Paged", surname: "Present");
        var b = await app.PupilAsync(forename: "Paged", surname: "Absent");
        var staff = await app.StaffAsync("Paged TA", "ta2@a.test");
        var group = await app.GroupAsync(await app.ProvisionAsync(), [a, b], staff);
        var id = group["id"]!.GetValue<Guid>();
        var on = group["startOn"]!.AsDate();
        var ta = await app.ClientAsync("ta2@a.test", cookies: true);
        var url = $"/interventions/{id}/register?on={Iso(on)}";
        var page = await Page(ta, url);
        Assert.Equal(2, page.QuerySelectorAll(".senco-mark").Length);

        // One pupil left unmarked: the error names them and links to their radios.
        var (r, doc) = await Submit(ta, page, "main form", new() { ["Input.Marks[0].Attended"] = "false", ["Input.Marks[0].Note"] = "Dentist" }, url);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var link = doc.QuerySelector(".govuk-error-summary a")!;
        Assert.Equal("#Input-Marks-1-Attended", link.GetAttribute("href"));
        Assert.Contains("Paged Present", link.TextContent);
        Assert.Equal("Dentist", ((IHtmlInputElement)doc.QuerySelector("#Input-Marks-0-Note")!).Value);

        (r, _) = await Submit(ta, doc, "main form", new() { ["Input.Marks[1].Attended"] = "true" }, url);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var sessions = await Expect(await (await app.ClientAsync("senco@a.test")).GetAsync($"/api/v1/intervention-groups/{id}/sessions"), HttpStatusCode.OK);
        var marks = sessions[0]!["attendance"]!.AsArray();
        Assert.Equal(1, marks.Count(m => m!["attended"]!.GetValue<bool>()));
        Assert.Contains(marks, m => m!["note"]?.GetValue<string>() == "Dentist");
    }

    [Fact]
    public async Task Exit_before_entry_on_the_scores_page()
    {
        var a = await app.PupilAsync();
        var group = await app.GroupAsync(await app.ProvisionAsync(), [a]);
        var senco = await app.ClientAsync("senco@a.test", cookies: true);
        var url = $"/interventions/{group["id"]}/pupils/{a}/scores";
        var page = await Page(senco, url);
        var entry = Today.AddDays(-10);
        var exit = Today.AddDays(-20);
        var (r, doc) = await Submit(senco, page, "main form", new()
        {
            ["Input.Measure"] = "StandardisedScore", ["Input.EntryValue"] = "84", ["Input.EntryOn.Day"] = entry.Day.ToString(), ["Input.EntryOn.Month"] = entry.Month.ToString(), ["Input.EntryOn.Year"] = entry.Year.ToString(),
            ["Input.ExitValue"] = "300", ["Input.ExitOn.Day"] = exit.Day.ToString(), ["Input.ExitOn.Month"] = exit.Month.ToString(), ["Input.ExitOn.Year"] = exit.Year.ToString(),
        }, url);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal(["#Input-ExitValue", "#Input-ExitOn-Day"], doc.QuerySelectorAll(".govuk-error-summary a").Select(x => x.GetAttribute("href")));
        Assert.Equal("300", ((IHtmlInputElement)doc.QuerySelector("#Input-ExitValue")!).Value);
    }

    [Fact]
    public async Task The_map_page_downloads_the_workbook()
    {
        var senco = await app.ClientAsync("senco@a.test", cookies: true);
        var r = await senco.GetAsync($"/schools/{app.SchoolA}/provision-map?handler=xlsx");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", r.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task One_to_one_support_is_added_to_a_timetable_by_finding_the_pupil_not_from_a_list_of_every_pupil()
    {
        var mine = await app.PupilAsync(forename: "Wystan", surname: "Quennell", needs: ["SPLD"]);
        var namesake = await app.PupilAsync(forename: "Wystan", surname: "Quennell", year: "6");
        var theirs = await app.PupilAsync(school: "B", forename: "Wystan", surname: "Abernethy", needs: ["SPLD"]);
        var staff = await app.StaffAsync("Picker Tester");
        var senco = await app.ClientAsync("senco@a.test", cookies: true);
        var url = $"/staff/{staff}";
        var page = await Page(senco, url);
        Assert.Null(page.QuerySelector("select[name='Entry.PupilId']"));
        const string form = "form[action*='handler=Add']";
        var typed = new Dictionary<string, string>
        {
            ["Entry.Kind"] = "OneToOne", ["Entry.Description"] = "Fictional: reading support", ["Entry.Day"] = "Tuesday",
            ["Entry.Start"] = "09:15", ["Entry.End"] = "09:45",
        };

        // "Find a pupil" shows this school's pupils of that name, told apart by year and UPN, and keeps what was typed.
        var (found, doc) = await Submit(senco, page, form, new(typed) { ["PupilSearch.Query"] = "wystan", ["PupilSearch.Find"] = "Entry.PupilId" }, url);
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var offered = doc.QuerySelectorAll("input[name='Entry.PupilId']").Select(i => i.GetAttribute("value")).ToList();
        Assert.Contains(mine.ToString(), offered);
        Assert.Contains(namesake.ToString(), offered);
        Assert.DoesNotContain(theirs.ToString(), offered);
        Assert.Contains("", offered); // "No particular pupil"
        var picker = doc.QuerySelector(".senco-pupil-picker")!.TextContent;
        Assert.Contains("Wystan Quennell, Year 4", picker);
        Assert.Contains("Wystan Quennell, Year 6", picker);
        Assert.Empty(doc.QuerySelectorAll(".govuk-error-summary"));
        Assert.Equal("Fictional: reading support", doc.QuerySelector("input[name='Entry.Description']")!.GetAttribute("value"));
        Assert.Equal("09:15", doc.QuerySelector("input[name='Entry.Start']")!.GetAttribute("value"));

        // Choosing one and adding it: the entry is for that pupil.
        var (added, _) = await Submit(senco, doc, form, new(typed) { ["Entry.PupilId"] = mine.ToString() }, url);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var week = System.Text.Json.Nodes.JsonNode.Parse(await (await senco.GetAsync($"/api/v1/staff/{staff}")).Content.ReadAsStringAsync())!;
        var entry = Assert.Single(week["timetable"]!.AsArray(), i => i!["description"]!.GetValue<string>() == "Fictional: reading support")!;
        Assert.Equal(mine, entry["pupilId"]!.GetValue<Guid>());
        Assert.Equal("1:1 support", entry["kind"]!.GetValue<string>());

        // A pupil of another school, posted by hand, is refused on the field and nothing is added.
        var (refused, refusedDoc) = await Submit(senco, await Page(senco, url), form, new(typed) { ["Entry.PupilId"] = theirs.ToString(), ["Entry.Description"] = "Fictional: not ours" }, url);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotEmpty(refusedDoc.QuerySelectorAll(".govuk-error-summary a"));
        var after = System.Text.Json.Nodes.JsonNode.Parse(await (await senco.GetAsync($"/api/v1/staff/{staff}")).Content.ReadAsStringAsync())!;
        Assert.DoesNotContain(after["timetable"]!.AsArray(), i => i!["description"]!.GetValue<string>() == "Fictional: not ours");

        // A form with an error keeps the chosen pupil chosen.
        var again = await Page(senco, url);
        var (_, withError) = await Submit(senco, again, form, new(typed) { ["Entry.PupilId"] = namesake.ToString(), ["Entry.End"] = "" }, url);
        Assert.NotEmpty(withError.QuerySelectorAll(".govuk-error-summary a"));
        Assert.True(withError.QuerySelector($"input[name='Entry.PupilId'][value='{namesake}']")!.HasAttribute("checked"));
    }

    [Fact]
    public async Task A_pupil_joins_a_group_by_finding_them_and_choosing_nobody_says_so_at_the_search_box()
    {
        var first = await app.PupilAsync(forename: "Ottoline", surname: "First", needs: ["SPLD"]);
        var joiner = await app.PupilAsync(forename: "Ottoline", surname: "Vasquez"); // not on the register: groups are for any pupil on roll
        var theirs = await app.PupilAsync(school: "B", forename: "Ottoline", surname: "Elsewhere");
        var group = await app.GroupAsync(await app.ProvisionAsync(), [first], await app.StaffAsync("Group Picker Tester"));
        var url = $"/interventions/{group["id"]!.GetValue<Guid>()}";
        var senco = await app.ClientAsync("senco@a.test", cookies: true);
        var page = await Page(senco, url);
        Assert.Null(page.QuerySelector("select[name='AddPupilId']"));
        const string form = "form[action*='handler=AddPupil']";

        // Adding with nobody chosen: the error names the field and its link reaches the search box.
        var (nobody, withError) = await Submit(senco, page, form, [], url);
        Assert.Equal(HttpStatusCode.OK, nobody.StatusCode);
        var link = withError.QuerySelector(".govuk-error-summary a")!;
        Assert.Equal("#AddPupilId", link.GetAttribute("href"));
        Assert.Contains("Select a pupil", link.TextContent);
        Assert.Equal("search", withError.QuerySelector("#AddPupilId")!.GetAttribute("type"));

        // Finding, choosing, adding.
        var (found, doc) = await Submit(senco, page, form, new() { ["PupilSearch.Query"] = "ottoline", ["PupilSearch.Find"] = "AddPupilId" }, url);
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Empty(doc.QuerySelectorAll(".govuk-error-summary"));
        var offered = doc.QuerySelectorAll("input[name='AddPupilId'][type='radio']").Select(i => i.GetAttribute("value")).ToList();
        Assert.Contains(joiner.ToString(), offered);
        Assert.DoesNotContain(theirs.ToString(), offered);
        Assert.DoesNotContain("", offered); // a pupil is required: no "none" choice
        // Another school's pupil, posted by hand, is refused on the field.
        var (refused, refusedDoc) = await Submit(senco, doc, form, new() { ["AddPupilId"] = theirs.ToString() }, url);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("#AddPupilId", refusedDoc.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        Assert.DoesNotContain("Elsewhere", (await Page(senco, url)).QuerySelector("main table")!.TextContent);
        Assert.Equal("radio", doc.QuerySelector("#AddPupilId")!.GetAttribute("type")); // the first choice carries the field id now
        var (added, _) = await Submit(senco, doc, form, new() { ["AddPupilId"] = joiner.ToString() }, url);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("Ottoline Vasquez", (await Page(senco, url)).QuerySelector("main")!.TextContent);
    }
}
