using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Senco.Web.Tests.Provision;
using static Senco.Web.Tests.Provision.ProvisionFixture;

namespace Senco.Web.Tests.Delivery;

[CollectionDefinition(Name)]
public sealed class DeliveryCollection : ICollectionFixture<ProvisionFixture>
{
    public const string Name = "Delivery";
}

/// Provision delivered through the API on SQLite and PostgreSQL: doses, the log and its bad input, group registers read
/// in place, planned against delivered, exports, settings, the monitoring list, and the role × school matrix.
[Collection(DeliveryCollection.Name)]
public class DeliveryApiTests(ProvisionFixture app)
{
    private static readonly DateOnly Monday = MondayWeeksAgo(1);

    /// A pupil on K with an EHC plan whose Section F has one line; returns the pupil and the line's id.
    private async Task<(Guid Pupil, long Line)> PupilWithSectionFAsync(string school = "A")
    {
        var pupil = await app.PupilAsync(school, needs: ["SLCN"]);
        var senco = await app.ClientAsync($"senco@{school.ToLowerInvariant()}.test");
        var plan = await Expect(await senco.PostAsJsonAsync($"/api/v1/pupils/{pupil}/ehc-plans", new { issuedOn = Iso(Today.AddMonths(-3)), localAuthority = "873" }), HttpStatusCode.Created);
        var planId = plan["id"]!.GetValue<Guid>();
        var withNeed = await Expect(await senco.PostAsJsonAsync($"/api/v1/ehc-plans/{planId}/needs", new
        {
            description = "Understands short sentences only", needType = "SLCN", outcomes = new[] { "Follows two-step instructions" },
            provision = new[] { new { description = "Speech and language programme delivered by a trained TA", hoursPerWeek = 1.5m, annualCost = 2400m, fundedBy = "School" } },
        }), HttpStatusCode.Created);
        return (pupil, withNeed["needs"]![0]!["provision"]![0]!["id"]!.GetValue<long>());
    }

    private async Task<JsonNode> DoseAsync(long line, Guid? staff = null, string mode = "OneToOne", Guid? group = null, string school = "A")
    {
        var senco = await app.ClientAsync($"senco@{school.ToLowerInvariant()}.test");
        return await Expect(await senco.PutAsJsonAsync($"/api/v1/ehc-provision/{line}/dose", new
        {
            basis = "SessionsPerWeek", sessionsPerWeek = 3, minutesPerSession = 30, staffType = "TeachingAssistant", mode, from = Iso(MondayWeeksAgo(3)),
            staffMemberId = staff, interventionGroupId = group,
        }), HttpStatusCode.OK);
    }

    private static object Session(Guid dose, DateOnly on, string start = "10:00", int minutes = 30, string outcome = "Delivered", string? reason = null, string? note = null) =>
        new { doseId = dose, on = Iso(on), start, minutes, outcome, reason, note };

    // One staff record per sign-in: the TA's is made once per fixture (each test logs at its own times, so none overlap).
    private static readonly Dictionary<string, Guid> Staff = new();
    private static readonly SemaphoreSlim StaffLock = new(1, 1);
    private async Task<Guid> TaStaffAsync(string email)
    {
        await StaffLock.WaitAsync();
        try
        {
            var key = app.SchoolA + email;
            if (!Staff.TryGetValue(key, out var id)) Staff[key] = id = await app.StaffAsync($"Delivery TA {email}", email);
            return id;
        }
        finally { StaffLock.Release(); }
    }

    [Fact]
    public async Task The_senco_sets_a_dose_others_may_not_and_a_stale_version_is_a_409_with_the_saved_dose()
    {
        var (_, line) = await PupilWithSectionFAsync();
        var dose = await DoseAsync(line);
        Assert.Equal(90, dose["minutesPerWeek"]!.GetValue<int>());
        Assert.Equal(1, dose["version"]!.GetValue<int>());

        var body = new { basis = "HoursPerWeek", hoursPerWeek = 2m, mode = "OneToOne", from = Iso(MondayWeeksAgo(3)), version = 1 };
        foreach (var (email, status) in new[] { ("teacher@a.test", HttpStatusCode.Forbidden), ("ta@a.test", HttpStatusCode.Forbidden), ("governor@a.test", HttpStatusCode.Forbidden),
                     ("head@a.test", HttpStatusCode.Forbidden), ("senco@b.test", HttpStatusCode.NotFound), ("senco@c.test", HttpStatusCode.NotFound) })
            Assert.Equal(status, (await (await app.ClientAsync(email)).PutAsJsonAsync($"/api/v1/ehc-provision/{line}/dose", body)).StatusCode);

        var senco = await app.ClientAsync("senco@a.test");
        Assert.Equal(["hoursPerWeek", "to"], await ErrorKeys(await senco.PutAsJsonAsync($"/api/v1/ehc-provision/{line}/dose",
            new { basis = "HoursPerWeek", hoursPerWeek = 0m, mode = "OneToOne", from = Iso(Today), to = Iso(Today.AddDays(-1)), version = 1 })));
        var changed = await Expect(await senco.PutAsJsonAsync($"/api/v1/ehc-provision/{line}/dose", body), HttpStatusCode.OK);
        Assert.Equal(120, changed["minutesPerWeek"]!.GetValue<int>());
        var stale = await Expect(await (await app.ClientAsync("assistant@a.test")).PutAsJsonAsync($"/api/v1/ehc-provision/{line}/dose", body with { hoursPerWeek = 3m }), HttpStatusCode.Conflict);
        Assert.Equal(2, stale["current"]!["version"]!.GetValue<int>());
        Assert.Equal(2m, stale["current"]!["hoursPerWeek"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task A_ta_logs_only_the_lines_they_deliver_and_bad_sessions_are_refused_with_nothing_saved()
    {
        var (pupil, line) = await PupilWithSectionFAsync();
        var staff = await TaStaffAsync("ta@a.test");
        var doseId = (await DoseAsync(line, staff))["id"]!.GetValue<Guid>();
        var ta = await app.ClientAsync("ta@a.test");

        var created = await Expect(await ta.PostAsJsonAsync("/api/v1/delivery-sessions", Session(doseId, Monday)), HttpStatusCode.Created);
        Assert.Equal("Delivered", created["outcome"]!.GetValue<string>());

        foreach (var (email, status) in new[] { ("ta2@a.test", HttpStatusCode.Forbidden), ("teacher@a.test", HttpStatusCode.Forbidden), ("governor@a.test", HttpStatusCode.Forbidden),
                     ("head@a.test", HttpStatusCode.Forbidden), ("senco@b.test", HttpStatusCode.NotFound), ("senco@c.test", HttpStatusCode.NotFound) })
            Assert.Equal(status, (await (await app.ClientAsync(email)).PostAsJsonAsync("/api/v1/delivery-sessions", Session(doseId, Monday.AddDays(1), "13:00"))).StatusCode);

        async Task<string> Refused(object body, string field)
        {
            var r = await ta.PostAsJsonAsync("/api/v1/delivery-sessions", body);
            var json = await Expect(r, HttpStatusCode.BadRequest);
            Assert.True(json["errors"]![field] is not null, $"{field} expected in {json}");
            return json["errors"]![field]![0]!.GetValue<string>();
        }
        Assert.Contains("future", await Refused(Session(doseId, Today.AddDays(1)), "on"));
        Assert.Contains("starts on", await Refused(Session(doseId, MondayWeeksAgo(3).AddDays(-1)), "on"));
        Assert.Contains("longer than the school day", await Refused(Session(doseId, Monday, "08:00", 400), "minutes"));
        Assert.Contains("overlaps", await Refused(Session(doseId, Monday, "10:15"), "start"));
        Assert.Contains("why the session was missed", await Refused(Session(doseId, Monday.AddDays(2), outcome: "Cancelled"), "reason"));

        var senco = await app.ClientAsync("senco@a.test");
        var report = await Expect(await senco.GetAsync($"/api/v1/pupils/{pupil}/delivery"), HttpStatusCode.OK);
        Assert.Equal(30, report["total"]!["deliveredMinutes"]!.GetValue<int>());   // only the one good session
    }

    [Fact]
    public async Task Planned_against_delivered_counts_reasons_by_the_schools_policy_and_the_matrix_holds()
    {
        var (pupil, line) = await PupilWithSectionFAsync();
        var staff = await TaStaffAsync("ta@a.test");
        var doseId = (await DoseAsync(line, staff))["id"]!.GetValue<Guid>();
        var ta = await app.ClientAsync("ta@a.test");
        await Expect(await ta.PostAsJsonAsync("/api/v1/delivery-sessions", Session(doseId, Monday, "08:00")), HttpStatusCode.Created);
        await Expect(await ta.PostAsJsonAsync("/api/v1/delivery-sessions", Session(doseId, Monday.AddDays(2), "08:00", outcome: "Cancelled", reason: "PupilAbsent")), HttpStatusCode.Created);
        await Expect(await ta.PostAsJsonAsync("/api/v1/delivery-sessions", Session(doseId, Monday.AddDays(4), "08:00", outcome: "Cancelled", reason: "StaffAbsent", note: "Off sick")), HttpStatusCode.Created);

        var senco = await app.ClientAsync("senco@a.test");
        var from = Iso(Monday);
        var to = Iso(Monday.AddDays(6));
        var week = (await Expect(await senco.GetAsync($"/api/v1/pupils/{pupil}/delivery?from={from}&to={to}"), HttpStatusCode.OK))["weeks"]![0]!;
        Assert.Equal(90m, week["plannedMinutes"]!.GetValue<decimal>());
        Assert.Equal(30, week["notPossibleMinutes"]!.GetValue<int>());
        Assert.Equal(50m, week["percent"]!.GetValue<decimal>());   // 30 of the 60 expected

        foreach (var (email, status) in new[] { ("head@a.test", HttpStatusCode.OK), ("trustlead@a.test", HttpStatusCode.OK), ("teacher@a.test", HttpStatusCode.Forbidden),
                     ("ta@a.test", HttpStatusCode.Forbidden), ("governor@a.test", HttpStatusCode.Forbidden), ("office@a.test", HttpStatusCode.Forbidden), ("senco@b.test", HttpStatusCode.NotFound),
                     ("senco@c.test", HttpStatusCode.NotFound) })
            Assert.Equal(status, (await (await app.ClientAsync(email)).GetAsync($"/api/v1/pupils/{pupil}/delivery")).StatusCode);

        // A school that counts pupil absence as shortfall sees 33.3%.
        var settings = await Expect(await senco.GetAsync($"/api/v1/schools/{app.SchoolA}/delivery-settings"), HttpStatusCode.OK);
        Assert.Equal(80, settings["thresholdPercent"]!.GetValue<int>());
        Assert.Equal(["thresholdPercent"], await ErrorKeys(await senco.PutAsJsonAsync($"/api/v1/schools/{app.SchoolA}/delivery-settings", new { thresholdPercent = 150, schoolDayMinutes = 390, shortfallReasons = new[] { "StaffAbsent" } })));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync("head@a.test")).PutAsJsonAsync($"/api/v1/schools/{app.SchoolA}/delivery-settings", new { thresholdPercent = 70, schoolDayMinutes = 390 })).StatusCode);
        var saved = await Expect(await senco.PutAsJsonAsync($"/api/v1/schools/{app.SchoolA}/delivery-settings", new
        {
            thresholdPercent = 80, schoolDayMinutes = 390, shortfallReasons = new[] { "PupilAbsent", "StaffAbsent", "Trip", "Exam", "Other" }, version = settings["version"]!.GetValue<int>(),
        }), HttpStatusCode.OK);
        try
        {
            var counted = (await Expect(await senco.GetAsync($"/api/v1/pupils/{pupil}/delivery?from={from}&to={to}"), HttpStatusCode.OK))["weeks"]![0]!;
            Assert.Equal(33.3m, counted["percent"]!.GetValue<decimal>());
            var stale = await senco.PutAsJsonAsync($"/api/v1/schools/{app.SchoolA}/delivery-settings", new { thresholdPercent = 75, schoolDayMinutes = 390, shortfallReasons = Array.Empty<string>(), version = 0 });
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        }
        finally
        {
            await Expect(await senco.PutAsJsonAsync($"/api/v1/schools/{app.SchoolA}/delivery-settings", new
            {
                thresholdPercent = 80, schoolDayMinutes = 390, shortfallReasons = new[] { "StaffAbsent", "Trip", "Exam", "Other" }, version = saved["version"]!.GetValue<int>(),
            }), HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task A_group_register_is_read_in_place_and_a_line_delivered_through_it_cannot_be_typed_again()
    {
        var (pupil, line) = await PupilWithSectionFAsync();
        var staff = await TaStaffAsync("ta@a.test");
        var group = await app.GroupAsync(await app.ProvisionAsync(), [pupil], staff, startOn: MondayWeeksAgo(2));
        var groupId = group["id"]!.GetValue<Guid>();
        var ta = await app.ClientAsync("ta@a.test");
        await Expect(await ta.PostAsJsonAsync($"/api/v1/intervention-groups/{groupId}/sessions", new
        {
            on = Iso(Monday), status = "Held", attendance = new[] { new { pupilId = pupil, attended = true } },
        }), HttpStatusCode.Created);
        await Expect(await ta.PostAsJsonAsync($"/api/v1/intervention-groups/{groupId}/sessions", new { on = Iso(Monday.AddDays(1)), status = "Cancelled", note = "Class trip" }), HttpStatusCode.Created);

        var senco = await app.ClientAsync("senco@a.test");
        var report = await Expect(await senco.GetAsync($"/api/v1/pupils/{pupil}/delivery?from={Iso(Monday)}&to={Iso(Monday.AddDays(6))}"), HttpStatusCode.OK);
        var groupLine = report["lines"]!.AsArray().Single(l => l!["source"]!.GetValue<string>() == "Intervention group")!;
        Assert.Equal(90, groupLine["minutesPerWeek"]!.GetValue<int>());
        Assert.Equal(30, groupLine["total"]!["deliveredMinutes"]!.GetValue<int>());
        Assert.Contains(groupLine["total"]!["missed"]!.AsArray(), m => m!["reason"]!.GetValue<string>() == "Trip");

        // Linked to the Section F line, the register counts for that line and is not listed twice.
        var doseId = (await DoseAsync(line, staff, mode: "Group", group: groupId))["id"]!.GetValue<Guid>();
        var linked = await Expect(await senco.GetAsync($"/api/v1/pupils/{pupil}/delivery?from={Iso(Monday)}&to={Iso(Monday.AddDays(6))}"), HttpStatusCode.OK);
        var lines = linked["lines"]!.AsArray();
        Assert.Single(lines);
        Assert.Equal(30, lines[0]!["total"]!["deliveredMinutes"]!.GetValue<int>());
        Assert.Contains("register", (await Expect(await ta.PostAsJsonAsync("/api/v1/delivery-sessions", Session(doseId, Monday)), HttpStatusCode.BadRequest))["errors"]!["doseId"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_group_session_in_bulk_is_all_or_nothing_and_names_the_row()
    {
        var staff = await TaStaffAsync("ta@a.test");
        var (p1, l1) = await PupilWithSectionFAsync();
        var (p2, l2) = await PupilWithSectionFAsync();
        var d1 = (await DoseAsync(l1, staff, mode: "Group"))["id"]!.GetValue<Guid>();
        var d2 = (await DoseAsync(l2, staff, mode: "Group"))["id"]!.GetValue<Guid>();
        var ta = await app.ClientAsync("ta@a.test");
        var on = Monday.AddDays(3);

        var bad = await ta.PostAsJsonAsync($"/api/v1/schools/{app.SchoolA}/delivery-sessions/bulk", new
        {
            on = Iso(on), start = "14:00", minutes = 30, entries = new object[] { new { doseId = d1, outcome = "Delivered" }, new { doseId = d2, outcome = "Cancelled" } },
        });
        Assert.Equal(["entries[1].reason"], await ErrorKeys(bad));
        var senco = await app.ClientAsync("senco@a.test");
        Assert.Equal(0, (await Expect(await senco.GetAsync($"/api/v1/pupils/{p1}/delivery"), HttpStatusCode.OK))["total"]!["deliveredMinutes"]!.GetValue<int>());

        var ok = await Expect(await ta.PostAsJsonAsync($"/api/v1/schools/{app.SchoolA}/delivery-sessions/bulk", new
        {
            on = Iso(on), start = "14:00", minutes = 30, entries = new object[] { new { doseId = d1, outcome = "Delivered" }, new { doseId = d2, outcome = "Cancelled", reason = "PupilAbsent" } },
        }), HttpStatusCode.Created);
        Assert.Equal(2, ok["created"]!.GetValue<int>());
        Assert.Equal(30, (await Expect(await senco.GetAsync($"/api/v1/pupils/{p1}/delivery"), HttpStatusCode.OK))["total"]!["deliveredMinutes"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync("ta2@a.test")).PostAsJsonAsync($"/api/v1/schools/{app.SchoolA}/delivery-sessions/bulk", new
        {
            on = Iso(on), start = "15:00", minutes = 30, entries = new object[] { new { doseId = d1, outcome = "Delivered" } },
        })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientAsync("senco@c.test")).PostAsJsonAsync($"/api/v1/schools/{app.SchoolA}/delivery-sessions/bulk", new { entries = Array.Empty<object>() })).StatusCode);
        _ = p2;
    }

    [Fact]
    public async Task A_correction_with_a_stale_version_is_a_409_with_the_saved_session()
    {
        var (_, line) = await PupilWithSectionFAsync();
        var staff = await TaStaffAsync("ta@a.test");
        var doseId = (await DoseAsync(line, staff))["id"]!.GetValue<Guid>();
        var ta = await app.ClientAsync("ta@a.test");
        var s = await Expect(await ta.PostAsJsonAsync("/api/v1/delivery-sessions", Session(doseId, Monday, "11:00")), HttpStatusCode.Created);
        var id = s["id"]!.GetValue<Guid>();
        var fixedOne = await Expect(await ta.PutAsJsonAsync($"/api/v1/delivery-sessions/{id}", new { on = Iso(Monday), start = "11:00", minutes = 25, outcome = "Delivered", version = 1 }), HttpStatusCode.OK);
        Assert.Equal(2, fixedOne["version"]!.GetValue<int>());
        var stale = await Expect(await (await app.ClientAsync("senco@a.test")).PutAsJsonAsync($"/api/v1/delivery-sessions/{id}", new { on = Iso(Monday), start = "11:00", minutes = 40, outcome = "Delivered", version = 1 }), HttpStatusCode.Conflict);
        Assert.Equal(25, stale["current"]!["minutes"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientAsync("senco@c.test")).PutAsJsonAsync($"/api/v1/delivery-sessions/{id}", new { version = 2 })).StatusCode);
    }

    [Fact]
    public async Task Exports_are_word_and_xlsx_with_formulas_neutralised()
    {
        var (pupil, line) = await PupilWithSectionFAsync();
        var staff = await TaStaffAsync("ta@a.test");
        var doseId = (await DoseAsync(line, staff))["id"]!.GetValue<Guid>();
        await Expect(await (await app.ClientAsync("ta@a.test")).PostAsJsonAsync("/api/v1/delivery-sessions",
            Session(doseId, Monday, "12:00", outcome: "Cancelled", reason: "Other", note: "=HYPERLINK(\"http://x\")")), HttpStatusCode.Created);
        var senco = await app.ClientAsync("senco@a.test");
        var docx = await senco.GetAsync($"/api/v1/pupils/{pupil}/delivery.docx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        using (var zip = new ZipArchive(await docx.Content.ReadAsStreamAsync()))
        using (var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open()))
            Assert.Contains("Provision planned and delivered", await reader.ReadToEndAsync());

        var xlsx = await senco.GetAsync($"/api/v1/pupils/{pupil}/delivery.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var book = new ZipArchive(await xlsx.Content.ReadAsStreamAsync());
        var text = string.Concat(book.Entries.Where(e => e.FullName.StartsWith("xl/")).Select(e => new StreamReader(e.Open()).ReadToEnd()));
        Assert.Contains("&apos;=HYPERLINK", text.Replace("'", "&apos;"));
        Assert.DoesNotContain(">=HYPERLINK", text);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync("governor@a.test")).GetAsync($"/api/v1/pupils/{pupil}/delivery.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientAsync("senco@c.test")).GetAsync($"/api/v1/pupils/{pupil}/delivery.docx")).StatusCode);
    }

    [Fact]
    public async Task A_concern_is_raised_observed_and_escalated_to_k_through_the_sen_rules()
    {
        var pupil = await app.PupilAsync(forename: "Nell", surname: "Quiet");
        var teacher = await app.ClientAsync("teacher@a.test");
        var body = new { observedOn = Iso(Today.AddDays(-10)), whatSeen = "Loses her place when reading aloud", lessons = "English", tried = "Reading ruler" };
        var concern = await Expect(await teacher.PostAsJsonAsync($"/api/v1/pupils/{pupil}/concerns", body), HttpStatusCode.Created);
        var id = concern["id"]!.GetValue<Guid>();
        Assert.Equal(10, concern["daysOpen"]!.GetValue<int>());
        Assert.Equal(["observedOn", "whatSeen"], await ErrorKeys(await teacher.PostAsJsonAsync($"/api/v1/pupils/{pupil}/concerns", new { observedOn = Iso(Today.AddDays(1)), whatSeen = "" })));
        foreach (var (email, status) in new[] { ("governor@a.test", HttpStatusCode.Forbidden), ("office@a.test", HttpStatusCode.Forbidden), ("senco@b.test", HttpStatusCode.NotFound), ("senco@c.test", HttpStatusCode.NotFound) })
            Assert.Equal(status, (await (await app.ClientAsync(email)).PostAsJsonAsync($"/api/v1/pupils/{pupil}/concerns", body)).StatusCode);
        var onK = await app.PupilAsync(needs: ["MLD"]);
        Assert.Equal(HttpStatusCode.Conflict, (await teacher.PostAsJsonAsync($"/api/v1/pupils/{onK}/concerns", body)).StatusCode);

        await Expect(await (await app.ClientAsync("ta@a.test")).PostAsJsonAsync($"/api/v1/concerns/{id}/observations", new { observedOn = Iso(Today.AddDays(-3)), text = "Same in phonics" }), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.PostAsJsonAsync($"/api/v1/concerns/{id}/escalate", new { needs = new[] { "SPLD" }, effectiveFrom = Iso(Today), reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.PostAsJsonAsync($"/api/v1/concerns/{id}/close", new { reason = "x" })).StatusCode);

        var senco = await app.ClientAsync("senco@a.test");
        // K needs ranked needs: refused, and nothing changes (the concern stays open, the pupil stays N).
        Assert.Contains("needs", await ErrorKeys(await senco.PostAsJsonAsync($"/api/v1/concerns/{id}/escalate", new { needs = Array.Empty<string>(), effectiveFrom = Iso(Today), reason = "Evidence of need" })));
        Assert.Equal("Open", (await Expect(await senco.GetAsync($"/api/v1/concerns/{id}"), HttpStatusCode.OK))["status"]!.GetValue<string>());
        Assert.Equal("N", (await Expect(await senco.GetAsync($"/api/v1/pupils/{pupil}"), HttpStatusCode.OK))["senStatus"]!.GetValue<string>());

        var escalated = await Expect(await senco.PostAsJsonAsync($"/api/v1/concerns/{id}/escalate", new { needs = new[] { "SPLD" }, effectiveFrom = Iso(Today), reason = "Concern and observations show a specific literacy need", version = 1 }), HttpStatusCode.OK);
        Assert.Equal("Escalated", escalated["status"]!.GetValue<string>());
        Assert.Equal(2, escalated["observations"]!.AsArray().Count + 1);
        Assert.Equal("K", (await Expect(await senco.GetAsync($"/api/v1/pupils/{pupil}"), HttpStatusCode.OK))["senStatus"]!.GetValue<string>());
        var history = (await Expect(await senco.GetAsync($"/api/v1/pupils/{pupil}/sen/history"), HttpStatusCode.OK)).AsArray();
        Assert.Equal("K", history[^1]!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, (await senco.PostAsJsonAsync($"/api/v1/concerns/{id}/close", new { reason = "too late" })).StatusCode);

        var list = await Expect(await teacher.GetAsync($"/api/v1/schools/{app.SchoolA}/concerns?status=Escalated"), HttpStatusCode.OK);
        Assert.Contains(list["items"]!.AsArray(), c => c!["id"]!.GetValue<Guid>() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientAsync("senco@c.test")).GetAsync($"/api/v1/concerns/{id}")).StatusCode);
    }

    [Fact]
    public async Task Closing_a_concern_needs_a_reason_and_a_stale_version_is_refused()
    {
        var pupil = await app.PupilAsync();
        var concern = await Expect(await (await app.ClientAsync("teacher@a.test")).PostAsJsonAsync($"/api/v1/pupils/{pupil}/concerns",
            new { observedOn = Iso(Today), whatSeen = "Reversed letters" }), HttpStatusCode.Created);
        var id = concern["id"]!.GetValue<Guid>();
        var senco = await app.ClientAsync("senco@a.test");
        Assert.Equal(["reason"], await ErrorKeys(await senco.PostAsJsonAsync($"/api/v1/concerns/{id}/close", new { reason = " " })));
        Assert.Equal(HttpStatusCode.Conflict, (await senco.PostAsJsonAsync($"/api/v1/concerns/{id}/close", new { reason = "Fine now", version = 7 })).StatusCode);
        var closed = await Expect(await senco.PostAsJsonAsync($"/api/v1/concerns/{id}/close", new { reason = "In line with peers after six weeks", version = 1 }), HttpStatusCode.OK);
        Assert.Equal("Closed", closed["status"]!.GetValue<string>());
    }
}
