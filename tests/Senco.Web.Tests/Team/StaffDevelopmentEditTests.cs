using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Web.Tests.Infrastructure;
using Senco.Web.Tests.Pages;

namespace Senco.Web.Tests.Team;

/// Correcting training records, training needs and INSET sessions (pages and API), linking a need to the training
/// that met it, and the pupil picker used to schedule a meeting. Each test makes its own records.
[Collection(TeamCollection.Name)]
public sealed class StaffDevelopmentEditTests(TeamWorld world)
{
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd");
    private static DateOnly Today => TestWorld.Today;

    private Task<PageSession> As(SchoolRole role, string school = "A") => PageSession.SignInAsync(world.Factory, world.User(role, school).Email, TestWorld.Password);

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> Html(HttpResponseMessage r) => new HtmlParser().ParseDocument(await r.Content.ReadAsStringAsync());

    private static async Task<HttpResponseMessage> Post(PageSession s, string path, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await s.GetFormTokenAsync(path);
        return await s.Client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    private static async Task<Dictionary<string, string>> Prefilled(PageSession s, string path, string form = "main form[method=post]")
    {
        var doc = await Html(await s.Client.GetAsync(path).Expect(HttpStatusCode.OK));
        var f = doc.QuerySelector(form)!;
        var fields = new Dictionary<string, string>();
        foreach (var input in f.QuerySelectorAll("input"))
        {
            var name = input.GetAttribute("name");
            if (name is null || name == "__RequestVerificationToken") continue;
            var type = input.GetAttribute("type");
            if (type is "checkbox" or "radio") { if (input.HasAttribute("checked")) fields[name] = input.GetAttribute("value") ?? "true"; }
            else fields.TryAdd(name, input.GetAttribute("value") ?? "");
        }
        foreach (var t in f.QuerySelectorAll("textarea")) fields[t.GetAttribute("name")!] = t.TextContent.Trim();
        foreach (var sel in f.QuerySelectorAll("select")) fields[sel.GetAttribute("name")!] = sel.QuerySelector("option[selected]")?.GetAttribute("value") ?? "";
        return fields;
    }

    private async Task<System.Text.Json.Nodes.JsonNode> NewTrainingAsync(string title, Guid? staff = null)
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        return await senco.PostJson($"/api/v1/schools/{world.A.Urn}/training-records", new { staffMemberId = staff ?? world.TaStaffA, title, provider = "Fictional Trust", completedOn = Iso(Today.AddDays(-30)), hours = 3 })
            .ExpectJson(HttpStatusCode.Created);
    }

    private async Task<System.Text.Json.Nodes.JsonNode> NewNeedAsync(string area)
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        return await senco.PostJson($"/api/v1/schools/{world.A.Urn}/training-needs", new { staffMemberId = world.TaStaffA, area, reason = "Fictional: two pupils new to the group", priority = "High" })
            .ExpectJson(HttpStatusCode.Created);
    }

    private async Task<System.Text.Json.Nodes.JsonNode> NewInsetAsync(string title)
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        return await senco.PostJson($"/api/v1/schools/{world.A.Urn}/inset", new { on = Iso(Today.AddDays(-7)), title, ledBy = "Sana Okoro", attendees = "Theo Atkins\nAll Year 3 staff" })
            .ExpectJson(HttpStatusCode.Created);
    }

    private async Task<System.Text.Json.Nodes.JsonNode> OverviewRowAsync(string list, string id)
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        var o = await senco.GetAsync($"/api/v1/schools/{world.A.Urn}/staff-development").ExpectJson(HttpStatusCode.OK);
        return o[list]!.AsArray().Single(x => x!.Str("id") == id)!;
    }

    private async Task<string> LastAuditAsync(string action)
    {
        await world.AuditCountAsync(action);
        var (scope, db) = world.SystemDb();
        using (scope) return db.AuditEntries.Where(e => e.Action == action).OrderByDescending(e => e.Id).Select(e => e.Summary).First();
    }

    [Fact]
    public async Task A_training_record_is_corrected_over_the_API_with_the_before_values_audited_and_a_stale_version_refused()
    {
        var t = await NewTrainingAsync("Fictional: precision teaching basics");
        var id = t.Str("id");
        var version = t["version"]!.GetValue<int>();
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        var body = new { staffMemberId = world.TaStaffA, title = "Fictional: precision teaching", provider = "Fictional Trust", completedOn = Iso(Today.AddDays(-30)), hours = 4.5m, version };
        var saved = await senco.PutJson($"/api/v1/training-records/{id}", body).ExpectJson(HttpStatusCode.OK);
        Assert.Equal("Fictional: precision teaching", saved.Str("title"));
        Assert.Equal(version + 1, saved["version"]!.GetValue<int>());
        var audit = await LastAuditAsync("training.update");
        Assert.Contains("training was \"Fictional: precision teaching basics\"", audit);
        Assert.Contains("hours was \"3\"", audit);

        var stale = await senco.PutJson($"/api/v1/training-records/{id}", body with { title = "Overwritten" }).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Fictional: precision teaching", stale["current"]!.Str("title"));
        Assert.Equal("Fictional: precision teaching", (await OverviewRowAsync("training", id)).Str("title"));

        await (await senco.PutJson($"/api/v1/training-records/{id}", new { staffMemberId = world.TaStaffA, title = "", completedOn = Iso(Today.AddDays(5)), hours = 0, version = version + 1 })).ShouldBeValidationProblemOn("title");
        await (await senco.PutJson($"/api/v1/training-records/{id}", body with { provider = new string('p', 121), version = version + 1 })).ShouldBeValidationProblemOn("provider");
        await (await senco.PutJson($"/api/v1/training-records/{id}", new { staffMemberId = Guid.NewGuid(), title = "X", completedOn = Iso(Today), hours = 1, version = version + 1 })).ShouldBeValidationProblemOn("staffMemberId");
        Assert.Equal("Fictional: precision teaching", (await OverviewRowAsync("training", id)).Str("title"));
    }

    [Theory]
    [InlineData(SchoolRole.Teacher, "A", HttpStatusCode.Forbidden)]
    [InlineData(SchoolRole.TeachingAssistant, "A", HttpStatusCode.Forbidden)]
    [InlineData(SchoolRole.SeniorLeader, "A", HttpStatusCode.Forbidden)]
    [InlineData(SchoolRole.Governor, "A", HttpStatusCode.Forbidden)]
    [InlineData(SchoolRole.Senco, "B", HttpStatusCode.NotFound)]
    public async Task Only_those_who_manage_the_team_in_the_school_correct_staff_development(SchoolRole role, string school, HttpStatusCode expected)
    {
        var t = await NewTrainingAsync($"Fictional: matrix {role} {school}");
        var n = await NewNeedAsync($"Fictional: matrix need {role} {school}");
        var i = await NewInsetAsync($"Fictional: matrix INSET {role} {school}");
        using var api = await world.ClientFor(role, school);
        Assert.Equal(expected, (await api.PutJson($"/api/v1/training-records/{t.Str("id")}", new { staffMemberId = world.TaStaffA, title = "Changed", completedOn = Iso(Today), hours = 1, version = 0 })).StatusCode);
        Assert.Equal(expected, (await api.PutJson($"/api/v1/training-needs/{n.Str("id")}", new { staffMemberId = world.TaStaffA, area = "Changed", reason = "r", priority = "Low", version = 0 })).StatusCode);
        Assert.Equal(expected, (await api.PutJson($"/api/v1/inset/{i.Str("id")}", new { on = Iso(Today), title = "Changed", ledBy = "x", attendees = "y", version = 0 })).StatusCode);
        Assert.Equal(expected, (await api.PostJson($"/api/v1/training-needs/{n.Str("id")}/met", new { trainingId = t.Str("id") })).StatusCode);
        using var page = await As(role, school);
        foreach (var path in new[] { $"/training-records/{t.Str("id")}/edit", $"/training-needs/{n.Str("id")}/edit", $"/inset/{i.Str("id")}/edit" })
            Assert.Equal(expected, (await page.Client.GetAsync(path)).StatusCode);
        Assert.Equal($"Fictional: matrix {role} {school}", (await OverviewRowAsync("training", t.Str("id"))).Str("title"));
        Assert.Null((await OverviewRowAsync("trainingNeeds", n.Str("id")))["metOn"]);
    }

    [Fact]
    public async Task A_need_is_met_by_naming_the_training_that_met_it_and_only_that_member_of_staffs_training_counts()
    {
        var t = await NewTrainingAsync("Fictional: Lego therapy facilitator");
        var other = await NewTrainingAsync("Fictional: the SENCO's own course", world.ManagerStaffA);
        var n = await NewNeedAsync("Fictional: running Lego therapy");
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        await (await senco.PostJson($"/api/v1/training-needs/{n.Str("id")}/met", new { trainingId = other.Str("id") })).ShouldBeValidationProblemOn("trainingId");
        Assert.Null((await OverviewRowAsync("trainingNeeds", n.Str("id")))["metOn"]);

        var met = await senco.PostJson($"/api/v1/training-needs/{n.Str("id")}/met", new { trainingId = t.Str("id") }).ExpectJson(HttpStatusCode.OK);
        Assert.Equal(t.Str("completedOn"), met.Str("metOn"));
        Assert.Equal("Fictional: Lego therapy facilitator", met.Str("metBy"));
        Assert.Contains("by \"Fictional: Lego therapy facilitator\"", await LastAuditAsync("training.need.met"));

        // Through the page: the need shows what met it; unlinking reopens it, with the link audited as it was.
        using var s = await As(SchoolRole.Senco);
        var list = await Html(await s.Client.GetAsync($"/schools/{world.A.Urn}/staff-development").Expect(HttpStatusCode.OK));
        Assert.Contains(list.QuerySelectorAll("#needs ~ table tr"), tr => tr.TextContent.Contains("Fictional: running Lego therapy") && tr.TextContent.Contains("by Fictional: Lego therapy facilitator"));
        var path = $"/training-needs/{n.Str("id")}/edit";
        var form = await Prefilled(s, path);
        Assert.Equal(t.Str("id"), form["Input.MetByTrainingId"]);
        form["Input.MetByTrainingId"] = "";
        Assert.Equal(HttpStatusCode.Redirect, (await Post(s, path, form)).StatusCode);
        Assert.Null((await OverviewRowAsync("trainingNeeds", n.Str("id")))["metOn"]);
        Assert.Contains("met by was \"Fictional: Lego therapy facilitator\"", await LastAuditAsync("training.need.update"));
    }

    [Fact]
    public async Task An_INSET_session_is_corrected_on_its_page_bad_input_keeps_what_was_typed_and_a_second_saver_is_told()
    {
        var i = await NewInsetAsync("Fictional: zones of regulation");
        var id = i.Str("id");
        using var first = await As(SchoolRole.Senco);
        using var second = await As(SchoolRole.AssistantSenco);
        var path = $"/inset/{id}/edit";

        var list = await Html(await first.Client.GetAsync($"/schools/{world.A.Urn}/staff-development").Expect(HttpStatusCode.OK));
        Assert.NotNull(list.QuerySelector($"a[href='{path}']"));
        var one = await Prefilled(first, path);
        Assert.Equal("Fictional: zones of regulation", one["Input.Title"]);
        Assert.Equal("Theo Atkins\nAll Year 3 staff", one["Input.Attendees"]);
        var two = await Prefilled(second, path);

        // Bad input: errors linked to the fields, what was typed kept, nothing saved.
        var bad = new Dictionary<string, string>(one) { ["Input.LedBy"] = "", ["Input.Evaluation"] = "Staff now use the zones check-in daily" };
        var badDoc = await Html(await Post(first, path, bad));
        Assert.Contains(badDoc.QuerySelectorAll(".govuk-error-summary a"), a => a.GetAttribute("href") == "#Input-LedBy");
        Assert.Equal("Staff now use the zones check-in daily", badDoc.QuerySelector("textarea[name='Input.Evaluation']")!.TextContent.Trim());
        Assert.Null((await OverviewRowAsync("inset", id))["evaluation"]);

        one["Input.Evaluation"] = "Staff now use the zones check-in daily";
        Assert.Equal(HttpStatusCode.Redirect, (await Post(first, path, one)).StatusCode);
        Assert.Contains("evaluation was \"none\"", await LastAuditAsync("inset.update"));

        two["Input.Evaluation"] = "Overwriting evaluation";
        var r = await Post(second, path, two);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var doc = await Html(r);
        Assert.Contains("Someone else saved this INSET session", doc.QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Contains("Staff now use the zones check-in daily", doc.QuerySelector("#conflict")!.TextContent);
        Assert.Equal("Overwriting evaluation", doc.QuerySelector("textarea[name='Input.Evaluation']")!.TextContent.Trim());
        Assert.Equal("Staff now use the zones check-in daily", (await OverviewRowAsync("inset", id)).Str("evaluation"));

        // The API refuses a stale version with the record as it stands.
        using var api = await world.ClientFor(SchoolRole.Senco, "A");
        var stale = await api.PutJson($"/api/v1/inset/{id}", new { on = Iso(Today), title = "x", ledBy = "y", attendees = "z", version = 0 }).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Staff now use the zones check-in daily", stale["current"]!.Str("evaluation"));
    }

    [Fact]
    public async Task A_training_record_and_a_need_are_corrected_on_their_pages_prefilled_with_field_errors_on_bad_input()
    {
        var t = await NewTrainingAsync("Fictional: dyslexia awareness");
        using var s = await As(SchoolRole.Senco);
        var path = $"/training-records/{t.Str("id")}/edit";
        var form = await Prefilled(s, path);
        Assert.Equal("Fictional: dyslexia awareness", form["Input.Title"]);
        Assert.Equal(world.TaStaffA.ToString(), form["Input.StaffMemberId"]);
        form["Input.Hours"] = "0";
        form["Input.Provider"] = "Fictional Dyslexia Centre";
        var doc = await Html(await Post(s, path, form));
        Assert.Contains(doc.QuerySelectorAll(".govuk-error-summary a"), a => a.GetAttribute("href") == "#Input-Hours");
        Assert.Equal("Fictional Dyslexia Centre", doc.QuerySelector("input[name='Input.Provider']")!.GetAttribute("value"));
        Assert.Equal("Fictional Trust", (await OverviewRowAsync("training", t.Str("id"))).Str("provider"));
        form["Input.Hours"] = "6";
        Assert.Equal(HttpStatusCode.Redirect, (await Post(s, path, form)).StatusCode);
        Assert.Equal("Fictional Dyslexia Centre", (await OverviewRowAsync("training", t.Str("id"))).Str("provider"));

        var n = await NewNeedAsync("Fictional: signing with Makaton");
        var npath = $"/training-needs/{n.Str("id")}/edit";
        var nform = await Prefilled(s, npath);
        Assert.Equal("High", nform["Input.Priority"]);
        nform["Input.Area"] = "";
        nform["Input.Reason"] = "Fictional: a pupil joining in January signs";
        var ndoc = await Html(await Post(s, npath, nform));
        Assert.Contains(ndoc.QuerySelectorAll(".govuk-error-summary a"), a => a.GetAttribute("href") == "#Input-Area");
        Assert.Equal("Fictional: a pupil joining in January signs", ndoc.QuerySelector("textarea[name='Input.Reason']")!.TextContent.Trim());
        Assert.Equal("Fictional: signing with Makaton", (await OverviewRowAsync("trainingNeeds", n.Str("id"))).Str("area"));
    }

    // The pupil picker ---------------------------------------------------------------------------------------------

    [Fact]
    public async Task Finding_a_pupil_to_schedule_a_meeting_keeps_the_form_offers_only_this_schools_pupils_and_is_audited()
    {
        var mine = await world.AddPupilAsync("A", "Quillon", "Marchetti", "4");
        var theirs = await world.AddPupilAsync("B", "Quillon", "Beaumont", "4");
        using var s = await As(SchoolRole.Senco);
        var path = $"/schools/{world.A.Urn}/meetings";
        var before = await world.AuditCountAsync("pupils.search");
        var form = new Dictionary<string, string>
        {
            ["Input.Title"] = "Fictional: pupil progress meeting", ["Input.Kind"] = "PupilProgress", ["Input.Location"] = "Room 4",
            ["Input.On.Day"] = "", ["Input.On.Month"] = "", ["Input.On.Year"] = "", ["Input.Time"] = "15:30", ["Input.DurationMinutes"] = "45",
            ["PupilSearch.Query"] = "quillon", ["PupilSearch.Find"] = "Input.PupilId",
        };
        var r = await Post(s, path, form);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var doc = await Html(r);
        var choices = doc.QuerySelectorAll("input[name='Input.PupilId']").Select(i => i.GetAttribute("value")).ToList();
        Assert.Contains(mine.Id.ToString(), choices);
        Assert.DoesNotContain(theirs.Id.ToString(), choices);
        Assert.Contains("", choices);
        Assert.Empty(doc.QuerySelectorAll(".govuk-error-summary"));
        Assert.Equal("Fictional: pupil progress meeting", doc.QuerySelector("input[name='Input.Title']")!.GetAttribute("value"));
        Assert.Equal("Room 4", doc.QuerySelector("input[name='Input.Location']")!.GetAttribute("value"));
        Assert.Equal("quillon", doc.QuerySelector("input[name='PupilSearch.Query']")!.GetAttribute("value"));
        Assert.Contains("Quillon Marchetti, Year 4", doc.QuerySelector(".senco-pupil-picker")!.TextContent);
        Assert.Equal(before + 1, await world.AuditCountAsync("pupils.search"));

        // No plain select of every pupil is left on the page.
        Assert.Null(doc.QuerySelector("select[name='Input.PupilId']"));

        // By UPN and by year group with a name.
        var byUpn = await Html(await Post(s, path, new Dictionary<string, string>(form) { ["PupilSearch.Query"] = mine.Upn }));
        Assert.Contains(byUpn.QuerySelectorAll("input[name='Input.PupilId']"), i => i.GetAttribute("value") == mine.Id.ToString());
        var byYear = await Html(await Post(s, path, new Dictionary<string, string>(form) { ["PupilSearch.Query"] = "quillon year 3" }));
        Assert.DoesNotContain(byYear.QuerySelectorAll("input[name='Input.PupilId']"), i => i.GetAttribute("value") == mine.Id.ToString());

        // Choosing the match and arranging the meeting; the chosen pupil stays offered if the form comes back with errors.
        var day = Today.AddDays(9);
        var chosen = new Dictionary<string, string>(form) { ["Input.PupilId"] = mine.Id.ToString(), ["Input.Title"] = "" };
        chosen.Remove("PupilSearch.Find");
        (chosen["Input.On.Day"], chosen["Input.On.Month"], chosen["Input.On.Year"]) = (day.Day.ToString(), day.Month.ToString(), day.Year.ToString());
        var withError = await Html(await Post(s, path, chosen));
        Assert.Contains(withError.QuerySelectorAll(".govuk-error-summary a"), a => a.GetAttribute("href") == "#Input-Title");
        Assert.True(withError.QuerySelector($"input[name='Input.PupilId'][value='{mine.Id}']")!.HasAttribute("checked"));
        chosen["Input.Title"] = "Fictional: pupil progress meeting";
        var created = await Post(s, path, chosen);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var (scope, db) = world.SystemDb();
        using (scope) Assert.True(await db.Meetings.AnyAsync(m => m.PupilId == mine.Id && m.Title == "Fictional: pupil progress meeting"));
    }

    [Fact]
    public async Task The_pupil_search_API_is_scoped_to_the_school_and_the_role()
    {
        var mine = await world.AddPupilAsync("A", "Ysolde", "Carrow", "6");
        var theirs = await world.AddPupilAsync("B", "Ysolde", "Penhallow", "6");
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        var found = await senco.GetAsync($"/api/v1/schools/{world.A.Urn}/pupil-search?q=ysolde").ExpectJson(HttpStatusCode.OK);
        var ids = found["matches"]!.AsArray().Select(m => m!.Str("id")).ToList();
        Assert.Contains(mine.Id.ToString(), ids);
        Assert.DoesNotContain(theirs.Id.ToString(), ids);
        Assert.Equal(1, found["total"]!.GetValue<int>());

        using var teacher = await world.ClientFor(SchoolRole.Teacher, "A");
        Assert.Equal(HttpStatusCode.OK, (await teacher.GetAsync($"/api/v1/schools/{world.A.Urn}/pupil-search?q=ysolde")).StatusCode);
        using var governor = await world.ClientFor(SchoolRole.Governor, "A");
        Assert.Equal(HttpStatusCode.Forbidden, (await governor.GetAsync($"/api/v1/schools/{world.A.Urn}/pupil-search?q=ysolde")).StatusCode);
        using var other = await world.ClientFor(SchoolRole.Senco, "B");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/schools/{world.A.Urn}/pupil-search?q=ysolde")).StatusCode);

        // A governor cannot reach the meetings form, nor search through it.
        using var gov = await As(SchoolRole.Governor);
        Assert.Equal(HttpStatusCode.Forbidden, (await gov.Client.GetAsync($"/schools/{world.A.Urn}/meetings")).StatusCode);
    }
}
