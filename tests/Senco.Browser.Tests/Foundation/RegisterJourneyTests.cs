using System.Text;
using Microsoft.Playwright;
using Senco.Browser.Tests.Infrastructure;

namespace Senco.Browser.Tests.Foundation;

/// What a SENCO does first: sign in, find pupils on the register, export them, put a pupil right.
[Collection(AppCollection.Name)]
public sealed class RegisterJourneyTests(AppServer app, BrowserFixture browser)
{
    private const string Senco = "senco@millbrook.example";

    [Fact]
    public async Task A_senco_filters_the_register_and_the_csv_download_holds_exactly_the_rows_shown()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, app.BaseUrl, Senco, AppServer.DemoPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "SEND register" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "SEND register", Level = 1 })).ToBeVisibleAsync();
        var allCount = int.Parse(await page.Locator("#count-total").InnerTextAsync());
        Assert.InRange(allCount, 30, 80); // 15–20% of the demo primary's ~300 pupils

        await page.GetByLabel("SEN status").SelectOptionAsync("K");
        await page.GetByLabel("Year group").SelectOptionAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Axe.CheckAsync(page, "register-filtered");

        var shown = int.Parse(await page.Locator("#count-total").InnerTextAsync());
        Assert.True(shown > 0 && shown < allCount, $"filtering K + Year 4 should narrow {allCount} pupils, showed {shown}");
        var rows = page.Locator("table.senco-register tbody tr");
        Assert.Equal(shown, await rows.CountAsync());
        foreach (var row in await rows.AllAsync())
        {
            var cells = row.Locator("td");
            Assert.Equal("Year 4", await cells.Nth(2).InnerTextAsync());
            Assert.Contains("SEN support", await cells.Nth(3).InnerTextAsync());
        }
        var upnsOnScreen = new HashSet<string>();
        foreach (var row in await rows.AllAsync())
            upnsOnScreen.Add((await row.Locator("td").Nth(1).InnerTextAsync()).Split(' ', '\n')[0].Trim());

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        var path = await download.PathAsync();
        var lines = File.ReadAllLines(path!, Encoding.UTF8);
        Assert.StartsWith("UPN,", lines[0].TrimStart('\uFEFF'));
        var upnsInFile = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[0]).ToHashSet();
        Assert.Equal(upnsOnScreen, upnsInFile);
        Assert.All(lines.Skip(1).Where(l => l.Length > 0), l => Assert.Contains(",4,K,", l));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Sorting_by_a_column_reorders_the_table_and_says_so_to_screen_readers()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, app.BaseUrl, Senco, AppServer.DemoPassword);
        await page.GotoAsync($"{app.BaseUrl}/schools/999101/register");
        await page.GetByRole(AriaRole.Link, new() { Name = "Year", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("th[aria-sort='ascending']")).ToContainTextAsync("Year");
        var years = await page.Locator("table.senco-register tbody tr td:nth-child(3)").AllInnerTextsAsync();
        var order = years.Select(y => y == "Reception" ? 0 : int.Parse(y.Replace("Year ", ""))).ToList();
        Assert.Equal(order.OrderBy(x => x).ToList(), order);

        await page.GetByRole(AriaRole.Link, new() { Name = "Year", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("th[aria-sort='descending']")).ToContainTextAsync("Year");
        years = await page.Locator("table.senco-register tbody tr td:nth-child(3)").AllInnerTextsAsync();
        order = years.Select(y => y == "Reception" ? 0 : int.Parse(y.Replace("Year ", ""))).ToList();
        Assert.Equal(order.OrderByDescending(x => x).ToList(), order);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Editing_a_pupil_through_a_validation_error_keeps_what_was_typed_and_then_saves()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, app.BaseUrl, Senco, AppServer.DemoPassword);
        await page.GotoAsync($"{app.BaseUrl}/schools/999101/pupils?yearGroup=2");
        await page.Locator("table tbody tr td a").First.ClickAsync();
        var pupilUrl = page.Url;
        var upn = await page.Locator(".govuk-summary-list__row", new() { HasText = "UPN" }).Locator("dd").First.InnerTextAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit details" }).ClickAsync();

        // A wrong check letter and an impossible date, with a first name someone pasted with markup in it.
        var wrongLetter = upn[0] == 'A' ? 'B' : 'A';
        await page.GetByLabel("UPN").FillAsync(wrongLetter + upn.Trim()[1..]);
        await page.GetByLabel("Forename").FillAsync("<i>Zoë</i> O'Neill-Ng");
        await page.GetByLabel("Day").FillAsync("31");
        await page.GetByLabel("Month").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        var summary = page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToBeVisibleAsync();
        await Assertions.Expect(summary).ToContainTextAsync($"The check letter should be {upn.Trim()[0]}.");
        await Assertions.Expect(summary).ToContainTextAsync("Date of birth must be a real date");
        await Axe.CheckAsync(page, "edit-pupil-with-errors");
        Assert.Equal("<i>Zoë</i> O'Neill-Ng", await page.GetByLabel("Forename").InputValueAsync());
        Assert.Equal("31", await page.GetByLabel("Day").InputValueAsync());
        // The error summary links to the field it is about.
        await summary.GetByRole(AriaRole.Link, new() { Name = $"The check letter should be {upn.Trim()[0]}." }).ClickAsync();
        Assert.Equal("Input-Upn", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        await page.GetByLabel("UPN").FillAsync(upn.Trim());
        await page.GetByLabel("Day").FillAsync("28");
        await page.GetByLabel("Reason for the change (optional)").FillAsync("Name corrected from the birth certificate");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await page.WaitForURLAsync(pupilUrl);
        // Stored as typed, shown escaped: the heading holds the literal text, not markup.
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("<i>Zoë</i> O'Neill-Ng");
        await Assertions.Expect(page.Locator(".senco-timeline")).ToContainTextAsync("Name corrected from the birth certificate");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Putting_a_pupil_on_sen_support_refuses_a_missing_need_then_records_the_change_on_the_timeline()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, app.BaseUrl, Senco, AppServer.DemoPassword);
        await page.GotoAsync($"{app.BaseUrl}/schools/999101/pupils?yearGroup=5");
        // The first pupil in Year 5 who is not yet on the register.
        var row = page.Locator("table tbody tr", new() { HasText = "No SEN" }).First;
        await row.Locator("a").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Change SEN status and needs" }).ClickAsync();

        await page.GetByLabel("K – SEN support").CheckAsync();
        var today = DateTime.UtcNow;
        await page.GetByLabel("Day").FillAsync(today.Day.ToString());
        await page.GetByLabel("Month").FillAsync(today.Month.ToString());
        await page.GetByLabel("Year").FillAsync(today.Year.ToString());
        await page.GetByLabel("Reason for the change").FillAsync("Phonics screening and teacher assessment; parents told at meeting.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save SEN status" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select at least one need");
        await Axe.CheckAsync(page, "change-sen-with-errors");
        Assert.Equal("Phonics screening and teacher assessment; parents told at meeting.", await page.GetByLabel("Reason for the change").InputValueAsync());

        await page.GetByLabel("Primary need").SelectOptionAsync("SPLD");
        await page.GetByLabel("Secondary need (optional)").SelectOptionAsync("SLCN");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save SEN status" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("The SEN status has been changed");
        await Assertions.Expect(page.Locator(".senco-needs li").First).ToContainTextAsync("Specific learning difficulty");
        await Assertions.Expect(page.Locator(".senco-timeline__item").First).ToContainTextAsync("to K (SEN support)");
        await Assertions.Expect(page.Locator(".senco-timeline__item").First).ToContainTextAsync("Phonics screening");
        await page.Context.CloseAsync();
    }
}
