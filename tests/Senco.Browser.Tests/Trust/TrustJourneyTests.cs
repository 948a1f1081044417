using Microsoft.Playwright;
using Senco.Browser.Tests.Infrastructure;

namespace Senco.Browser.Tests.Trust;

/// The trust view in Chromium on the demo trust: the trust SEND lead follows "Trust" in the header, reads a chart's data
/// table, drills into a school's overview and register, and reaches the trust's deadlines; axe on every new page.
[Collection(AppCollection.Name)]
public sealed class TrustJourneyTests(AppServer app, BrowserFixture browser)
{
    private const string TrustLead = "trustlead@riverside.example";
    private const string Senco = "senco@millbrook.example";
    private const string Secondary = "999102";

    [Fact]
    public async Task The_trust_lead_opens_the_dashboard_reads_a_chart_table_and_drills_into_a_school()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, app.BaseUrl, TrustLead, AppServer.DemoPassword);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Trust", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Trust dashboard");
        await Axe.CheckAsync(page, "trust-dashboard");

        // Both demo schools, side by side, with real figures: the funding chart's table names each with a cost. Another
        // browser test may add a school to the demo trust (an administrator's journey), so rows are found by name.
        var funding = page.Locator("#funding-table");
        await Assertions.Expect(funding.Locator("caption")).ToContainTextAsync("SEN funding and provision cost by school");
        var rows = funding.Locator("tbody tr");
        await Assertions.Expect(rows.Last.Locator("th")).ToHaveTextAsync("Trust");
        var hillside = rows.Filter(new() { Has = page.Locator("th", new() { HasTextString = "Hillside Academy (demo)" }) });
        var millbrook = rows.Filter(new() { Has = page.Locator("th", new() { HasTextString = "Millbrook Primary School (demo)" }) });
        await Assertions.Expect(hillside).ToHaveCountAsync(1);
        await Assertions.Expect(millbrook).ToHaveCountAsync(1);
        Assert.Matches(@"£[1-9][\d,]*", await hillside.Locator("td").Nth(3).InnerTextAsync());
        Assert.Matches(@"£[1-9][\d,]*", await millbrook.Locator("td").Nth(3).InnerTextAsync());
        var registerRows = page.Locator("#register-table tbody tr");
        var hillsideRegister = registerRows.Filter(new() { HasTextString = "Register of Hillside Academy (demo)" });
        await Assertions.Expect(hillsideRegister).ToHaveCountAsync(1);
        Assert.Matches(@"^\d+\.\d%", (await hillsideRegister.Locator("td").Nth(4).InnerTextAsync()).Trim());

        // Drill into the secondary: its overview, then its register, which the trust lead's grants open.
        await page.Locator("#register-table").GetByRole(AriaRole.Link, new() { Name = "Hillside Academy (demo)", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{app.BaseUrl}/schools/{Secondary}");
        await page.GotoAsync($"{app.BaseUrl}/trust");
        await page.Locator("#register-table").GetByRole(AriaRole.Link, new() { Name = "Register of Hillside Academy (demo)", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{app.BaseUrl}/schools/{Secondary}/register");
        await Assertions.Expect(page.Locator("table tbody tr").First).ToBeVisibleAsync();

        // The trust's deadlines are reached from the dashboard and lead back to it.
        await page.GotoAsync($"{app.BaseUrl}/trust");
        await page.GetByRole(AriaRole.Link, new() { Name = "Statutory deadlines across the trust" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{app.BaseUrl}/trust/statutory-deadlines");
        await Axe.CheckAsync(page, "trust-deadlines");
        await page.GetByRole(AriaRole.Link, new() { Name = "Trust dashboard" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{app.BaseUrl}/trust");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_senco_has_no_trust_link_and_is_refused_the_dashboard()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, app.BaseUrl, Senco, AppServer.DemoPassword);
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Trust", Exact = true })).ToHaveCountAsync(0);
        var response = await page.GotoAsync($"{app.BaseUrl}/trust");
        Assert.Equal(403, response?.Status);
        await page.Context.CloseAsync();
    }
}
