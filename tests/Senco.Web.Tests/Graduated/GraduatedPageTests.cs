using System.Net;
using Microsoft.EntityFrameworkCore;
using static Senco.Web.Tests.Graduated.GraduatedFixture;

namespace Senco.Web.Tests.Graduated;

/// The pages of the graduated approach, parsed as a browser gets them: who sees what, errors named beside the
/// field with nothing typed lost, and the conflict view when two people edit the same plan.
[Collection(GraduatedCollection.Name)]
public sealed class GraduatedPageTests(GraduatedFixture app)
{
    private static string D(int days) => Today.AddDays(days).ToString("yyyy-MM-dd");

    [Fact]
    public async Task A_teacher_sees_the_passports_of_their_own_pupils_only()
    {
        using (var senco = await app.ApiAsAsync("senco"))
        {
            foreach (var p in new[] { app.P1, app.P2 })
                if ((await senco.GetAsync($"/api/v1/pupils/{p}/passport")).StatusCode == HttpStatusCode.NotFound)
                    await Send(senco.PutAsync($"/api/v1/pupils/{p}/passport", Json(PassportApiTests.PassportBody())), HttpStatusCode.Created);
        }
        using var teacher = await app.PagesAsAsync("teacher");
        var list = await teacher.GetDocumentAsync($"/schools/{UrnA}/passports");
        Assert.Equal("Your pupils' passports", list.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("5T", list.QuerySelector("main")!.TextContent);
        var links = list.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/pupils/{app.P1}/passport", links);
        Assert.DoesNotContain($"/pupils/{app.P2}/passport", links);

        var passport = await teacher.GetDocumentAsync($"/pupils/{app.P1}/passport");
        Assert.Contains("my learning passport", passport.QuerySelector("h1")!.TextContent);
        Assert.NotNull(passport.QuerySelector(".senco-print-a4"));
        Assert.NotNull(passport.QuerySelector("button.senco-print-button[hidden]"));
        Assert.Null(passport.QuerySelector("#read-by")); // who has read it is for the SENCO
        Assert.Contains(passport.QuerySelectorAll("a"), a => a.TextContent.Contains("Propose a change"));
        Assert.DoesNotContain(passport.QuerySelectorAll("a"), a => a.TextContent.Contains("Edit the passport"));

        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync($"/pupils/{app.P2}/passport")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync($"/pupils/{app.PB}/passport")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync($"/schools/{UrnA}/support-plans")).Status);
        // The navigation offers what the role may use.
        var nav = list.QuerySelector("nav.senco-nav")!.TextContent;
        Assert.Contains("Passports", nav);
        Assert.DoesNotContain("Support plans", nav);
    }

    [Fact]
    public async Task A_teacher_records_that_they_have_read_a_passport_and_the_senco_sees_it()
    {
        var pupil = await app.NewPupilAsync(UrnA, forename: "Reads");
        using (var senco = await app.ApiAsAsync("senco"))
        {
            await Send(senco.PutAsync($"/api/v1/pupils/{pupil}/passport", Json(PassportApiTests.PassportBody())), HttpStatusCode.Created);
            await Send(senco.PutAsync($"/api/v1/teaching-groups/{app.TeachersGroupId}", Json(new { name = "5T", yearGroup = "5", pupilIds = new[] { app.P1, pupil }, teacherIds = new[] { app.UserIds["teacher"] } })), HttpStatusCode.OK);
        }
        using var teacher = await app.PagesAsAsync("teacher");
        var page = await teacher.GetDocumentAsync($"/pupils/{pupil}/passport");
        var r = await teacher.PostFormAsync($"/pupils/{pupil}/passport?handler=Read", page, [], "form[action*='handler=Read']");
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        page = await teacher.GetDocumentAsync($"/pupils/{pupil}/passport");
        Assert.Contains("You recorded reading this passport", page.QuerySelector("main")!.TextContent);

        using var sencoPages = await app.PagesAsAsync("senco");
        var seen = await sencoPages.GetDocumentAsync($"/pupils/{pupil}/passport");
        var readBy = seen.QuerySelector("table.senco-read-by")!.TextContent;
        Assert.Contains("teacher person", readBy);
        Assert.Contains("Current", readBy);
    }

    [Fact]
    public async Task The_plan_form_names_every_problem_beside_its_field_and_keeps_what_was_typed()
    {
        var pupil = await app.NewPupilAsync(UrnA);
        using var senco = await app.PagesAsAsync("senco");
        var form = await senco.GetDocumentAsync($"/pupils/{pupil}/support-plans/new");
        var r = await senco.PostFormAsync($"/pupils/{pupil}/support-plans/new", form, new()
        {
            ["Input.Strengths"] = "Loves <b>Lego</b> & drawing",
            ["Input.NeedsCognitionAndLearning"] = "Reading well below expectations",
            ["Input.Evidence"] = "",
            ["Input.Outcomes[0].Description"] = "",
            ["Input.ReviewDue.Day"] = Today.AddDays(-2).Day.ToString(),
            ["Input.ReviewDue.Month"] = Today.AddDays(-2).Month.ToString(),
            ["Input.ReviewDue.Year"] = Today.AddDays(-2).Year.ToString(),
            ["Input.Strategies[0].Description"] = "Precision teaching",
            ["Input.Strategies[0].Who"] = new string('w', 201),
        });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var page = PageClient.Parse(await r.Content.ReadAsStringAsync());
        var summary = page.QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("Enter the evidence and assessments used", summary);
        Assert.Contains("Add at least one outcome", summary);
        Assert.Contains("The review date must be today or in the future", summary);
        Assert.Contains("Who does strategy 1 must be 200 characters or fewer", summary);
        Assert.StartsWith("Error:", page.Title);
        // Each error links to its field, and the field shows the message.
        Assert.NotNull(page.QuerySelector(".govuk-error-summary a[href='#Input-Evidence']"));
        Assert.NotNull(page.QuerySelector(".govuk-error-summary a[href='#Input-Outcomes']"));
        Assert.NotNull(page.QuerySelector("#Input-Outcomes"));
        Assert.NotNull(page.QuerySelector(".govuk-error-summary a[href='#Input-ReviewDue-Day']"));
        Assert.Contains("must be 200 characters", page.QuerySelector("#Input-Strategies-0-Who-error")!.TextContent);
        // Nothing typed is lost (and the markup someone typed stays text).
        Assert.Equal("Loves <b>Lego</b> & drawing", page.QuerySelector("#Input-Strengths")!.TextContent.Trim());
        Assert.Equal("Precision teaching", page.QuerySelector("#Input-Strategies-0-Description")!.TextContent.Trim());
        Assert.Equal(Today.AddDays(-2).Day.ToString(), page.QuerySelector("#Input-ReviewDue-Day")!.GetAttribute("value"));

        var (scope, db) = app.SystemDb();
        using (scope) Assert.False(await db.SupportPlans.AnyAsync(p => p.PupilId == pupil));
    }

    [Fact]
    public async Task A_senco_starts_a_plan_through_the_form()
    {
        var pupil = await app.NewPupilAsync(UrnA);
        using var senco = await app.PagesAsAsync("senco");
        var form = await senco.GetDocumentAsync($"/pupils/{pupil}/support-plans/new");
        Assert.NotNull(form.QuerySelector(".govuk-warning-text")); // parents not yet told
        var due = Today.AddDays(70);
        var r = await senco.PostFormAsync($"/pupils/{pupil}/support-plans/new", form, new()
        {
            ["Input.Strengths"] = "Kind and curious",
            ["Input.NeedsCommunicationAndInteraction"] = "Finds instructions hard",
            ["Input.Evidence"] = "Screening",
            ["Input.Outcomes[0].Description"] = "Follow a two-step instruction",
            ["Input.Outcomes[0].ByWhen.Day"] = due.Day.ToString(), ["Input.Outcomes[0].ByWhen.Month"] = due.Month.ToString(), ["Input.Outcomes[0].ByWhen.Year"] = due.Year.ToString(),
            ["Input.Outcomes[0].Measure"] = "Observed in 4 of 5 lessons",
            ["Input.Strategies[0].Description"] = "Processing time",
            ["Input.Strategies[0].Who"] = "Class teacher",
        });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var plan = await senco.GetDocumentAsync(r.Headers.Location!.OriginalString);
        Assert.Equal("Support plan: cycle 1", plan.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Follow a two-step instruction", plan.QuerySelector("main")!.TextContent);
        Assert.Contains("The support plan has been saved.", plan.QuerySelector(".govuk-notification-banner")!.TextContent);
    }

    [Fact]
    public async Task Two_staff_editing_the_same_plan_the_second_sees_the_first_change_and_nothing_is_overwritten()
    {
        var pupil = await app.NewPupilAsync(UrnA);
        string planId;
        using (var api = await app.ApiAsAsync("senco"))
            planId = (await Send(api.PostAsync($"/api/v1/pupils/{pupil}/support-plans", Json(SupportPlanApiTests.PlanBody())), HttpStatusCode.Created))["id"]!.GetValue<string>();

        using var ruth = await app.PagesAsAsync("senco");
        using var tom = await app.PagesAsAsync("assistant");
        var ruthForm = await ruth.GetDocumentAsync($"/support-plans/{planId}/edit");
        var tomForm = await tom.GetDocumentAsync($"/support-plans/{planId}/edit");

        var saved = await ruth.PostFormAsync($"/support-plans/{planId}/edit", ruthForm, new() { ["Input.Strengths"] = "Ruth: strong visual memory" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var refused = await tom.PostFormAsync($"/support-plans/{planId}/edit", tomForm, new() { ["Input.Strengths"] = "Tom: enjoys drama" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = PageClient.Parse(await refused.Content.ReadAsStringAsync());
        var conflict = page.QuerySelector("#conflict")!.TextContent;
        Assert.Contains("changed this plan", conflict);
        Assert.Contains("Ruth: strong visual memory", conflict);
        Assert.Contains("Tom: enjoys drama", conflict);
        Assert.Equal("Tom: enjoys drama", page.QuerySelector("#Input-Strengths")!.TextContent.Trim());
        Assert.Equal("2", page.QuerySelector("input[name=Version]")!.GetAttribute("value"));

        using (var api = await app.ApiAsAsync("senco"))
            Assert.Equal("Ruth: strong visual memory", (await Send(api.GetAsync($"/api/v1/support-plans/{planId}"), HttpStatusCode.OK))["strengths"]!.GetValue<string>());

        // Saving again, knowingly, replaces it.
        var again = await tom.PostFormAsync($"/support-plans/{planId}/edit", page, []);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task A_review_through_the_form_starts_the_next_cycle_and_the_old_one_is_read_only()
    {
        var pupil = await app.NewPupilAsync(UrnA);
        string planId;
        using (var api = await app.ApiAsAsync("senco"))
            planId = (await Send(api.PostAsync($"/api/v1/pupils/{pupil}/support-plans", Json(SupportPlanApiTests.PlanBody())), HttpStatusCode.Created))["id"]!.GetValue<string>();
        using var senco = await app.PagesAsAsync("senco");
        var form = await senco.GetDocumentAsync($"/support-plans/{planId}/review");
        var missing = await senco.PostFormAsync($"/support-plans/{planId}/review", form, new() { ["Input.WhatWeLearned"] = "" });
        var errors = PageClient.Parse(await missing.Content.ReadAsStringAsync());
        Assert.Contains("Select whether \"Follow a two-step instruction\" was achieved", errors.QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.NotNull(errors.QuerySelector(".govuk-error-summary a[href='#Input-Outcomes-0-Rating']"));

        var r = await senco.PostFormAsync($"/support-plans/{planId}/review", form, new()
        {
            ["Input.Outcomes[0].Rating"] = "Achieved", ["Input.Outcomes[0].Evidence"] = "Every lesson",
            ["Input.Outcomes[1].Rating"] = "PartlyAchieved", ["Input.Outcomes[1].Evidence"] = "6 of 10 words",
            ["Input.Outcomes[2].Rating"] = "NotYetAchieved", ["Input.Outcomes[2].Evidence"] = "Needs prompts",
            ["Input.WhatWeLearned"] = "Picture prompts help",
        });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var next = await senco.GetDocumentAsync(r.Headers.Location!.OriginalString);
        Assert.Equal("Support plan: cycle 2", next.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("2 outcomes carried forward", next.QuerySelector(".govuk-notification-banner")!.TextContent);
        Assert.Contains("Carried forward from cycle 1", next.QuerySelector("main")!.TextContent);

        var old = await senco.GetDocumentAsync($"/support-plans/{planId}");
        Assert.Contains("kept as history", old.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain(old.QuerySelectorAll("a"), a => a.TextContent.Contains("Edit the plan"));
        var (status, _) = await senco.GetAsync($"/support-plans/{planId}/edit");
        Assert.Equal(HttpStatusCode.Redirect, status);
    }

    [Fact]
    public async Task Only_the_senco_opens_a_proposed_change_and_sees_the_passport_beside_it()
    {
        var pupil = await app.NewPupilAsync(UrnA);
        using (var api = await app.ApiAsAsync("senco"))
            await Send(api.PutAsync($"/api/v1/pupils/{pupil}/passport", Json(PassportApiTests.PassportBody())), HttpStatusCode.Created);
        int id;
        using (var ta = await app.ApiAsAsync("ta"))
            id = (await Send(ta.PostAsync($"/api/v1/pupils/{pupil}/passport/proposals", Json(PassportApiTests.PassportBody(important: "Swimming on Tuesdays"))), HttpStatusCode.Created))["id"]!.GetValue<int>();

        using var taPages = await app.PagesAsAsync("ta");
        Assert.Equal(HttpStatusCode.Forbidden, (await taPages.GetAsync($"/passport-proposals/{id}")).Status);
        using var other = await app.PagesAsAsync("sencoB");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/passport-proposals/{id}")).Status);

        using var senco = await app.PagesAsAsync("senco");
        var list = await senco.GetDocumentAsync($"/schools/{UrnA}/passports");
        Assert.Contains(list.QuerySelectorAll(".senco-pending a"), a => a.GetAttribute("href") == $"/passport-proposals/{id}");
        var page = await senco.GetDocumentAsync($"/passport-proposals/{id}");
        var changed = page.QuerySelectorAll("table.senco-diff tr.senco-changed").ToList();
        Assert.Single(changed);
        Assert.Contains("My dog Biscuit", changed[0].QuerySelector(".senco-diff__before")!.TextContent);
        Assert.Contains("Swimming on Tuesdays", changed[0].QuerySelector(".senco-diff__after")!.TextContent);

        var r = await senco.PostFormAsync($"/passport-proposals/{id}?handler=Approve", page, []);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var passport = await senco.GetDocumentAsync($"/pupils/{pupil}/passport");
        Assert.Contains("Swimming on Tuesdays", passport.QuerySelector(".senco-passport")!.TextContent);
    }

    [Fact]
    public async Task Governors_and_the_office_see_no_plan_or_passport_and_another_school_sees_nothing()
    {
        using var governor = await app.PagesAsAsync("governor");
        Assert.Equal(HttpStatusCode.Forbidden, (await governor.GetAsync($"/schools/{UrnA}/support-plans")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await governor.GetAsync($"/schools/{UrnA}/passports")).Status);
        using var office = await app.PagesAsAsync("office");
        Assert.Equal(HttpStatusCode.Forbidden, (await office.GetAsync($"/pupils/{app.P1}/passport")).Status);
        var groups = await office.GetDocumentAsync($"/schools/{UrnA}/teaching-groups");
        Assert.Contains("5T", groups.QuerySelector("main")!.TextContent);
        var record = await office.GetDocumentAsync($"/pupils/{app.P1}");
        Assert.Null(record.QuerySelector("#graduated"));
        using var other = await app.PagesAsAsync("sencoB");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/schools/{UrnA}/support-plans")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/pupils/{app.P1}/support-plans")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/teaching-groups/{app.TeachersGroupId}")).Status);
    }

    [Fact]
    public async Task The_pupils_record_links_to_the_plan_and_passport_and_prompts_to_tell_the_parents()
    {
        var pupil = await app.NewPupilAsync(UrnA);
        using var senco = await app.PagesAsAsync("senco");
        var record = await senco.GetDocumentAsync($"/pupils/{pupil}");
        var section = record.QuerySelector("main")!.TextContent;
        Assert.Contains("Support plan and passport", section);
        Assert.Contains("Parents must be told when SEN support starts", section);
        Assert.Contains(record.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/pupils/{pupil}/parents-informed");
        Assert.Contains(record.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/pupils/{pupil}/support-plans/new");

        var form = await senco.GetDocumentAsync($"/pupils/{pupil}/parents-informed");
        var r = await senco.PostFormAsync($"/pupils/{pupil}/parents-informed", form, new() { ["Input.How"] = "Meeting" });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        record = await senco.GetDocumentAsync($"/pupils/{pupil}");
        Assert.DoesNotContain("Parents must be told when SEN support starts", record.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Reviews_due_and_settings_pages_answer_for_the_senco()
    {
        using var senco = await app.PagesAsAsync("senco");
        var due = await senco.GetDocumentAsync($"/schools/{UrnA}/reviews-due?within=90");
        Assert.Equal("Reviews due", due.QuerySelector("h1")!.TextContent.Trim());
        var settings = await senco.GetDocumentAsync($"/schools/{UrnA}/graduated-settings");
        var r = await senco.PostFormAsync($"/schools/{UrnA}/graduated-settings", settings, new() { ["PassportReviewMonths"] = "0" });
        var page = PageClient.Parse(await r.Content.ReadAsStringAsync());
        Assert.Contains("Passport reviews must be between 1 and 12 months apart", page.QuerySelector(".govuk-error-summary")!.TextContent);
        using var assistant = await app.PagesAsAsync("assistant");
        Assert.Equal(HttpStatusCode.Forbidden, (await assistant.GetAsync($"/schools/{UrnA}/graduated-settings")).Status);
    }
}
