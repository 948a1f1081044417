using Microsoft.Playwright;

namespace Senco.Browser.Tests.Infrastructure;

/// <summary>
/// One Playwright driver and one headless Chromium per test collection; every test gets a fresh
/// browser context (its own cookies) from <see cref="NewPageAsync"/>. Uses Debian's Chromium
/// (SENCO_CHROMIUM, default /usr/bin/chromium): never `playwright install`, which downloads a
/// browser. The Playwright driver (node and playwright-core) ships inside the NuGet package.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("SENCO_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {ChromiumPath}. Install it (apt-get install chromium) or set SENCO_CHROMIUM.");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
            ],
        });
    }

    /// <summary>A page in a fresh context: no cookies, en-GB, a laptop-sized window.</summary>
    public async Task<IPage> NewPageAsync(string? baseUrl = null, ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            Locale = "en-GB",
            TimezoneId = "Europe/London",
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the sign-in page, as a person would, and waits to leave it.</summary>
    public static async Task SignInAsync(IPage page, string baseUrl, string email, string password)
    {
        await page.GotoAsync($"{baseUrl.TrimEnd('/')}/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Opens a page through the header as a person would: the section in the main navigation, then the page in the
    /// section's own navigation. A section with one page for this person shows that page's name in the header.
    /// </summary>
    public static async Task OpenAsync(IPage page, string section, string pageLabel)
    {
        var header = page.Locator("nav.senco-nav");
        var direct = header.GetByRole(AriaRole.Link, new() { Name = pageLabel, Exact = true });
        if (section != pageLabel && await direct.CountAsync() == 1)
        {
            await direct.ClickAsync();
            return;
        }
        await header.GetByRole(AriaRole.Link, new() { Name = section, Exact = true }).ClickAsync();
        await page.Locator("nav.senco-subnav").GetByRole(AriaRole.Link, new() { Name = pageLabel, Exact = true }).ClickAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
    }
}
