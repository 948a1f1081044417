using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Senco.Browser.Tests.Infrastructure;

namespace Senco.Browser.Tests.Graduated;

/// The graduated approach as its people use it, in Chromium against the demo trust: a SENCO writes a plan, a teacher
/// reads a passport and records it, a review rolls into a new cycle, a TA proposes a passport change and the SENCO
/// approves it. axe-core runs on every new page.
[Collection(AppCollection.Name)]
public sealed class GraduatedJourneyTests(AppServer app, BrowserFixture browser)
{
    private const string Senco = "senco@millbrook.example";
    private const string Teacher = "teacher@millbrook.example";
    private const string Ta = "ta@millbrook.example";

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, app.BaseUrl, email, AppServer.DemoPassword);
        return page;
    }

    private static async Task FillDateAsync(ILocator group, DateOnly date)
    {
        await group.GetByLabel("Day").FillAsync(date.Day.ToString());
        await group.GetByLabel("Month").FillAsync(date.Month.ToString());
        await group.GetByLabel("Year").FillAsync(date.Year.ToString());
    }

    [Fact]
    public async Task A_senco_writes_a_support_plan()
    {
        var page = await SignedInAsync(Senco);
        await BrowserFixture.OpenAsync(page, "SEN support", "Support plans");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Support plans", Level = 1 })).ToBeVisibleAsync();
        await Axe.CheckAsync(page, "graduated-support-plans");

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^No plan yet") }).ClickAsync();
        // A pupil on SEN support without a plan.
        var row = page.Locator("table.senco-plans-table tbody tr", new() { HasText = "SEN support" }).First;
        var name = (await row.Locator("td").First.Locator("a").InnerTextAsync()).Trim();
        await row.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Start a plan") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Start a support plan" })).ToBeVisibleAsync();
        await Axe.CheckAsync(page, "graduated-new-plan");

        // Saving with nothing filled in: every problem is named, and the page stays accessible.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the support plan" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Enter the pupil's strengths");
        await Assertions.Expect(summary).ToContainTextAsync("Add at least one outcome");
        await Assertions.Expect(summary).ToContainTextAsync("Add at least one strategy");
        await Axe.CheckAsync(page, "graduated-new-plan-errors");

        await page.GetByLabel("Strengths").FillAsync("Kind to younger pupils; loves building with Lego and explains his designs.");
        await page.GetByLabel("Cognition and learning").FillAsync("Reading and spelling well below his peers despite good spoken language.");
        await page.GetByLabel("Evidence and assessments used").FillAsync("Single-word reading test (October); phonics check; samples of writing.");
        var outcome = page.Locator(".senco-plan-row").First;
        await outcome.GetByLabel("What will the pupil achieve?").FillAsync("Read the next 30 high-frequency words on sight");
        await FillDateAsync(outcome, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60));
        await outcome.GetByLabel("How will we know?").FillAsync("Word list check with the TA, three days running");
        await page.Locator("#Input-Strategies-0-StrategyId").SelectOptionAsync(new SelectOptionValue { Label = "Cognition and learning: Precision teaching" });
        await page.Locator("#Input-Strategies-0-Who").FillAsync("Mr Hughes (TA)");
        await page.Locator("#Input-Strategies-0-HowOften").FillAsync("Daily, 10 minutes");
        await page.GetByLabel("The pupil's views").FillAsync("I like the word games.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the support plan" }).ClickAsync();

        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("The support plan has been saved");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Support plan: cycle 1" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Precision teaching: Short daily 1:1 practice");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Read the next 30 high-frequency words on sight");
        await Axe.CheckAsync(page, "graduated-plan");

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit the plan" }).ClickAsync();
        await Axe.CheckAsync(page, "graduated-edit-plan");
        await page.GoBackAsync();
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^All cycles of") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Support plan", Level = 1 })).ToBeVisibleAsync();
        await Axe.CheckAsync(page, "graduated-pupil-plans");

        // Record that the parents were told SEN support started (the page prompts for it when there is no record).
        await page.GotoAsync(page.Url.Replace("/support-plans", "/parents-informed"));
        await Axe.CheckAsync(page, "graduated-parents-informed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select how the parents were told");
        await page.GetByLabel("At a meeting").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("the parents were told");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("there is no record that they were");
        await page.Context.CloseAsync();
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public async Task A_teacher_reads_a_passport_of_a_pupil_they_teach_and_records_it()
    {
        var page = await SignedInAsync(Teacher);
        await BrowserFixture.OpenAsync(page, "SEN support", "Passports");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your pupils' passports" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "4B" })).ToBeVisibleAsync();
        // A teacher is offered neither support plans nor reviews due.
        await Assertions.Expect(page.Locator("nav.senco-nav")).Not.ToContainTextAsync("Support plans");
        await Axe.CheckAsync(page, "graduated-teacher-passports");

        var row = page.Locator("table tbody tr", new() { HasText = "Not read yet" }).First;
        var pupil = (await row.Locator("a").InnerTextAsync()).Trim();
        await row.Locator("a").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("my learning passport");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Print (one A4 page)" })).ToBeVisibleAsync();
        await Axe.CheckAsync(page, "graduated-passport-teacher");

        // The passport prints on one A4 page.
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true });
        var pages = Regex.Matches(Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]").Count;
        Assert.Equal(1, pages);

        // The Word document downloads.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download as a Word document" }).ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename);

        await page.GetByRole(AriaRole.Button, new() { Name = "I have read this passport" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("recorded that you have read this passport");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("You recorded reading this passport");

        await page.GetByRole(AriaRole.Link, new() { Name = "Learning passports" }).ClickAsync();
        await Assertions.Expect(page.Locator("table tbody tr", new() { HasText = pupil }).First).ToContainTextAsync("Read");
        await page.Context.CloseAsync();

        // The SENCO sees who has read it.
        var senco = await SignedInAsync(Senco);
        await senco.GotoAsync($"{app.BaseUrl}/schools/999101/passports");
        var parts = pupil.Split(", ");
        await senco.GetByRole(AriaRole.Link, new() { Name = pupil, Exact = true }).ClickAsync();
        await Assertions.Expect(senco.Locator("table.senco-read-by")).ToContainTextAsync("Priya Nair");
        await Axe.CheckAsync(senco, "graduated-passport-senco");
        await senco.Context.CloseAsync();
        Assert.Equal(2, parts.Length);
    }

    [Fact]
    public async Task A_review_rolls_into_a_new_cycle()
    {
        var page = await SignedInAsync(Senco);
        await BrowserFixture.OpenAsync(page, "SEN support", "Reviews due");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Reviews due", Level = 1 })).ToBeVisibleAsync();
        await Axe.CheckAsync(page, "graduated-reviews-due");

        var overdue = page.Locator("table.senco-due-table tbody tr", new() { HasText = "Overdue" }).Filter(new() { HasText = "Support plan" }).First;
        var pupil = (await overdue.Locator("td").First.InnerTextAsync()).Trim();
        await overdue.GetByRole(AriaRole.Link).ClickAsync();
        var cycleHeading = await page.Locator("h1").InnerTextAsync();
        var cycle = int.Parse(Regex.Match(cycleHeading, @"cycle (\d+)").Groups[1].Value);
        var oldUrl = page.Url;
        await page.GetByRole(AriaRole.Link, new() { Name = "Review this plan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Review the support plan" })).ToBeVisibleAsync();
        await Axe.CheckAsync(page, "graduated-review");

        var outcomes = page.Locator(".senco-review-outcome");
        var count = await outcomes.CountAsync();
        Assert.True(count >= 2, $"the demo plan should have 2 or more outcomes, has {count}");
        for (var i = 0; i < count; i++)
        {
            var o = outcomes.Nth(i);
            await o.GetByLabel(i == 0 ? "Achieved" : "Not yet achieved", new() { Exact = true }).CheckAsync();
            await o.Locator("textarea").FillAsync(i == 0 ? "Met in every check for three weeks" : "Some progress in the group, not yet in class");
        }
        await page.GetByLabel("What did we learn?").FillAsync("Short daily sessions work; class strategies need to be used every lesson.");
        await page.GetByLabel("The parents' views").FillAsync("Pleased; would like reading ideas for home.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the review" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Support plan: cycle {cycle + 1}" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync($"{count - 1} outcome");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"Carried forward from cycle {cycle}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Pleased; would like reading ideas for home.");

        // The reviewed cycle is history: readable, with its ratings, and no longer editable.
        await page.GotoAsync(oldUrl);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("kept as history");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Met in every check for three weeks");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Edit the plan" })).ToHaveCountAsync(0);
        await Axe.CheckAsync(page, "graduated-plan-reviewed");
        await page.Context.CloseAsync();
        Assert.False(string.IsNullOrEmpty(pupil));
    }

    [Fact]
    public async Task A_ta_proposes_a_passport_change_and_the_senco_approves_it()
    {
        var ta = await SignedInAsync(Ta);
        await BrowserFixture.OpenAsync(ta, "SEN support", "Passports");
        await Assertions.Expect(ta.GetByRole(AriaRole.Heading, new() { Name = "Learning passports", Level = 1 })).ToBeVisibleAsync();
        await Axe.CheckAsync(ta, "graduated-ta-passports");
        var row = ta.Locator("table.senco-passports-table tbody tr", new() { HasText = "Reviewed" }).Nth(3);
        var pupil = (await row.Locator("a").InnerTextAsync()).Trim();
        await row.Locator("a").ClickAsync();
        await ta.GetByRole(AriaRole.Link, new() { Name = "Propose a change" }).ClickAsync();
        await Axe.CheckAsync(ta, "graduated-propose");
        var added = $"Loves swimming lessons on Tuesdays ({Guid.NewGuid().ToString()[..4]})";
        var important = ta.GetByLabel("What is important to me");
        await important.FillAsync((await important.InputValueAsync()) + " " + added);
        await ta.GetByLabel("Note for the SENCO (optional)").FillAsync("They told me about swimming this week.");
        await ta.GetByRole(AriaRole.Button, new() { Name = "Send for approval" }).ClickAsync();
        await Assertions.Expect(ta.Locator(".govuk-notification-banner")).ToContainTextAsync("sent to the SENCO for approval");
        await Assertions.Expect(ta.Locator("main")).ToContainTextAsync("Waiting for approval");
        // Until it is approved, the passport reads as before.
        await Assertions.Expect(ta.Locator(".senco-passport")).Not.ToContainTextAsync(added);
        await ta.Context.CloseAsync();

        var senco = await SignedInAsync(Senco);
        await BrowserFixture.OpenAsync(senco, "SEN support", "Passports");
        var parts = pupil.Split(", ");
        var fullName = $"{parts[1]} {parts[0]}";
        await senco.Locator(".senco-pending a", new() { HasText = fullName }).Last.ClickAsync();
        await Assertions.Expect(senco.GetByRole(AriaRole.Heading, new() { Name = "Proposed change" })).ToBeVisibleAsync();
        await Assertions.Expect(senco.Locator("tr.senco-changed .senco-diff__after")).ToContainTextAsync(added);
        await Axe.CheckAsync(senco, "graduated-proposal");
        await senco.GetByRole(AriaRole.Button, new() { Name = "Approve the change" }).ClickAsync();
        await Assertions.Expect(senco.Locator(".govuk-notification-banner")).ToContainTextAsync("The change is approved");
        await Assertions.Expect(senco.Locator(".senco-passport")).ToContainTextAsync(added);
        await senco.Context.CloseAsync();
    }

    [Fact]
    public async Task Every_other_new_page_has_no_accessibility_violations()
    {
        var page = await SignedInAsync(Senco);
        foreach (var (path, name) in new[]
        {
            ("/schools/999101/strategies", "graduated-strategies"), ("/schools/999101/teaching-groups", "graduated-teaching-groups"),
            ("/schools/999101/graduated-settings", "graduated-settings"), ("/schools/999101/passports", "graduated-senco-passports"),
            ("/schools/999101/support-plans?show=overdue", "graduated-support-plans-overdue"), ("/schools/999101/reviews-due?within=90", "graduated-reviews-due-90"),
        })
        {
            var response = await page.GotoAsync(app.BaseUrl + path);
            Assert.True(response!.Ok, $"{path} answered {response.Status}");
            await Axe.CheckAsync(page, name);
        }
        await page.GotoAsync(app.BaseUrl + "/schools/999101/strategies");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Change Precision teaching") }).ClickAsync();
        await Axe.CheckAsync(page, "graduated-strategy-edit");
        await page.GotoAsync(app.BaseUrl + "/schools/999101/teaching-groups");
        await page.GetByRole(AriaRole.Link, new() { Name = "4B", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Priya Nair");
        await Axe.CheckAsync(page, "graduated-teaching-group");

        // A passport to edit, and the pupil's record with its new section.
        await page.GotoAsync(app.BaseUrl + "/schools/999101/passports");
        await page.Locator("table.senco-passports-table tbody tr", new() { HasText = "Reviewed" }).First.Locator("a").ClickAsync();
        var passportUrl = page.Url;
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit the passport" }).ClickAsync();
        await Axe.CheckAsync(page, "graduated-edit-passport");
        await page.GotoAsync(passportUrl.Replace("/passport", ""));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Support plan and passport" })).ToBeVisibleAsync();
        await Axe.CheckAsync(page, "graduated-pupil-record");

        // A passport that does not exist yet.
        await page.GotoAsync(app.BaseUrl + "/schools/999101/passports?show=none");
        await page.Locator("table.senco-passports-table tbody tr").First.Locator("a").ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("has no learning passport yet");
        await Axe.CheckAsync(page, "graduated-no-passport");
        await page.GetByRole(AriaRole.Link, new() { Name = "Write the passport" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the passport" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter what people like and admire about the pupil");
        await Axe.CheckAsync(page, "graduated-write-passport-errors");
        await page.Context.CloseAsync();

        // The school office keeps the classes; a governor sees no plan or passport.
        var office = await SignedInAsync("office@millbrook.example");
        await office.GetByRole(AriaRole.Link, new() { Name = "Teaching groups", Exact = true }).ClickAsync();
        await Assertions.Expect(office.GetByRole(AriaRole.Heading, new() { Name = "Classes and teaching groups" })).ToBeVisibleAsync();
        await office.Context.CloseAsync();
        var governor = await SignedInAsync("governor@millbrook.example");
        var denied = await governor.GotoAsync(app.BaseUrl + "/schools/999101/passports");
        Assert.Equal(403, denied!.Status);
        await governor.Context.CloseAsync();
    }
}
