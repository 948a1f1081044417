using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Senco.Browser.Tests.Infrastructure;

namespace Senco.Browser.Tests.Team;

/// The team around the child in Chromium on the demo trust: a referral with consent, a call logged, a meeting held
/// with an action the TA then sees; axe on every team page, and on forms showing errors.
[Collection(AppCollection.Name)]
public sealed class TeamJourneyTests(AppServer app, BrowserFixture browser)
{
    private const string Senco = "senco@millbrook.example";
    private const string Ta = "ta@millbrook.example";
    private const string Urn = "999101";

    private Task<HttpClient> ApiAsync() => app.ApiClientAsync(Senco);

    /// Opens a collapsed form by its summary, as a person clicks "Record consent".
    private static Task Open(IPage page, string summary) => page.Locator("summary", new() { HasText = summary }).ClickAsync();

    private static async Task FillDate(IPage page, string prefix, DateOnly d)
    {
        await page.FillAsync($"#{prefix}-Day", d.Day.ToString());
        await page.FillAsync($"#{prefix}-Month", d.Month.ToString());
        await page.FillAsync($"#{prefix}-Year", d.Year.ToString());
    }

    [Fact]
    public async Task Every_team_page_passes_axe()
    {
        using var api = await ApiAsync();
        var register = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/schools/{Urn}/register"))!["pupils"]!.AsArray();
        // The demo's first pupils (by surname) carry referrals, a meeting and notes.
        string? pupil = null, referral = null;
        foreach (var p in register)
        {
            var id = p!["id"]!.GetValue<string>();
            var refs = (await api.GetFromJsonAsync<JsonArray>($"/api/v1/pupils/{id}/referrals"))!;
            if (refs.Count == 0) continue;
            pupil = id;
            referral = refs[0]!["id"]!.GetValue<string>();
            break;
        }
        Assert.NotNull(pupil);
        var meeting = (await api.GetFromJsonAsync<JsonArray>($"/api/v1/schools/{Urn}/meetings?past=true"))![0]!["id"]!.GetValue<string>();
        string? note = null;
        foreach (var p in register)
        {
            var notes = (await api.GetFromJsonAsync<JsonArray>($"/api/v1/pupils/{p!["id"]!.GetValue<string>()}/restricted-notes"))!;
            if (notes.Count > 0) { note = notes[0]!["id"]!.GetValue<string>(); break; }
        }
        Assert.NotNull(note);
        var dan = (await api.GetFromJsonAsync<JsonArray>($"/api/v1/schools/{Urn}/staff"))!.First(s => s!["name"]!.GetValue<string>() == "Dan Hughes")!["id"]!.GetValue<string>();

        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, app.BaseUrl, Senco, AppServer.DemoPassword);
        foreach (var (url, name) in new[]
                 {
                     ($"/schools/{Urn}/team", "hub"), ($"/schools/{Urn}/agencies", "agencies"), ($"/schools/{Urn}/meetings", "meetings"),
                     ($"/meetings/{meeting}", "meeting"), ($"/schools/{Urn}/team-settings", "settings"), ($"/pupils/{pupil}/team", "pupil"),
                     ($"/pupils/{pupil}/team/parents", "parents"), ($"/pupils/{pupil}/team/referrals", "referrals"), ($"/referrals/{referral}", "referral"),
                     ($"/pupils/{pupil}/team/voice", "voice"), ($"/pupils/{pupil}/team/safeguarding", "safeguarding"), ($"/pupils/{pupil}/team/documents", "documents"),
                     ($"/restricted-notes/{note}", "restricted-note"), ($"/schools/{Urn}/staff-development", "staff-development"), ($"/staff/{dan}/appraisal", "appraisal"),
                 })
        {
            var response = await page.GotoAsync(app.BaseUrl + url);
            Assert.True(response?.Ok, $"GET {url} answered {response?.Status}.\n{app.Log}");
            // Open every collapsed form so that axe checks the fields too.
            await page.EvalOnSelectorAllAsync("details", "els => els.forEach(e => e.open = true)");
            await Axe.CheckAsync(page, "team-" + name);
        }

        // Correcting an agency's phone number from the directory, and the edit page with an error.
        await page.GotoAsync($"{app.BaseUrl}/schools/{Urn}/agencies");
        await page.Locator("a[href$='/edit']").First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Change");
        await Axe.CheckAsync(page, "team-agency-edit");
        var editUrl = page.Url;
        await page.FillAsync("#Input-Name", "");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the name of the agency");
        await Axe.CheckAsync(page, "team-agency-edit-errors");
        await page.GotoAsync(editUrl);
        await page.FillAsync("#Input-Phone", "01632 961234");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("has been saved");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("01632 961234");

        // Forms showing errors: a consent dated in the future, an action with no owner.
        await page.GotoAsync($"{app.BaseUrl}/pupils/{pupil}/team/parents");
        await Open(page, "Record consent");
        await page.FillAsync("#Consent-Purpose", "Photographs");
        await page.FillAsync("#Consent-GivenBy", "Mrs Example");
        await FillDate(page, "Consent-GivenOn", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5));
        await page.GetByRole(AriaRole.Button, new() { Name = "Record consent" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("today or in the past");
        await Axe.CheckAsync(page, "team-parents-errors");

        await page.GotoAsync($"{app.BaseUrl}/meetings/{meeting}");
        await Open(page, "Add an action");
        await page.FillAsync("#Action-Description", "An action nobody owns");
        await FillDate(page, "Action-DueOn", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add action" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("every action needs an owner");
        await Axe.CheckAsync(page, "team-meeting-errors");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Make_a_referral_with_consent_log_a_call_hold_a_meeting_and_the_owner_sees_the_task()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using var api = await ApiAsync();
        var register = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/schools/{Urn}/register?yearGroup=6"))!["pupils"]!.AsArray();
        var pupil = register[^1]!;
        var id = pupil["id"]!.GetValue<string>();
        var name = $"{pupil["forename"]!.GetValue<string>()} {pupil["surname"]!.GetValue<string>()}";

        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, app.BaseUrl, Senco, AppServer.DemoPassword);

        // From the pupil page to the team around the child.
        await page.GotoAsync($"{app.BaseUrl}/pupils/{id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Parents, carers, consent and communication log" }).ClickAsync();

        // Consent from the mother, today.
        await Open(page, "Record consent");
        await page.FillAsync("#Consent-Purpose", "Referral to the educational psychologist");
        await page.FillAsync("#Consent-GivenBy", "Mrs Journey (mother)");
        await FillDate(page, "Consent-GivenOn", today);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record consent" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("consent has been recorded");

        // A call logged.
        await Open(page, "Log a call, email, meeting or letter");
        await FillDate(page, "Log-On", today);
        await page.GetByLabel("Phone call", new() { Exact = true }).CheckAsync();
        await page.FillAsync("#Log-With", "Mrs Journey (mother)");
        await page.FillAsync("#Log-Summary", "Explained the referral to the EP; mum agreed and asked for a copy of the report.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to the log" }).ClickAsync();
        await Assertions.Expect(page.Locator("#log ~ table").First).ToContainTextAsync("Explained the referral to the EP");

        // The referral, resting on that consent.
        await page.GotoAsync($"{app.BaseUrl}/pupils/{id}/team/referrals");
        await page.SelectOptionAsync("#Input-AgencyId", new SelectOptionValue { Label = "Riverside Educational Psychology Service (demo) (Educational psychology)" });
        await page.FillAsync("#Input-Reason", "Progress in reading well below expectations after two cycles of SEN support.");
        var consentOption = page.Locator("#Input-ConsentId option", new() { HasText = "Referral to the educational psychologist" });
        await page.SelectOptionAsync("#Input-ConsentId", await consentOption.First.GetAttributeAsync("value") ?? "");
        await page.GetByLabel("Sent, waiting", new() { Exact = true }).CheckAsync();
        await FillDate(page, "Input-SentOn", today);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the referral" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Referral to Riverside Educational Psychology Service");
        await Assertions.Expect(page.Locator(".govuk-summary-list")).ToContainTextAsync("In place");
        await Axe.CheckAsync(page, "team-journey-referral");

        // Hold a meeting about the pupil, with an action for the TA.
        await page.GotoAsync($"{app.BaseUrl}/pupils/{id}/team");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Schedule a meeting about {pupil["forename"]!.GetValue<string>()}" }).ClickAsync();
        await page.FillAsync("#Input-Title", $"Pupil progress: {name}");
        await page.GetByLabel("Pupil progress meeting", new() { Exact = true }).CheckAsync();
        await FillDate(page, "Input-On", today);
        await page.FillAsync("#Input-Time", "15:45");
        await page.GetByRole(AriaRole.Button, new() { Name = "Arrange the meeting" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Pupil progress");

        await Open(page, "Record the meeting (attendees and notes) or change its details");
        await page.FillAsync("#Record-Attendees", "Mrs Journey (mother)\nRuth Okafor (SENCO)\nDan Hughes (teaching assistant)");
        await page.FillAsync("#Record-Notes", "Agreed daily reading with the TA and a referral to the EP.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the record" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-summary-list")).ToContainTextAsync("Agreed daily reading");

        await Open(page, "Add an action");
        await page.FillAsync("#Action-Description", "Daily reading with the journey pupil");
        await page.SelectOptionAsync("#Action-OwnerUserId", new SelectOptionValue { Label = "Dan Hughes (teaching assistant)" });
        await FillDate(page, "Action-DueOn", today.AddDays(7));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add action" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Dan Hughes");
        await page.Context.CloseAsync();

        // The TA sees it on their task list and marks it done; it leaves the list.
        var taPage = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(taPage, app.BaseUrl, Ta, AppServer.DemoPassword);
        await taPage.GotoAsync($"{app.BaseUrl}/schools/{Urn}/team");
        var row = taPage.Locator("tr", new() { HasText = "Daily reading with the journey pupil" });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Axe.CheckAsync(taPage, "team-ta-tasks");
        await row.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(taPage.Locator(".govuk-notification-banner")).ToContainTextAsync("Done: Daily reading with the journey pupil");
        await Assertions.Expect(taPage.Locator("tr", new() { HasText = "Daily reading with the journey pupil" })).ToHaveCountAsync(0);
        await taPage.Context.CloseAsync();
    }
}
