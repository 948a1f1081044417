using System.Text;
using Microsoft.Playwright;
using Senco.Browser.Tests.Infrastructure;
using Senco.Core.Pupils;

namespace Senco.Browser.Tests.Exchange;

/// The SENCO imports a roll file with mistakes, reads the report by row and field, fixes the file and imports it; axe on
/// every data-exchange and data-protection page. Demo trust; every name fictional.
[Collection(AppCollection.Name)]
public sealed class DataExchangeJourneyTests(AppServer app, BrowserFixture browser)
{
    private const string Urn = "999101";
    private const string Header = "UPN,Legal Surname,Legal Forename,DOB,Gender,NC Year Actual,SEN Provision,Primary Need,Secondary Need,EAL,FSM Eligible,In LA Care,Leaving Date";

    private static string NewUpn(int serial)
    {
        var body = $"873290198{serial:D3}";
        return Upn.CheckLetterFor(body) + body;
    }

    private static FilePayload File(string name, string csv) => new() { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) };

    [Fact]
    public async Task Import_a_file_with_errors_read_the_report_fix_it_and_import()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, app.BaseUrl, "senco@millbrook.example", AppServer.DemoPassword);
        await page.GotoAsync($"{app.BaseUrl}/schools/{Urn}/data-protection");
        await Axe.CheckAsync(page, "data-protection-hub");
        await page.GetByRole(AriaRole.Link, new() { Name = "Import pupils from your MIS" }).ClickAsync();
        await Axe.CheckAsync(page, "import-upload");

        // Uploading nothing: the error is linked to the field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and check the file" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Choose a CSV or Excel");
        await Axe.CheckAsync(page, "import-upload-errors");

        string a = NewUpn(501), b = NewUpn(502);
        var wrong = string.Join("\r\n", Header,
            $"{a},Varga,Lili,12/23/2019,F,1,K,SLCN,,N,N,N,",
            $"{b},Osei,Kwame,04/09/2019,M,Year 9X,N,,,N,Y,N,") + "\r\n";
        await page.SetInputFilesAsync("#RollFile", File("roll.csv", wrong));
        await page.GetByLabel("Which system is it from?").FillAsync("SIMS");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and check the file" }).ClickAsync();

        // The SIMS mapping was remembered from last time: the columns are already chosen.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check which column holds what" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Date of birth")).ToHaveValueAsync("DOB");
        await Axe.CheckAsync(page, "import-mapping");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and check the file" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The file has 2 problems" })).ToBeVisibleAsync();
        var table = page.Locator("table.senco-import-problems");
        await Assertions.Expect(table.Locator("tr", new() { HasText = "US date" })).ToContainTextAsync("Date of birth (DOB)");
        await Assertions.Expect(table.Locator("tr", new() { HasText = "US date" }).Locator("td").First).ToHaveTextAsync("2");
        await Assertions.Expect(table.Locator("tr", new() { HasText = "is not a year group" }).Locator("td").First).ToHaveTextAsync("3");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Import 2 pupils" })).ToHaveCountAsync(0);
        await Axe.CheckAsync(page, "import-preview-problems");

        // Fix the file and upload it again.
        await page.GetByRole(AriaRole.Link, new() { Name = "upload the corrected file" }).ClickAsync();
        var fixedCsv = string.Join("\r\n", Header,
            $"{a},Varga,Lili,23/12/2019,F,1,K,SLCN,,N,N,N,",
            $"{b},Osei,Kwame,04/09/2019,M,1,N,,,N,Y,N,") + "\r\n";
        await page.SetInputFilesAsync("#RollFile", File("roll-fixed.csv", fixedCsv));
        await page.GetByLabel("Which system is it from?").FillAsync("SIMS");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and check the file" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and check the file" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check the import" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".govuk-summary-list")).ToContainTextAsync("New pupils");
        await Axe.CheckAsync(page, "import-preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import 2 pupils" }).ClickAsync();

        // The progress page refreshes itself until the background job is done.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import complete" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator(".govuk-panel__body")).ToContainTextAsync("2 new");
        await Axe.CheckAsync(page, "import-complete");

        await page.GotoAsync($"{app.BaseUrl}/schools/{Urn}/pupils?q={a}");
        await Assertions.Expect(page.GetByText("Varga")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Every_data_protection_page_passes_axe()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, app.BaseUrl, "senco@millbrook.example", AppServer.DemoPassword);
        await page.GotoAsync($"{app.BaseUrl}/schools/{Urn}/data-protection");
        // The demo's request in progress, from the log.
        await page.Locator("table a").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download everything held (ZIP)" })).ToBeVisibleAsync();
        await Axe.CheckAsync(page, "subject-access-request");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download everything held (ZIP)" }).ClickAsync());
        Assert.EndsWith(".zip", download.SuggestedFilename);

        await page.GotoAsync($"{app.BaseUrl}/schools/{Urn}/subject-access/new");
        await Axe.CheckAsync(page, "subject-access-new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log the request" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the UPN");
        await Axe.CheckAsync(page, "subject-access-new-errors");
        await page.GotoAsync($"{app.BaseUrl}/schools/{Urn}/retention");
        await Axe.CheckAsync(page, "retention-primary");

        // The school calendar, reached through the navigation, with an error on the closure form.
        await BrowserFixture.OpenAsync(page, "Data and records", "School calendar");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("School calendar");
        await Axe.CheckAsync(page, "school-calendar");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the closure" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the first day the school is closed");
        await Axe.CheckAsync(page, "school-calendar-errors");

        // The secondary's SENCO: a leaver long past retention, and the confirmation page that names what goes.
        var hillside = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(hillside, app.BaseUrl, "senco@hillside.example", AppServer.DemoPassword);
        await hillside.GotoAsync($"{app.BaseUrl}/schools/999102/retention");
        await Assertions.Expect(hillside.Locator("td", new() { HasText = "Harriet Quennell" }).Last).ToBeVisibleAsync();
        await Axe.CheckAsync(hillside, "retention");
        await hillside.GetByLabel("Delete the records of Harriet Quennell").CheckAsync();
        await hillside.GetByRole(AriaRole.Button, new() { Name = "Check what deleting the chosen records removes" }).ClickAsync();
        await Assertions.Expect(hillside.GetByRole(AriaRole.Heading, new() { Name = "Delete the records of Harriet Quennell" })).ToBeVisibleAsync();
        await Assertions.Expect(hillside.Locator("main")).ToContainTextAsync("1 × SEN status change");
        await Axe.CheckAsync(hillside, "retention-delete-confirm");
    }
}
