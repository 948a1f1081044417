using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Senco.Browser.Tests.Infrastructure;

namespace Senco.Browser.Tests.Team;

/// Correcting records of the team around the child in Chromium: the contact and pupil-voice edit pages, the staff
/// development edit pages (training, training needs, INSET) with an error state, and the pupil picker used by keyboard
/// to choose who a meeting is about; axe on each.
[Collection(AppCollection.Name)]
public sealed class TeamEditPagesTests(AppServer app, BrowserFixture browser)
{
    private const string Senco = "senco@millbrook.example";
    private const string Urn = "999101";

    private Task<HttpClient> ApiAsync() => app.ApiClientAsync(Senco);

    private async Task<string?> FirstPupilWithAsync(HttpClient api, JsonArray register, string list)
    {
        foreach (var p in register)
        {
            var id = p!["id"]!.GetValue<string>();
            if ((await api.GetFromJsonAsync<JsonArray>($"/api/v1/pupils/{id}/{list}"))!.Count > 0) return id;
        }
        return null;
    }

    [Fact]
    public async Task Edit_pages_pass_axe_with_and_without_errors()
    {
        using var api = await ApiAsync();
        var register = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/schools/{Urn}/register"))!["pupils"]!.AsArray();
        var withContacts = await FirstPupilWithAsync(api, register, "contacts");
        var withVoice = await FirstPupilWithAsync(api, register, "voice");
        Assert.NotNull(withContacts);
        Assert.NotNull(withVoice);

        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, app.BaseUrl, Senco, AppServer.DemoPassword);

        await page.GotoAsync($"{app.BaseUrl}/pupils/{withContacts}/team/parents");
        var contactEdit = await page.Locator("a[href^='/contacts/'][href$='/edit']").First.GetAttributeAsync("href");
        await page.GotoAsync(app.BaseUrl + contactEdit);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Axe.CheckAsync(page, "team-contact-edit");

        await page.GotoAsync($"{app.BaseUrl}/pupils/{withVoice}/team/voice");
        var voiceEdit = await page.Locator("a[href^='/voice/'][href$='/edit']").First.GetAttributeAsync("href");
        await page.GotoAsync(app.BaseUrl + voiceEdit);
        await Axe.CheckAsync(page, "team-voice-edit");

        await page.GotoAsync($"{app.BaseUrl}/schools/{Urn}/staff-development");
        var training = await page.Locator("a[href^='/training-records/'][href$='/edit']").First.GetAttributeAsync("href");
        var need = await page.Locator("a[href^='/training-needs/'][href$='/edit']").First.GetAttributeAsync("href");
        var inset = await page.Locator("a[href^='/inset/'][href$='/edit']").First.GetAttributeAsync("href");
        foreach (var (url, name) in new[] { (need!, "team-training-need-edit"), (inset!, "team-inset-edit"), (training!, "team-training-edit") })
        {
            await page.GotoAsync(app.BaseUrl + url);
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save changes" })).ToBeVisibleAsync();
            await Axe.CheckAsync(page, name);
        }

        // The training edit page (opened last) with an error: the title emptied is refused, the summary links to it.
        await page.GetByLabel("Training", new() { Exact = true }).FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await Axe.CheckAsync(page, "team-training-edit-errors");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_pupil_picker_finds_and_chooses_a_pupil_by_keyboard()
    {
        using var api = await ApiAsync();
        var register = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/schools/{Urn}/register"))!["pupils"]!.AsArray();
        var pupil = register[0]!;
        var surname = pupil["surname"]!.GetValue<string>();
        var forename = pupil["forename"]!.GetValue<string>();

        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, app.BaseUrl, Senco, AppServer.DemoPassword);
        await page.GotoAsync($"{app.BaseUrl}/schools/{Urn}/meetings");
        var find = page.GetByLabel("Find a pupil");
        await find.FocusAsync();
        await page.Keyboard.TypeAsync(surname);
        await page.Keyboard.PressAsync("Tab");   // to the "Find a pupil" button
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Find a pupil" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        var name = new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(forename) + ".*" + System.Text.RegularExpressions.Regex.Escape(surname)
            + "|" + System.Text.RegularExpressions.Regex.Escape(surname) + ".*" + System.Text.RegularExpressions.Regex.Escape(forename));
        var radio = page.GetByRole(AriaRole.Radio, new() { NameRegex = name });
        await Assertions.Expect(radio.First).ToBeVisibleAsync();
        await radio.First.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(radio.First).ToBeCheckedAsync();
        await Axe.CheckAsync(page, "team-meetings-picker");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Enter_in_a_field_of_a_form_with_a_pupil_picker_submits_the_form_and_in_the_search_box_finds()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, app.BaseUrl, Senco, AppServer.DemoPassword);
        await page.GotoAsync($"{app.BaseUrl}/schools/{Urn}/meetings");

        // Enter in the title saves (here: is refused with the form's own errors), not "Find a pupil".
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Annual review planning");
        await page.GetByLabel("Title", new() { Exact = true }).PressAsync("Enter");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Title", new() { Exact = true })).ToHaveValueAsync("Annual review planning");

        // Enter in the picker's search box searches.
        using var api = await ApiAsync();
        var surname = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/schools/{Urn}/register"))!["pupils"]!.AsArray()[0]!["surname"]!.GetValue<string>();
        await page.GetByLabel("Find a pupil").FillAsync(surname);
        await page.GetByLabel("Find a pupil").PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Radio, new() { NameRegex = new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(surname)) }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
