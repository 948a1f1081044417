using Microsoft.Playwright;
using Senco.Browser.Tests.Infrastructure;

namespace Senco.Browser.Tests.Leadership;

/// Assessment results and their analysis in Chromium on the demo trust: the SENCO enters a class's reading scores,
/// a file with a bad row is refused by row and column, the governor reads the analysis with small groups withheld, and
/// axe on every new page, the charts included.
[Collection(AppCollection.Name)]
public sealed class LeadershipJourneyTests(AppServer app, BrowserFixture browser)
{
    private const string Urn = "999101";

    [Fact]
    public async Task A_senco_enters_and_imports_results_and_a_governor_reads_the_analysis_and_every_page_passes_axe()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, app.BaseUrl, "senco@millbrook.example", AppServer.DemoPassword);
        await BrowserFixture.OpenAsync(page, "Leadership", "Assessment analysis");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Assessment analysis");
        await Assertions.Expect(page.Locator("figure.senco-bars").First).ToBeVisibleAsync();
        await Axe.CheckAsync(page, "leadership-analysis");
        foreach (var (url, name) in new[]
                 {
                     ($"/schools/{Urn}/assessments", "leadership-results"), ($"/schools/{Urn}/assessments/scales", "leadership-scales"),
                     ($"/schools/{Urn}/assessments/import", "leadership-import"), ($"/schools/{Urn}/assessments/enter", "leadership-enter"),
                 })
        {
            var response = await page.GotoAsync(app.BaseUrl + url);
            Assert.True(response?.Ok, $"GET {url} answered {response?.Status}.\n{app.Log}");
            await Axe.CheckAsync(page, name);
        }

        // Enter a class's maths scores: one out of range is named, then corrected.
        await page.SelectOptionAsync("#group", new SelectOptionValue { Index = 1 });
        await page.SelectOptionAsync("#measure", "StandardisedScore");
        await page.FillAsync("#subject", "Maths");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the class" }).ClickAsync();
        await page.FillAsync("#Rows-0-Value", "200");
        await page.FillAsync("#Rows-1-Value", "97");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save results" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("whole number from 40 to 160");
        await Axe.CheckAsync(page, "leadership-enter-errors");
        await page.FillAsync("#Rows-0-Value", "104");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save results" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Assessment results");

        // A file with a bad row is refused, each problem by row and column.
        await page.GotoAsync($"{app.BaseUrl}/schools/{Urn}/assessments/import");
        await page.SelectOptionAsync("#Measure", "StandardisedScore");
        await page.FillAsync("#Subject", "Maths");
        await page.SetInputFilesAsync("#Upload", new FilePayload { Name = "scores.csv", MimeType = "text/csv", Buffer = "UPN,Score\r\nA000000000000,100\r\n"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Nothing was imported");
        await Assertions.Expect(page.Locator("table tbody tr").First).ToContainTextAsync("UPN");
        await Axe.CheckAsync(page, "leadership-import-errors");

        // The governor reads the analysis, told that small groups are withheld.
        var governor = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(governor, app.BaseUrl, "governor@millbrook.example", AppServer.DemoPassword);
        await BrowserFixture.OpenAsync(governor, "Leadership", "Assessment analysis");
        await Assertions.Expect(governor.Locator(".govuk-inset-text")).ToContainTextAsync("fewer than 5 pupils");
        await Axe.CheckAsync(governor, "leadership-analysis-governor");
    }
}
