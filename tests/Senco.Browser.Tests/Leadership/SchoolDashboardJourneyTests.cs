using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Senco.Browser.Tests.Infrastructure;

namespace Senco.Browser.Tests.Leadership;

/// The leaders' and governors' dashboard in Chromium on the demo primary: the SEND governor opens it from the Leadership
/// section, reads a chart's table, sees small needs withheld and no link into named lists, and downloads it; the SENCO sees
/// the same page with every figure and the links. Axe on both. Other browser tests change the demo data (the same server
/// and database), so the figures are checked by form, not by value.
[Collection(AppCollection.Name)]
public sealed class SchoolDashboardJourneyTests(AppServer app, BrowserFixture browser)
{
    private const string Urn = "999101";
    private const string Label = "Leaders’ and governors’ dashboard";

    [Fact]
    public async Task The_governor_reads_the_dashboard_with_no_pupil_named_and_it_passes_axe()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, app.BaseUrl, "governor@millbrook.example", AppServer.DemoPassword);
        await page.GotoAsync($"{app.BaseUrl}/schools/{Urn}");
        await BrowserFixture.OpenAsync(page, "Leadership", Label);
        await Assertions.Expect(page).ToHaveURLAsync($"{app.BaseUrl}/schools/{Urn}/leadership/dashboard");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(Label);
        await Assertions.Expect(page.Locator("#privacy-note")).ToContainTextAsync("To protect pupils’ privacy");
        await Axe.CheckAsync(page, "school-dashboard-governor");

        // The register's chart and its table: a count and a share of the roll for SEN support.
        var support = page.Locator("#register-table tbody tr").Filter(new() { HasTextString = "SEN support (K)" });
        Assert.Matches(@"^[1-9][\d,]*$", (await support.Locator("td").Nth(0).InnerTextAsync()).Trim());
        Assert.Matches(@"^\d+\.\d%$", (await support.Locator("td").Nth(1).InnerTextAsync()).Trim());
        await Assertions.Expect(page.Locator("#changes-table tbody tr")).ToHaveCountAsync(8);
        await Assertions.Expect(page.Locator("#funding-table")).ToContainTextAsync("SEN funding");
        // No link into a list with names; no pupil's name (the demo's surnames) anywhere on the page.
        await Assertions.Expect(page.Locator("a[href*='/register']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("a[href*='/statutory-deadlines']")).ToHaveCountAsync(0);
        var text = await page.Locator("main").InnerTextAsync();
        foreach (var surname in DemoSurnames) Assert.DoesNotMatch(new Regex($@"\b{surname}\b"), text);

        // The download is the same aggregates.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download as CSV" }).ClickAsync());
        Assert.Matches(@"^dashboard-999101-\d{4}-\d{2}-(autumn|spring|summer)\.csv$", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("SEN support (K)", csv);
        foreach (var surname in DemoSurnames) Assert.DoesNotMatch(new Regex($@"\b{surname}\b"), csv);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_senco_sees_every_figure_with_links_to_the_lists_and_it_passes_axe()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, app.BaseUrl, "senco@millbrook.example", AppServer.DemoPassword);
        await page.GotoAsync($"{app.BaseUrl}/schools/{Urn}");
        await BrowserFixture.OpenAsync(page, "Leadership", Label);
        await Assertions.Expect(page.Locator("#privacy-note")).ToContainTextAsync("You see every figure");
        await Assertions.Expect(page.Locator("#needs-table")).Not.ToContainTextAsync("Withheld");
        await Axe.CheckAsync(page, "school-dashboard-senco");
        await page.GetByRole(AriaRole.Link, new() { Name = "Statutory deadlines, with each pupil" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{app.BaseUrl}/schools/{Urn}/statutory-deadlines");

        // The teacher has no such page.
        var teacher = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(teacher, app.BaseUrl, "teacher@millbrook.example", AppServer.DemoPassword);
        var response = await teacher.GotoAsync($"{app.BaseUrl}/schools/{Urn}/leadership/dashboard");
        Assert.Equal(403, response?.Status);
        await page.Context.CloseAsync();
        await teacher.Context.CloseAsync();
    }

    // The demo seeder's surnames (DemoSeeder.Surnames): none of them may appear on a governor's page.
    private static readonly string[] DemoSurnames = ["Ashworth", "Baptiste", "Chowdhury", "Dalton", "Ellery", "Fairbairn", "Gallagher", "Haddad", "Ingram", "Jankowski", "Kavanagh",
        "Lindqvist", "Mbeki", "Nowak", "Osei", "Pennington", "Quinlan", "Rahman", "Sutcliffe", "Thornbury", "Umarov", "Varga", "Whitlock", "Xiang", "Yardley", "Zielinski",
        "Abara", "Brightwell", "Cartwright", "Delacroix", "Eastwood", "Farrant", "Goldsworthy", "Hollins", "Iqbal", "Jovanovic", "Kettering", "Lockwood", "Marchetti", "Northcott"];
}
