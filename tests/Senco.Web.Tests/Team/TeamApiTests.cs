using System.Net;
using Senco.Core.Access;
using Senco.Web.Tests.Infrastructure;

namespace Senco.Web.Tests.Team;

[Collection(TeamCollection.Name)]
public sealed class TeamApiTests(TeamWorld world)
{
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd");
    private static DateOnly Today => TestWorld.Today;

    public static TheoryData<SchoolRole, string, HttpStatusCode> ReferralReaders => new()
    {
        { SchoolRole.Senco, "A", HttpStatusCode.OK },
        { SchoolRole.AssistantSenco, "A", HttpStatusCode.OK },
        { SchoolRole.SeniorLeader, "A", HttpStatusCode.OK },
        { SchoolRole.TrustLead, "A", HttpStatusCode.OK },
        { SchoolRole.Teacher, "A", HttpStatusCode.Forbidden },
        { SchoolRole.TeachingAssistant, "A", HttpStatusCode.Forbidden },
        { SchoolRole.Governor, "A", HttpStatusCode.Forbidden },
        { SchoolRole.SchoolAdmin, "A", HttpStatusCode.Forbidden },
        { SchoolRole.Senco, "B", HttpStatusCode.NotFound },
        { SchoolRole.Senco, "C", HttpStatusCode.NotFound },
        { SchoolRole.TrustLead, "C", HttpStatusCode.NotFound },
    };

    [Theory, MemberData(nameof(ReferralReaders))]
    public async Task Referrals_contacts_and_the_log_are_read_by_those_who_lead_or_oversee_SEN(SchoolRole role, string school, HttpStatusCode expected)
    {
        using var c = await world.ClientFor(role, school);
        foreach (var path in new[] { "referrals", "contacts", "consents", "communications", "voice", "safeguarding", "early-help-plans", "documents" })
            await c.GetAsync($"/api/v1/pupils/{world.PupilA.Id}/{path}").Expect(expected);
        await c.GetAsync($"/api/v1/referrals/{world.ReferralA}").Expect(expected);
    }

    public static TheoryData<SchoolRole, string, HttpStatusCode> NoteReaders => new()
    {
        { SchoolRole.Senco, "A", HttpStatusCode.OK },
        { SchoolRole.Teacher, "A", HttpStatusCode.OK }, // named as the school's DSL
        { SchoolRole.AssistantSenco, "A", HttpStatusCode.Forbidden },
        { SchoolRole.SeniorLeader, "A", HttpStatusCode.Forbidden }, // school A allows no further roles
        { SchoolRole.TrustLead, "A", HttpStatusCode.Forbidden },
        { SchoolRole.TeachingAssistant, "A", HttpStatusCode.Forbidden },
        { SchoolRole.SchoolAdmin, "A", HttpStatusCode.Forbidden },
        { SchoolRole.Governor, "A", HttpStatusCode.Forbidden },
        { SchoolRole.Senco, "B", HttpStatusCode.NotFound },
        { SchoolRole.SeniorLeader, "B", HttpStatusCode.NotFound },
        { SchoolRole.Senco, "C", HttpStatusCode.NotFound },
    };

    [Theory, MemberData(nameof(NoteReaders))]
    public async Task Restricted_notes_and_their_attachments_open_only_for_the_SENCO_the_DSL_and_allowed_roles(SchoolRole role, string school, HttpStatusCode expected)
    {
        using var c = await world.ClientFor(role, school);
        var before = await world.AuditCountAsync("restricted.open", world.PupilA.Id);
        var r = await c.GetAsync($"/api/v1/restricted-notes/{world.NoteA}");
        await r.ShouldBe(expected);
        var body = await r.Content.ReadAsStringAsync();
        Assert.Equal(expected == HttpStatusCode.OK, body.Contains(TeamWorld.Secret));
        Assert.Equal(before + (expected == HttpStatusCode.OK ? 1 : 0), await world.AuditCountAsync("restricted.open", world.PupilA.Id));

        await c.GetAsync($"/api/v1/pupils/{world.PupilA.Id}/restricted-notes").Expect(expected);
        await c.GetAsync($"/api/v1/restricted-notes/{world.NoteA}/documents").Expect(expected);
        var file = await c.GetAsync($"/api/v1/documents/{world.NoteDocumentA}");
        await file.ShouldBe(expected);
        if (expected == HttpStatusCode.OK) Assert.StartsWith("%PDF", await file.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_school_may_allow_senior_leaders_to_open_restricted_notes()
    {
        using var head = await world.ClientFor(SchoolRole.SeniorLeader, "B");
        var r = await head.GetAsync($"/api/v1/restricted-notes/{world.NoteB}").ExpectJson(HttpStatusCode.OK);
        Assert.Equal("Medication", r.Str("title"));
        // The trust lead sees B but is never an allowed role; B's assistant SENCO is not allowed either.
        using var trust = await world.ClientFor(SchoolRole.TrustLead, "A");
        await trust.GetAsync($"/api/v1/restricted-notes/{world.NoteB}").Expect(HttpStatusCode.Forbidden);
        using var assistant = await world.ClientFor(SchoolRole.AssistantSenco, "B");
        await assistant.GetAsync($"/api/v1/restricted-notes/{world.NoteB}").Expect(HttpStatusCode.Forbidden);
        // Governors and trust leads cannot be allowed.
        using var senco = await world.ClientFor(SchoolRole.Senco, "B");
        var bad = await senco.PutJson($"/api/v1/schools/{world.B.Urn}/team-settings", new { restrictedNoteRoles = new[] { "Governor" }, maxUploadMegabytes = 10 });
        await bad.ShouldBeValidationProblemOn("restrictedNoteRoles");
        // A teacher may not change the designations.
        using var teacher = await world.ClientFor(SchoolRole.Teacher, "B");
        await teacher.PutJson($"/api/v1/schools/{world.B.Urn}/team-settings", new { restrictedNoteRoles = new[] { "Teacher" }, maxUploadMegabytes = 10 }).Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Restricted_text_is_never_matched_by_register_search_nor_exported()
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        var found = await senco.GetAsync($"/api/v1/schools/{world.A.Urn}/register?q={Uri.EscapeDataString("Zanzibar")}").ExpectJson(HttpStatusCode.OK);
        Assert.Equal(0, found["count"]!.GetValue<int>());
        var csv = await (await senco.GetAsync($"/api/v1/schools/{world.A.Urn}/register.csv").Expect(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains(world.PupilA.Upn, csv);
        Assert.DoesNotContain("Zanzibar", csv);
        var xlsx = await (await senco.GetAsync($"/api/v1/schools/{world.A.Urn}/register.xlsx").Expect(HttpStatusCode.OK)).Content.ReadAsByteArrayAsync();
        using var ms = new MemoryStream(xlsx);
        var rows = MiniExcelLibs.MiniExcel.Query(ms).ToList();
        Assert.NotEmpty(rows);
        Assert.DoesNotContain(rows, row => ((IDictionary<string, object>)row).Values.Any(v => v?.ToString()?.Contains("Zanzibar") == true));
        // Nor does the audit trail carry the note's text (the search term itself is audited as a filter).
        var (scope, db) = world.SystemDb();
        using (scope) Assert.DoesNotContain(db.AuditEntries, e => e.Summary.Contains(TeamWorld.Secret));
    }

    [Fact]
    public async Task Documents_are_typed_by_content_limited_in_size_served_as_attachments_and_audited()
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        var pupil = world.PupilA.Id;
        var before = world.DocumentCounts();

        // A text file named .pdf, a ZIP that is not a Word document, an empty file, one over the school's 2 MB limit.
        var text = await senco.PostAsync($"/api/v1/pupils/{pupil}/documents?fileName=report.pdf", new ByteArrayContent("MZ not really a pdf"u8.ToArray()));
        Assert.Contains("PDF", (await text.ShouldBeValidationProblemOn("file"))[0]);
        await (await senco.PostAsync($"/api/v1/pupils/{pupil}/documents?fileName=book.docx", new ByteArrayContent(TeamWorld.Zip("[Content_Types].xml", "xl/workbook.xml")))).ShouldBeValidationProblemOn("file");
        await (await senco.PostAsync($"/api/v1/pupils/{pupil}/documents?fileName=empty.pdf", new ByteArrayContent([]))).ShouldBeValidationProblemOn("file");
        var big = new byte[2 * 1024 * 1024 + 10];
        "%PDF-"u8.CopyTo(big);
        var tooBig = await (await senco.PostAsync($"/api/v1/pupils/{pupil}/documents?fileName=big.pdf", new ByteArrayContent(big))).ShouldBeValidationProblemOn("file");
        Assert.Contains("2 MB", tooBig[0]);
        Assert.Equal(before, world.DocumentCounts());

        // A real DOCX named .exe is stored as a Word document, named for what it is.
        var docx = await senco.PostAsync($"/api/v1/pupils/{pupil}/documents?fileName=..%2F..%2Fsetup.exe", new ByteArrayContent(TeamWorld.Docx())).ExpectJson(HttpStatusCode.Created);
        Assert.Equal("setup.docx", docx.Str("fileName"));
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Str("contentType"));
        Assert.Equal((before.Documents + 1, before.Contents + 1), world.DocumentCounts());

        var downloads = await world.AuditCountAsync("document.download", pupil);
        var r = await senco.GetAsync($"/api/v1/documents/{docx.Str("id")}").Expect(HttpStatusCode.OK);
        Assert.Equal("attachment", r.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(downloads + 1, await world.AuditCountAsync("document.download", pupil));

        // A teacher may not read the pupil's documents; another school cannot learn it exists.
        using var teacher = await world.ClientFor(SchoolRole.TeachingAssistant, "A");
        await teacher.GetAsync($"/api/v1/documents/{docx.Str("id")}").Expect(HttpStatusCode.Forbidden);
        using var other = await world.ClientFor(SchoolRole.Senco, "C");
        await other.GetAsync($"/api/v1/documents/{docx.Str("id")}").Expect(HttpStatusCode.NotFound);
        await other.PostAsync($"/api/v1/pupils/{pupil}/documents?fileName=x.pdf", new ByteArrayContent(TeamWorld.Pdf())).Expect(HttpStatusCode.NotFound);
        // A senior leader reads but does not upload.
        using var head = await world.ClientFor(SchoolRole.SeniorLeader, "A");
        await head.PostAsync($"/api/v1/pupils/{pupil}/documents?fileName=x.pdf", new ByteArrayContent(TeamWorld.Pdf())).Expect(HttpStatusCode.Forbidden);
        Assert.Equal((before.Documents + 1, before.Contents + 1), world.DocumentCounts());
    }

    [Fact]
    public async Task Consent_cannot_be_dated_in_the_future_and_a_withdrawal_shows_on_the_referral()
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        var pupil = (await world.AddPupilAsync("A", "Nia", "Consentova", "4", status: "K", needs: ["SLCN"])).Id;
        var future = await senco.PostJson($"/api/v1/pupils/{pupil}/consents", new { purpose = "Referral to EP", givenBy = "Mr Consentova", givenOn = Iso(Today.AddDays(1)) });
        Assert.Contains("today or in the past", (await future.ShouldBeValidationProblemOn("givenOn"))[0]);

        var consent = await senco.PostJson($"/api/v1/pupils/{pupil}/consents", new { purpose = "Referral to EP", givenBy = "Mr Consentova", givenOn = Iso(Today.AddDays(-3)) }).ExpectJson(HttpStatusCode.Created);
        var referral = await senco.PostJson($"/api/v1/pupils/{pupil}/referrals", new { agencyId = world.AgencyA, reason = "Assessment", status = "Sent", sentOn = Iso(Today.AddDays(-2)), consentId = consent.Str("id") })
            .ExpectJson(HttpStatusCode.Created);
        Assert.True(referral["consentInPlace"]!.GetValue<bool>());

        await (await senco.PostJson($"/api/v1/consents/{consent.Str("id")}/withdraw", new { withdrawnOn = Iso(Today.AddDays(-5)) })).ShouldBeValidationProblemOn("withdrawnOn");
        await (await senco.PostJson($"/api/v1/consents/{consent.Str("id")}/withdraw", new { withdrawnOn = Iso(Today.AddDays(2)) })).ShouldBeValidationProblemOn("withdrawnOn");
        var withdrawn = await senco.PostJson($"/api/v1/consents/{consent.Str("id")}/withdraw", new { withdrawnOn = Iso(Today) }).ExpectJson(HttpStatusCode.OK);
        Assert.Equal(Iso(Today), withdrawn.Str("withdrawnOn"));
        Assert.False(withdrawn["inPlace"]!.GetValue<bool>());

        var after = await senco.GetAsync($"/api/v1/referrals/{referral.Str("id")}").ExpectJson(HttpStatusCode.OK);
        Assert.False(after["consentInPlace"]!.GetValue<bool>());
        Assert.Equal(Iso(Today), after["consent"]!.Str("withdrawnOn"));
        // A new referral cannot rest on withdrawn consent.
        var again = await senco.PostJson($"/api/v1/pupils/{pupil}/referrals", new { agencyId = world.AgencyA, reason = "Again", status = "Sent", sentOn = Iso(Today), consentId = consent.Str("id") });
        await again.ShouldBeValidationProblemOn("consentId");
    }

    [Fact]
    public async Task Referrals_record_waits_per_agency_and_refuse_a_stale_version()
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        var agency = await senco.PostJson($"/api/v1/schools/{world.A.Urn}/agencies", new { name = "Eastbrook Educational Psychology", kind = "EducationalPsychology" }).ExpectJson(HttpStatusCode.Created);
        var pupil = world.BasePupil("A", "E").Id;
        var r = await senco.PostJson($"/api/v1/pupils/{pupil}/referrals", new { agencyId = agency.Str("id"), reason = "Cognitive assessment", status = "Sent", sentOn = Iso(Today.AddDays(-30)) })
            .ExpectJson(HttpStatusCode.Created);
        var seen = await senco.PutJson($"/api/v1/referrals/{r.Str("id")}", new { reason = "Cognitive assessment", status = "Seen", sentOn = Iso(Today.AddDays(-30)), seenOn = Iso(Today.AddDays(-9)), outcome = "Report to follow", version = 1 })
            .ExpectJson(HttpStatusCode.OK);
        Assert.Equal(21, seen["waitDays"]!.GetValue<int>());
        var stale = await senco.PutJson($"/api/v1/referrals/{r.Str("id")}", new { reason = "Changed", status = "Closed", sentOn = Iso(Today.AddDays(-30)), seenOn = Iso(Today.AddDays(-9)), version = 1 });
        var problem = await stale.ShouldBeProblem(HttpStatusCode.Conflict);
        Assert.Equal("Seen", problem["current"]!.Str("status"));

        // Seen before sent, seen without a date: field errors.
        await (await senco.PutJson($"/api/v1/referrals/{r.Str("id")}", new { reason = "x", status = "Seen", sentOn = Iso(Today.AddDays(-30)), seenOn = Iso(Today.AddDays(-31)), version = 2 })).ShouldBeValidationProblemOn("seenOn");

        var agencies = await senco.GetAsync($"/api/v1/schools/{world.A.Urn}/agencies").ExpectJson(HttpStatusCode.OK);
        var row = agencies.AsArray().Single(a => a!.Str("id") == agency.Str("id"))!;
        Assert.Equal(21, row["waitingTimes"]!["averageDays"]!.GetValue<double>());
        var slt = agencies.AsArray().Single(a => a!.Str("id") == world.AgencyA.ToString())!;
        Assert.True(slt["waitingTimes"]!["waiting"]!.GetValue<int>() >= 1);
    }

    [Fact]
    public async Task Actions_need_an_owner_and_stay_on_the_owners_task_list_until_done()
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        var meeting = await senco.PostJson($"/api/v1/schools/{world.A.Urn}/meetings", new
        {
            title = "Multi-agency meeting", kind = "MultiAgency", startsAt = Today.AddDays(3).ToString("yyyy-MM-dd") + "T15:30", durationMinutes = 60, location = "Library", pupilId = world.PupilA.Id,
        }).ExpectJson(HttpStatusCode.Created);
        var id = meeting.Str("id");

        var noOwner = await senco.PostJson($"/api/v1/meetings/{id}/actions", new { description = "Send the EP report to parents", dueOn = Iso(Today.AddDays(7)) });
        Assert.Contains("needs an owner", (await noOwner.ShouldBeValidationProblemOn("ownerUserId"))[0]);
        var outsider = await senco.PostJson($"/api/v1/meetings/{id}/actions", new { description = "x", ownerUserId = world.User(SchoolRole.Senco, "C").Id, dueOn = Iso(Today) });
        await outsider.ShouldBeValidationProblemOn("ownerUserId");

        var ta = world.User(SchoolRole.TeachingAssistant, "A");
        var action = await senco.PostJson($"/api/v1/meetings/{id}/actions", new { description = "Model the visual timetable each morning", ownerUserId = ta.Id, dueOn = Iso(Today.AddDays(7)) })
            .ExpectJson(HttpStatusCode.Created);

        using var taClient = await world.ClientFor(ta.Email);
        var tasks = await taClient.GetAsync("/api/v1/me/tasks").ExpectJson(HttpStatusCode.OK);
        Assert.Contains(tasks.AsArray(), t => t!.Str("id") == action.Str("id"));
        // The TA may not read the meeting itself (no team permission), but owns the action.
        await taClient.GetAsync($"/api/v1/meetings/{id}").Expect(HttpStatusCode.Forbidden);
        // Someone else who is not a SENCO may not close it.
        using var teacher = await world.ClientFor(SchoolRole.Teacher, "A");
        await teacher.PostAsync($"/api/v1/meeting-actions/{action.Str("id")}/done", null).Expect(HttpStatusCode.Forbidden);
        using var other = await world.ClientFor(SchoolRole.Senco, "C");
        await other.PostAsync($"/api/v1/meeting-actions/{action.Str("id")}/done", null).Expect(HttpStatusCode.NotFound);

        await taClient.PostAsync($"/api/v1/meeting-actions/{action.Str("id")}/done", null).Expect(HttpStatusCode.OK);
        tasks = await taClient.GetAsync("/api/v1/me/tasks").ExpectJson(HttpStatusCode.OK);
        Assert.DoesNotContain(tasks.AsArray(), t => t!.Str("id") == action.Str("id"));

        var ics = await (await senco.GetAsync($"/api/v1/meetings/{id}/invitation.ics").Expect(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains("BEGIN:VCALENDAR", ics);
        Assert.Contains("SUMMARY:Multi-agency meeting", ics);
        Assert.DoesNotContain(world.PupilA.Surname, ics);
    }

    [Fact]
    public async Task Voice_flags_and_Early_Help_validate_their_input()
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        var pupil = world.BasePupil("A", "E").Id;
        await (await senco.PostJson($"/api/v1/pupils/{pupil}/voice", new { on = Iso(Today.AddDays(1)), context = "Review", words = "I like maths", capturedBy = "Mr T" })).ShouldBeValidationProblemOn("on");
        var v = await senco.PostJson($"/api/v1/pupils/{pupil}/voice", new { on = Iso(Today), context = "Review", words = "I like it when Miss helps me with reading", capturedBy = "Mr T", how = "Talking" })
            .ExpectJson(HttpStatusCode.Created);
        Assert.Equal("I like it when Miss helps me with reading", v.Str("words"));

        await (await senco.PutJson($"/api/v1/pupils/{pupil}/safeguarding", new { lookedAfter = true })).ShouldBeValidationProblemOn("virtualSchoolContact");
        var flags = await senco.PutJson($"/api/v1/pupils/{pupil}/safeguarding", new { childInNeed = true, lookedAfter = true, virtualSchoolContact = "North Borough Virtual School", designatedTeacher = "Ms Adeyemi" })
            .ExpectJson(HttpStatusCode.OK);
        Assert.True(flags["lookedAfter"]!.GetValue<bool>());
        using var head = await world.ClientFor(SchoolRole.SeniorLeader, "A");
        await head.PutJson($"/api/v1/pupils/{pupil}/safeguarding", new { childProtection = true }).Expect(HttpStatusCode.Forbidden);
        // The DSL (a teacher) may set flags though the teacher role has no team permission.
        using var dsl = await world.ClientFor(SchoolRole.Teacher, "A");
        await dsl.PutJson($"/api/v1/pupils/{pupil}/safeguarding", new { childInNeed = true, lookedAfter = true, virtualSchoolContact = "North Borough Virtual School", designatedTeacher = "Ms Adeyemi" })
            .Expect(HttpStatusCode.OK);

        var plan = await senco.PostJson($"/api/v1/pupils/{pupil}/early-help-plans", new { startedOn = Iso(Today.AddDays(-40)), leadProfessional = "Family support worker", needs = "Routines at home", outcomes = "Attends on time", nextReviewOn = Iso(Today.AddDays(-10)) })
            .ExpectJson(HttpStatusCode.Created);
        await (await senco.PostJson($"/api/v1/early-help-plans/{plan.Str("id")}/reviews", new { heldOn = Iso(Today.AddDays(-10)), progress = "Better", status = "Open" })).ShouldBeValidationProblemOn("nextReviewOn");
        var review = await senco.PostJson($"/api/v1/early-help-plans/{plan.Str("id")}/reviews", new { heldOn = Iso(Today.AddDays(-10)), progress = "Attendance improved", status = "Closed" })
            .ExpectJson(HttpStatusCode.Created);
        Assert.Equal("Attendance improved", review.Str("progress"));
        await senco.PostJson($"/api/v1/early-help-plans/{plan.Str("id")}/reviews", new { heldOn = Iso(Today), progress = "x", status = "Closed" }).Expect(HttpStatusCode.Conflict);
    }
}
