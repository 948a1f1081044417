using Microsoft.Playwright;
using Senco.Browser.Tests.Infrastructure;

namespace Senco.Browser.Tests;

[Collection(AppCollection.Name)]
public sealed class SmokeTests(AppServer app, BrowserFixture browser)
{
    [Fact]
    public async Task Sign_in_page_has_a_heading_and_no_accessibility_violations()
    {
        var page = await browser.NewPageAsync();
        var response = await page.GotoAsync($"{app.BaseUrl}/account/sign-in");

        Assert.True(response?.Ok, $"GET /account/sign-in answered {response?.Status}.\n--- app output ---\n{app.Log}");
        await Axe.CheckAsync(page, "sign-in");
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        // The real server (Kestrel) names neither itself nor the framework.
        var headers = await response!.AllHeadersAsync();
        Assert.False(headers.ContainsKey("server"), "the Server header should not be sent");
        Assert.False(headers.ContainsKey("x-powered-by"));
        // Single sign-on is configured for the browser tests: its button is on the page (and checked by axe above).
        Assert.Equal(1, await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Microsoft" }).CountAsync());
        await page.Context.CloseAsync();
    }
}

/// <summary>Checks the browser toolchain on its own (no app): Playwright's driver starts, drives
/// Debian's Chromium, and axe-core can run under it.</summary>
public sealed class BrowserToolchainTests : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture _browser;

    public BrowserToolchainTests(BrowserFixture browser) => _browser = browser;

    [Fact]
    public async Task Chromium_renders_a_page_and_takes_a_screenshot()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync("data:text/html,<!DOCTYPE html><html lang='en-GB'><title>Toolchain</title><main><h1>Hello from Chromium</h1></main></html>");

        Assert.Equal("Hello from Chromium", await page.Locator("h1").InnerTextAsync());
        var path = await Axe.ScreenshotAsync(page, "toolchain-data-url");
        Assert.True(new FileInfo(path).Length > 1000, "the screenshot should not be empty");
        await Axe.CheckAsync(page, "toolchain-data-url");
        await page.Context.CloseAsync();
    }
}
