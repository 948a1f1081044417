using Microsoft.Playwright;
using Senco.Browser.Tests.Infrastructure;

namespace Senco.Browser.Tests.Foundation;

/// axe-core (WCAG 2.2 A and AA) on every Foundation page, as each kind of user sees it, and what each role may open.
[Collection(AppCollection.Name)]
public sealed class AccessibilityAndRolesTests(AppServer app, BrowserFixture browser)
{
    [Fact]
    public async Task Pages_anyone_can_open_have_no_accessibility_violations()
    {
        var page = await browser.NewPageAsync();
        foreach (var (path, name) in new[] { ("/account/sign-in", "sign-in"), ("/privacy", "privacy"), ("/accessibility", "accessibility"), ("/no-such-page", "not-found") })
        {
            await page.GotoAsync(app.BaseUrl + path);
            await Axe.CheckAsync(page, name);
            Assert.Equal(1, await page.Locator("h1").CountAsync());
        }
        // A wrong password: the same message whether or not the account exists, and still accessible.
        await page.GotoAsync(app.BaseUrl + "/account/sign-in");
        await page.GetByLabel("Email address").FillAsync("nobody@millbrook.example");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The email address or password is not right");
        await Axe.CheckAsync(page, "sign-in-error");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Every_page_a_senco_uses_has_no_accessibility_violations()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, app.BaseUrl, "senco@millbrook.example", AppServer.DemoPassword);
        foreach (var (path, name) in new[]
        {
            ("/schools/999101", "overview"), ("/schools/999101/register", "register"), ("/schools/999101/pupils", "pupils"),
            ("/schools/999101/pupils?q=zzzz", "pupils-none-found"), ("/schools/999101/pupils/new", "new-pupil"),
            ("/schools/999101/audit", "audit"), ("/account/security", "account"), ("/account/security/authenticator", "authenticator"),
        })
        {
            var response = await page.GotoAsync(app.BaseUrl + path);
            Assert.True(response!.Ok, $"{path} answered {response.Status}");
            await Axe.CheckAsync(page, name);
        }
        await page.GotoAsync(app.BaseUrl + "/schools/999101/register?status=E");
        await page.Locator("table.senco-register tbody tr td a").First.ClickAsync();
        await Axe.CheckAsync(page, "pupil");
        var pupilUrl = page.Url;
        foreach (var (suffix, name) in new[] { ("/edit", "edit-pupil"), ("/sen", "change-sen") })
        {
            await page.GotoAsync(pupilUrl + suffix);
            await Axe.CheckAsync(page, name);
        }
        // Adding a pupil with nothing filled in: every required field is named in the error summary.
        await page.GotoAsync(app.BaseUrl + "/schools/999101/pupils/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add pupil" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        foreach (var text in new[] { "UPN", "forename", "surname", "date of birth", "gender", "year group" })
            await Assertions.Expect(summary).ToContainTextAsync(text, new() { IgnoreCase = true });
        await Axe.CheckAsync(page, "new-pupil-errors");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_register_works_with_the_keyboard_alone()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, app.BaseUrl, "senco@millbrook.example", AppServer.DemoPassword);
        await page.GotoAsync(app.BaseUrl + "/schools/999101/register");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to main content", (await page.EvaluateAsync<string>("() => document.activeElement.textContent")).Trim());
        await page.Keyboard.PressAsync("Enter");
        // Tab through to the search field and filter by typing, then submit with Enter.
        for (var i = 0; i < 40 && await page.EvaluateAsync<string>("() => document.activeElement.id") != "q"; i++)
            await page.Keyboard.PressAsync("Tab");
        Assert.Equal("q", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        var firstSurname = (await page.Locator("table.senco-register tbody tr td a").First.InnerTextAsync()).Split(',')[0];
        await page.Keyboard.TypeAsync(firstSurname);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(u => u.Contains("q="));
        var names = await page.Locator("table.senco-register tbody tr td:first-child").AllInnerTextsAsync();
        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.StartsWith(firstSurname, n));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_governor_sees_counts_but_no_named_pupil()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, app.BaseUrl, "governor@millbrook.example", AppServer.DemoPassword);
        Assert.EndsWith("/schools/999101", page.Url);
        await Axe.CheckAsync(page, "governor-overview");
        await Assertions.Expect(page.Locator(".senco-nav")).Not.ToContainTextAsync("SEND register");
        var html = await page.ContentAsync();
        Assert.DoesNotContain("/pupils/", html);
        var register = await page.GotoAsync(app.BaseUrl + "/schools/999101/register");
        Assert.Equal(403, register!.Status);
        await Axe.CheckAsync(page, "forbidden");
        var other = await page.GotoAsync(app.BaseUrl + "/schools/999102");
        Assert.Equal(404, other!.Status);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_trust_lead_chooses_between_the_trusts_schools_and_cannot_change_records()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, app.BaseUrl, "trustlead@riverside.example", AppServer.DemoPassword);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choose a school" })).ToBeVisibleAsync();
        await Axe.CheckAsync(page, "choose-school");
        await page.GetByRole(AriaRole.Link, new() { Name = "Hillside Academy (demo)" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "SEND register" }).First.ClickAsync();
        Assert.True(int.Parse(await page.Locator("#count-total").InnerTextAsync()) > 100, "the demo secondary has well over 100 pupils on its register");
        await page.Locator("table.senco-register tbody tr td a").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Edit details" })).ToHaveCountAsync(0);
        var edit = await page.GotoAsync(page.Url + "/edit");
        Assert.Equal(403, edit!.Status);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_system_administrator_must_turn_on_two_factor_sign_in_and_can_then_add_a_school()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, app.BaseUrl, "admin@senco.example", AppServer.DemoPassword);
        Assert.Contains("/account/security/authenticator", page.Url);
        await Axe.CheckAsync(page, "authenticator-required");
        // Any other page sends the administrator back here until two-factor is on.
        await page.GotoAsync(app.BaseUrl + "/admin");
        Assert.Contains("/account/security/authenticator", page.Url);

        var key = await page.Locator(".senco-key").InnerTextAsync();
        await page.GetByLabel("Code from your authenticator app").FillAsync("000000" == Totp.Code(key) ? "111111" : "000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The code is not right");
        await page.GetByLabel("Code from your authenticator app").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Two-factor sign-in is on" })).ToBeVisibleAsync();
        Assert.Equal(10, await page.Locator(".senco-recovery-codes li").CountAsync());
        await Axe.CheckAsync(page, "recovery-codes");

        await page.GotoAsync(app.BaseUrl + "/admin");
        await Axe.CheckAsync(page, "admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a school" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add school" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("URN");
        await Axe.CheckAsync(page, "new-school-errors");
        await page.GetByLabel("School name").FillAsync("Brookfield Infant School (demo)");
        await page.GetByLabel("URN").FillAsync("999103");
        await page.GetByLabel("Local authority code").FillAsync("873");
        await page.GetByLabel("Establishment number").FillAsync("2902");
        await page.GetByLabel("Phase").SelectOptionAsync("Primary");
        await page.GetByLabel("Trust (optional)").FillAsync("Riverside Learning Trust (demo)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add school" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Brookfield Infant School (demo) has been added");
        await page.GetByRole(AriaRole.Link, new() { Name = "Brookfield Infant School (demo)" }).ClickAsync();
        await Axe.CheckAsync(page, "edit-school");
        await page.GetByLabel("School name").FillAsync("Brookfield Infant and Nursery School (demo)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Brookfield Infant and Nursery School (demo) has been saved");
        foreach (var (path, name) in new[] { ("/admin/users", "people"), ("/admin/users/new", "new-person") })
        {
            await page.GotoAsync(app.BaseUrl + path);
            await Axe.CheckAsync(page, name);
        }
        await page.GotoAsync(app.BaseUrl + "/admin/users");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ruth Okafor (SENCO)" }).ClickAsync();
        await Axe.CheckAsync(page, "person");

        // Signing in again now asks for the code.
        await page.Context.ClearCookiesAsync();
        await page.GotoAsync(app.BaseUrl + "/account/sign-in");
        await page.GetByLabel("Email address").FillAsync("admin@senco.example");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(AppServer.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/account/two-factor"));
        await Axe.CheckAsync(page, "two-factor");
        await page.GetByLabel("Code from your authenticator app").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.WaitForURLAsync(u => u.EndsWith("/admin"));
        await page.Context.CloseAsync();
    }
}
