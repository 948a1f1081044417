using System.Net;
using AngleSharp.Html.Parser;
using Senco.Core.Access;
using Senco.Web.Tests.Infrastructure;
using Senco.Web.Tests.Pages;

namespace Senco.Web.Tests.Team;

/// Correcting agencies, parent/carer contacts and pupil voice through the pages and the API: prefilled forms, field
/// errors with nothing saved, the role × school matrix, and a second saver told instead of overwriting the first.
/// Each test makes its own records so the shared team world stays as the other tests expect it.
[Collection(TeamCollection.Name)]
public sealed class TeamEditTests(TeamWorld world)
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

    /// The values of the first form's fields on an edit page, as a browser would send them back.
    private static async Task<Dictionary<string, string>> Prefilled(PageSession s, string path)
    {
        var doc = await Html(await s.Client.GetAsync(path).Expect(HttpStatusCode.OK));
        var form = doc.QuerySelector("main form[method=post]")!;
        var fields = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input"))
        {
            var name = input.GetAttribute("name");
            if (name is null || name == "__RequestVerificationToken") continue;
            var type = input.GetAttribute("type");
            if (type is "checkbox" or "radio") { if (input.HasAttribute("checked")) fields[name] = input.GetAttribute("value") ?? "true"; }
            // A bool checkbox carries a hidden "false" beside it: the ticked box wins, as it does when the form is bound.
            else fields.TryAdd(name, input.GetAttribute("value") ?? "");
        }
        foreach (var t in form.QuerySelectorAll("textarea")) fields[t.GetAttribute("name")!] = t.TextContent.Trim();
        foreach (var sel in form.QuerySelectorAll("select")) fields[sel.GetAttribute("name")!] = sel.QuerySelector("option[selected]")?.GetAttribute("value") ?? "";
        return fields;
    }

    private async Task<(Guid Id, int Version)> NewAgencyAsync(string name)
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        var a = await senco.PostJson($"/api/v1/schools/{world.A.Urn}/agencies", new { name, kind = "EducationalPsychology", contactName = "Dr Ama Boateng", phone = "01632 960000" })
            .ExpectJson(HttpStatusCode.Created);
        return (Guid.Parse(a.Str("id")), a["version"]!.GetValue<int>());
    }

    private async Task<(Guid Id, int Version)> NewContactAsync(string name)
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        var c = await senco.PostJson($"/api/v1/pupils/{world.PupilA.Id}/contacts", new { name, relationship = "Father", parentalResponsibility = true, phone = "07700 900001", preferredMethod = "Phone" })
            .ExpectJson(HttpStatusCode.Created);
        return (Guid.Parse(c.Str("id")), c["version"]!.GetValue<int>());
    }

    private async Task<(Guid Id, int Version)> NewVoiceAsync(string words)
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        var v = await senco.PostJson($"/api/v1/pupils/{world.PupilA.Id}/voice", new { on = Iso(Today.AddDays(-3)), context = "Review", words, capturedBy = "Ms Patel" })
            .ExpectJson(HttpStatusCode.Created);
        return (Guid.Parse(v.Str("id")), v["version"]!.GetValue<int>());
    }

    private async Task<string?> AgencyPhoneAsync(Guid id)
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        var list = await senco.GetAsync($"/api/v1/schools/{world.A.Urn}/agencies").ExpectJson(HttpStatusCode.OK);
        return list.AsArray().Single(a => a!.Str("id") == id.ToString())!["phone"]?.GetValue<string>();
    }

    private async Task<System.Text.Json.Nodes.JsonNode> ContactAsync(Guid id)
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        var list = await senco.GetAsync($"/api/v1/pupils/{world.PupilA.Id}/contacts").ExpectJson(HttpStatusCode.OK);
        return list.AsArray().Single(c => c!.Str("id") == id.ToString())!;
    }

    private async Task<System.Text.Json.Nodes.JsonNode> VoiceAsync(Guid id)
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        var list = await senco.GetAsync($"/api/v1/pupils/{world.PupilA.Id}/voice").ExpectJson(HttpStatusCode.OK);
        return list.AsArray().Single(c => c!.Str("id") == id.ToString())!;
    }

    // API --------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task An_agency_is_corrected_over_the_API_and_a_stale_version_is_refused_keeping_the_first_save()
    {
        var (id, version) = await NewAgencyAsync("Westgate Educational Psychology");
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        var before = await world.AuditCountAsync("agency.update");
        var body = new { name = "Westgate Educational Psychology", kind = "EducationalPsychology", contactName = "Dr Ama Boateng", phone = "01632 960123", address = "1 High Street\nWestgate", version };
        var saved = await senco.PutJson($"/api/v1/agencies/{id}", body).ExpectJson(HttpStatusCode.OK);
        Assert.Equal("01632 960123", saved.Str("phone"));
        Assert.Equal("1 High Street\nWestgate", saved.Str("address"));
        Assert.Equal(version + 1, saved["version"]!.GetValue<int>());
        Assert.Equal(before + 1, await world.AuditCountAsync("agency.update"));

        // A second person who read the same version is told, and the first save stands.
        var stale = await senco.PutJson($"/api/v1/agencies/{id}", body with { phone = "00000 000000" }).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("01632 960123", stale["current"]!.Str("phone"));
        Assert.Equal("01632 960123", await AgencyPhoneAsync(id));

        // Bad input names the field and saves nothing.
        var errors = await (await senco.PutJson($"/api/v1/agencies/{id}", new { name = "", kind = "Nonsense", email = "not-an-email", version = version + 1 })).ShouldBeValidationProblemOn("name");
        Assert.NotEmpty(errors);
        await (await senco.PutJson($"/api/v1/agencies/{id}", new { name = "X", kind = "EducationalPsychology", phone = new string('1', 41), version = version + 1 })).ShouldBeValidationProblemOn("phone");
        Assert.Equal("01632 960123", await AgencyPhoneAsync(id));
    }

    [Fact]
    public async Task An_archived_agency_leaves_the_referral_picker_and_cannot_take_new_referrals_but_is_kept()
    {
        var (id, version) = await NewAgencyAsync("Eastbrook Sensory Service");
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        var before = await world.AuditCountAsync("agency.archive");
        var archived = await senco.PutJson($"/api/v1/agencies/{id}", new { name = "Eastbrook Sensory Service", kind = "EducationalPsychology", archived = true, version })
            .ExpectJson(HttpStatusCode.OK);
        Assert.True(archived["archived"]!.GetValue<bool>());
        Assert.Equal(before + 1, await world.AuditCountAsync("agency.archive"));

        await (await senco.PostJson($"/api/v1/pupils/{world.PupilA.Id}/referrals", new { agencyId = id, reason = "Fictional reason", status = "Draft" }))
            .ShouldBeValidationProblemOn("agencyId");
        using var s = await As(SchoolRole.Senco);
        var picker = await Html(await s.Client.GetAsync($"/pupils/{world.PupilA.Id}/team/referrals").Expect(HttpStatusCode.OK));
        Assert.DoesNotContain(picker.QuerySelectorAll("select[name='Input.AgencyId'] option"), o => o.GetAttribute("value") == id.ToString());
        Assert.Contains(picker.QuerySelectorAll("select[name='Input.AgencyId'] option"), o => o.GetAttribute("value") == world.AgencyA.ToString());
        // Still in the directory, marked archived, with a link to restore it.
        var directory = await Html(await s.Client.GetAsync($"/schools/{world.A.Urn}/agencies").Expect(HttpStatusCode.OK));
        var row = directory.QuerySelectorAll("tr").Single(r => r.TextContent.Contains("Eastbrook Sensory Service"));
        Assert.Contains("Archived", row.TextContent);
        Assert.NotNull(row.QuerySelector($"a[href='/agencies/{id}/edit']"));
    }

    [Fact]
    public async Task A_contact_is_corrected_over_the_API_with_its_version()
    {
        var (id, version) = await NewContactAsync("Mr Dev Kaur");
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        var before = await world.AuditCountAsync("contact.update", world.PupilA.Id);
        var body = new { name = "Mr Dev Kaur", relationship = "Father", parentalResponsibility = true, phone = "07700 900123", email = "dev@example.org", preferredMethod = "Email", version };
        var saved = await senco.PutJson($"/api/v1/contacts/{id}", body).ExpectJson(HttpStatusCode.OK);
        Assert.Equal("07700 900123", saved.Str("phone"));
        Assert.Equal("Email", saved.Str("preferredMethod"));
        Assert.Equal(version + 1, saved["version"]!.GetValue<int>());
        Assert.Equal(before + 1, await world.AuditCountAsync("contact.update", world.PupilA.Id));

        var conflict = await senco.PutJson($"/api/v1/contacts/{id}", body with { phone = "01111 111111" }).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("07700 900123", conflict["current"]!.Str("phone"));
        await (await senco.PutJson($"/api/v1/contacts/{id}", body with { version = version + 1, email = "no-at-sign" })).ShouldBeValidationProblemOn("email");
        await (await senco.PutJson($"/api/v1/contacts/{id}", new { name = "Mr Dev Kaur", relationship = "Father", preferredMethod = "Email" })).ShouldBeValidationProblemOn("version");
        var now = await ContactAsync(id);
        Assert.Equal("07700 900123", now.Str("phone"));
        Assert.Equal("dev@example.org", now.Str("email"));
    }

    [Fact]
    public async Task A_record_of_the_pupils_views_is_corrected_over_the_API_with_its_version()
    {
        var (id, version) = await NewVoiceAsync("I like the quiet room at lunch");
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        var body = new { on = Iso(Today.AddDays(-5)), context = "SupportPlan", words = "I like the quiet room at lunchtime", capturedBy = "Ms Patel", how = "Talking with a trusted adult", version };
        var saved = await senco.PutJson($"/api/v1/voice/{id}", body).ExpectJson(HttpStatusCode.OK);
        Assert.Equal(Iso(Today.AddDays(-5)), saved.Str("on"));
        Assert.Equal("SupportPlan", saved.Str("context"));
        Assert.Equal(1, await world.AuditCountAsync("voice.update", world.PupilA.Id) > 0 ? 1 : 0);

        var conflict = await senco.PutJson($"/api/v1/voice/{id}", body with { words = "overwritten" }).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("I like the quiet room at lunchtime", conflict["current"]!.Str("words"));
        await (await senco.PutJson($"/api/v1/voice/{id}", body with { on = Iso(Today.AddDays(3)), version = version + 1 })).ShouldBeValidationProblemOn("on");
        var now = await VoiceAsync(id);
        Assert.Equal("I like the quiet room at lunchtime", now.Str("words"));
        Assert.Equal(Iso(Today.AddDays(-5)), now.Str("on"));
    }

    public static TheoryData<SchoolRole, string, HttpStatusCode> Editors => new()
    {
        { SchoolRole.Senco, "A", HttpStatusCode.OK },
        { SchoolRole.AssistantSenco, "A", HttpStatusCode.OK },
        { SchoolRole.Teacher, "A", HttpStatusCode.Forbidden },
        { SchoolRole.TeachingAssistant, "A", HttpStatusCode.Forbidden },
        { SchoolRole.Governor, "A", HttpStatusCode.Forbidden },
        { SchoolRole.SeniorLeader, "A", HttpStatusCode.Forbidden },
        { SchoolRole.Senco, "B", HttpStatusCode.NotFound },
        { SchoolRole.Senco, "C", HttpStatusCode.NotFound },
    };

    [Theory, MemberData(nameof(Editors))]
    public async Task Only_those_who_manage_the_team_in_the_school_may_correct_records(SchoolRole role, string school, HttpStatusCode expected)
    {
        var (agency, av) = await NewAgencyAsync($"Matrix agency {role} {school}");
        var (contact, cv) = await NewContactAsync($"Matrix contact {role} {school}");
        var (voice, vv) = await NewVoiceAsync($"Matrix words {role} {school}");

        using var s = await As(role, school);
        foreach (var path in new[] { $"/agencies/{agency}/edit", $"/contacts/{contact}/edit", $"/voice/{voice}/edit" })
            await s.Client.GetAsync(path).Expect(expected);

        using var c = await world.ClientFor(role, school);
        await c.PutJson($"/api/v1/agencies/{agency}", new { name = $"Renamed {role}", kind = "EducationalPsychology", version = av }).Expect(expected);
        await c.PutJson($"/api/v1/contacts/{contact}", new { name = $"Renamed {role}", relationship = "Father", preferredMethod = "Phone", version = cv }).Expect(expected);
        await c.PutJson($"/api/v1/voice/{voice}", new { on = Iso(Today), context = "Review", words = $"Renamed {role}", capturedBy = "Someone", version = vv }).Expect(expected);

        var renamed = expected == HttpStatusCode.OK;
        Assert.Equal(renamed, (await ContactAsync(contact)).Str("name") == $"Renamed {role}");
        Assert.Equal(renamed, (await VoiceAsync(voice)).Str("words") == $"Renamed {role}");
    }

    // Pages ------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task An_agency_is_corrected_through_its_edit_page_linked_from_the_directory()
    {
        var (id, _) = await NewAgencyAsync("Southfield Occupational Therapy");
        using var s = await As(SchoolRole.Senco);
        var directory = await Html(await s.Client.GetAsync($"/schools/{world.A.Urn}/agencies").Expect(HttpStatusCode.OK));
        Assert.NotNull(directory.QuerySelector($"a[href='/agencies/{id}/edit']"));

        var path = $"/agencies/{id}/edit";
        var form = await Prefilled(s, path);
        Assert.Equal("Southfield Occupational Therapy", form["Input.Name"]);
        Assert.Equal("01632 960000", form["Input.Phone"]);
        Assert.Equal("EducationalPsychology", form["Input.Kind"]);
        form["Input.Phone"] = "01632 960999";
        var r = await Post(s, path, form);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal($"/schools/{world.A.Urn}/agencies", r.Headers.Location!.OriginalString);
        Assert.Contains("01632 960999", await s.Client.GetStringAsync($"/schools/{world.A.Urn}/agencies"));
        Assert.Equal("01632 960999", await AgencyPhoneAsync(id));
    }

    [Fact]
    public async Task Bad_input_on_an_edit_page_shows_the_errors_linked_to_the_fields_keeps_what_was_typed_and_saves_nothing()
    {
        var (id, _) = await NewAgencyAsync("Northgate Hearing Support");
        using var s = await As(SchoolRole.Senco);
        var path = $"/agencies/{id}/edit";
        var form = await Prefilled(s, path);
        form["Input.Name"] = "";
        form["Input.Email"] = "typed-without-at";
        form["Input.Phone"] = "01632 123456";
        var r = await Post(s, path, form);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var doc = await Html(r);
        var links = doc.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#Input-Name", links);
        Assert.Contains("#Input-Email", links);
        Assert.Equal("typed-without-at", doc.QuerySelector("input[name='Input.Email']")!.GetAttribute("value"));
        Assert.Equal("01632 123456", doc.QuerySelector("input[name='Input.Phone']")!.GetAttribute("value"));
        Assert.Equal("01632 960000", await AgencyPhoneAsync(id));

        // The same on the contact and voice pages.
        var (contact, _) = await NewContactAsync("Ms Rita Shah");
        var cform = await Prefilled(s, $"/contacts/{contact}/edit");
        cform["Input.Relationship"] = "";
        cform["Input.Phone"] = "07700 555555";
        var cdoc = await Html(await Post(s, $"/contacts/{contact}/edit", cform));
        Assert.Contains(cdoc.QuerySelectorAll(".govuk-error-summary a"), a => a.GetAttribute("href") == "#Input-Relationship");
        Assert.Equal("07700 555555", cdoc.QuerySelector("input[name='Input.Phone']")!.GetAttribute("value"));
        Assert.Equal("07700 900001", (await ContactAsync(contact)).Str("phone"));

        var (voice, _) = await NewVoiceAsync("Maths is hard when it is noisy");
        var vform = await Prefilled(s, $"/voice/{voice}/edit");
        var future = Today.AddDays(10);
        (vform["Input.On.Day"], vform["Input.On.Month"], vform["Input.On.Year"]) = (future.Day.ToString(), future.Month.ToString(), future.Year.ToString());
        vform["Input.Words"] = "Maths is hard when the room is noisy";
        var vdoc = await Html(await Post(s, $"/voice/{voice}/edit", vform));
        Assert.Contains(vdoc.QuerySelectorAll(".govuk-error-summary a"), a => a.GetAttribute("href")!.StartsWith("#Input-On"));
        Assert.Equal("Maths is hard when the room is noisy", vdoc.QuerySelector("textarea[name='Input.Words']")!.TextContent.Trim());
        Assert.Equal("Maths is hard when it is noisy", (await VoiceAsync(voice)).Str("words"));
    }

    [Fact]
    public async Task Two_people_correcting_the_same_contact_the_second_is_told_and_the_first_save_is_kept()
    {
        var (id, _) = await NewContactAsync("Mrs Joy Adeyemi");
        using var first = await As(SchoolRole.Senco);
        using var second = await As(SchoolRole.AssistantSenco);
        var path = $"/contacts/{id}/edit";
        var one = await Prefilled(first, path);
        var two = await Prefilled(second, path);
        Assert.Equal(one["Version"], two["Version"]);

        one["Input.Phone"] = "07700 111111";
        Assert.Equal(HttpStatusCode.Redirect, (await Post(first, path, one)).StatusCode);

        two["Input.Phone"] = "07700 222222";
        var r = await Post(second, path, two);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var doc = await Html(r);
        Assert.Contains("Someone else saved this contact", doc.QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Contains("07700 111111", doc.QuerySelector("#conflict")!.TextContent);
        Assert.Equal("07700 222222", doc.QuerySelector("input[name='Input.Phone']")!.GetAttribute("value"));
        Assert.Equal("07700 111111", (await ContactAsync(id)).Str("phone"));

        // Saving again from the refreshed form (now carrying the current version) is the second person's deliberate choice.
        var again = new Dictionary<string, string>(two) { ["Version"] = doc.QuerySelector("input[name='Version']")!.GetAttribute("value")! };
        Assert.Equal(HttpStatusCode.Redirect, (await Post(second, path, again)).StatusCode);
        Assert.Equal("07700 222222", (await ContactAsync(id)).Str("phone"));
    }

    [Fact]
    public async Task Contacts_and_views_are_corrected_through_their_pages_linked_from_the_lists_and_the_reads_are_audited()
    {
        var (contact, _) = await NewContactAsync("Mr Sam Okafor");
        var (voice, _) = await NewVoiceAsync("I want to sit near the front");
        using var s = await As(SchoolRole.Senco);
        var parents = await Html(await s.Client.GetAsync($"/pupils/{world.PupilA.Id}/team/parents").Expect(HttpStatusCode.OK));
        Assert.NotNull(parents.QuerySelector($"a[href='/contacts/{contact}/edit']"));
        var views = await Html(await s.Client.GetAsync($"/pupils/{world.PupilA.Id}/team/voice").Expect(HttpStatusCode.OK));
        Assert.NotNull(views.QuerySelector($"a[href='/voice/{voice}/edit']"));

        var reads = await world.AuditCountAsync("contact.read", world.PupilA.Id);
        var cform = await Prefilled(s, $"/contacts/{contact}/edit");
        Assert.True(await world.AuditCountAsync("contact.read", world.PupilA.Id) > reads);
        Assert.Equal("Mr Sam Okafor", cform["Input.Name"]);
        Assert.Equal("true", cform["Input.ParentalResponsibility"]);
        cform["Input.Email"] = "sam@example.org";
        cform["Input.PreferredMethod"] = "Email";
        Assert.Equal(HttpStatusCode.Redirect, (await Post(s, $"/contacts/{contact}/edit", cform)).StatusCode);
        Assert.Equal("sam@example.org", (await ContactAsync(contact)).Str("email"));
        Assert.Contains("sam@example.org", await s.Client.GetStringAsync($"/pupils/{world.PupilA.Id}/team/parents"));

        var vform = await Prefilled(s, $"/voice/{voice}/edit");
        Assert.Equal("I want to sit near the front", vform["Input.Words"]);
        var corrected = Today.AddDays(-7);
        (vform["Input.On.Day"], vform["Input.On.Month"], vform["Input.On.Year"]) = (corrected.Day.ToString(), corrected.Month.ToString(), corrected.Year.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await Post(s, $"/voice/{voice}/edit", vform)).StatusCode);
        Assert.Equal(Iso(corrected), (await VoiceAsync(voice)).Str("on"));
    }
}

internal static class TeamEditAssertions
{
    public static async Task<System.Text.Json.Nodes.JsonObject> ShouldBeProblemAsync(this Task<HttpResponseMessage> call, HttpStatusCode status) =>
        await (await call).ShouldBeProblem(status);
}
