using System.IO.Compression;
using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Senco.Core.Access;
using Senco.Web.Tests.Infrastructure;
using Senco.Web.Tests.Pages;

namespace Senco.Web.Tests.AccessibilityPlan;

[Collection(AccessibilityPlanCollection.Name)]
public sealed class AccessibilityPlanTests(AccessibilityPlanWorld world)
{
    private Task<PageSession> As(SchoolRole role, string school = "A") => PageSession.SignInAsync(world.Factory, world.User(role, school).Email, TestWorld.Password);
    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd");
    private static readonly HttpStatusCode Ok = HttpStatusCode.OK, No = HttpStatusCode.Forbidden, Gone = HttpStatusCode.NotFound;

    /// Role, school signed in to, then: read the plan, write the plan, read a pupil's adjustments, write them.
    public static TheoryData<SchoolRole, string, HttpStatusCode, HttpStatusCode, HttpStatusCode, HttpStatusCode> Matrix => new()
    {
        { SchoolRole.Senco, "A", Ok, Ok, Ok, Ok },
        { SchoolRole.AssistantSenco, "A", Ok, Ok, Ok, Ok },
        { SchoolRole.SeniorLeader, "A", Ok, Ok, Ok, Ok },
        { SchoolRole.Teacher, "A", Ok, No, Ok, No },
        { SchoolRole.TeachingAssistant, "A", Ok, No, Ok, No },
        { SchoolRole.TrustLead, "A", Ok, No, Ok, No },
        { SchoolRole.SchoolAdmin, "A", Ok, No, No, No },
        { SchoolRole.Governor, "A", Ok, No, No, No },
        { SchoolRole.Senco, "C", Gone, Gone, Gone, Gone },
    };

    [Theory, MemberData(nameof(Matrix))]
    public async Task Pages_and_api_follow_the_role_matrix(SchoolRole role, string school, HttpStatusCode readPlan, HttpStatusCode writePlan, HttpStatusCode readPupil, HttpStatusCode writePupil)
    {
        using var s = await As(role, school);
        var urn = world.A.Urn;
        foreach (var path in new[] { $"/schools/{urn}/accessibility-plan", world.PlanPage, $"{world.PlanPage}?handler=Word", $"{world.PlanPage}?handler=Html", $"{world.PlanPage}?handler=Print", $"/schools/{urn}/reasonable-adjustments" })
            await s.Client.GetAsync(path).Expect(readPlan);
        foreach (var path in new[] { $"{world.PlanPage}/actions/new", $"{world.PlanPage}/actions/{world.ActionId}", $"{world.PlanPage}/actions/{world.ActionId}/complete", $"{world.PlanPage}/approval" })
            await s.Client.GetAsync(path).Expect(writePlan);
        await s.Client.GetAsync($"/pupils/{world.Pupil.Id}/reasonable-adjustments").Expect(readPupil);
        foreach (var path in new[] { "new", $"{world.AgreedId}", $"{world.AgreedId}/decision", $"{world.AgreedId}/review" })
            await s.Client.GetAsync($"/pupils/{world.Pupil.Id}/reasonable-adjustments/{path}").Expect(writePupil);

        using var api = await world.ClientFor(role, school);
        await api.GetAsync(world.PlanApi).Expect(readPlan);
        await api.GetAsync($"{world.PlanApi}/{world.PlanYear}/plan.docx").Expect(readPlan);
        await api.GetAsync($"/api/v1/schools/{urn}/reasonable-adjustments").Expect(readPlan);
        var add = await api.PostJson($"{world.PlanApi}/{world.PlanYear}/actions", new { strand = "Nonsense" });
        await add.ShouldBe(writePlan == Ok ? HttpStatusCode.BadRequest : writePlan);
        await api.GetAsync(world.PupilApi).Expect(readPupil);
        await api.GetAsync($"{world.PupilApi}/{world.AgreedId}").Expect(readPupil);
        var post = await api.PostJson(world.PupilApi, new { area = "Nonsense" });
        await post.ShouldBe(writePupil == Ok ? HttpStatusCode.BadRequest : writePupil);
        var put = await api.PutJson($"{world.PupilApi}/{world.AgreedId}", new { area = "Nonsense", version = 1 });
        await put.ShouldBe(writePupil == Ok ? HttpStatusCode.BadRequest : writePupil);
    }

    [Fact]
    public async Task A_governor_never_sees_a_pupils_name_through_pages_api_or_downloads_only_counts()
    {
        var names = new[] { world.Pupil.Surname, world.Pupil.Forename, world.Pupil.Upn };
        using var s = await As(SchoolRole.Governor);
        var texts = new List<string>();
        foreach (var path in new[] { $"/schools/{world.A.Urn}/reasonable-adjustments", $"/schools/{world.A.Urn}/reasonable-adjustments?decision=Refused", $"/schools/{world.A.Urn}/accessibility-plan", world.PlanPage, $"{world.PlanPage}?handler=Html", $"{world.PlanPage}?handler=Print" })
            texts.Add(await (await s.Client.GetAsync(path).Expect(HttpStatusCode.OK)).Content.ReadAsStringAsync());
        var page = new HtmlParser().ParseDocument(texts[0]);
        Assert.Contains("1 agreed, 0 agreed in part, 1 refused", page.QuerySelector("main")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("a[href*='/pupils/']"));
        using var docx = new MemoryStream(await (await s.Client.GetAsync($"{world.PlanPage}?handler=Word").Expect(HttpStatusCode.OK)).Content.ReadAsByteArrayAsync());
        using (var doc = WordprocessingDocument.Open(docx, false)) texts.Add(doc.MainDocumentPart!.Document!.Body!.InnerText);

        using var api = await world.ClientFor(SchoolRole.Governor, "A");
        var list = await api.GetAsync($"/api/v1/schools/{world.A.Urn}/reasonable-adjustments").ExpectJson(HttpStatusCode.OK);
        Assert.Null(list["items"]);
        Assert.Equal(1, list["counts"]!["refused"]!.GetValue<int>());
        texts.Add(list.ToJsonString());
        texts.Add(await (await api.GetAsync($"{world.PlanApi}/{world.PlanYear}").Expect(HttpStatusCode.OK)).Content.ReadAsStringAsync());
        texts.Add(await (await api.GetAsync($"{world.PlanApi}/{world.PlanYear}/plan.html").Expect(HttpStatusCode.OK)).Content.ReadAsStringAsync());
        foreach (var text in texts)
            foreach (var name in names) Assert.DoesNotContain(name, text);

        // The same list names the pupil for the staff who make the adjustments.
        using var teacher = await As(SchoolRole.Teacher);
        var named = await (await teacher.Client.GetAsync($"/schools/{world.A.Urn}/reasonable-adjustments?decision=Refused").Expect(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains(world.Pupil.Surname, named);
        Assert.DoesNotContain("Rest breaks in the quiet room", named); // the agreed one is filtered out
    }

    [Fact]
    public async Task A_refusal_needs_its_reason_and_dates_follow_the_order_of_events()
    {
        using var api = await world.ClientFor(SchoolRole.Senco, "A");
        var today = TestWorld.Today;
        var bad = await api.PostJson(world.PupilApi, new
        {
            area = "Uniform", barrier = "Sensory", adjustment = "Soft sweatshirt", requestedBy = "Parent", requestedOn = D(today.AddDays(-3)),
            decision = "Refused", decidedOn = D(today.AddDays(-5)), decidedBy = "SENCO", reviewOn = D(today.AddDays(-6)), inPlaceOn = D(today.AddDays(-1)),
        }).ExpectJson(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "decisionReason", "ground", "decidedOn", "reviewOn", "inPlaceOn" }) Assert.NotNull(bad["errors"]![field]);
        Assert.Contains("before the request", bad["errors"]!["decidedOn"]![0]!.GetValue<string>());
        Assert.Contains("cannot be before the decision", bad["errors"]!["reviewOn"]![0]!.GetValue<string>());
        await api.PostJson(world.PupilApi, new { area = "Uniform", requestedOn = "31/02/2026" }).Expect(HttpStatusCode.BadRequest);

        // Nothing half-saved: the rejected change leaves the saved adjustment as it was.
        var before = await api.GetAsync($"{world.PupilApi}/{world.AgreedId}").ExpectJson(HttpStatusCode.OK);
        await api.PutJson($"{world.PupilApi}/{world.AgreedId}", new
        {
            area = "Curriculum", barrier = "Tires in the afternoon", adjustment = "Changed words", requestedBy = "Parent", requestedOn = before.Str("requestedOn"),
            decision = "Refused", decidedOn = before.Str("decidedOn"), decidedBy = "SENCO", version = before["version"]!.GetValue<int>(),
        }).Expect(HttpStatusCode.BadRequest);
        var after = await api.GetAsync($"{world.PupilApi}/{world.AgreedId}").ExpectJson(HttpStatusCode.OK);
        Assert.Equal(before.ToJsonString(), after.ToJsonString());

        // The page says the same thing next to the fields.
        using var s = await As(SchoolRole.Senco);
        var path = $"/pupils/{world.Pupil.Id}/reasonable-adjustments/{world.AgreedId}/decision";
        var r = await s.Client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Decision"] = "Refused", ["Input.DecidedBy"] = "SENCO", ["Version"] = before["version"]!.GetValue<int>().ToString(),
            ["Input.DecidedOn.Day"] = today.Day.ToString(), ["Input.DecidedOn.Month"] = today.Month.ToString(), ["Input.DecidedOn.Year"] = today.Year.ToString(),
            ["__RequestVerificationToken"] = await s.GetFormTokenAsync(path),
        }));
        await r.ShouldBe(HttpStatusCode.OK);
        var doc = new HtmlParser().ParseDocument(await r.Content.ReadAsStringAsync());
        var links = doc.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains("#Input-DecisionReason", links);
        Assert.Contains("#Input-Ground", links);
        Assert.Contains("a refusal must say why", doc.QuerySelector(".govuk-error-summary")!.TextContent);
    }

    [Fact]
    public async Task An_objective_needs_an_owner_and_a_target_date_within_the_plan()
    {
        using var api = await world.ClientFor(SchoolRole.Senco, "A");
        var bad = await api.PostJson($"{world.PlanApi}/{world.PlanYear}/actions", new { strand = "Curriculum", objective = "Clubs open to all" }).ExpectJson(HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["owner"]);
        Assert.NotNull(bad["errors"]!["targetDate"]);
        var outside = await api.PostJson($"{world.PlanApi}/{world.PlanYear}/actions", new { strand = "Curriculum", objective = "Clubs", owner = "PE lead", targetDate = D(new DateOnly(world.PlanYear + 5, 1, 1)) })
            .ExpectJson(HttpStatusCode.BadRequest);
        Assert.Contains("within the plan", outside["errors"]!["targetDate"]![0]!.GetValue<string>());

        using var s = await As(SchoolRole.AssistantSenco);
        var path = $"{world.PlanPage}/actions/new";
        var r = await s.Client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Strand"] = "Information", ["Input.Objective"] = "Large print letters", ["__RequestVerificationToken"] = await s.GetFormTokenAsync(path),
        }));
        await r.ShouldBe(HttpStatusCode.OK);
        var doc = new HtmlParser().ParseDocument(await r.Content.ReadAsStringAsync());
        var links = doc.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains("#Input-Owner", links);
        Assert.Contains(links, l => l.StartsWith("#Input-TargetDate"));
        var plan = await api.GetAsync($"{world.PlanApi}/{world.PlanYear}").ExpectJson(HttpStatusCode.OK);
        Assert.DoesNotContain("Large print letters", plan.ToJsonString());
    }

    [Fact]
    public async Task A_stale_version_is_refused_with_the_saved_record_through_the_api_and_told_on_the_page()
    {
        using var api = await world.ClientFor(SchoolRole.Senco, "A");
        var created = await api.PostJson(world.PupilApi, new
        {
            area = "Information", barrier = "Cannot read small print", adjustment = "Handouts in 18 point", requestedBy = "Staff", requestedOn = D(TestWorld.Today.AddDays(-2)),
        }).ExpectJson(HttpStatusCode.Created);
        var id = created.Str("id");
        var body = new
        {
            area = "Information", barrier = "Cannot read small print", adjustment = "Handouts in 24 point", requestedBy = "Staff", requestedOn = D(TestWorld.Today.AddDays(-2)), version = 1,
        };
        await api.PutJson($"{world.PupilApi}/{id}", body).Expect(HttpStatusCode.OK);
        var conflict = await api.PutJson($"{world.PupilApi}/{id}", body with { adjustment = "stale" }).ExpectJson(HttpStatusCode.Conflict);
        Assert.Equal("Handouts in 24 point", conflict["current"]!.Str("adjustment"));
        using var other = await world.ClientFor(SchoolRole.Senco, "C");
        await other.PutJson($"/api/v1/pupils/{world.Pupil.Id}/reasonable-adjustments/{id}", body with { version = 2 }).Expect(HttpStatusCode.NotFound);

        // The page: a decision saved on the version first read is told, and shown what is saved now.
        using var s = await As(SchoolRole.Senco);
        var path = $"/pupils/{world.Pupil.Id}/reasonable-adjustments/{id}/decision";
        var today = TestWorld.Today;
        var r = await s.Client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Decision"] = "Agreed", ["Input.DecidedBy"] = "SENCO", ["Version"] = "1",
            ["Input.DecidedOn.Day"] = today.Day.ToString(), ["Input.DecidedOn.Month"] = today.Month.ToString(), ["Input.DecidedOn.Year"] = today.Year.ToString(),
            ["__RequestVerificationToken"] = await s.GetFormTokenAsync(path),
        }));
        await r.ShouldBe(HttpStatusCode.OK);
        var html = await r.Content.ReadAsStringAsync();
        Assert.Contains("Someone else changed this adjustment", html);
        Assert.Contains("Handouts in 24 point", new HtmlParser().ParseDocument(html).QuerySelector("#conflict")!.TextContent);
        var saved = await api.GetAsync($"{world.PupilApi}/{id}").ExpectJson(HttpStatusCode.OK);
        Assert.Null(saved["decision"]);

        // An objective of the plan the same way.
        var action = await api.GetAsync($"{world.PlanApi}/{world.PlanYear}").ExpectJson(HttpStatusCode.OK);
        var first = action["strands"]!.AsArray().SelectMany(st => st!["actions"]!.AsArray()).First(a => a!.Str("id") == world.ActionId.ToString())!;
        var version = first["version"]!.GetValue<int>();
        var edit = new { strand = "PhysicalEnvironment", objective = "Step-free access to the library", owner = "Site manager", targetDate = first.Str("targetDate"), status = "InProgress", progress = "Quotes in", version };
        await api.PutJson($"{world.PlanApi}/{world.PlanYear}/actions/{world.ActionId}", edit).Expect(HttpStatusCode.OK);
        var stale = await api.PutJson($"{world.PlanApi}/{world.PlanYear}/actions/{world.ActionId}", edit with { progress = "stale" }).ExpectJson(HttpStatusCode.Conflict);
        Assert.Equal("Quotes in", stale["current"]!.Str("progress"));
    }

    [Fact]
    public async Task The_subject_access_export_holds_the_pupils_adjustments_and_reads_are_audited()
    {
        var before = await world.AuditCountAsync("reasonable-adjustment.read", world.Pupil.Id);
        using var ta = await As(SchoolRole.TeachingAssistant);
        var page = await (await ta.Client.GetAsync($"/pupils/{world.Pupil.Id}/reasonable-adjustments").Expect(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains(AccessibilityPlanWorld.RefusalReason, page);
        Assert.DoesNotContain("Record an adjustment", page);
        using var leader = await world.ClientFor(SchoolRole.SeniorLeader, "A");
        await leader.GetAsync(world.PupilApi).Expect(HttpStatusCode.OK);
        Assert.Equal(before + 2, await world.AuditCountAsync("reasonable-adjustment.read", world.Pupil.Id));
        Assert.True(await world.AuditCountAsync("reasonable-adjustment.create", world.Pupil.Id) >= 2);

        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        var sar = await senco.PostJson($"/api/v1/schools/{world.A.Urn}/subject-access-requests", new
        {
            upn = world.Pupil.Upn, receivedOn = D(TestWorld.Today.AddDays(-1)), requester = "Mx Brackenbury", relationship = "Parent",
        }).ExpectJson(HttpStatusCode.Created);
        var zipResponse = await senco.GetAsync($"/api/v1/schools/{world.A.Urn}/subject-access-requests/{sar.Str("id")}/export.zip").Expect(HttpStatusCode.OK);
        using var zip = new ZipArchive(new MemoryStream(await zipResponse.Content.ReadAsByteArrayAsync()));
        var entry = zip.GetEntry("reasonable-adjustments/adjustments.csv");
        Assert.NotNull(entry);
        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        var csv = await reader.ReadToEndAsync();
        Assert.Contains("Rest breaks in the quiet room", csv);
        Assert.Contains(AccessibilityPlanWorld.RefusalReason, csv);
        Assert.Contains("Refused", csv);
    }

    [Fact]
    public async Task The_word_document_has_the_three_strands_as_headings_and_approval_marks_the_review()
    {
        using var s = await As(SchoolRole.Governor);
        var r = await s.Client.GetAsync($"{world.PlanPage}?handler=Word").Expect(HttpStatusCode.OK);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", r.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await r.Content.ReadAsByteArrayAsync());
        using var doc = WordprocessingDocument.Open(stream, false);
        var headings = doc.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading2").Select(p => p.InnerText).ToList();
        Assert.Equal(["Increasing access to the curriculum", "Improving the physical environment", "Improving the delivery of information"], headings);
        Assert.Contains("Step-free access to the library", doc.MainDocumentPart.Document.Body.InnerText);

        using var api = await world.ClientFor(SchoolRole.SeniorLeader, "A");
        var plan = await api.GetAsync($"{world.PlanApi}/{world.PlanYear}").ExpectJson(HttpStatusCode.OK);
        var version = plan["version"]!.GetValue<int>();
        var today = TestWorld.Today;
        var bad = await api.PutJson($"{world.PlanApi}/{world.PlanYear}/approval", new { approvedOn = D(today), approvedBy = "Full governing body", nextReviewOn = D(today.AddDays(-1)), version })
            .ExpectJson(HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["nextReviewOn"]);
        var ok = await api.PutJson($"{world.PlanApi}/{world.PlanYear}/approval", new { approvedOn = D(today), approvedBy = "Full governing body", nextReviewOn = D(today.AddYears(1)), version })
            .ExpectJson(HttpStatusCode.OK);
        Assert.Equal(D(today.AddYears(1)), ok.Str("nextReviewOn"));
        await api.PutJson($"{world.PlanApi}/{world.PlanYear}/approval", new { approvedOn = D(today), approvedBy = "Committee", nextReviewOn = D(today.AddYears(1)), version })
            .Expect(HttpStatusCode.Conflict);
        var html = await (await s.Client.GetAsync(world.PlanPage).Expect(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains("Approved", html);
        Assert.DoesNotContain("Review overdue", html);
    }
}
