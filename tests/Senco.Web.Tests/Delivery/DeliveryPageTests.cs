using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Senco.Web.Tests.Provision;
using static Senco.Web.Tests.Provision.ProvisionFixture;

namespace Senco.Web.Tests.Delivery;

/// The pages, read as a browser would: who may open them, what they show, and forms that name the field.
[Collection(DeliveryCollection.Name)]
public class DeliveryPageTests(ProvisionFixture app)
{
    private static readonly HtmlParser Parser = new();

    private static async Task<IHtmlDocument> Page(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var r = await client.GetAsync(url);
        var html = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == expected, $"GET {url}: expected {(int)expected}, got {(int)r.StatusCode}\n{html[..Math.Min(html.Length, 1500)]}");
        return Parser.ParseDocument(html);
    }

    private static async Task<IHtmlDocument> Post(HttpClient client, IHtmlDocument page, string formSelector, Dictionary<string, string> values, string url, HttpStatusCode expected)
    {
        var form = (IHtmlFormElement)page.QuerySelector(formSelector)!;
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input, select, textarea"))
        {
            var name = input.GetAttribute("name");
            if (name is null || values.ContainsKey(name)) continue;
            switch (input)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when !box.IsChecked: continue;
                case IHtmlInputElement i: fields.Add(new(name, i.Value)); break;
                case IHtmlSelectElement s: fields.Add(new(name, s.Value ?? "")); break;
                case IHtmlTextAreaElement t: fields.Add(new(name, t.Value)); break;
            }
        }
        fields.AddRange(values);
        var action = form.GetAttribute("action");
        var r = await client.PostAsync(string.IsNullOrEmpty(action) ? url : action, new FormUrlEncodedContent(fields));
        var html = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == expected, $"POST {url}: expected {(int)expected}, got {(int)r.StatusCode}\n{html[..Math.Min(html.Length, 1500)]}");
        return Parser.ParseDocument(html);
    }

    private async Task<(Guid Pupil, long Line, Guid Dose)> SetUpAsync()
    {
        var pupil = await app.PupilAsync(needs: ["SLCN"]);
        var senco = await app.ClientAsync("senco@a.test");
        var plan = await Expect(await senco.PostAsJsonAsync($"/api/v1/pupils/{pupil}/ehc-plans", new { issuedOn = Iso(Today.AddMonths(-2)), localAuthority = "873" }), HttpStatusCode.Created);
        var need = await Expect(await senco.PostAsJsonAsync($"/api/v1/ehc-plans/{plan["id"]}/needs", new
        {
            description = "Word-finding difficulties", needType = "SLCN", outcomes = new[] { "Names 50 topic words" },
            provision = new[] { new { description = "Vocabulary 1:1 with a trained TA", hoursPerWeek = 1m, annualCost = 900m, fundedBy = "School" } },
        }), HttpStatusCode.Created);
        var line = need["needs"]![0]!["provision"]![0]!["id"]!.GetValue<long>();
        var staff = await Expect(await senco.GetAsync($"/api/v1/schools/{app.SchoolA}/staff"), HttpStatusCode.OK);
        var mine = staff.AsArray().FirstOrDefault(s => s!["userId"]?.GetValue<Guid?>() == app.UserIds["ta2@a.test"])?["id"]!.GetValue<Guid>()
                   ?? await app.StaffAsync("Page TA two", "ta2@a.test");
        var dose = await Expect(await senco.PutAsJsonAsync($"/api/v1/ehc-provision/{line}/dose", new
        {
            basis = "SessionsPerWeek", sessionsPerWeek = 2, minutesPerSession = 30, mode = "OneToOne", from = Iso(MondayWeeksAgo(2)), staffMemberId = mine,
        }), HttpStatusCode.OK);
        return (pupil, line, dose["id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task The_pages_answer_by_role_and_school()
    {
        var (pupil, line, dose) = await SetUpAsync();
        var n = await app.PupilAsync(forename: "Page", surname: "Concern");
        var concern = await Expect(await (await app.ClientAsync("teacher@a.test")).PostAsJsonAsync($"/api/v1/pupils/{n}/concerns", new { observedOn = Iso(Today), whatSeen = "Avoids writing" }), HttpStatusCode.Created);
        var a = app.SchoolA;
        var cases = new (string Url, string Email, HttpStatusCode Status)[]
        {
            ($"/schools/{a}/delivery", "senco@a.test", HttpStatusCode.OK), ($"/schools/{a}/delivery", "ta2@a.test", HttpStatusCode.OK), ($"/schools/{a}/delivery", "head@a.test", HttpStatusCode.OK),
            ($"/schools/{a}/delivery", "governor@a.test", HttpStatusCode.Forbidden), ($"/schools/{a}/delivery", "office@a.test", HttpStatusCode.Forbidden), ($"/schools/{a}/delivery", "senco@c.test", HttpStatusCode.NotFound),
            ($"/schools/{a}/delivery/log", "ta2@a.test", HttpStatusCode.OK), ($"/schools/{a}/delivery/group", "ta2@a.test", HttpStatusCode.OK),
            ($"/schools/{a}/delivery/group", "governor@a.test", HttpStatusCode.Forbidden), ($"/schools/{a}/delivery/group", "senco@c.test", HttpStatusCode.NotFound), ($"/schools/{a}/delivery/log?dose={dose}", "ta2@a.test", HttpStatusCode.OK),
            ($"/schools/{a}/delivery/log?dose={dose}", "ta@a.test", HttpStatusCode.Forbidden), ($"/schools/{a}/delivery/log", "head@a.test", HttpStatusCode.Forbidden),
            ($"/pupils/{pupil}/delivery", "senco@a.test", HttpStatusCode.OK), ($"/pupils/{pupil}/delivery", "trustlead@a.test", HttpStatusCode.OK), ($"/pupils/{pupil}/delivery", "ta2@a.test", HttpStatusCode.Forbidden),
            ($"/pupils/{pupil}/delivery", "governor@a.test", HttpStatusCode.Forbidden), ($"/pupils/{pupil}/delivery", "senco@b.test", HttpStatusCode.NotFound),
            ($"/delivery/dose/ehc/{line}", "senco@a.test", HttpStatusCode.OK), ($"/delivery/dose/ehc/{line}", "teacher@a.test", HttpStatusCode.Forbidden), ($"/delivery/dose/ehc/{line}", "senco@c.test", HttpStatusCode.NotFound),
            ($"/schools/{a}/monitoring", "teacher@a.test", HttpStatusCode.OK), ($"/schools/{a}/monitoring", "governor@a.test", HttpStatusCode.Forbidden), ($"/schools/{a}/monitoring", "senco@b.test", HttpStatusCode.NotFound),
            ($"/concerns/{concern["id"]}", "ta@a.test", HttpStatusCode.OK), ($"/concerns/{concern["id"]}", "office@a.test", HttpStatusCode.Forbidden), ($"/concerns/{concern["id"]}", "senco@c.test", HttpStatusCode.NotFound),
            ($"/pupils/{n}/concerns/new", "teacher@a.test", HttpStatusCode.OK), ($"/pupils/{n}/concerns/new", "governor@a.test", HttpStatusCode.Forbidden),
        };
        foreach (var (url, email, status) in cases)
            await Page(await app.ClientAsync(email, cookies: true), url, status);
    }

    [Fact]
    public async Task A_ta_logs_a_session_on_the_page_and_a_future_date_is_named_and_nothing_saved()
    {
        var (pupil, _, dose) = await SetUpAsync();
        var ta = await app.ClientAsync("ta2@a.test", cookies: true);
        var url = $"/schools/{app.SchoolA}/delivery/log?dose={dose}";
        var page = await Page(ta, url);
        Assert.Equal("Delivered", page.QuerySelector("input[name='Input.Outcome'][checked]")?.GetAttribute("value"));
        var future = Today.AddDays(2);
        var errors = await Post(ta, page, "form[novalidate]", new()
        {
            ["Input.On.Day"] = future.Day.ToString(), ["Input.On.Month"] = future.Month.ToString(), ["Input.On.Year"] = future.Year.ToString(), ["Input.Start"] = "09:10", ["Input.Minutes"] = "30",
        }, url, HttpStatusCode.OK);
        var summary = errors.QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains("cannot be in the future", summary);
        var senco = await app.ClientAsync("senco@a.test");
        Assert.Equal(0, (await Expect(await senco.GetAsync($"/api/v1/pupils/{pupil}/delivery"), HttpStatusCode.OK))["total"]!["deliveredMinutes"]!.GetValue<int>());

        var day = MondayWeeksAgo(1).AddDays(1);
        var r = await ta.PostAsync(url, new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!),
            new("Input.On.Day", day.Day.ToString()), new("Input.On.Month", day.Month.ToString()), new("Input.On.Year", day.Year.ToString()),
            new("Input.Start", "09:10"), new("Input.Minutes", "30"), new("Input.Outcome", "Delivered"),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal(30, (await Expect(await senco.GetAsync($"/api/v1/pupils/{pupil}/delivery"), HttpStatusCode.OK))["total"]!["deliveredMinutes"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_planned_against_delivered_page_has_a_data_table_and_exports_and_the_dose_form_names_errors()
    {
        var (pupil, line, _) = await SetUpAsync();
        var senco = await app.ClientAsync("senco@a.test", cookies: true);
        var page = await Page(senco, $"/pupils/{pupil}/delivery");
        Assert.NotNull(page.QuerySelector("table caption"));
        Assert.Contains(page.QuerySelectorAll("a"), x => x.GetAttribute("href")!.Contains("handler=docx"));
        var xlsx = await senco.GetAsync($"/pupils/{pupil}/delivery?handler=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);

        var doseUrl = $"/delivery/dose/ehc/{line}";
        var form = await Page(senco, doseUrl);
        var errors = await Post(senco, form, "form[novalidate]", new() { ["Input.SessionsPerWeek"] = "three" }, doseUrl, HttpStatusCode.OK);
        Assert.Contains("Sessions a week must be a whole number", errors.QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Equal("three", errors.QuerySelector("#Input-SessionsPerWeek")?.GetAttribute("value"));

        // The pupil page and the EHC plan page link here.
        var details = await Page(senco, $"/pupils/{pupil}");
        Assert.Contains(details.QuerySelectorAll("a"), x => x.GetAttribute("href") == $"/pupils/{pupil}/delivery");
    }

    [Fact]
    public async Task A_logged_session_is_corrected_on_its_page_and_a_stale_correction_is_refused()
    {
        var (pupil, _, dose) = await SetUpAsync();
        var ta = await app.ClientAsync("ta2@a.test");
        var day = MondayWeeksAgo(1).AddDays(2);
        var created = await Expect(await ta.PostAsJsonAsync("/api/v1/delivery-sessions", new { doseId = dose, on = Iso(day), start = "10:00", minutes = 30, outcome = "Delivered" }), HttpStatusCode.Created);
        var id = created["id"]!.GetValue<Guid>();
        var url = $"/delivery-sessions/{id}/edit";

        // Who may open it: whoever may log the line (its TA, the SENCO); not another TA, a governor or another school.
        await Page(await app.ClientAsync("ta@a.test", cookies: true), url, HttpStatusCode.Forbidden);
        await Page(await app.ClientAsync("governor@a.test", cookies: true), url, HttpStatusCode.Forbidden);
        await Page(await app.ClientAsync("senco@c.test", cookies: true), url, HttpStatusCode.NotFound);

        var senco = await app.ClientAsync("senco@a.test", cookies: true);
        var pupilPage = await Page(senco, $"/pupils/{pupil}/delivery");
        Assert.Contains(pupilPage.QuerySelectorAll("a"), a => a.GetAttribute("href") == url);

        var taPage = await app.ClientAsync("ta2@a.test", cookies: true);
        var form = await Page(taPage, url);
        Assert.Equal("30", form.QuerySelector("input[name='Input.Minutes']")!.GetAttribute("value"));
        // A session longer than the school day is refused, naming the field, and nothing changes.
        var refused = await Post(taPage, form, "form[novalidate]", new() { ["Input.Minutes"] = "1000" }, url, HttpStatusCode.OK);
        Assert.Contains("Input-Minutes", refused.QuerySelector(".govuk-error-summary")!.InnerHtml);

        // The SENCO corrects it first; the TA's form, opened before, is then stale and told so.
        var sencoForm = await Page(senco, url);
        await Post(senco, sencoForm, "form[novalidate]", new() { ["Input.Minutes"] = "25" }, url, HttpStatusCode.Redirect);
        var stale = await Post(taPage, form, "form[novalidate]", new() { ["Input.Minutes"] = "40" }, url, HttpStatusCode.OK);
        Assert.Contains("Your correction was not saved", stale.QuerySelector(".govuk-error-summary")!.TextContent);
        var api = await app.ClientAsync("senco@a.test");
        Assert.Equal(25, (await Expect(await api.GetAsync($"/api/v1/pupils/{pupil}/delivery"), HttpStatusCode.OK))["total"]!["deliveredMinutes"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_senco_sets_the_threshold_and_shortfall_reasons_on_the_settings_page()
    {
        var url = $"/schools/{app.SchoolA}/delivery/settings";
        await Page(await app.ClientAsync("ta2@a.test", cookies: true), url, HttpStatusCode.Forbidden);
        await Page(await app.ClientAsync("head@a.test", cookies: true), url, HttpStatusCode.Forbidden);
        await Page(await app.ClientAsync("senco@c.test", cookies: true), url, HttpStatusCode.NotFound);

        var senco = await app.ClientAsync("senco@a.test", cookies: true);
        var page = await Page(senco, url);
        var bad = await Post(senco, page, "form[novalidate]", new() { ["Input.ThresholdPercent"] = "150" }, url, HttpStatusCode.OK);
        Assert.Contains("between 1 and 100", bad.QuerySelector(".govuk-error-summary")!.TextContent);

        page = await Page(senco, url);
        var form = (IHtmlFormElement)page.QuerySelector("form[novalidate]")!;
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", form.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!),
            new("Input.Version", form.QuerySelector("input[name='Input.Version']")!.GetAttribute("value") ?? ""),
            new("Input.ThresholdPercent", "70"), new("Input.SchoolDayMinutes", "380"), new("Input.ShortfallReasons", "StaffAbsent"), new("Input.ShortfallReasons", "Other"),
        };
        Assert.Equal(HttpStatusCode.Redirect, (await senco.PostAsync(url, new FormUrlEncodedContent(fields))).StatusCode);
        var saved = await Expect(await (await app.ClientAsync("senco@a.test")).GetAsync($"/api/v1/schools/{app.SchoolA}/delivery-settings"), HttpStatusCode.OK);
        Assert.Equal(70, saved["thresholdPercent"]!.GetValue<int>());
        // The same form posted again carries the old version: told, not overwritten.
        fields[2] = new("Input.ThresholdPercent", "60");
        var again = await senco.PostAsync(url, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Your changes were not saved", await again.Content.ReadAsStringAsync());
        Assert.Equal(70, (await Expect(await (await app.ClientAsync("senco@a.test")).GetAsync($"/api/v1/schools/{app.SchoolA}/delivery-settings"), HttpStatusCode.OK))["thresholdPercent"]!.GetValue<int>());
        // Put back the default so other tests in this collection see the usual policy.
        await Expect(await (await app.ClientAsync("senco@a.test")).PutAsJsonAsync($"/api/v1/schools/{app.SchoolA}/delivery-settings", new
        {
            thresholdPercent = 80, schoolDayMinutes = 390, shortfallReasons = new[] { "StaffAbsent", "Trip", "Exam", "Other" },
            version = (await Expect(await (await app.ClientAsync("senco@a.test")).GetAsync($"/api/v1/schools/{app.SchoolA}/delivery-settings"), HttpStatusCode.OK))["version"]!.GetValue<int>(),
        }), HttpStatusCode.OK);
    }
}
