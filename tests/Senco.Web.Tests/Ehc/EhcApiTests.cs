using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Senco.Web.Tests.Ehc.EhcFixture;

namespace Senco.Web.Tests.Ehc;

[Collection(EhcCollection.Name)]
public class EhcAssessmentApiTests(EhcFixture f)
{
    [Fact]
    public async Task A_request_answers_201_with_the_contract_dates_and_is_listed()
    {
        var pupil = await f.PupilAsync(needs: ["SPLD"]);
        var senco = await f.ClientAsync("senco@a.test");
        var received = Today.AddDays(-10);
        var a = await Expect(await senco.PostAsJsonAsync($"/api/v1/pupils/{pupil}/ehc-needs-assessments", new { requestReceivedOn = Iso(received), requestedBy = "School" }), HttpStatusCode.Created);
        Assert.Equal(Iso(received), a["requestReceivedOn"]!.GetValue<string>());
        Assert.Equal(Iso(received.AddDays(42)), a["decisionDue"]!.GetValue<string>());
        Assert.Equal(Iso(received.AddDays(140)), a["finalPlanDue"]!.GetValue<string>());
        Assert.Equal("AwaitingDecision", a["status"]!.GetValue<string>());
        Assert.NotNull(a["id"]);

        var list = (await Expect(await senco.GetAsync($"/api/v1/pupils/{pupil}/ehc-needs-assessments"), HttpStatusCode.OK)).AsArray();
        Assert.Equal(a["id"]!.GetValue<Guid>(), Assert.Single(list)!["id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task A_decision_date_before_the_request_is_400_naming_the_field_and_nothing_changes()
    {
        var pupil = await f.PupilAsync(needs: ["SPLD"]);
        var senco = await f.ClientAsync("senco@a.test");
        var received = Today.AddDays(-20);

        // On creation: nothing is recorded.
        var bad = await senco.PostAsJsonAsync($"/api/v1/pupils/{pupil}/ehc-needs-assessments",
            new { requestReceivedOn = Iso(received), requestedBy = "Parent", decisionToAssessOn = Iso(received.AddDays(-1)), willAssess = true });
        var problem = await Expect(bad, HttpStatusCode.BadRequest);
        Assert.Contains("decisionToAssessOn", problem["errors"]!.AsObject().Select(kv => kv.Key));
        Assert.Empty((await Expect(await senco.GetAsync($"/api/v1/pupils/{pupil}/ehc-needs-assessments"), HttpStatusCode.OK)).AsArray());

        // On update: the record stays as it was.
        var a = await Expect(await senco.PostAsJsonAsync($"/api/v1/pupils/{pupil}/ehc-needs-assessments", new { requestReceivedOn = Iso(received), requestedBy = "Parent" }), HttpStatusCode.Created);
        var id = a["id"]!.GetValue<Guid>();
        problem = await Expect(await senco.PutAsJsonAsync($"/api/v1/ehc-needs-assessments/{id}", new { decisionToAssessOn = Iso(received.AddDays(-1)), willAssess = true }), HttpStatusCode.BadRequest);
        Assert.Contains("on or after", problem["errors"]!["decisionToAssessOn"]![0]!.GetValue<string>());
        var after = await Expect(await senco.GetAsync($"/api/v1/ehc-needs-assessments/{id}"), HttpStatusCode.OK);
        Assert.Null(after["decisionToAssessOn"]);
        Assert.Equal(a["version"]!.GetValue<int>(), after["version"]!.GetValue<int>());
        Assert.Equal("AwaitingDecision", after["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"requestReceivedOn":"2026-13-01","requestedBy":"School"}""", "requestReceivedOn")]
    [InlineData("""{"requestReceivedOn":"2026-01-12","requestedBy":"Teacher"}""", "requestedBy")]
    [InlineData("""{"requestedBy":"School"}""", "requestReceivedOn")]
    [InlineData("""{"requestReceivedOn":"2099-01-12","requestedBy":"School"}""", "requestReceivedOn")]
    [InlineData("""{"requestReceivedOn":"2026-01-12","requestedBy":"School","evidence":[{"kind":"Gossip","title":"x"}]}""", "evidence[0].kind")]
    public async Task Bad_requests_are_400_with_the_field(string json, string field)
    {
        var pupil = await f.PupilAsync(needs: ["SPLD"]);
        var senco = await f.ClientAsync("senco@a.test");
        var r = await senco.PostAsync($"/api/v1/pupils/{pupil}/ehc-needs-assessments", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var problem = await Expect(r, HttpStatusCode.BadRequest);
        Assert.Contains(field, problem["errors"]!.AsObject().Select(kv => kv.Key));
    }

    [Fact]
    public async Task Decisions_evidence_and_exceptions_drive_the_status_and_the_clock()
    {
        var pupil = await f.PupilAsync(needs: ["MLD"], forename: "Clockwise", surname: "Tester");
        var senco = await f.ClientAsync("senco@a.test");
        var received = Today.AddDays(-50);   // the 6-week decision is overdue
        var a = await Expect(await senco.PostAsJsonAsync($"/api/v1/pupils/{pupil}/ehc-needs-assessments", new
        {
            requestReceivedOn = Iso(received), requestedBy = "School",
            evidence = new[] { new { kind = "SupportPlan", title = "SEN support plan, spring term", dated = Iso(received.AddDays(-30)) } },
        }), HttpStatusCode.Created);
        var id = a["id"]!.GetValue<Guid>();

        var items = await Items(senco, 0);
        Assert.Contains(items, i => i["pupilId"]!.GetValue<Guid>() == pupil && i["kind"]!.GetValue<string>() == "DecisionToAssess" && i["overdue"]!.GetValue<bool>());

        // The 409 for a second open request.
        await Expect(await senco.PostAsJsonAsync($"/api/v1/pupils/{pupil}/ehc-needs-assessments", new { requestReceivedOn = Iso(Today), requestedBy = "Parent" }), HttpStatusCode.Conflict);

        var updated = await Expect(await senco.PutAsJsonAsync($"/api/v1/ehc-needs-assessments/{id}", new { decisionToAssessOn = Iso(received.AddDays(40)), willAssess = true, version = a["version"]!.GetValue<int>() }), HttpStatusCode.OK);
        Assert.Equal("Assessing", updated["status"]!.GetValue<string>());
        items = await Items(senco, 200);
        Assert.DoesNotContain(items, i => i["pupilId"]!.GetValue<Guid>() == pupil && i["kind"]!.GetValue<string>() == "DecisionToAssess");
        Assert.Contains(items, i => i["pupilId"]!.GetValue<Guid>() == pupil && i["kind"]!.GetValue<string>() == "FinalPlan" && i["dueOn"]!.GetValue<string>() == Iso(received.AddDays(140)));

        // A stale version: 409, nothing overwritten.
        await Expect(await senco.PutAsJsonAsync($"/api/v1/ehc-needs-assessments/{id}", new { notes = "x", version = 1 }), HttpStatusCode.Conflict);

        var withEvidence = await Expect(await senco.PostAsJsonAsync($"/api/v1/ehc-needs-assessments/{id}/evidence", new { kind = "AgencyReport", title = "Educational psychologist report" }), HttpStatusCode.Created);
        Assert.Equal(["SupportPlan", "AgencyReport"], withEvidence["evidence"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()));
        await Expect(await senco.PostAsJsonAsync($"/api/v1/ehc-needs-assessments/{id}/evidence", new { kind = "Rumour", title = "x" }), HttpStatusCode.BadRequest);

        // A recorded absence of 4 weeks lifts the 20-week limit: the final plan leaves the clock.
        var bad = await Expect(await senco.PostAsJsonAsync($"/api/v1/ehc-needs-assessments/{id}/exceptions", new { kind = "AbsentFromArea", from = Iso(received), to = Iso(received.AddDays(10)) }), HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["from"]);
        var ex = await Expect(await senco.PostAsJsonAsync($"/api/v1/ehc-needs-assessments/{id}/exceptions", new { kind = "AbsentFromArea", from = Iso(received.AddDays(5)), to = Iso(received.AddDays(40)), note = "Family abroad (fictional)" }), HttpStatusCode.Created);
        Assert.False(ex["weekLimitsApply"]!.GetValue<bool>());
        items = await Items(senco, 200);
        Assert.DoesNotContain(items, i => i["pupilId"]!.GetValue<Guid>() == pupil && i["kind"]!.GetValue<string>() == "FinalPlan");
    }

    private async Task<List<JsonNode>> Items(HttpClient c, int within) =>
        (await Expect(await c.GetAsync($"/api/v1/schools/{f.SchoolA}/statutory-deadlines?withinDays={within}"), HttpStatusCode.OK))["items"]!.AsArray().Select(i => i!).ToList();
}

[Collection(EhcCollection.Name)]
public class EhcPlanApiTests(EhcFixture f)
{
    [Fact]
    public async Task Issuing_a_plan_moves_the_pupil_to_E_from_the_issue_date_keeping_needs()
    {
        var pupil = await f.PupilAsync(needs: ["SLCN", "ASD"]);
        var senco = await f.ClientAsync("senco@a.test");
        var issued = Today.AddDays(-100);
        var plan = await Expect(await senco.PostAsJsonAsync($"/api/v1/pupils/{pupil}/ehc-plans", new { issuedOn = Iso(issued), localAuthority = "873", caseOfficer = "Pat Example" }), HttpStatusCode.Created);
        Assert.Equal(Iso(issued), plan["issuedOn"]!.GetValue<string>());
        Assert.Equal(Iso(issued.AddMonths(12)), plan["nextReviewDue"]!.GetValue<string>());
        Assert.Null(plan["phaseTransferDeadline"]);

        var p = await Expect(await senco.GetAsync($"/api/v1/pupils/{pupil}"), HttpStatusCode.OK);
        Assert.Equal("E", p["senStatus"]!.GetValue<string>());
        Assert.Equal(["SLCN", "ASD"], p["needs"]!.AsArray().Select(n => n!.GetValue<string>()));
        var history = (await Expect(await senco.GetAsync($"/api/v1/pupils/{pupil}/sen/history"), HttpStatusCode.OK)).AsArray();
        Assert.Equal(2, history.Count);
        var last = history[^1]!;
        Assert.Equal("E", last["status"]!.GetValue<string>());
        Assert.Equal(Iso(issued), last["effectiveFrom"]!.GetValue<string>());
        Assert.Contains("873", last["reason"]!.GetValue<string>());

        var current = await Expect(await senco.GetAsync($"/api/v1/pupils/{pupil}/ehc-plans/current"), HttpStatusCode.OK);
        foreach (var field in new[] { "id", "issuedOn", "nextReviewDue" })
            Assert.Equal(plan[field]!.ToJsonString(), current[field]!.ToJsonString());
        Assert.True(current.AsObject().ContainsKey("phaseTransferDeadline"));

        // One current plan at a time.
        await Expect(await senco.PostAsJsonAsync($"/api/v1/pupils/{pupil}/ehc-plans", new { issuedOn = Iso(Today), localAuthority = "873" }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_pupil_with_no_needs_recorded_needs_them_sent_with_the_plan()
    {
        var pupil = await f.PupilAsync();
        var senco = await f.ClientAsync("senco@a.test");
        var problem = await Expect(await senco.PostAsJsonAsync($"/api/v1/pupils/{pupil}/ehc-plans", new { issuedOn = Iso(Today.AddDays(-5)), localAuthority = "873" }), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["needs"]);
        Assert.Equal("N", (await Expect(await senco.GetAsync($"/api/v1/pupils/{pupil}"), HttpStatusCode.OK))["senStatus"]!.GetValue<string>());
        await Expect(await senco.GetAsync($"/api/v1/pupils/{pupil}/ehc-plans/current"), HttpStatusCode.NotFound);

        await Expect(await senco.PostAsJsonAsync($"/api/v1/pupils/{pupil}/ehc-plans", new { issuedOn = Iso(Today.AddDays(-5)), localAuthority = "873", needs = new[] { "ASD", "SLCN" } }), HttpStatusCode.Created);
        var p = await Expect(await senco.GetAsync($"/api/v1/pupils/{pupil}"), HttpStatusCode.OK);
        Assert.Equal("E", p["senStatus"]!.GetValue<string>());
        Assert.Equal(["ASD", "SLCN"], p["needs"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Theory]
    [InlineData("87", "localAuthority")]
    [InlineData("999", "localAuthority")]
    [InlineData("873", "issuedOn")]
    public async Task Bad_plans_are_400_with_the_field(string la, string field)
    {
        var pupil = await f.PupilAsync(needs: ["ASD"]);
        var senco = await f.ClientAsync("senco@a.test");
        var issued = field == "issuedOn" ? Today.AddDays(3) : Today;
        var problem = await Expect(await senco.PostAsJsonAsync($"/api/v1/pupils/{pupil}/ehc-plans", new { issuedOn = Iso(issued), localAuthority = la }), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]![field]);
        Assert.Equal("K", (await Expect(await senco.GetAsync($"/api/v1/pupils/{pupil}"), HttpStatusCode.OK))["senStatus"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("A", "6", 2, 15)]     // primary to secondary: 15 February
    [InlineData("B", "11", 3, 31)]    // secondary to post-16: 31 March
    public async Task Pupils_moving_phase_next_September_carry_the_transfer_deadline(string school, string year, int month, int day)
    {
        var (pupil, _) = await f.PupilWithPlanAsync(Today.AddDays(-200), school, year);
        var senco = await f.ClientAsync($"senco@{school.ToLowerInvariant()}.test");
        var current = await Expect(await senco.GetAsync($"/api/v1/pupils/{pupil}/ehc-plans/current"), HttpStatusCode.OK);
        var transferYear = (Today.Month >= 9 ? Today.Year : Today.Year - 1) + 1;
        Assert.Equal(Iso(new DateOnly(transferYear, month, day)), current["phaseTransferDeadline"]!.GetValue<string>());
        var items = (await Expect(await senco.GetAsync($"/api/v1/schools/{f.Urn(school)}/statutory-deadlines?withinDays=366"), HttpStatusCode.OK))["items"]!.AsArray();
        Assert.Contains(items, i => i!["pupilId"]!.GetValue<Guid>() == pupil && i["kind"]!.GetValue<string>() == "PhaseTransferReview");
    }

    [Fact]
    public async Task The_golden_thread_links_needs_to_outcomes_and_provision_with_hours_and_funding()
    {
        var (_, planId) = await f.PupilWithPlanAsync(Today.AddDays(-30));
        var senco = await f.ClientAsync("senco@a.test");
        await Expect(await senco.PostAsJsonAsync($"/api/v1/ehc-plans/{planId}/needs", new
        {
            description = "Difficulty understanding spoken language in class", needType = "SLCN",
            outcomes = new[] { "Follows two-step instructions in class by July" },
            provision = new[] { new { description = "Speech and language therapy", hoursPerWeek = 1.5m, annualCost = 2400.50m, fundedBy = "Element 3 top-up" } },
        }), HttpStatusCode.Created);
        var plan = await Expect(await senco.PostAsJsonAsync($"/api/v1/ehc-plans/{planId}/needs", new
        {
            description = "Anxiety at transitions", outcomes = new[] { "Moves between lessons calmly" },
            provision = new[] { new { description = "Key adult check-in", hoursPerWeek = 2.25m, annualCost = 1000m } },
        }), HttpStatusCode.Created);
        var needs = plan["needs"]!.AsArray();
        Assert.Equal(2, needs.Count);
        Assert.Equal("Follows two-step instructions in class by July", needs[0]!["outcomes"]![0]!["description"]!.GetValue<string>());
        Assert.Equal(1.5m, needs[0]!["provision"]![0]!["hoursPerWeek"]!.GetValue<decimal>());
        Assert.Equal(3.75m, plan["totalHoursPerWeek"]!.GetValue<decimal>());
        Assert.Equal(3400.50m, plan["totalAnnualCost"]!.GetValue<decimal>());

        var problem = await Expect(await senco.PostAsJsonAsync($"/api/v1/ehc-plans/{planId}/needs", new { description = "x", provision = new[] { new { description = "y", hoursPerWeek = 80 } } }), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["provision[0].hoursPerWeek"]);

        // Sections with the version read; a stale version is 409 and changes nothing.
        var version = plan["version"]!.GetValue<int>();
        var saved = await Expect(await senco.PutAsJsonAsync($"/api/v1/ehc-plans/{planId}", new { version, caseOfficer = "Sam Officer", sections = new Dictionary<string, string> { ["A"] = "Likes trains and drawing.", ["I"] = "EHC Test Primary" } }), HttpStatusCode.OK);
        Assert.Equal("Likes trains and drawing.", saved["sections"]!["A"]!.GetValue<string>());
        await Expect(await senco.PutAsJsonAsync($"/api/v1/ehc-plans/{planId}", new { version, sections = new Dictionary<string, string> { ["A"] = "Overwritten?" } }), HttpStatusCode.Conflict);
        await Expect(await senco.PutAsJsonAsync($"/api/v1/ehc-plans/{planId}", new { sections = new Dictionary<string, string> { ["A"] = "No version" } }), HttpStatusCode.BadRequest);
        var now = await Expect(await senco.GetAsync($"/api/v1/ehc-plans/{planId}"), HttpStatusCode.OK);
        Assert.Equal("Likes trains and drawing.", now["sections"]!["A"]!.GetValue<string>());
        Assert.Equal("Sam Officer", now["caseOfficer"]!.GetValue<string>());
    }
}

[Collection(EhcCollection.Name)]
public class EhcReviewApiTests(EhcFixture f)
{
    [Fact]
    public async Task A_review_answers_the_reg_20_dates_and_holding_it_moves_the_next_review()
    {
        var issued = Today.AddDays(-330);
        var (pupil, planId) = await f.PupilWithPlanAsync(issued);
        var senco = await f.ClientAsync("senco@a.test");
        var meeting = Today.AddDays(-3);
        var review = await Expect(await senco.PostAsJsonAsync($"/api/v1/ehc-plans/{planId}/reviews", new { meetingOn = Iso(meeting) }), HttpStatusCode.Created);
        Assert.Equal(Iso(meeting), review["meetingOn"]!.GetValue<string>());
        Assert.Equal(Iso(meeting.AddDays(-14)), review["invitationsDue"]!.GetValue<string>());
        Assert.Equal(Iso(meeting.AddDays(-14)), review["adviceDue"]!.GetValue<string>());
        Assert.Equal(Iso(meeting.AddDays(14)), review["reportDue"]!.GetValue<string>());
        Assert.Equal(Iso(meeting.AddDays(28)), review["laDecisionDue"]!.GetValue<string>());
        var reviewId = review["id"]!.GetValue<Guid>();

        // A second arranged meeting while one is pending: 409.
        await Expect(await senco.PostAsJsonAsync($"/api/v1/ehc-plans/{planId}/reviews", new { meetingOn = Iso(Today) }), HttpStatusCode.Conflict);

        var held = await Expect(await senco.PutAsJsonAsync($"/api/v1/ehc-plans/{planId}/reviews/{reviewId}", new { heldOn = Iso(meeting), recommendation = "Maintain" }), HttpStatusCode.OK);
        Assert.Equal("Maintain", held["recommendation"]!.GetValue<string>());
        Assert.Equal(Iso(meeting.AddMonths(12)), held["nextReviewDue"]!.GetValue<string>());
        var plan = await Expect(await senco.GetAsync($"/api/v1/pupils/{pupil}/ehc-plans/current"), HttpStatusCode.OK);
        Assert.Equal(Iso(meeting.AddMonths(12)), plan["nextReviewDue"]!.GetValue<string>());

        // The report is now on the clock, due 2 weeks after the meeting; sending it takes it off.
        var items = (await Expect(await senco.GetAsync($"/api/v1/schools/{f.SchoolA}/statutory-deadlines?withinDays=30"), HttpStatusCode.OK))["items"]!.AsArray();
        Assert.Contains(items, i => i!["pupilId"]!.GetValue<Guid>() == pupil && i["kind"]!.GetValue<string>() == "ReviewReport" && i["dueOn"]!.GetValue<string>() == Iso(meeting.AddDays(14)));
        var sent = await Expect(await senco.PutAsJsonAsync($"/api/v1/ehc-plans/{planId}/reviews/{reviewId}", new { reportSentOn = Iso(Today), version = held["version"]!.GetValue<int>() }), HttpStatusCode.OK);
        items = (await Expect(await senco.GetAsync($"/api/v1/schools/{f.SchoolA}/statutory-deadlines?withinDays=30"), HttpStatusCode.OK))["items"]!.AsArray();
        Assert.DoesNotContain(items, i => i!["pupilId"]!.GetValue<Guid>() == pupil && i["kind"]!.GetValue<string>() == "ReviewReport");

        // A stale version is refused and nothing is overwritten.
        await Expect(await senco.PutAsJsonAsync($"/api/v1/ehc-plans/{planId}/reviews/{reviewId}", new { attendees = "Someone", version = held["version"]!.GetValue<int>() }), HttpStatusCode.Conflict);
        var again = await Expect(await senco.GetAsync($"/api/v1/ehc-plans/{planId}/reviews/{reviewId}"), HttpStatusCode.OK);
        Assert.Null(again["attendees"]);
        Assert.Equal(sent["version"]!.GetValue<int>(), again["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_meeting_before_the_plan_was_issued_is_400_and_nothing_is_arranged()
    {
        var issued = Today.AddDays(-30);
        var (_, planId) = await f.PupilWithPlanAsync(issued);
        var senco = await f.ClientAsync("senco@a.test");
        var problem = await Expect(await senco.PostAsJsonAsync($"/api/v1/ehc-plans/{planId}/reviews", new { meetingOn = Iso(issued.AddDays(-1)) }), HttpStatusCode.BadRequest);
        Assert.Contains("when the plan was issued", problem["errors"]!["meetingOn"]![0]!.GetValue<string>());
        Assert.Empty((await Expect(await senco.GetAsync($"/api/v1/ehc-plans/{planId}/reviews"), HttpStatusCode.OK)).AsArray());

        var review = await Expect(await senco.PostAsJsonAsync($"/api/v1/ehc-plans/{planId}/reviews", new { meetingOn = Iso(Today) }), HttpStatusCode.Created);
        var id = review["id"]!.GetValue<Guid>();
        problem = await Expect(await senco.PutAsJsonAsync($"/api/v1/ehc-plans/{planId}/reviews/{id}", new { heldOn = Iso(issued.AddDays(-2)), recommendation = "Maintain" }), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["heldOn"]);
        problem = await Expect(await senco.PutAsJsonAsync($"/api/v1/ehc-plans/{planId}/reviews/{id}", new { heldOn = Iso(Today), recommendation = "Continue" }), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["recommendation"]);
        Assert.Null((await Expect(await senco.GetAsync($"/api/v1/ehc-plans/{planId}/reviews/{id}"), HttpStatusCode.OK))["heldOn"]);
    }

    [Fact]
    public async Task A_ceased_plan_cannot_be_reviewed()
    {
        var (pupil, planId) = await f.PupilWithPlanAsync(Today.AddDays(-360));
        var senco = await f.ClientAsync("senco@a.test");
        var review = await Expect(await senco.PostAsJsonAsync($"/api/v1/ehc-plans/{planId}/reviews", new { meetingOn = Iso(Today.AddDays(-20)) }), HttpStatusCode.Created);
        var id = review["id"]!.GetValue<Guid>();
        await Expect(await senco.PutAsJsonAsync($"/api/v1/ehc-plans/{planId}/reviews/{id}", new { heldOn = Iso(Today.AddDays(-20)), recommendation = "Cease", laDecision = "Cease", laDecisionOn = Iso(Today.AddDays(-2)) }), HttpStatusCode.OK);

        var plan = await Expect(await senco.GetAsync($"/api/v1/ehc-plans/{planId}"), HttpStatusCode.OK);
        Assert.Equal(Iso(Today.AddDays(-2)), plan["ceasedOn"]!.GetValue<string>());
        Assert.Null(plan["nextReviewDue"]);
        await Expect(await senco.GetAsync($"/api/v1/pupils/{pupil}/ehc-plans/current"), HttpStatusCode.NotFound);

        var conflict = await Expect(await senco.PostAsJsonAsync($"/api/v1/ehc-plans/{planId}/reviews", new { meetingOn = Iso(Today) }), HttpStatusCode.Conflict);
        Assert.Contains("ceased", conflict["detail"]!.GetValue<string>());
        await Expect(await senco.PutAsJsonAsync($"/api/v1/ehc-plans/{planId}/reviews/{id}", new { attendees = "x" }), HttpStatusCode.Conflict);
        Assert.Single((await Expect(await senco.GetAsync($"/api/v1/ehc-plans/{planId}/reviews"), HttpStatusCode.OK)).AsArray());
        var items = (await Expect(await senco.GetAsync($"/api/v1/schools/{f.SchoolA}/statutory-deadlines?withinDays=366"), HttpStatusCode.OK))["items"]!.AsArray();
        Assert.DoesNotContain(items, i => i!["pupilId"]!.GetValue<Guid>() == pupil);
    }

    [Fact]
    public async Task Progress_is_recorded_against_the_plans_own_outcomes_only()
    {
        var (_, planId) = await f.PupilWithPlanAsync(Today.AddDays(-300));
        var senco = await f.ClientAsync("senco@a.test");
        var plan = await Expect(await senco.PostAsJsonAsync($"/api/v1/ehc-plans/{planId}/needs", new { description = "Reading", outcomes = new[] { "Reads a short book independently" } }), HttpStatusCode.Created);
        var outcomeId = plan["needs"]![0]!["outcomes"]![0]!["id"]!.GetValue<long>();
        var review = await Expect(await senco.PostAsJsonAsync($"/api/v1/ehc-plans/{planId}/reviews", new { meetingOn = Iso(Today.AddDays(-1)) }), HttpStatusCode.Created);
        var id = review["id"]!.GetValue<Guid>();
        var problem = await Expect(await senco.PutAsJsonAsync($"/api/v1/ehc-plans/{planId}/reviews/{id}", new { heldOn = Iso(Today.AddDays(-1)), recommendation = "Amend", progress = new[] { new { outcomeId = 999999L, progress = "Achieved" } } }), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["progress[0].outcomeId"]);
        var ok = await Expect(await senco.PutAsJsonAsync($"/api/v1/ehc-plans/{planId}/reviews/{id}", new
        {
            heldOn = Iso(Today.AddDays(-1)), recommendation = "Amend", attendees = "Parent, SENCO, class teacher, EP", pupilViews = "Likes reading with an adult", parentViews = "Pleased with progress",
            amendmentsProposedOn = Iso(Today), amendments = "Update section F hours",
            progress = new[] { new { outcomeId, progress = "GoodProgress", note = "Reads most of a short book" } },
        }), HttpStatusCode.OK);
        Assert.Equal("GoodProgress", ok["progress"]![0]!["progress"]!.GetValue<string>());
        Assert.Equal(Iso(Today.AddDays(56)), ok["amendedPlanDue"]!.GetValue<string>());
    }
}

[Collection(EhcCollection.Name)]
public class StatutoryDeadlinesApiTests(EhcFixture f)
{
    [Fact]
    public async Task Overdue_dates_are_always_included_and_everything_comes_soonest_first()
    {
        var (pupil, _) = await f.PupilWithPlanAsync(Today.AddDays(-400));
        var senco = await f.ClientAsync("senco@a.test");
        var items = (await Expect(await senco.GetAsync($"/api/v1/schools/{f.SchoolA}/statutory-deadlines?withinDays=0"), HttpStatusCode.OK))["items"]!.AsArray();
        var mine = Assert.Single(items, i => i!["pupilId"]!.GetValue<Guid>() == pupil)!;
        Assert.Equal("AnnualReviewMeeting", mine["kind"]!.GetValue<string>());
        Assert.Equal(Iso(Today.AddDays(-400).AddMonths(12)), mine["dueOn"]!.GetValue<string>());
        Assert.True(mine["overdue"]!.GetValue<bool>());
        foreach (var i in items) Assert.True(i!["overdue"]!.GetValue<bool>() || i["dueOn"]!.GetValue<string>() == Iso(Today));

        var all = (await Expect(await senco.GetAsync($"/api/v1/schools/{f.SchoolA}/statutory-deadlines"), HttpStatusCode.OK))["items"]!.AsArray();
        var dates = all.Select(i => i!["dueOn"]!.GetValue<string>()).ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal).ToList(), dates);
        Assert.All(all, i => Assert.True(string.CompareOrdinal(i!["dueOn"]!.GetValue<string>(), Iso(Today.AddDays(30))) <= 0));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1000")]
    public async Task A_bad_window_is_400_naming_withinDays(string within)
    {
        var senco = await f.ClientAsync("senco@a.test");
        var problem = await Expect(await senco.GetAsync($"/api/v1/schools/{f.SchoolA}/statutory-deadlines?withinDays={within}"), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["withinDays"]);
    }

    [Fact]
    public async Task A_trust_lead_sees_the_trusts_schools_and_no_other()
    {
        var (inB, _) = await f.PupilWithPlanAsync(Today.AddDays(-380), "B", "9");
        var (inC, _) = await f.PupilWithPlanAsync(Today.AddDays(-380), "C", "3");
        var lead = await f.ClientAsync("trustlead@a.test");
        var items = (await Expect(await lead.GetAsync("/api/v1/statutory-deadlines?withinDays=30"), HttpStatusCode.OK))["items"]!.AsArray();
        Assert.Contains(items, i => i!["pupilId"]!.GetValue<Guid>() == inB && i["schoolUrn"]!.GetValue<string>() == f.SchoolB);
        Assert.DoesNotContain(items, i => i!["pupilId"]!.GetValue<Guid>() == inC);
        await Expect(await lead.GetAsync($"/api/v1/schools/{f.SchoolB}/statutory-deadlines"), HttpStatusCode.OK);
        await Expect(await lead.GetAsync($"/api/v1/schools/{f.SchoolC}/statutory-deadlines"), HttpStatusCode.NotFound);

        var other = await f.ClientAsync("senco@c.test");
        var theirs = (await Expect(await other.GetAsync("/api/v1/statutory-deadlines"), HttpStatusCode.OK))["items"]!.AsArray();
        Assert.All(theirs, i => Assert.Equal(f.SchoolC, i!["schoolUrn"]!.GetValue<string>()));
    }
}
