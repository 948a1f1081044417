using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using Senco.Core.Access;
using Senco.Web.Tests.Infrastructure;
using Senco.Web.Tests.Pages;

namespace Senco.Web.Tests.Team;

[Collection(TeamCollection.Name)]
public sealed class TeamPageTests(TeamWorld world)
{
    private Task<PageSession> As(SchoolRole role, string school = "A") => PageSession.SignInAsync(world.Factory, world.User(role, school).Email, TestWorld.Password);

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> Html(HttpResponseMessage r) => new HtmlParser().ParseDocument(await r.Content.ReadAsStringAsync());

    private async Task<HttpResponseMessage> Post(PageSession s, string path, Dictionary<string, string> fields, string? handler = null)
    {
        fields["__RequestVerificationToken"] = await s.GetFormTokenAsync(path);
        return await s.Client.PostAsync(handler is null ? path : $"{path}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    private string[] PupilPages => new[] { "team", "team/parents", "team/referrals", "team/voice", "team/safeguarding", "team/documents" }.Select(p => $"/pupils/{world.PupilA.Id}/{p}").ToArray();
    private string[] SchoolPages => new[] { "agencies", "meetings", "team-settings" }.Select(p => $"/schools/{world.A.Urn}/{p}").ToArray();

    public static TheoryData<SchoolRole, string, HttpStatusCode> Matrix => new()
    {
        { SchoolRole.Senco, "A", HttpStatusCode.OK },
        { SchoolRole.AssistantSenco, "A", HttpStatusCode.OK },
        { SchoolRole.SeniorLeader, "A", HttpStatusCode.OK },
        { SchoolRole.TrustLead, "A", HttpStatusCode.OK },
        { SchoolRole.TeachingAssistant, "A", HttpStatusCode.Forbidden },
        { SchoolRole.SchoolAdmin, "A", HttpStatusCode.Forbidden },
        { SchoolRole.Governor, "A", HttpStatusCode.Forbidden },
        { SchoolRole.Senco, "C", HttpStatusCode.NotFound },
    };

    [Theory, MemberData(nameof(Matrix))]
    public async Task Team_pages_follow_the_role_matrix(SchoolRole role, string school, HttpStatusCode expected)
    {
        using var s = await As(role, school);
        foreach (var path in PupilPages.Concat(SchoolPages).Append($"/referrals/{world.ReferralA}"))
            await s.Client.GetAsync(path).Expect(expected);
        // Everyone with a role but governors has a task list in their own school.
        await s.Client.GetAsync($"/schools/{world.A.Urn}/team").Expect(role == SchoolRole.Governor ? HttpStatusCode.Forbidden : expected == HttpStatusCode.NotFound ? HttpStatusCode.NotFound : HttpStatusCode.OK);
    }

    public static TheoryData<SchoolRole, HttpStatusCode> NoteMatrix => new()
    {
        { SchoolRole.Senco, HttpStatusCode.OK },
        { SchoolRole.Teacher, HttpStatusCode.OK }, // the DSL
        { SchoolRole.SeniorLeader, HttpStatusCode.Forbidden },
        { SchoolRole.AssistantSenco, HttpStatusCode.Forbidden },
        { SchoolRole.TrustLead, HttpStatusCode.Forbidden },
        { SchoolRole.TeachingAssistant, HttpStatusCode.Forbidden },
    };

    [Theory, MemberData(nameof(NoteMatrix))]
    public async Task Restricted_notes_open_on_pages_only_for_readers_and_their_titles_are_hidden_from_others(SchoolRole role, HttpStatusCode expected)
    {
        using var s = await As(role);
        var before = await world.AuditCountAsync("restricted.open", world.PupilA.Id);
        var note = await s.Client.GetAsync($"/restricted-notes/{world.NoteA}");
        await note.ShouldBe(expected);
        Assert.Equal(expected == HttpStatusCode.OK, (await note.Content.ReadAsStringAsync()).Contains(TeamWorld.Secret));
        Assert.Equal(before + (expected == HttpStatusCode.OK ? 1 : 0), await world.AuditCountAsync("restricted.open", world.PupilA.Id));
        await s.Client.GetAsync($"/documents/{world.NoteDocumentA}").Expect(expected);

        var page = await s.Client.GetAsync($"/pupils/{world.PupilA.Id}/team/safeguarding");
        if (page.StatusCode == HttpStatusCode.OK)
        {
            var html = await page.Content.ReadAsStringAsync();
            // The list shows titles to readers only; the text is never on the list page.
            Assert.Equal(expected == HttpStatusCode.OK, html.Contains("Strategy meeting"));
            Assert.DoesNotContain(TeamWorld.Secret, html);
        }
        // The hub lists the pupils with notes for those who may open them (the DSL's way in), and for nobody else.
        var hub = await (await s.Client.GetAsync($"/schools/{world.A.Urn}/team").Expect(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Equal(expected == HttpStatusCode.OK, hub.Contains("Pupils with restricted notes"));

        // The register page's search never matches the note's text.
        var register = await s.Client.GetAsync($"/schools/{world.A.Urn}/register?q=Zanzibar");
        if (register.StatusCode == HttpStatusCode.OK) Assert.DoesNotContain(world.PupilA.Surname, await register.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_document_download_is_an_attachment_and_never_sniffed()
    {
        using var s = await As(SchoolRole.Senco);
        var r = await s.Client.GetAsync($"/documents/{world.NoteDocumentA}").Expect(HttpStatusCode.OK);
        Assert.Equal("attachment", r.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("application/pdf", r.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task A_future_consent_date_is_refused_on_the_page_with_the_field_named()
    {
        using var s = await As(SchoolRole.Senco);
        var path = $"/pupils/{world.PupilA.Id}/team/parents";
        var future = TestWorld.Today.AddDays(10);
        var r = await Post(s, path, new()
        {
            ["Consent.Purpose"] = "Photographs", ["Consent.GivenBy"] = "Mrs Kaur",
            ["Consent.GivenOn.Day"] = future.Day.ToString(), ["Consent.GivenOn.Month"] = future.Month.ToString(), ["Consent.GivenOn.Year"] = future.Year.ToString(),
        }, "Consent");
        await r.ShouldBe(HttpStatusCode.OK);
        var doc = await Html(r);
        var summary = doc.QuerySelector(".govuk-error-summary")!;
        Assert.Contains("today or in the past", summary.TextContent);
        Assert.Contains(doc.QuerySelectorAll(".govuk-error-summary a"), a => a.GetAttribute("href")!.StartsWith("#Consent-GivenOn"));
        Assert.Equal("Photographs", doc.QuerySelector("input[name='Consent.Purpose']")?.GetAttribute("value"));
    }

    [Fact]
    public async Task An_action_without_an_owner_is_refused_on_the_meeting_page()
    {
        using var api = await world.ClientFor(SchoolRole.Senco, "A");
        var meeting = await api.PostJson($"/api/v1/schools/{world.A.Urn}/meetings", new { title = "Pupil progress", kind = "PupilProgress", startsAt = TestWorld.Today.ToString("yyyy-MM-dd") + "T09:00", durationMinutes = 30 })
            .ExpectJson(HttpStatusCode.Created);
        using var s = await As(SchoolRole.Senco);
        var path = $"/meetings/{meeting.Str("id")}";
        var due = TestWorld.Today.AddDays(5);
        var r = await Post(s, path, new()
        {
            ["Action.Description"] = "Phone parents", ["Action.OwnerUserId"] = "",
            ["Action.DueOn.Day"] = due.Day.ToString(), ["Action.DueOn.Month"] = due.Month.ToString(), ["Action.DueOn.Year"] = due.Year.ToString(),
        }, "Action");
        await r.ShouldBe(HttpStatusCode.OK);
        var doc = await Html(r);
        Assert.Contains("every action needs an owner", doc.QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Contains(doc.QuerySelectorAll(".govuk-error-summary a"), a => a.GetAttribute("href") == "#Action-OwnerUserId");

        // With an owner it lands on their task list (the hub), and they can mark it done there.
        var ta = world.User(SchoolRole.TeachingAssistant, "A");
        var ok = await Post(s, path, new()
        {
            ["Action.Description"] = "Share the passport with the lunch staff", ["Action.OwnerUserId"] = ta.Id.ToString(),
            ["Action.DueOn.Day"] = due.Day.ToString(), ["Action.DueOn.Month"] = due.Month.ToString(), ["Action.DueOn.Year"] = due.Year.ToString(),
        }, "Action");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        using var taSession = await As(SchoolRole.TeachingAssistant);
        var hub = await (await taSession.Client.GetAsync($"/schools/{world.A.Urn}/team").Expect(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains("Share the passport with the lunch staff", hub);
    }

    [Fact]
    public async Task A_failed_upload_on_the_page_stores_nothing_and_says_why()
    {
        using var s = await As(SchoolRole.Senco);
        var path = $"/pupils/{world.PupilA.Id}/team/documents";
        var before = world.DocumentCounts();
        var form = new MultipartFormDataContent
        {
            { new StringContent(await s.GetFormTokenAsync(path)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent("<html><script>alert(1)</script></html>"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "Upload", "report.pdf");
        var r = await s.Client.PostAsync($"{path}?handler=Upload", form);
        await r.ShouldBe(HttpStatusCode.OK);
        var doc = await Html(r);
        Assert.Contains("must be a PDF, a Word document (DOCX), a PNG or a JPEG", doc.QuerySelector("#Upload-error")!.TextContent);
        Assert.Equal(before, world.DocumentCounts());

        var good = new MultipartFormDataContent { { new StringContent(await s.GetFormTokenAsync(path)), "__RequestVerificationToken" } };
        good.Add(new ByteArrayContent(TeamWorld.Pdf()), "Upload", "Speech therapy report.pdf");
        var ok = await s.Client.PostAsync($"{path}?handler=Upload", good);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal((before.Documents + 1, before.Contents + 1), world.DocumentCounts());
    }
}
