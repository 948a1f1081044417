using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Senco.Browser.Tests.Infrastructure;
using Senco.Core.Pupils;

namespace Senco.Browser.Tests.Exchange;

/// The SENCO's data-exchange journeys in Chromium on the demo trust: the transfer reminder, a CTF with errors checked
/// and imported, a CTF exported for a leaver, a pupil recorded as leaving and their transfer pack made and sent; axe on
/// every new page.
[Collection(AppCollection.Name)]
public sealed class TransfersJourneyTests(AppServer app, BrowserFixture browser)
{
    private const string Senco = "senco@millbrook.example";
    private const string Urn = "999101";

    private Task<HttpClient> ApiAsync() => app.ApiClientAsync(Senco);

    private static string Ctf(string goodUpn, string badUpn) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><CTfile><Header><DocumentName>Common Transfer File</DocumentName><CTFversion>24.0</CTFversion>" +
        "<DateTime>2026-07-10T10:00:00</DateTime><DocumentQualifier>partial</DocumentQualifier><SupplierID>Test</SupplierID>" +
        "<SourceSchool><LEA>801</LEA><Estab>2000</Estab><SchoolName>Fictional Infants</SchoolName></SourceSchool><DestSchool><LEA>873</LEA><Estab>2001</Estab></DestSchool></Header><CTFpupilData>" +
        $"<Pupil><UPN>{goodUpn}</UPN><Surname>Journeyman</Surname><Forename>Wren</Forename><DOB>2019-05-06</DOB><Gender>F</Gender><BasicDetails><NCyearActual>2</NCyearActual></BasicDetails>" +
        "<SENhistory><SEN><StartDate>2025-01-10</StartDate><SENprovision>K</SENprovision></SEN><SENneeds><SENneed><SENtypeRank>1</SENtypeRank><SENtype>SLCN</SENtype></SENneed></SENneeds></SENhistory></Pupil>" +
        $"<Pupil><UPN>{badUpn}</UPN><Surname>Misdated</Surname><Forename>Ash</Forename><DOB>2019-02-30</DOB><Gender>M</Gender><BasicDetails><NCyearActual>2</NCyearActual></BasicDetails></Pupil>" +
        "</CTFpupilData></CTfile>";

    [Fact]
    public async Task Import_a_CTF_with_errors_export_for_a_leaver_and_make_a_transfer_pack()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, app.BaseUrl, Senco, AppServer.DemoPassword);

        // The reminder on the school's home page (demo leavers have transfers due).
        await page.GotoAsync($"{app.BaseUrl}/schools/{Urn}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Transfer files to send" })).ToBeVisibleAsync();
        await Axe.CheckAsync(page, "transfers-overview-reminder");

        await page.GotoAsync($"{app.BaseUrl}/schools/{Urn}/transfers");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("Not sent");
        await Axe.CheckAsync(page, "transfers-index");

        // A file that is not a CTF: a clear message, nothing else.
        await page.GotoAsync($"{app.BaseUrl}/schools/{Urn}/transfers/import");
        await Axe.CheckAsync(page, "transfers-import");
        await page.SetInputFilesAsync("#CtfFile", new FilePayload { Name = "pupils.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes("UPN,Surname\nX,Y") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("not XML");
        await Axe.CheckAsync(page, "transfers-import-not-xml");

        // A CTF with one good pupil and one with a bad date of birth: the check lists the problem by pupil and field.
        var body = $"801{Random.Shared.Next(2000, 7999):D4}25{Random.Shared.Next(0, 999):D3}";
        var good = Upn.CheckLetterFor(body) + body;
        var body2 = $"801{Random.Shared.Next(2000, 7999):D4}24{Random.Shared.Next(0, 999):D3}";
        var bad = Upn.CheckLetterFor(body2) + body2;
        await page.SetInputFilesAsync("#CtfFile", new FilePayload { Name = "from-infants.xml", MimeType = "application/xml", Buffer = Encoding.UTF8.GetBytes(Ctf(good, bad)) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check the CTF before importing" })).ToBeVisibleAsync();
        var problems = page.Locator("table").First;
        await Assertions.Expect(problems).ToContainTextAsync("DOB");
        await Assertions.Expect(problems).ToContainTextAsync("2019-02-30");
        await Axe.CheckAsync(page, "transfers-import-check");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import 1 pupil" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-panel")).ToContainTextAsync("1 added");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(bad);
        await Axe.CheckAsync(page, "transfers-import-done");

        // Export a CTF for a leaver to a named school.
        await page.GotoAsync($"{app.BaseUrl}/schools/{Urn}/transfers/export");
        await Axe.CheckAsync(page, "transfers-export");
        await page.Locator("input[name=Selected]").First.CheckAsync();
        await page.GetByLabel("Local authority number").FillAsync("873");
        await page.GetByLabel("Establishment number").FillAsync("4107");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download the CTF" }).ClickAsync());
        var path = await download.PathAsync();
        var xml = await File.ReadAllTextAsync(path!);
        Assert.Contains("<CTFversion>25.0</CTFversion>", xml);
        Assert.Contains("<Estab>4107</Estab>", xml);

        // A pupil on roll leaves: the transfer opens, the pack is made, and it is recorded as sent.
        using var api = await ApiAsync();
        var register = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/schools/{Urn}/register?status=E"))!;
        var pupil = register["pupils"]!.AsArray().First()!;
        var id = pupil["id"]!.GetValue<string>();
        await page.GotoAsync($"{app.BaseUrl}/pupils/{id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Record that this pupil has left" }).ClickAsync();
        await Axe.CheckAsync(page, "transfers-leave");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await page.FillAsync("#LeftOn-Day", today.Day.ToString());
        await page.FillAsync("#LeftOn-Month", today.Month.ToString());
        await page.FillAsync("#LeftOn-Year", today.Year.ToString());
        await page.GetByLabel("Local authority number").FillAsync("873");
        await page.GetByLabel("Establishment number").FillAsync("4107");
        await page.GetByLabel("School name (optional)").FillAsync("Harbour View Academy");
        await page.Locator("main form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "1. Make the transfer pack" })).ToBeVisibleAsync();
        await Axe.CheckAsync(page, "transfers-transfer");
        var pack = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download the transfer pack (ZIP)" }).ClickAsync());
        using (var zip = ZipFile.OpenRead((await pack.PathAsync())!))
        {
            var names = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("00-index.txt", names);
            Assert.Contains(names, n => n.StartsWith("01-ctf-", StringComparison.Ordinal));
            Assert.Contains("04-ehc-plan.docx", names);
        }
        await page.FillAsync("#SentOn-Day", today.Day.ToString());
        await page.FillAsync("#SentOn-Month", today.Month.ToString());
        await page.FillAsync("#SentOn-Year", today.Year.ToString());
        await page.GetByLabel("Sent to").FillAsync("S2S upload to Harbour View Academy");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record as sent" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Harbour View Academy");

        // The pupil's former UPN and census indicators, and the census check.
        await page.GotoAsync($"{app.BaseUrl}/pupils/{id}/transfer-details");
        await Axe.CheckAsync(page, "transfers-pupil-details");
        await page.GotoAsync($"{app.BaseUrl}/schools/{Urn}/census");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Validation check" })).ToBeVisibleAsync();
        await Axe.CheckAsync(page, "census");
        await page.Context.CloseAsync();
    }
}
