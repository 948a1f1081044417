using System.Globalization;
using Microsoft.Playwright;
using Senco.Browser.Tests.Infrastructure;

namespace Senco.Browser.Tests.Ehc;

/// A SENCO takes a pupil from a request for assessment to an issued plan to a held annual review, and the
/// statutory clock follows; axe checks every page on the way.
[Collection(AppCollection.Name)]
public sealed class EhcJourneyTests(AppServer app, BrowserFixture browser)
{
    private const string Senco = "senco@millbrook.example";
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static async Task FillDateAsync(IPage page, string field, DateOnly d)
    {
        await page.Locator($"#{field}-Day").FillAsync(d.Day.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"#{field}-Month").FillAsync(d.Month.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"#{field}-Year").FillAsync(d.Year.ToString(CultureInfo.InvariantCulture));
    }

    private static string Long(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_statutory_deadlines_put_the_overdue_review_first()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, app.BaseUrl, Senco, AppServer.DemoPassword);
        await BrowserFixture.OpenAsync(page, "EHC plans", "Statutory deadlines");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Statutory deadlines", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".senco-overdue-summary")).ToContainTextAsync("Annual review meeting");
        await Axe.CheckAsync(page, "ehc-deadlines");
        await page.Locator("nav.senco-subnav").GetByRole(AriaRole.Link, new() { Name = "EHC plans", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Moving phase next September" })).ToBeVisibleAsync();
        await Axe.CheckAsync(page, "ehc-plans");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_senco_goes_from_request_to_issued_plan_to_held_review()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, app.BaseUrl, Senco, AppServer.DemoPassword);
        await page.GotoAsync($"{app.BaseUrl}/schools/999101/register?status=K&yearGroup=1");
        await page.Locator("table tbody tr td a").First.ClickAsync();
        var name = (await page.Locator("h1").InnerTextAsync()).Trim();
        await page.GetByRole(AriaRole.Link, new() { Name = "EHC plan and assessments" }).ClickAsync();
        await Axe.CheckAsync(page, "ehc-pupil");

        // The request: its clock starts when the LA received it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a request for assessment" }).ClickAsync();
        var received = Today.AddDays(-10);
        await FillDateAsync(page, "Input-RequestReceivedOn", received);
        await Axe.CheckAsync(page, "ehc-request-new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the request" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Request for an EHC needs assessment" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table").First).ToContainTextAsync(Long(received.AddDays(42)));
        await Axe.CheckAsync(page, "ehc-request");

        // A decision dated before the request: a clear message, nothing saved.
        await FillDateAsync(page, "Input-DecisionToAssessOn", received.AddDays(-1));
        await page.GetByLabel("It will assess").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save decisions" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("when the local authority received the request");
        await Axe.CheckAsync(page, "ehc-request-error");
        await FillDateAsync(page, "Input-DecisionToAssessOn", received.AddDays(5));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save decisions" }).ClickAsync();
        await Assertions.Expect(page.Locator("p", new() { HasText = "Being assessed" }).First).ToBeVisibleAsync();

        // The plan: the pupil becomes E from the issue date.
        await page.GetByRole(AriaRole.Link, new() { Name = $"Back to {name}'s EHC record" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Record an issued EHC plan" }).ClickAsync();
        await FillDateAsync(page, "Input-IssuedOn", Today);
        await page.GetByLabel("Case officer (optional)").FillAsync("Robin Officer (fictional)");
        await Axe.CheckAsync(page, "ehc-plan-new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the plan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Education, health and care plan" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".govuk-summary-list")).ToContainTextAsync(Long(Today.AddMonths(12)));

        await page.GetByRole(AriaRole.Link, new() { Name = "Add a need with its outcomes and provision" }).ClickAsync();
        await page.GetByLabel("Section B: the need").FillAsync("Finds it hard to read unfamiliar words");
        await page.GetByLabel("Section E: outcomes sought for this need").FillAsync("Reads a short book independently");
        await page.Locator("#Input-Provision-0-Description").FillAsync("Daily phonics catch-up with a TA");
        await page.Locator("#Input-Provision-0-HoursPerWeek").FillAsync("2.5");
        await page.Locator("#Input-Provision-0-AnnualCost").FillAsync("1800");
        await Axe.CheckAsync(page, "ehc-need-new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the need" }).ClickAsync();
        await Assertions.Expect(page.Locator(".senco-golden-thread")).ToContainTextAsync("2.5 hours a week, £1,800.00 a year");
        await Axe.CheckAsync(page, "ehc-plan");

        // The review: arranged, then held; the next review moves on from the meeting.
        await page.GetByRole(AriaRole.Link, new() { Name = "Arrange an annual review" }).ClickAsync();
        await FillDateAsync(page, "Input-MeetingOn", Today);
        await page.GetByRole(AriaRole.Button, new() { Name = "Arrange the review" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Annual review on {Long(Today)}" })).ToBeVisibleAsync();
        await Axe.CheckAsync(page, "ehc-review");
        await FillDateAsync(page, "Input-HeldOn", Today);
        await page.GetByLabel("Who attended").FillAsync("Parent, SENCO, class teacher");
        await page.Locator("#Input-Progress-0-Progress").SelectOptionAsync("GoodProgress");
        await page.GetByLabel("Maintain the plan as it is").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the review" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Annual review held on {Long(Today)}" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the plan" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-summary-list")).ToContainTextAsync(Long(Today.AddMonths(12)));
        await Assertions.Expect(page.Locator("#reviews ~ ul")).ToContainTextAsync("recommended: Maintain");
        await page.Context.CloseAsync();
    }
}
