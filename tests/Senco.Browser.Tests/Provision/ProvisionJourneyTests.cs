using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Senco.Browser.Tests.Infrastructure;

namespace Senco.Browser.Tests.Provision;

/// The SENCO's journey through provision in Chromium on the demo trust, and axe on every provision page.
[Collection(AppCollection.Name)]
public sealed class ProvisionJourneyTests(AppServer app, BrowserFixture browser)
{
    private const string Senco = "senco@millbrook.example";
    private const string Urn = "999101";

    private Task<HttpClient> ApiAsync() => app.ApiClientAsync(Senco);

    [Fact]
    public async Task Every_provision_page_passes_axe()
    {
        using var api = await ApiAsync();
        var groups = (await api.GetFromJsonAsync<JsonArray>($"/api/v1/schools/{Urn}/intervention-groups"))!;
        var group = groups.First(g => g!["pupils"]!.AsArray().Count > 1)!;
        var id = group["id"]!.GetValue<string>();
        var pupil = group["pupils"]![0]!["pupilId"]!.GetValue<string>();
        var provision = group["provisionId"]!.GetValue<string>();
        var staff = group["staffMemberId"]!.GetValue<string>();

        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, app.BaseUrl, Senco, AppServer.DemoPassword);
        foreach (var (url, name) in new[]
                 {
                     ($"/schools/{Urn}/provision-map", "provision-map"), ($"/schools/{Urn}/provision", "provision-catalogue"), ($"/schools/{Urn}/provision/new", "provision-new"),
                     ($"/provision/{provision}/edit", "provision-edit"), ($"/schools/{Urn}/funding", "funding"), ($"/schools/{Urn}/impact", "impact-school"),
                     ($"/pupils/{pupil}/provision", "pupil-provision"), ($"/pupils/{pupil}/top-ups/new", "top-up-new"), ($"/schools/{Urn}/interventions", "interventions"),
                     ($"/schools/{Urn}/interventions/new?provision={provision}", "intervention-new"), ($"/interventions/{id}", "intervention"),
                     ($"/interventions/{id}/edit", "intervention-edit"), ($"/interventions/{id}/register", "intervention-register"),
                     ($"/interventions/{id}/pupils/{pupil}/scores", "intervention-scores"), ($"/interventions/{id}/pupils/{pupil}", "intervention-membership"),
                     ($"/interventions/{id}/impact", "intervention-impact"), ($"/schools/{Urn}/staff", "staff"), ($"/schools/{Urn}/staff/new", "staff-new"),
                     ($"/staff/{staff}", "staff-timetable"), ($"/staff/{staff}/edit", "staff-edit"),
                 })
        {
            var response = await page.GotoAsync(app.BaseUrl + url);
            Assert.True(response?.Ok, $"GET {url} answered {response?.Status}.\n{app.Log}");
            await Axe.CheckAsync(page, "provision-" + name);
        }

        // A form with errors: the error summary, the messages and the highlighted fields pass too.
        await page.GotoAsync($"{app.BaseUrl}/schools/{Urn}/provision/new");
        await page.GetByLabel("Staff cost an hour, in pounds").FillAsync("-3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to the catalogue" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await Axe.CheckAsync(page, "provision-new-errors");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Create_a_group_take_a_register_enter_scores_read_the_impact()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, app.BaseUrl, Senco, AppServer.DemoPassword);

        // Start a group from the catalogue: its usual run fills the form.
        await page.GotoAsync($"{app.BaseUrl}/schools/{Urn}/provision");
        await page.GetByRole(AriaRole.Link, new() { Name = "Start a group of Precision teaching" }).ClickAsync();
        Assert.Equal("2", await page.InputValueAsync("#Input-SessionsPerWeek"));
        await page.GetByLabel("Name (optional)").FillAsync("Browser journey group");
        await page.SelectOptionAsync("#Input-StaffMemberId", new SelectOptionValue { Label = "Bethan Lloyd (Teaching assistant)" });
        await page.FillAsync("#Input-StartOn-Day", monday.Day.ToString());
        await page.FillAsync("#Input-StartOn-Month", monday.Month.ToString());
        await page.FillAsync("#Input-StartOn-Year", monday.Year.ToString());
        await page.FillAsync("#Input-Weeks", "6");
        await page.SelectOptionAsync("#Input-Slots-0-Day", "Monday");
        await page.FillAsync("#Input-Slots-0-Start", "15:20");
        await page.FillAsync("#Input-Slots-0-End", "15:40");
        await page.SelectOptionAsync("#Input-Slots-1-Day", "Tuesday");
        await page.FillAsync("#Input-Slots-1-Start", "15:20");
        await page.FillAsync("#Input-Slots-1-End", "15:40");
        await page.SelectOptionAsync("#Input-Measure", "StandardisedScore");
        var boxes = page.Locator("input[name='Input.PupilIds']");
        await boxes.Nth(0).CheckAsync();
        await boxes.Nth(1).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the group" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Browser journey group");
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("for 2 pupils");
        var groupUrl = page.Url;

        // Take Monday's register on a phone.
        var phone = await browser.NewPageAsync(viewport: new ViewportSize { Width = 390, Height = 844 });
        await BrowserFixture.SignInAsync(phone, app.BaseUrl, Senco, AppServer.DemoPassword);
        await phone.GotoAsync($"{groupUrl}/register?on={monday:yyyy-MM-dd}");
        await Axe.CheckAsync(phone, "provision-journey-register-phone");
        await phone.Locator("#Input-Marks-0-Attended").CheckAsync();        // present
        await phone.Locator("#Input-Marks-1-Attended-2").CheckAsync();      // absent
        await phone.Locator("#Input-Marks-1-Note").FillAsync("Hospital appointment");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Save the register" }).ClickAsync();
        await Assertions.Expect(phone.Locator(".govuk-notification-banner")).ToContainTextAsync("1 of 2 present");
        await phone.Context.CloseAsync();

        // Entry and exit scores for the first pupil.
        await page.GotoAsync(groupUrl);
        await page.Locator("#pupils a", new() { HasTextString = "Scores" }).First.ClickAsync();
        await page.FillAsync("#Input-EntryValue", "80");
        await page.FillAsync("#Input-EntryOn-Day", monday.Day.ToString());
        await page.FillAsync("#Input-EntryOn-Month", monday.Month.ToString());
        await page.FillAsync("#Input-EntryOn-Year", monday.Year.ToString());
        // An exit before the entry is refused, naming the field; nothing typed is lost.
        var before = monday.AddDays(-3);
        await page.FillAsync("#Input-ExitValue", "87");
        await page.FillAsync("#Input-ExitOn-Day", before.Day.ToString());
        await page.FillAsync("#Input-ExitOn-Month", before.Month.ToString());
        await page.FillAsync("#Input-ExitOn-Year", before.Year.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Save scores" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The exit assessment must be on or after the entry assessment");
        Assert.Equal("87", await page.InputValueAsync("#Input-ExitValue"));
        await page.FillAsync("#Input-ExitOn-Day", today.Day.ToString());
        await page.FillAsync("#Input-ExitOn-Month", today.Month.ToString());
        await page.FillAsync("#Input-ExitOn-Year", today.Year.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Save scores" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("have been saved");

        // The impact report: points gained, attendance, and the cost beside them.
        await page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Impact", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page.Locator("#points-gained")).ToHaveTextAsync("+7");
        await Assertions.Expect(page.Locator("#attendance")).ToHaveTextAsync("50%");
        await Assertions.Expect(page.Locator("#impact")).ToContainTextAsync("100%");
        await Axe.CheckAsync(page, "provision-journey-impact");
        await page.Context.CloseAsync();
    }
}
