using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using static Senco.Web.Tests.Graduated.GraduatedFixture;

namespace Senco.Web.Tests.Graduated;

/// Learning passports through the API: writing, the role matrix (a teacher sees their own pupils only; a TA proposes
/// but cannot approve), proposals and approval, "read by", the photo and the Word document.
[Collection(GraduatedCollection.Name)]
public sealed class PassportApiTests(GraduatedFixture app)
{
    public static object PassportBody(int? version = null, string aboutMe = "Funny, kind and a brilliant builder", string? important = null) => new
    {
        aboutMe, aboutMeOwnWords = true,
        importantToMe = important ?? "My dog Biscuit and football on Saturdays", importantToMeOwnWords = true,
        howToSupportMe = "Give me time to think before I answer", howToSupportMeOwnWords = false,
        keyStrategies = new[] { "Sit near the front", "Visual timetable" },
        version,
    };

    /// A 1×1 PNG.
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private async Task<JsonNode> WritePassportAsync(Guid pupil, object? body = null)
    {
        using var senco = await app.ApiAsAsync("senco");
        return await Send(senco.PutAsync($"/api/v1/pupils/{pupil}/passport", Json(body ?? PassportBody())), HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_senco_writes_a_passport_and_a_stale_second_save_is_refused_with_the_change_shown()
    {
        var pupil = await app.NewPupilAsync(UrnA);
        var created = await WritePassportAsync(pupil);
        Assert.Equal(1, created["version"]!.GetValue<int>());
        Assert.Equal(Today.ToString("yyyy-MM-dd"), created["lastReviewedOn"]!.GetValue<string>());
        Assert.Equal(Today.AddMonths(6).ToString("yyyy-MM-dd"), created["reviewDue"]!.GetValue<string>());
        Assert.Equal(["Sit near the front", "Visual timetable"], created["keyStrategies"]!.AsArray().Select(s => s!.GetValue<string>()));

        using var senco = await app.ApiAsAsync("senco");
        using var assistant = await app.ApiAsAsync("assistant");
        await Send(senco.PutAsync($"/api/v1/pupils/{pupil}/passport", Json(PassportBody(1, aboutMe: "Ruth's words"))), HttpStatusCode.OK);
        var conflict = await Send(assistant.PutAsync($"/api/v1/pupils/{pupil}/passport", Json(PassportBody(1, aboutMe: "Tom's words"))), HttpStatusCode.Conflict);
        Assert.Equal("Ruth's words", conflict["current"]!["aboutMe"]!.GetValue<string>());
        await Send(assistant.PutAsync($"/api/v1/pupils/{pupil}/passport", Json(PassportBody(null))), HttpStatusCode.BadRequest);

        var bad = await Send(senco.PutAsync($"/api/v1/pupils/{pupil}/passport", Json(new { aboutMe = "", importantToMe = new string('x', 1501), howToSupportMe = "ok", version = 2 })), HttpStatusCode.BadRequest);
        Assert.True(bad["errors"]!.AsObject().ContainsKey("aboutMe"));
        Assert.Equal("What is important to me must be 1,500 characters or fewer", bad["errors"]!["importantToMe"]![0]!.GetValue<string>());
    }

    [Theory]
    // A teacher reads the passports of the pupils they teach; another pupil of their school is forbidden;
    // another school's pupil is not found, whoever asks.
    [InlineData("teacher", "P1", HttpStatusCode.OK)]
    [InlineData("teacher", "P2", HttpStatusCode.Forbidden)]
    [InlineData("teacher2", "P1", HttpStatusCode.Forbidden)]
    [InlineData("teacher", "PB", HttpStatusCode.NotFound)]
    [InlineData("ta", "P1", HttpStatusCode.OK)]
    [InlineData("ta", "P2", HttpStatusCode.OK)]
    [InlineData("head", "P2", HttpStatusCode.OK)]
    [InlineData("assistant", "P2", HttpStatusCode.OK)]
    [InlineData("office", "P1", HttpStatusCode.Forbidden)]
    [InlineData("governor", "P1", HttpStatusCode.Forbidden)]
    [InlineData("sencoB", "P1", HttpStatusCode.NotFound)]
    [InlineData("senco", "PB", HttpStatusCode.NotFound)]
    public async Task Role_matrix_for_reading_a_passport(string user, string pupilKey, HttpStatusCode expected)
    {
        await EnsurePassportsAsync();
        var pupil = pupilKey switch { "P1" => app.P1, "P2" => app.P2, _ => app.PB };
        using var client = await app.ApiAsAsync(user);
        await Send(client.GetAsync($"/api/v1/pupils/{pupil}/passport"), expected);
        var docx = await client.GetAsync($"/api/v1/pupils/{pupil}/passport.docx");
        Assert.Equal(expected, docx.StatusCode);
        var read = await client.PostAsync($"/api/v1/pupils/{pupil}/passport/reads", null);
        Assert.Equal(expected == HttpStatusCode.OK ? HttpStatusCode.Created : expected, read.StatusCode);
    }

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static bool _written;

    private async Task EnsurePassportsAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_written) return;
            foreach (var (pupil, user) in new[] { (app.P1, "senco"), (app.P2, "senco"), (app.PB, "sencoB") })
            {
                using var c = await app.ApiAsAsync(user);
                var r = await c.GetAsync($"/api/v1/pupils/{pupil}/passport");
                if (r.StatusCode == HttpStatusCode.NotFound)
                    await Send(c.PutAsync($"/api/v1/pupils/{pupil}/passport", Json(PassportBody())), HttpStatusCode.Created);
            }
            _written = true;
        }
        finally { Once.Release(); }
    }

    [Fact]
    public async Task A_teacher_sees_the_strategies_of_their_pupils_current_plan_with_the_passport()
    {
        var pupil = await app.NewPupilAsync(UrnA);
        using var senco = await app.ApiAsAsync("senco");
        await Send(senco.PostAsync($"/api/v1/pupils/{pupil}/support-plans", Json(SupportPlanApiTests.PlanBody())), HttpStatusCode.Created);
        await WritePassportAsync(pupil);
        await Send(senco.PutAsync($"/api/v1/teaching-groups/{app.TeachersGroupId}", Json(new { name = "5T", yearGroup = "5", pupilIds = new[] { app.P1, pupil }, teacherIds = new[] { app.UserIds["teacher"] } })), HttpStatusCode.OK);
        using var teacher = await app.ApiAsAsync("teacher");
        var passport = await Send(teacher.GetAsync($"/api/v1/pupils/{pupil}/passport"), HttpStatusCode.OK);
        Assert.Equal("Processing time: wait ten seconds", passport["currentPlanStrategies"]![0]!["description"]!.GetValue<string>());
        // ... but not the plan itself: the assessment and the parents' views are not a teacher's to read.
        await Send(teacher.GetAsync($"/api/v1/pupils/{pupil}/support-plans/current"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_ta_proposes_a_change_that_only_the_senco_can_approve_and_the_diff_is_shown()
    {
        var pupil = await app.NewPupilAsync(UrnA);
        await WritePassportAsync(pupil);
        using var ta = await app.ApiAsAsync("ta");
        await Send(ta.PutAsync($"/api/v1/pupils/{pupil}/passport", Json(PassportBody(1, aboutMe: "TA edits directly"))), HttpStatusCode.Forbidden);

        var same = await Send(ta.PostAsync($"/api/v1/pupils/{pupil}/passport/proposals", Json(PassportBody())), HttpStatusCode.BadRequest);
        Assert.True(same["errors"]!.AsObject().ContainsKey("content"));
        var proposal = await Send(ta.PostAsync($"/api/v1/pupils/{pupil}/passport/proposals",
            Json(new { aboutMe = "Funny, kind and a brilliant builder", aboutMeOwnWords = true, importantToMe = "My dog Biscuit, football and swimming", importantToMeOwnWords = true,
                howToSupportMe = "Give me time to think before I answer", keyStrategies = new[] { "Sit near the front", "Visual timetable", "Movement breaks" }, note = "Started swimming", basedOnVersion = 1 })),
            HttpStatusCode.Created);
        var id = proposal["id"]!.GetValue<int>();
        Assert.Equal("Pending", proposal["status"]!.GetValue<string>());

        await Send(ta.PostAsync($"/api/v1/passport-proposals/{id}/approve", Json(new { })), HttpStatusCode.Forbidden);
        using var teacher = await app.ApiAsAsync("teacher");
        await Send(teacher.GetAsync($"/api/v1/passport-proposals/{id}"), HttpStatusCode.Forbidden);
        using var other = await app.ApiAsAsync("sencoB");
        await Send(other.PostAsync($"/api/v1/passport-proposals/{id}/approve", Json(new { })), HttpStatusCode.NotFound);
        // The proposer may follow their own proposal.
        await Send(ta.GetAsync($"/api/v1/passport-proposals/{id}"), HttpStatusCode.OK);

        using var senco = await app.ApiAsAsync("senco");
        var shown = await Send(senco.GetAsync($"/api/v1/passport-proposals/{id}"), HttpStatusCode.OK);
        var changes = shown["changes"]!.AsArray();
        Assert.Equal(["importantToMe", "keyStrategies"], changes.Where(c => c!["changed"]!.GetValue<bool>()).Select(c => c!["field"]!.GetValue<string>()));
        Assert.Contains("swimming", changes[1]!["after"]!.GetValue<string>());
        Assert.False(shown["passportChangedSince"]!.GetValue<bool>());

        var approved = await Send(senco.PostAsync($"/api/v1/passport-proposals/{id}/approve", Json(new { note = "Thank you", passportVersion = 1 })), HttpStatusCode.OK);
        Assert.Equal("Approved", approved["status"]!.GetValue<string>());
        var passport = await Send(senco.GetAsync($"/api/v1/pupils/{pupil}/passport"), HttpStatusCode.OK);
        Assert.Equal("My dog Biscuit, football and swimming", passport["importantToMe"]!.GetValue<string>());
        Assert.Equal(2, passport["version"]!.GetValue<int>());
        await Send(senco.PostAsync($"/api/v1/passport-proposals/{id}/decline", Json(new { note = "too late" })), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Approving_against_a_passport_that_changed_since_is_refused_and_declining_needs_a_note()
    {
        var pupil = await app.NewPupilAsync(UrnA);
        await WritePassportAsync(pupil);
        using var ta = await app.ApiAsAsync("ta");
        var proposal = await Send(ta.PostAsync($"/api/v1/pupils/{pupil}/passport/proposals", Json(PassportBody(aboutMe: "A TA's change"))), HttpStatusCode.Created);
        var id = proposal["id"]!.GetValue<int>();
        using var senco = await app.ApiAsAsync("senco");
        await Send(senco.PutAsync($"/api/v1/pupils/{pupil}/passport", Json(PassportBody(1, aboutMe: "The SENCO's change meanwhile"))), HttpStatusCode.OK);
        var shown = await Send(senco.GetAsync($"/api/v1/passport-proposals/{id}"), HttpStatusCode.OK);
        Assert.True(shown["passportChangedSince"]!.GetValue<bool>());
        await Send(senco.PostAsync($"/api/v1/passport-proposals/{id}/approve", Json(new { passportVersion = 1 })), HttpStatusCode.Conflict);
        var noNote = await Send(senco.PostAsync($"/api/v1/passport-proposals/{id}/decline", Json(new { note = "" })), HttpStatusCode.BadRequest);
        Assert.True(noNote["errors"]!.AsObject().ContainsKey("note"));
        await Send(senco.PostAsync($"/api/v1/passport-proposals/{id}/decline", Json(new { note = "Superseded by today's review" })), HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_teacher_may_propose_only_for_a_pupil_they_teach()
    {
        await EnsurePassportsAsync();
        using var teacher = await app.ApiAsAsync("teacher");
        await Send(teacher.PostAsync($"/api/v1/pupils/{app.P2}/passport/proposals", Json(PassportBody(aboutMe: "x"))), HttpStatusCode.Forbidden);
        await Send(teacher.PostAsync($"/api/v1/pupils/{app.P1}/passport/proposals", Json(PassportBody(aboutMe: "A teacher's suggestion " + Guid.NewGuid()))), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Read_by_records_who_read_which_version_and_shows_a_changed_passport_as_unread()
    {
        var pupil = await app.NewPupilAsync(UrnA);
        await WritePassportAsync(pupil);
        using var ta = await app.ApiAsAsync("ta");
        var read = await Send(ta.PostAsync($"/api/v1/pupils/{pupil}/passport/reads", null), HttpStatusCode.Created);
        Assert.Equal(1, read["version"]!.GetValue<int>());
        await Send(ta.PostAsync($"/api/v1/pupils/{pupil}/passport/reads", null), HttpStatusCode.Created);
        await Send(ta.GetAsync($"/api/v1/pupils/{pupil}/passport/reads"), HttpStatusCode.Forbidden);

        using var senco = await app.ApiAsAsync("senco");
        var reads = await Send(senco.GetAsync($"/api/v1/pupils/{pupil}/passport/reads"), HttpStatusCode.OK);
        var only = Assert.Single(reads.AsArray());
        Assert.Equal("ta person", only!["name"]!.GetValue<string>());
        Assert.True(only["currentVersion"]!.GetValue<bool>());

        await Send(senco.PutAsync($"/api/v1/pupils/{pupil}/passport", Json(PassportBody(1, aboutMe: "Changed"))), HttpStatusCode.OK);
        reads = await Send(senco.GetAsync($"/api/v1/pupils/{pupil}/passport/reads"), HttpStatusCode.OK);
        Assert.False(reads[0]!["currentVersion"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_word_document_opens_and_holds_the_passport_text_and_photo()
    {
        var pupil = await app.NewPupilAsync(UrnA, forename: "Zoë");
        await WritePassportAsync(pupil, PassportBody(aboutMe: "Brilliant at drawing dragons & castles <3"));
        using var senco = await app.ApiAsAsync("senco");
        var put = await senco.PutAsync($"/api/v1/pupils/{pupil}/passport/photo", new ByteArrayContent(Png) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } });
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);

        var r = await senco.GetAsync($"/api/v1/pupils/{pupil}/passport.docx");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", r.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".docx", r.Content.Headers.ContentDisposition?.FileNameStar ?? r.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var stream = new MemoryStream(await r.Content.ReadAsByteArrayAsync());
        using var doc = WordprocessingDocument.Open(stream, false);
        var text = doc.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("Zoë", text);
        Assert.Contains("my learning passport", text);
        Assert.Contains("Brilliant at drawing dragons & castles <3", text);
        Assert.Contains("What is important to me (in my own words)", text);
        Assert.Contains("How best to support me", text);
        Assert.Contains("Give me time to think before I answer", text);
        Assert.Contains("Visual timetable", text);
        Assert.Single(doc.MainDocumentPart.ImageParts);
    }

    [Fact]
    public async Task The_photo_is_checked_by_its_content_and_served_only_to_those_who_may_read_the_passport()
    {
        await EnsurePassportsAsync();
        using var senco = await app.ApiAsAsync("senco");
        ByteArrayContent Body(byte[] bytes, string type) => new(bytes) { Headers = { ContentType = new MediaTypeHeaderValue(type) } };
        // A script called photo.png is not a photo.
        var svg = await senco.PutAsync($"/api/v1/pupils/{app.P1}/passport/photo", Body("<svg onload=alert(1)></svg>"u8.ToArray(), "image/png"));
        var problem = await Send(Task.FromResult(svg), HttpStatusCode.BadRequest);
        Assert.Equal("The photo must be a PNG or JPEG image", problem["errors"]!["photo"]![0]!.GetValue<string>());
        var big = new byte[2 * 1024 * 1024 + 10];
        Png.CopyTo(big, 0);
        var tooBig = await Send(senco.PutAsync($"/api/v1/pupils/{app.P1}/passport/photo", Body(big, "image/png")), HttpStatusCode.BadRequest);
        Assert.Equal("The photo must be smaller than 2 MB", tooBig["errors"]!["photo"]![0]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await senco.PutAsync($"/api/v1/pupils/{app.P1}/passport/photo", Body(Png, "application/octet-stream"))).StatusCode);
        using var teacher = await app.ApiAsAsync("teacher");
        var photo = await teacher.GetAsync($"/api/v1/pupils/{app.P1}/passport/photo");
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/png", photo.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await photo.Content.ReadAsByteArrayAsync());
        using var teacher2 = await app.ApiAsAsync("teacher2");
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher2.GetAsync($"/api/v1/pupils/{app.P1}/passport/photo")).StatusCode);
        using var other = await app.ApiAsAsync("sencoB");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/pupils/{app.P1}/passport/photo")).StatusCode);
        using var anon = app.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anon.GetAsync($"/api/v1/pupils/{app.P1}/passport/photo")).StatusCode);
        using var ta = await app.ApiAsAsync("ta");
        Assert.Equal(HttpStatusCode.Forbidden, (await ta.PutAsync($"/api/v1/pupils/{app.P1}/passport/photo", Body(Png, "image/png"))).StatusCode);
    }

    [Fact]
    public async Task The_passport_review_interval_is_the_schools_choice()
    {
        await EnsurePassportsAsync();
        using var assistant = await app.ApiAsAsync("assistant");
        await Send(assistant.PutAsync($"/api/v1/schools/{UrnA}/graduated-settings", Json(new { passportReviewMonths = 4 })), HttpStatusCode.Forbidden);
        using var senco = await app.ApiAsAsync("sencoB");
        var bad = await Send(senco.PutAsync($"/api/v1/schools/{UrnB}/graduated-settings", Json(new { passportReviewMonths = 13 })), HttpStatusCode.BadRequest);
        Assert.True(bad["errors"]!.AsObject().ContainsKey("passportReviewMonths"));
        await Send(senco.PutAsync($"/api/v1/schools/{UrnB}/graduated-settings", Json(new { passportReviewMonths = 3 })), HttpStatusCode.OK);
        var passport = await Send(senco.GetAsync($"/api/v1/pupils/{app.PB}/passport"), HttpStatusCode.OK);
        var last = DateOnly.Parse(passport["lastReviewedOn"]!.GetValue<string>());
        Assert.Equal(last.AddMonths(3).ToString("yyyy-MM-dd"), passport["reviewDue"]!.GetValue<string>());
        await Send(senco.PutAsync($"/api/v1/schools/{UrnA}/graduated-settings", Json(new { passportReviewMonths = 3 })), HttpStatusCode.NotFound);
    }
}
