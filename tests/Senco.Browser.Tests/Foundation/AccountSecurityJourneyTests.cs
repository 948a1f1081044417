using Microsoft.Playwright;
using Senco.Browser.Tests.Infrastructure;

namespace Senco.Browser.Tests.Foundation;

/// A new teaching assistant's first sign-in (issue 9): the administrator's temporary password must be replaced before
/// anything else; then "Your account" shows where they are signed in and signs out another browser. The demo's
/// new.ta@millbrook.example is used by this test only, so nothing here depends on the order tests run in.
[Collection(AppCollection.Name)]
public sealed class AccountSecurityJourneyTests(AppServer app, BrowserFixture browser)
{
    private const string NewStarter = "new.ta@millbrook.example";
    private const string ChosenPassword = "amber otter crosses seven rivers";
    private const string FirefoxOnWindows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

    [Fact]
    public async Task A_new_starter_chooses_their_own_password_then_sees_and_ends_their_other_sessions()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(NewStarter);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(AppServer.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        // Straight to choosing a password. (Waits for the navigation to commit and then for the heading: waiting for this
        // page's load event, as BrowserFixture.SignInAsync does, timed out here.)
        await page.WaitForURLAsync(url => url.Contains("/account/choose-password"), new() { WaitUntil = WaitUntilState.Commit });
        Assert.Contains("/account/choose-password", page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choose your password", Level = 1 })).ToBeVisibleAsync();
        await Axe.CheckAsync(page, "choose-password");

        // Nothing else opens until they have.
        await page.GotoAsync(app.BaseUrl + "/schools/999101");
        Assert.Contains("/account/choose-password", page.Url);

        // The same keyboard-only path a person would take: fields by label, errors in the summary linked to the field.
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(ChosenPassword);
        await page.GetByLabel("Type your new password again").FillAsync("amber otter crosses seven river");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save password and continue" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("The two passwords are not the same");
        await Axe.CheckAsync(page, "choose-password-errors");
        await summary.GetByRole(AriaRole.Link, new() { Name = "The two passwords are not the same" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Type your new password again")).ToBeFocusedAsync();

        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("leavemealone");
        await page.GetByLabel("Type your new password again").FillAsync("leavemealone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save password and continue" }).ClickAsync();
        await Assertions.Expect(summary).ToContainTextAsync("stolen in data breaches");

        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(ChosenPassword);
        await page.GetByLabel("Type your new password again").FillAsync(ChosenPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save password and continue" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your password has been saved" })).ToBeVisibleAsync();
        await Axe.CheckAsync(page, "password-saved");
        await page.GetByRole(AriaRole.Link, new() { Name = "Continue to Senco" }).ClickAsync();
        Assert.DoesNotContain("/account/choose-password", page.Url);

        // A second browser, on another computer.
        var otherContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", UserAgent = FirefoxOnWindows });
        var other = await otherContext.NewPageAsync();
        await BrowserFixture.SignInAsync(other, app.BaseUrl, NewStarter, ChosenPassword);
        Assert.DoesNotContain("/account/", other.Url);

        await page.GotoAsync(app.BaseUrl + "/account/security");
        var sessions = page.Locator("table.senco-sessions");
        await Assertions.Expect(sessions).ToContainTextAsync("Firefox on Windows");
        await Assertions.Expect(sessions).ToContainTextAsync("Chrome on Linux");
        await Assertions.Expect(sessions.Locator("tbody tr").Filter(new() { HasText = "Chrome on Linux" })).ToContainTextAsync("This browser");
        await Axe.CheckAsync(page, "account-sessions");

        var firefoxRow = sessions.Locator("tbody tr").Filter(new() { HasText = "Firefox on Windows" });
        await firefoxRow.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Sign out Firefox on Windows") }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("You have signed out Firefox on Windows");
        await Assertions.Expect(sessions).Not.ToContainTextAsync("Firefox on Windows");
        await Axe.CheckAsync(page, "account-session-ended");

        // The other browser is signed out at its next click.
        await other.GotoAsync(app.BaseUrl + "/schools/999101");
        Assert.Contains("/account/sign-in", other.Url);
        await otherContext.CloseAsync();
        await page.Context.CloseAsync();
    }
}
