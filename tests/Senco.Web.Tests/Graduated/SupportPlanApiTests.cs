using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using static Senco.Web.Tests.Graduated.GraduatedFixture;

namespace Senco.Web.Tests.Graduated;

/// Support plans through the API: writing one, bad input named by field, two people editing at once, reviewing a
/// cycle and rolling into the next, and who may do which.
[Collection(GraduatedCollection.Name)]
public sealed class SupportPlanApiTests(GraduatedFixture app)
{
    private static string D(int days) => Today.AddDays(days).ToString("yyyy-MM-dd");

    public static object PlanBody(int? version = null, string strengths = "Kind and curious; loves Lego", object[]? outcomes = null, object[]? strategies = null,
        string? reviewDue = null, Guid? lead = null) => new
    {
        strengths,
        needsCommunicationAndInteraction = "Finds longer spoken instructions hard to follow",
        evidence = "Speech and language screening, October",
        outcomes = outcomes ??
        [
            new { description = "Follow a two-step instruction", byWhen = D(60), measure = "Observed in 4 of 5 lessons" },
            new { description = "Use 10 new topic words", byWhen = D(70), measure = "Vocabulary check" },
            new { description = "Retell a story in order", byWhen = D(80), measure = "Recorded retelling" },
        ],
        strategies = strategies ?? [new { description = "Processing time: wait ten seconds", who = "Class teacher", howOften = "Every lesson" }],
        pupilViews = "I like the picture cards",
        parentViews = (string?)null,
        reviewDue = reviewDue ?? D(84),
        leadUserId = lead,
        version,
    };

    private async Task<JsonNode> CreatePlanAsync(Guid pupil, object? body = null)
    {
        using var senco = await app.ApiAsAsync("senco");
        return await Send(senco.PostAsync($"/api/v1/pupils/{pupil}/support-plans", Json(body ?? PlanBody())), HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_senco_writes_a_plan_with_a_strategy_from_the_bank_and_reads_it_back()
    {
        var pupil = await app.NewPupilAsync(UrnA);
        using var senco = await app.ApiAsAsync("senco");
        var bank = await Send(senco.PostAsync($"/api/v1/schools/{UrnA}/strategies", Json(new { area = "CommunicationAndInteraction", title = "Visual timetable", description = "Pictures of the day's activities" })), HttpStatusCode.Created);
        var bankId = bank["id"]!.GetValue<int>();

        var plan = await CreatePlanAsync(pupil, PlanBody(strategies: [new { strategyId = bankId, who = "Teaching assistant", howOften = "Daily" }], lead: app.UserIds["assistant"]));
        Assert.Equal(1, plan["cycle"]!.GetValue<int>());
        Assert.Equal("Current", plan["status"]!.GetValue<string>());
        Assert.Equal(1, plan["version"]!.GetValue<int>());
        Assert.Equal(Today.ToString("yyyy-MM-dd"), plan["startedOn"]!.GetValue<string>());
        Assert.Equal(3, plan["outcomes"]!.AsArray().Count);
        Assert.All(plan["outcomes"]!.AsArray(), o => Assert.Equal("Open", o!["state"]!.GetValue<string>()));
        var strategy = plan["strategies"]![0]!;
        Assert.Equal(bankId, strategy["strategyId"]!.GetValue<int>());
        Assert.Equal("Visual timetable: Pictures of the day's activities", strategy["description"]!.GetValue<string>());
        Assert.Equal("assistant person", plan["lead"]!["name"]!.GetValue<string>());

        var current = await Send(senco.GetAsync($"/api/v1/pupils/{pupil}/support-plans/current"), HttpStatusCode.OK);
        Assert.Equal(plan["id"]!.GetValue<string>(), current["id"]!.GetValue<string>());
        Assert.Equal("NotDue", current["reviewState"]!.GetValue<string>());

        // The change is audited in the same save.
        var (scope, db) = app.SystemDb();
        using (scope) Assert.True(await db.AuditEntries.AnyAsync(a => a.PupilId == pupil && a.Action == "plan.create"));
    }

    [Fact]
    public async Task A_plan_is_only_for_a_pupil_on_the_register_and_only_one_is_current()
    {
        var notOnRegister = await app.NewPupilAsync(UrnA, status: "N");
        using var senco = await app.ApiAsAsync("senco");
        var refused = await Send(senco.PostAsync($"/api/v1/pupils/{notOnRegister}/support-plans", Json(PlanBody())), HttpStatusCode.Conflict);
        Assert.Contains("not on the SEN register", refused["detail"]!.GetValue<string>());

        var pupil = await app.NewPupilAsync(UrnA);
        await CreatePlanAsync(pupil);
        var twice = await Send(senco.PostAsync($"/api/v1/pupils/{pupil}/support-plans", Json(PlanBody())), HttpStatusCode.Conflict);
        Assert.Contains("already has a current support plan", twice["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Empty_outcomes_a_past_review_date_and_over_long_text_are_refused_with_the_field_named()
    {
        var pupil = await app.NewPupilAsync(UrnA);
        using var senco = await app.ApiAsAsync("senco");
        var problem = await Send(senco.PostAsync($"/api/v1/pupils/{pupil}/support-plans", Json(PlanBody(
            strengths: new string('x', 4001), outcomes: [new { description = "", byWhen = (string?)null, measure = "" }], reviewDue: D(-1)))), HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.Equal("The strengths must be 4,000 characters or fewer", errors["strengths"]![0]!.GetValue<string>());
        Assert.StartsWith("Add at least one outcome", errors["outcomes"]![0]!.GetValue<string>());
        Assert.Equal("The review date must be today or in the future", errors["reviewDue"]![0]!.GetValue<string>());

        var partRow = await Send(senco.PostAsync($"/api/v1/pupils/{pupil}/support-plans", Json(PlanBody(
            outcomes: [new { description = "Read 30 words", byWhen = (string?)null, measure = "" }]))), HttpStatusCode.BadRequest);
        Assert.Equal("Enter the date outcome 1 should be achieved by", partRow["errors"]!["outcomes[0].byWhen"]![0]!.GetValue<string>());
        Assert.Equal("Enter how you will know outcome 1 is achieved", partRow["errors"]!["outcomes[0].measure"]![0]!.GetValue<string>());

        // A date that is not a date, inside the list, is named in full.
        var bad = await Send(senco.PostAsync($"/api/v1/pupils/{pupil}/support-plans", Json(PlanBody(
            outcomes: [new { description = "Read 30 words", byWhen = "31/02/2027", measure = "Check" }]))), HttpStatusCode.BadRequest);
        Assert.StartsWith("Enter a date in the form yyyy-MM-dd", bad["errors"]!["outcomes[0].byWhen"]![0]!.GetValue<string>());

        // Nothing was written.
        Assert.Equal(0, (await Send(senco.GetAsync($"/api/v1/pupils/{pupil}/support-plans"), HttpStatusCode.OK)).AsArray().Count);
    }

    [Fact]
    public async Task Two_staff_editing_the_same_plan_the_second_save_is_refused_with_the_first_change_shown()
    {
        var pupil = await app.NewPupilAsync(UrnA);
        var plan = await CreatePlanAsync(pupil);
        var id = plan["id"]!.GetValue<string>();
        using var senco = await app.ApiAsAsync("senco");
        using var assistant = await app.ApiAsAsync("assistant");

        var first = await Send(senco.PutAsync($"/api/v1/support-plans/{id}", Json(PlanBody(version: 1, strengths: "Ruth's wording of the strengths"))), HttpStatusCode.OK);
        Assert.Equal(2, first["version"]!.GetValue<int>());
        var conflict = await Send(assistant.PutAsync($"/api/v1/support-plans/{id}", Json(PlanBody(version: 1, strengths: "Tom's wording"))), HttpStatusCode.Conflict);
        Assert.Contains("changed this plan", conflict["detail"]!.GetValue<string>());
        Assert.Equal("Ruth's wording of the strengths", conflict["current"]!["strengths"]!.GetValue<string>());
        Assert.Equal(2, conflict["current"]!["version"]!.GetValue<int>());

        var saved = await Send(senco.GetAsync($"/api/v1/support-plans/{id}"), HttpStatusCode.OK);
        Assert.Equal("Ruth's wording of the strengths", saved["strengths"]!.GetValue<string>());

        // No version at all is a field error, not a silent overwrite.
        var noVersion = await Send(assistant.PutAsync($"/api/v1/support-plans/{id}", Json(PlanBody())), HttpStatusCode.BadRequest);
        Assert.True(noVersion["errors"]!.AsObject().ContainsKey("version"));
    }

    [Fact]
    public async Task Outcomes_keep_their_identity_when_edited_and_one_can_be_added()
    {
        var pupil = await app.NewPupilAsync(UrnA);
        var plan = await CreatePlanAsync(pupil);
        var id = plan["id"]!.GetValue<string>();
        var outcomes = plan["outcomes"]!.AsArray();
        using var senco = await app.ApiAsAsync("senco");
        // Drop the first outcome, reword the second: the second keeps its id.
        var second = outcomes[1]!;
        var edited = await Send(senco.PutAsync($"/api/v1/support-plans/{id}", Json(PlanBody(version: 1, outcomes:
        [
            new { id = second["id"]!.GetValue<int>(), description = "Use 12 new topic words", byWhen = D(70), measure = "Vocabulary check" },
            new { id = outcomes[2]!["id"]!.GetValue<int>(), description = outcomes[2]!["description"]!.GetValue<string>(), byWhen = D(80), measure = "Recorded retelling" },
        ]))), HttpStatusCode.OK);
        Assert.Equal(second["id"]!.GetValue<int>(), edited["outcomes"]![0]!["id"]!.GetValue<int>());
        Assert.Equal("Use 12 new topic words", edited["outcomes"]![0]!["description"]!.GetValue<string>());
        Assert.Equal(2, edited["outcomes"]!.AsArray().Count);

        var added = await Send(senco.PostAsync($"/api/v1/support-plans/{id}/outcomes", Json(new { description = "Ask for help with the help card", byWhen = D(40), measure = "TA log", version = 2 })), HttpStatusCode.Created);
        Assert.Equal(3, added["outcomes"]!.AsArray().Count);
        Assert.Equal(3, added["version"]!.GetValue<int>());
        var emptyOutcome = await Send(senco.PostAsync($"/api/v1/support-plans/{id}/outcomes", Json(new { description = "", version = 3 })), HttpStatusCode.BadRequest);
        Assert.True(emptyOutcome["errors"]!.AsObject().ContainsKey("description"));
    }

    [Fact]
    public async Task A_review_rates_every_outcome_and_rolls_into_the_next_cycle_leaving_the_old_one_as_history()
    {
        var pupil = await app.NewPupilAsync(UrnA);
        var plan = await CreatePlanAsync(pupil, PlanBody(strategies:
        [
            new { description = "Processing time", who = "Class teacher", howOften = "Every lesson" },
            new { description = "Lunchtime buddy", who = "Midday supervisor", howOften = "Daily" },
        ]));
        var id = plan["id"]!.GetValue<string>();
        var o = plan["outcomes"]!.AsArray().Select(x => x!["id"]!.GetValue<int>()).ToArray();
        var s = plan["strategies"]!.AsArray().Select(x => x!["id"]!.GetValue<int>()).ToArray();
        using var senco = await app.ApiAsAsync("senco");

        // Every outcome must be rated, with evidence; the review cannot be in the future.
        var incomplete = await Send(senco.PostAsync($"/api/v1/support-plans/{id}/reviews", Json(new
        {
            heldOn = D(1), outcomes = new[] { new { outcomeId = o[0], rating = "Achieved", evidence = "" } }, whatWeLearned = "x", startNextCycle = true, nextReviewDue = D(84),
        })), HttpStatusCode.BadRequest);
        var errors = incomplete["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("heldOn"));
        Assert.True(errors.ContainsKey("outcomes[0].evidence"));
        Assert.StartsWith("Rate every outcome of the plan", errors["outcomes"]![0]!.GetValue<string>());

        var result = await Send(senco.PostAsync($"/api/v1/support-plans/{id}/reviews", Json(new
        {
            heldOn = D(0),
            outcomes = new[]
            {
                new { outcomeId = o[0], rating = "Achieved", evidence = "Follows two-step instructions in every lesson" },
                new { outcomeId = o[1], rating = "PartlyAchieved", evidence = "Uses 6 of the 10 words" },
                new { outcomeId = o[2], rating = "NotYetAchieved", evidence = "Needs picture prompts for every step" },
            },
            whatWeLearned = "Processing time works; the buddy did not", pupilViews = "I like the cards", parentViews = "Happy",
            startNextCycle = true, nextReviewDue = D(90), continueStrategyIds = new[] { s[0] }, version = 1,
        })), HttpStatusCode.Created);

        var reviewed = result["reviewedPlan"]!;
        Assert.Equal("Reviewed", reviewed["status"]!.GetValue<string>());
        Assert.Equal(["Achieved", "PartlyAchieved", "NotYetAchieved"], reviewed["outcomes"]!.AsArray().Select(x => x!["state"]!.GetValue<string>()));
        var next = result["nextPlan"]!;
        Assert.Equal(2, next["cycle"]!.GetValue<int>());
        Assert.Equal(id, next["previousPlanId"]!.GetValue<string>());
        Assert.Equal(D(90), next["reviewDue"]!.GetValue<string>());
        // What still applies carries forward: the two outcomes not achieved, and the strategy kept.
        Assert.Equal([o[1], o[2]], next["outcomes"]!.AsArray().Select(x => x!["carriedFromOutcomeId"]!.GetValue<int>()));
        Assert.All(next["outcomes"]!.AsArray(), x => Assert.Equal("Open", x!["state"]!.GetValue<string>()));
        Assert.Equal(["Processing time"], next["strategies"]!.AsArray().Select(x => x!["description"]!.GetValue<string>()));
        Assert.Equal("Kind and curious; loves Lego", next["strengths"]!.GetValue<string>());
        Assert.Equal("I like the cards", next["pupilViews"]!.GetValue<string>());
        Assert.Equal(next["id"]!.GetValue<string>(), result["review"]!["nextPlanId"]!.GetValue<string>());

        // The old cycle is read-only history, still readable; the pupil's history lists both, newest first.
        var edit = await Send(senco.PutAsync($"/api/v1/support-plans/{id}", Json(PlanBody(version: 2))), HttpStatusCode.Conflict);
        Assert.Contains("kept as history", edit["detail"]!.GetValue<string>());
        await Send(senco.PostAsync($"/api/v1/support-plans/{id}/reviews", Json(new { heldOn = D(0), outcomes = Array.Empty<object>(), whatWeLearned = "again", startNextCycle = false })), HttpStatusCode.Conflict);
        var history = await Send(senco.GetAsync($"/api/v1/pupils/{pupil}/support-plans"), HttpStatusCode.OK);
        Assert.Equal([2, 1], history.AsArray().Select(x => x!["cycle"]!.GetValue<int>()));
        Assert.Equal("Processing time works; the buddy did not", history[1]!["review"]!["whatWeLearned"]!.GetValue<string>());
        var reviews = await Send(senco.GetAsync($"/api/v1/support-plans/{id}/reviews"), HttpStatusCode.OK);
        Assert.Single(reviews.AsArray());
    }

    [Fact]
    public async Task Ending_the_plan_at_a_review_starts_no_cycle_and_a_new_plan_can_follow_later()
    {
        var pupil = await app.NewPupilAsync(UrnA);
        var plan = await CreatePlanAsync(pupil, PlanBody(outcomes: [new { description = "Read 30 words", byWhen = D(30), measure = "Word check" }]));
        var id = plan["id"]!.GetValue<string>();
        using var senco = await app.ApiAsAsync("senco");
        var result = await Send(senco.PostAsync($"/api/v1/support-plans/{id}/reviews", Json(new
        {
            heldOn = D(0), outcomes = new[] { new { outcomeId = plan["outcomes"]![0]!["id"]!.GetValue<int>(), rating = "Achieved", evidence = "32 words" } },
            whatWeLearned = "Outcome met; no further SEN support needed", startNextCycle = false,
        })), HttpStatusCode.Created);
        Assert.Null(result["nextPlan"]);
        await Send(senco.GetAsync($"/api/v1/pupils/{pupil}/support-plans/current"), HttpStatusCode.NotFound);
        var again = await CreatePlanAsync(pupil);
        Assert.Equal(2, again["cycle"]!.GetValue<int>());
        Assert.Equal(id, again["previousPlanId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Parents_told_that_sen_support_started_is_recorded_and_checked()
    {
        var pupil = await app.NewPupilAsync(UrnA);
        using var senco = await app.ApiAsAsync("senco");
        var bad = await Send(senco.PostAsync($"/api/v1/pupils/{pupil}/parents-informed", Json(new { toldOn = D(3), how = "Pigeon" })), HttpStatusCode.BadRequest);
        Assert.True(bad["errors"]!.AsObject().ContainsKey("toldOn"));
        Assert.True(bad["errors"]!.AsObject().ContainsKey("how"));
        var told = await Send(senco.PostAsync($"/api/v1/pupils/{pupil}/parents-informed", Json(new { toldOn = D(-19), how = "Meeting", note = "At parents' evening" })), HttpStatusCode.Created);
        Assert.Equal(D(-20), told["supportStartedOn"]!.GetValue<string>());
        var list = await Send(senco.GetAsync($"/api/v1/pupils/{pupil}/parents-informed"), HttpStatusCode.OK);
        Assert.Equal("Meeting", list[0]!["how"]!.GetValue<string>());
        using var teacher = await app.ApiAsAsync("teacher");
        await Send(teacher.PostAsync($"/api/v1/pupils/{pupil}/parents-informed", Json(new { toldOn = D(0), how = "Letter" })), HttpStatusCode.Forbidden);
    }

    [Theory]
    // Who may read and write plans in their own school. Another school's plan is always "not found".
    [InlineData("senco", HttpStatusCode.OK, HttpStatusCode.Created)]
    [InlineData("assistant", HttpStatusCode.OK, HttpStatusCode.Created)]
    [InlineData("head", HttpStatusCode.OK, HttpStatusCode.Forbidden)]
    [InlineData("teacher", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData("ta", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData("office", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData("governor", HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)]
    [InlineData("sencoB", HttpStatusCode.NotFound, HttpStatusCode.NotFound)]
    public async Task Role_matrix_for_plans(string user, HttpStatusCode read, HttpStatusCode write)
    {
        var pupil = await app.NewPupilAsync(UrnA);
        using var client = await app.ApiAsAsync(user);
        await Send(client.GetAsync($"/api/v1/pupils/{pupil}/support-plans"), read);
        var created = await Send(client.PostAsync($"/api/v1/pupils/{pupil}/support-plans", Json(PlanBody())), write);
        if (write == HttpStatusCode.Created)
        {
            await Send(client.GetAsync($"/api/v1/support-plans/{created["id"]!.GetValue<string>()}"), HttpStatusCode.OK);
            using var other = await app.ApiAsAsync("sencoB");
            await Send(other.GetAsync($"/api/v1/support-plans/{created["id"]!.GetValue<string>()}"), HttpStatusCode.NotFound);
            await Send(other.PutAsync($"/api/v1/support-plans/{created["id"]!.GetValue<string>()}", Json(PlanBody(version: 1))), HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Reviews_due_lists_overdue_and_due_plans_and_passports_by_the_member_of_staff_responsible()
    {
        var pupil = await app.NewPupilAsync(UrnA, forename: "Overdue");
        var plan = await CreatePlanAsync(pupil, PlanBody(lead: app.UserIds["assistant"]));
        using var senco = await app.ApiAsAsync("senco");
        await Send(senco.PutAsync($"/api/v1/pupils/{pupil}/passport", Json(new { aboutMe = "Kind", importantToMe = "My cat", howToSupportMe = "Give me time", keptByUserId = app.UserIds["ta"] })), HttpStatusCode.Created);
        // Time passes: the plan's review date and the passport's last review move into the past.
        var (scope, db) = app.SystemDb();
        using (scope)
        {
            var p = await db.SupportPlans.SingleAsync(x => x.PupilId == pupil);
            p.ReviewDue = Today.AddDays(-3);
            var passport = await db.Passports.SingleAsync(x => x.PupilId == pupil);
            passport.LastReviewedOn = Today.AddMonths(-7);
            await db.SaveChangesAsync();
        }
        var due = await Send(senco.GetAsync($"/api/v1/schools/{UrnA}/reviews-due?withinDays=14"), HttpStatusCode.OK);
        var items = due["items"]!.AsArray().Where(i => i!["pupilId"]!.GetValue<string>() == pupil.ToString()).ToList();
        var planItem = items.Single(i => i!["kind"]!.GetValue<string>() == "SupportPlan")!;
        Assert.True(planItem["overdue"]!.GetValue<bool>());
        Assert.Equal(app.UserIds["assistant"].ToString(), planItem["staff"]!["userId"]!.GetValue<string>());
        Assert.Equal(plan["id"]!.GetValue<string>(), planItem["recordId"]!.GetValue<string>());
        var passportItem = items.Single(i => i!["kind"]!.GetValue<string>() == "Passport")!;
        Assert.True(passportItem["overdue"]!.GetValue<bool>());
        Assert.Equal("ta person", passportItem["staff"]!["name"]!.GetValue<string>());

        await Send(senco.GetAsync($"/api/v1/schools/{UrnA}/reviews-due?withinDays=lots"), HttpStatusCode.BadRequest);
        using var governor = await app.ApiAsAsync("governor");
        await Send(governor.GetAsync($"/api/v1/schools/{UrnA}/reviews-due"), HttpStatusCode.Forbidden);
        using var other = await app.ApiAsAsync("sencoB");
        await Send(other.GetAsync($"/api/v1/schools/{UrnA}/reviews-due"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_openapi_description_lists_the_graduated_endpoints()
    {
        using var anon = app.Factory.CreateClient();
        var doc = await Send(anon.GetAsync("/openapi/v1.json"), HttpStatusCode.OK);
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var path in new[]
        {
            "/api/v1/pupils/{id}/support-plans", "/api/v1/support-plans/{planId}", "/api/v1/support-plans/{planId}/outcomes",
            "/api/v1/support-plans/{planId}/reviews", "/api/v1/pupils/{id}/passport", "/api/v1/pupils/{id}/passport/proposals",
            "/api/v1/passport-proposals/{proposalId}/approve", "/api/v1/schools/{urn}/reviews-due", "/api/v1/schools/{urn}/teaching-groups",
            "/api/v1/schools/{urn}/strategies", "/api/v1/pupils/{id}/parents-informed",
        })
            Assert.Contains(path, paths);
    }
}
