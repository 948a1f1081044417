using Microsoft.Playwright;
using Senco.Browser.Tests.Infrastructure;

namespace Senco.Browser.Tests.Leadership;

/// The SENCO of the demo secondary opens the exam officer's list, a candidate's arrangements, records a word processor
/// (first with the errors a missing arrangement gives) and opens it to change; axe on every exam access page.
[Collection(AppCollection.Name)]
public sealed class ExamAccessJourneyTests(AppServer app, BrowserFixture browser)
{
    private const string Senco = "senco@hillside.example";

    [Fact]
    public async Task The_senco_records_an_access_arrangement_and_every_page_passes_axe()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, app.BaseUrl, Senco, AppServer.DemoPassword);
        await BrowserFixture.OpenAsync(page, "Leadership", "Exam access");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Exam access arrangements", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Expired").First).ToBeVisibleAsync();
        await Axe.CheckAsync(page, "exam-access-list");

        await page.Locator("table a.govuk-link").First.ClickAsync();
        await Axe.CheckAsync(page, "exam-access-candidate");
        await page.GetByRole(AriaRole.Link, new() { Name = "Record an arrangement" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record arrangement" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select the arrangement");
        await Axe.CheckAsync(page, "exam-access-new-errors");

        await page.GetByLabel("Arrangement", new() { Exact = true }).SelectOptionAsync("WordProcessor");
        await page.GetByLabel("Evidence", new() { Exact = true }).SelectOptionAsync("HistoryOfNeed");
        await page.GetByLabel("Normal way of working").FillAsync("Uses a laptop in every lesson and used one in the mocks (fictional).");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record arrangement" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Word processor has been recorded")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Change Word processor" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change word processor" })).ToBeVisibleAsync();
        await Axe.CheckAsync(page, "exam-access-change");
    }
}
