using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Senco.Browser.Tests.Infrastructure;

namespace Senco.Browser.Tests.Delivery;

/// Provision delivered and the monitoring list in Chromium on the demo trust: a TA logs a session on a phone, the
/// SENCO reads planned against delivered, a concern is escalated to SEN support, and axe on every new page.
[Collection(AppCollection.Name)]
public sealed class DeliveryJourneyTests(AppServer app, BrowserFixture browser)
{
    private const string Senco = "senco@millbrook.example";
    private const string Ta = "ta@millbrook.example";
    private const string Urn = "999101";
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private Task<HttpClient> ApiAsync(string email = Senco) => app.ApiClientAsync(email);

    [Fact]
    public async Task Every_delivery_and_monitoring_page_passes_axe()
    {
        using var api = await ApiAsync();
        var alert = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/schools/{Urn}/delivery-alerts"))!["items"]!.AsArray()[0]!;
        var pupil = alert["pupilId"]!.GetValue<string>();
        var report = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/pupils/{pupil}/delivery"))!;
        var concerns = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/schools/{Urn}/concerns"))!["items"]!.AsArray();
        var concern = concerns.First(c => c!["status"]!.GetValue<string>() == "Open")!;
        var register = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/schools/{Urn}/concerns"))!;
        var nPupil = concern["pupilId"]!.GetValue<string>();

        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, app.BaseUrl, Senco, AppServer.DemoPassword);
        await page.GotoAsync($"{app.BaseUrl}/pupils/{pupil}/delivery");
        var doseLink = await page.Locator("a:has-text('Change the planned dose')").First.GetAttributeAsync("href");
        foreach (var (url, name) in new[]
                 {
                     ($"/schools/{Urn}", "overview-with-notice"), ($"/schools/{Urn}/delivery", "delivery"), ($"/schools/{Urn}/delivery/settings", "delivery-settings"), ($"/schools/{Urn}/delivery/log", "delivery-log-senco"), ($"/schools/{Urn}/delivery/group", "delivery-group"),
                     ($"/pupils/{pupil}/delivery", "delivery-pupil"), (doseLink!, "delivery-dose"), ($"/schools/{Urn}/monitoring", "monitoring"),
                     ($"/concerns/{concern["id"]}", "monitoring-concern"), ($"/pupils/{nPupil}/concerns/new", "monitoring-new"),
                 })
        {
            var response = await page.GotoAsync(app.BaseUrl + url);
            Assert.True(response?.Ok, $"GET {url} answered {response?.Status}.\n{app.Log}");
            await Axe.CheckAsync(page, name);
        }

        // Correcting a logged session: the page is reached from the pupil's planned-against-delivered page.
        var correct = page.Locator("a[href^='/delivery-sessions/']");
        await page.GotoAsync($"{app.BaseUrl}/pupils/{pupil}/delivery");
        Assert.True(await correct.CountAsync() > 0, "the demo pupil with a delivery alert has logged sessions to correct");
        await page.GotoAsync(app.BaseUrl + await correct.First.GetAttributeAsync("href"));
        await Axe.CheckAsync(page, "delivery-session-edit");

        // Forms with errors pass too.
        await page.GotoAsync($"{app.BaseUrl}/pupils/{nPupil}/concerns/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Raise the concern" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter what you see that concerns you");
        await Axe.CheckAsync(page, "monitoring-new-errors");
        await page.GotoAsync(app.BaseUrl + doseLink);
        await page.FillAsync("#Input-MinutesPerSession", "1000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the planned dose" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Minutes a session must be between 5 and 390");
        await Axe.CheckAsync(page, "delivery-dose-errors");
        Assert.True(report["lines"]!.AsArray().Count > 0);
        Assert.NotNull(register);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_teaching_assistant_logs_a_session_on_a_phone_in_a_few_taps()
    {
        var phone = await browser.NewPageAsync(viewport: Phone);
        await BrowserFixture.SignInAsync(phone, app.BaseUrl, Ta, AppServer.DemoPassword);
        await phone.GotoAsync($"{app.BaseUrl}/schools/{Urn}/delivery");
        await phone.GetByRole(AriaRole.Link, new() { Name = "Log a session" }).ClickAsync();
        await Axe.CheckAsync(phone, "delivery-log-ta-phone-pupils");

        // Tap 1: the pupil; tap 2: the line.
        await phone.Locator(".senco-tap-list__link").First.ClickAsync();
        await Axe.CheckAsync(phone, "delivery-log-ta-phone-lines");
        await phone.Locator(".senco-tap-list__link").First.ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "Log a session" })).ToBeVisibleAsync();
        await Axe.CheckAsync(phone, "delivery-log-ta-phone-form");
        var width = await phone.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"The page scrolls sideways on a phone ({width}px).");

        // Bad input first: longer than the school day; nothing saved, the field named.
        await phone.FillAsync("#Input-Start", "07:05");
        await phone.FillAsync("#Input-Minutes", "500");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Save the session" }).ClickAsync();
        await Assertions.Expect(phone.Locator(".govuk-error-summary")).ToContainTextAsync("cannot be longer than the school day");
        await Axe.CheckAsync(phone, "delivery-log-ta-phone-errors");

        // Today is already filled in, "delivered" already chosen: change the minutes and save.
        await phone.FillAsync("#Input-Minutes", "20");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Save the session" }).ClickAsync();
        await Assertions.Expect(phone.Locator(".govuk-notification-banner")).ToContainTextAsync("20 minutes delivered");
        await phone.Context.CloseAsync();
    }

    [Fact]
    public async Task The_senco_reads_planned_against_delivered_from_the_notice()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, app.BaseUrl, Senco, AppServer.DemoPassword);
        await page.GotoAsync($"{app.BaseUrl}/schools/{Urn}");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "Needs your attention" })).ToContainTextAsync("below the delivery threshold two weeks running");
        await page.GetByRole(AriaRole.Link, new() { Name = "See who" }).ClickAsync();
        var first = page.Locator("table a.govuk-link").First;
        var name = await first.InnerTextAsync();
        await first.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Provision planned and delivered" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".govuk-caption-l")).ToContainTextAsync(name);
        await Assertions.Expect(page.Locator(".govuk-warning-text")).ToContainTextAsync("below 80% for two weeks running");
        // The chart has its data table, and the reasons for the shortfall are named.
        Assert.True(await page.Locator("table:has(caption:has-text('Planned and delivered by week')) tbody tr").CountAsync() > 3);
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Staff absent");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download as Word" }).ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_concern_is_escalated_to_sen_support_and_its_evidence_starts_the_plan()
    {
        using var api = await ApiAsync();
        var concerns = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/schools/{Urn}/concerns?status=Open"))!["items"]!.AsArray();
        var concern = concerns[^1]!;
        var pupil = concern["pupilId"]!.GetValue<string>();

        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, app.BaseUrl, Senco, AppServer.DemoPassword);
        await page.GotoAsync($"{app.BaseUrl}/schools/{Urn}/monitoring");
        await page.GetByRole(AriaRole.Link, new() { Name = $"{concern["forename"]} {concern["surname"]}" }).First.ClickAsync();
        await page.GetByLabel("What did you see?").FillAsync("Still rarely speaks in class; answered once when asked directly.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the observation" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("observation has been added");

        await page.SelectOptionAsync("#Decision-PrimaryNeed", "SLCN");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move to SEN support" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/support-plans/new"));
        var evidence = await page.InputValueAsync("#Input-Evidence");
        Assert.Contains(concern["whatSeen"]!.GetValue<string>(), evidence);
        Assert.Contains("Still rarely speaks in class", evidence);

        var now = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/pupils/{pupil}"))!;
        Assert.Equal("K", now["senStatus"]!.GetValue<string>());
        var history = (await api.GetFromJsonAsync<JsonArray>($"/api/v1/pupils/{pupil}/sen/history"))!;
        Assert.Equal("K", history[^1]!["status"]!.GetValue<string>());
        await page.Context.CloseAsync();
    }
}
