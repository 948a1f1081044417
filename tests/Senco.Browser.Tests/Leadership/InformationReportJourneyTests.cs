using Microsoft.Playwright;
using Senco.Browser.Tests.Infrastructure;
using Senco.Core;

namespace Senco.Browser.Tests.Leadership;

/// The SENCO of the demo primary brings a section of this year's SEN information report up to date, downloads the
/// Word document and the page to publish, and records the governors' approval; axe on every report page, and on the
/// approval form showing errors. The governor then reads the report.
[Collection(AppCollection.Name)]
public sealed class InformationReportJourneyTests(AppServer app, BrowserFixture browser)
{
    private const string Senco = "senco@millbrook.example";
    private const string Governor = "governor@millbrook.example";

    [Fact]
    public async Task The_senco_edits_a_section_exports_the_report_and_records_approval()
    {
        var year = SchoolYear.Containing(DateOnly.FromDateTime(DateTime.UtcNow));
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, app.BaseUrl, Senco, AppServer.DemoPassword);
        await BrowserFixture.OpenAsync(page, "Leadership", "SEN information report");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "SEN information report", Exact = true })).ToBeVisibleAsync();
        await Axe.CheckAsync(page, "information-report-years");

        await page.GetByRole(AriaRole.Link, new() { Name = $"{year.Label} SEN information report" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"SEN information report {year.Label}", Exact = true })).ToBeVisibleAsync();
        await Axe.CheckAsync(page, "information-report");

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit section 7" }).ClickAsync();
        await Axe.CheckAsync(page, "information-report-section");
        await page.GetByLabel("The school's text").FillAsync("Parents are invited to three review meetings a year.\n\nThis year we have added a termly SEND coffee morning (fictional).");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save section" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Section 7 has been saved.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#consulting-parents")).ToContainTextAsync("termly SEND coffee morning");

        var word = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download as Word" }).ClickAsync());
        Assert.EndsWith(".docx", word.SuggestedFilename);
        var html = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download web page to publish (HTML)" }).ClickAsync());
        Assert.EndsWith(".html", html.SuggestedFilename);
        var published = await File.ReadAllTextAsync((await html.PathAsync())!);
        Assert.Contains("termly SEND coffee morning", published);

        // The published page on its own passes axe too.
        var standalone = await browser.NewPageAsync();
        await standalone.SetContentAsync(published);
        await Axe.CheckAsync(standalone, "information-report-published");

        await page.GetByRole(AriaRole.Link, new() { Name = "Record approval by the governors" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record approval" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the date the governors approved the report");
        await Axe.CheckAsync(page, "information-report-approval-errors");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await page.FillAsync("#Input-ApprovedOn-Day", today.Day.ToString());
        await page.FillAsync("#Input-ApprovedOn-Month", today.Month.ToString());
        await page.FillAsync("#Input-ApprovedOn-Year", today.Year.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Record approval" }).ClickAsync();
        await Assertions.Expect(page.GetByText("has been recorded")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".govuk-summary-list").First).ToContainTextAsync("Approved");

        var governor = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(governor, app.BaseUrl, Governor, AppServer.DemoPassword);
        await BrowserFixture.OpenAsync(governor, "Leadership", "SEN information report");
        await governor.GetByRole(AriaRole.Link, new() { Name = $"{year.Label} SEN information report" }).ClickAsync();
        await Assertions.Expect(governor.Locator("#consulting-parents")).ToContainTextAsync("termly SEND coffee morning");
        await Assertions.Expect(governor.GetByRole(AriaRole.Link, new() { Name = "Edit section 7" })).ToHaveCountAsync(0);
        await Axe.CheckAsync(governor, "information-report-governor");
    }
}
