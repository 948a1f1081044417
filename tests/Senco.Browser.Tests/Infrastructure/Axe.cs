using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Senco.Browser.Tests.Infrastructure;

/// <summary>
/// Runs axe-core (from the repo's node_modules, installed by npm ci) on the page as it is now,
/// against WCAG 2.0, 2.1 and 2.2 A and AA, and fails with a readable list of violations and a
/// full-page screenshot in TestResults/screenshots/&lt;name&gt;.png. With SENCO_SCREENSHOTS=1 every
/// page checked is saved there, for people to look at (each costs about half a second, as much as
/// axe itself, so a normal run saves only the failures).
/// </summary>
public static class Axe
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    private static readonly Lazy<string> Source = new(() =>
    {
        var path = Path.Combine(RepoPaths.Root, "node_modules", "axe-core", "axe.min.js");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: run `npm ci` in {RepoPaths.Root}.");
        }
        return File.ReadAllText(path);
    });

    private static readonly bool EveryPage =
        Environment.GetEnvironmentVariable("SENCO_SCREENSHOTS") is "1" or "true" or "all";

    public static async Task CheckAsync(IPage page, string name)
    {
        if (EveryPage) await ScreenshotAsync(page, name);

        // The app's CSP (script-src 'self') blocks an injected <script> tag, but not Playwright's
        // own evaluation, which runs through the DevTools protocol.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await page.EvaluateAsync(Source.Value);
        }

        var tagsJson = JsonSerializer.Serialize(Tags);
        var json = await page.EvaluateAsync<string>(
            $$"""
            async () => {
              const results = await axe.run(document, {
                runOnly: { type: 'tag', values: {{tagsJson}} },
                resultTypes: ['violations']
              });
              return JSON.stringify(results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({ target: n.target.join(' '), summary: n.failureSummary }))
              })));
            }
            """);

        var violations = JsonSerializer.Deserialize<List<Violation>>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];
        if (violations.Count == 0) return;
        if (!EveryPage) await ScreenshotAsync(page, name);

        var report = new StringBuilder();
        report.AppendLine($"axe found {violations.Count} accessibility violation(s) on '{name}' ({page.Url}):");
        foreach (var v in violations)
        {
            report.AppendLine($"- {v.Id} [{v.Impact}] {v.Help} ({v.HelpUrl})");
            foreach (var node in v.Nodes.Take(10))
            {
                report.AppendLine($"    at {node.Target}");
                if (!string.IsNullOrWhiteSpace(node.Summary))
                {
                    report.AppendLine("      " + node.Summary.Replace("\n", "\n      "));
                }
            }
            if (v.Nodes.Count > 10) report.AppendLine($"    … and {v.Nodes.Count - 10} more");
        }
        report.AppendLine($"Screenshot: {ScreenshotPath(name)}");
        throw new AccessibilityException(report.ToString());
    }

    /// <summary>Saves a full-page screenshot as TestResults/screenshots/&lt;name&gt;.png.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = ScreenshotPath(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    private static string ScreenshotPath(string name)
    {
        var safe = string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-'));
        return Path.Combine(RepoPaths.Screenshots, safe + ".png");
    }

    private sealed record Violation(string Id, string? Impact, string Help, string HelpUrl, List<ViolationNode> Nodes);

    private sealed record ViolationNode(string Target, string? Summary);
}

public sealed class AccessibilityException(string message) : Exception(message);
