using Microsoft.Playwright;
using Senco.Browser.Tests.Infrastructure;

namespace Senco.Browser.Tests.AccessibilityPlan;

/// The SENCO of the demo primary adds an objective to the accessibility plan (first meeting the errors of a missing
/// owner and target date), marks it complete, downloads the plan; then records a reasonable adjustment for a pupil
/// from the pupil's record and refuses it, first without a reason (refused) then with one. The governor sees the
/// counts and no name. Axe on every page, the printable plan included.
[Collection(AppCollection.Name)]
public sealed class AccessibilityPlanJourneyTests(AppServer app, BrowserFixture browser)
{
    private const string Senco = "senco@millbrook.example";
    private const string Governor = "governor@millbrook.example";

    private static async Task FillDateAsync(IPage page, string id, DateOnly d)
    {
        await page.FillAsync($"#{id}-Day", d.Day.ToString());
        await page.FillAsync($"#{id}-Month", d.Month.ToString());
        await page.FillAsync($"#{id}-Year", d.Year.ToString());
    }

    [Fact]
    public async Task The_senco_adds_a_plan_objective_and_refuses_an_adjustment_with_its_reason()
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var objective = $"Signing club open to every pupil ({unique}, fictional)";
        var adjustment = $"A parent stays overnight on the residential ({unique}, fictional)";
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, app.BaseUrl, Senco, AppServer.DemoPassword);

        await BrowserFixture.OpenAsync(page, "Leadership", "Accessibility plan");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Accessibility plan", Exact = true })).ToBeVisibleAsync();
        await Axe.CheckAsync(page, "accessibility-plan-list");
        await page.Locator("table a.govuk-link").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Increasing access to the curriculum" })).ToBeVisibleAsync();
        await Axe.CheckAsync(page, "accessibility-plan");

        await page.GetByRole(AriaRole.Link, new() { Name = "Add an objective to increasing access to the curriculum" }).ClickAsync();
        await page.GetByLabel("Objective", new() { Exact = true }).FillAsync(objective);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add objective" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter who is responsible");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the target date");
        await Axe.CheckAsync(page, "accessibility-plan-objective-errors");
        await page.GetByLabel("Who is responsible").FillAsync("SENCO with the PE lead");
        await FillDateAsync(page, "Input-TargetDate", today.AddDays(60));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add objective" }).ClickAsync();
        await Assertions.Expect(page.GetByText("The objective has been added")).ToBeVisibleAsync();
        var card = page.Locator(".govuk-summary-card", new() { HasText = objective });
        await Assertions.Expect(card).ToContainTextAsync("Not started");

        await page.GetByRole(AriaRole.Link, new() { Name = $"Change objective: {objective}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change an objective" })).ToBeVisibleAsync();
        await Axe.CheckAsync(page, "accessibility-plan-objective-change");
        await page.GoBackAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"Mark complete objective: {objective}" }).ClickAsync();
        await Axe.CheckAsync(page, "accessibility-plan-objective-complete");
        await page.GetByLabel("What was done (optional)").FillAsync("First club held with a deaf instructor (fictional).");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark complete" }).ClickAsync();
        await Assertions.Expect(page.GetByText("has been marked complete")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".govuk-summary-card", new() { HasText = objective })).ToContainTextAsync("Complete");

        var word = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download as Word" }).ClickAsync());
        Assert.EndsWith(".docx", word.SuggestedFilename);
        var planUrl = page.Url.Split('#')[0];
        await page.GetByRole(AriaRole.Link, new() { Name = "Record approval by the governors and the next review" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Record the governors' approval" })).ToBeVisibleAsync();
        await Axe.CheckAsync(page, "accessibility-plan-approval");
        await page.GotoAsync(planUrl + "?handler=Print");
        await Assertions.Expect(page.GetByText(objective)).ToBeVisibleAsync();
        await Axe.CheckAsync(page, "accessibility-plan-print");

        // A pupil's adjustments, reached from the pupil's record.
        await page.GotoAsync(planUrl);
        await BrowserFixture.OpenAsync(page, "Leadership", "Reasonable adjustments");
        await Axe.CheckAsync(page, "reasonable-adjustments-list");
        await page.Locator("table a.govuk-link").First.ClickAsync();
        await page.Locator("a.govuk-back-link").ClickAsync(); // the pupil's record
        await page.GetByRole(AriaRole.Link, new() { Name = "Reasonable adjustments", Exact = true }).Last.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Reasonable adjustments", Exact = true })).ToBeVisibleAsync();
        await Axe.CheckAsync(page, "reasonable-adjustments-pupil");

        await page.GetByRole(AriaRole.Link, new() { Name = "Record an adjustment" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record adjustment" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select where the barrier arises");
        await Axe.CheckAsync(page, "reasonable-adjustment-new-errors");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Trips and visits", Exact = true }).CheckAsync();
        await page.GetByLabel("Barrier or situation").FillAsync("Anxious about staying away from home overnight (fictional)");
        await page.GetByLabel("Adjustment requested or considered").FillAsync(adjustment);
        await page.GetByRole(AriaRole.Radio, new() { Name = "Parent or carer", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record adjustment" }).ClickAsync();
        await Assertions.Expect(page.GetByText("The adjustment has been recorded")).ToBeVisibleAsync();

        var recorded = page.Locator(".govuk-summary-card", new() { HasText = adjustment });
        await recorded.GetByRole(AriaRole.Link, new() { Name = "Record decision" }).ClickAsync();
        await Axe.CheckAsync(page, "reasonable-adjustment-decision");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Refused", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("a refusal must say why");
        await Axe.CheckAsync(page, "reasonable-adjustment-decision-errors");
        await page.GetByLabel("Main reason it was not reasonable (if refused or agreed in part)").SelectOptionAsync("HealthAndSafety");
        await page.GetByLabel("Reason (if refused or agreed in part)").FillAsync("The centre cannot house parents overnight. Offered a pre-visit and a named adult instead (fictional).");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Assertions.Expect(page.GetByText("The decision (refused) has been recorded.")).ToBeVisibleAsync();
        await Assertions.Expect(recorded).ToContainTextAsync("Refused");
        await Assertions.Expect(recorded).ToContainTextAsync("The centre cannot house parents overnight");

        await recorded.GetByRole(AriaRole.Link, new() { Name = "Change request" }).ClickAsync();
        await Axe.CheckAsync(page, "reasonable-adjustment-change");
        await page.GoBackAsync();
        await recorded.GetByRole(AriaRole.Link, new() { Name = "Record review" }).ClickAsync();
        await Axe.CheckAsync(page, "reasonable-adjustment-review");

        // The governor: the counts, no name, and the plan without its editing links.
        var governor = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(governor, app.BaseUrl, Governor, AppServer.DemoPassword);
        await BrowserFixture.OpenAsync(governor, "Leadership", "Reasonable adjustments");
        await Assertions.Expect(governor.GetByRole(AriaRole.Heading, new() { Name = "The school in numbers" })).ToBeVisibleAsync();
        await Assertions.Expect(governor.Locator("main a[href*='/pupils/']")).ToHaveCountAsync(0);
        await Assertions.Expect(governor.GetByText(adjustment)).ToHaveCountAsync(0);
        await Axe.CheckAsync(governor, "reasonable-adjustments-governor");
        await BrowserFixture.OpenAsync(governor, "Leadership", "Accessibility plan");
        await governor.Locator("table a.govuk-link").First.ClickAsync();
        await Assertions.Expect(governor.GetByText(objective)).ToBeVisibleAsync();
        await Assertions.Expect(governor.GetByRole(AriaRole.Link, new() { Name = "Add an objective to increasing access to the curriculum" })).ToHaveCountAsync(0);
        await Axe.CheckAsync(governor, "accessibility-plan-governor");
    }
}
