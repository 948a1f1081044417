using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using static Senco.Web.Tests.Ehc.EhcFixture;

namespace Senco.Web.Tests.Ehc;

/// The EHC pages through the browser UI's own path: cookie sign-in, antiforgery tokens, forms posted with the
/// day/month/year parts the GOV.UK date input sends.
[Collection(EhcCollection.Name)]
public partial class EhcPageTests(EhcFixture f)
{
    private async Task<HttpClient> SignInAsync(string email)
    {
        var client = f.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/account/sign-in");
        var r = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(form), ["Input.Email"] = email, ["Input.Password"] = Password,
        }));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        return client;
    }

    private static string Token(string html) => AntiforgeryRegex().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryRegex();

    private static Dictionary<string, string> DateParts(string name, DateOnly d) => new()
    {
        [$"{name}.Day"] = d.Day.ToString(), [$"{name}.Month"] = d.Month.ToString(), [$"{name}.Year"] = d.Year.ToString(),
    };

    [Fact]
    public async Task A_senco_sees_every_ehc_page_with_the_overdue_review_at_the_top()
    {
        var (pupil, plan) = await f.PupilWithPlanAsync(Today.AddDays(-400), forename: "Pagey", surname: "Overdue");
        var api = await f.ClientAsync("senco@a.test");
        var review = await Expect(await api.PostAsJsonAsync($"/api/v1/ehc-plans/{plan}/reviews", new { meetingOn = Iso(Today.AddDays(5)) }), HttpStatusCode.Created);
        var web = await SignInAsync("senco@a.test");

        var deadlines = await web.GetStringAsync($"/schools/{f.SchoolA}/statutory-deadlines");
        Assert.Contains("Annual review meeting for Pagey Overdue was due on", deadlines);
        Assert.True(deadlines.IndexOf("Pagey Overdue", StringComparison.Ordinal) < deadlines.IndexOf("Show dates due within", StringComparison.Ordinal));
        foreach (var (url, expect) in new[]
                 {
                     ($"/schools/{f.SchoolA}/ehc", "Current plans"), ($"/pupils/{pupil}/ehc", "EHC plan and assessments"),
                     ($"/ehc-plans/{plan}", "Section K"), ($"/ehc-plans/{plan}/edit", "Section H1"), ($"/ehc-plans/{plan}/needs/new", "Section F"),
                     ($"/ehc-plans/{plan}/reviews/{review["id"]}", "Statutory dates"), ($"/pupils/{pupil}/ehc-needs-assessments/new", "Who made the request"),
                     ("/account/calendar", "Statutory deadlines in your calendar"),
                 })
        {
            var r = await web.GetAsync(url);
            var html = await r.Content.ReadAsStringAsync();
            Assert.True(r.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)r.StatusCode}");
            Assert.Contains(expect, html);
        }
        var doc = await web.GetAsync($"/ehc-plans/{plan}/reviews/{review["id"]}/documents/invitation.docx");
        Assert.Equal(HttpStatusCode.OK, doc.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", doc.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Pages_follow_the_role_matrix()
    {
        var (pupil, plan) = await f.PupilWithPlanAsync(Today.AddDays(-100));
        var teacher = await SignInAsync("teacher@a.test");
        var page = await teacher.GetStringAsync($"/ehc-plans/{plan}");
        Assert.Contains("Section A", page);
        Assert.DoesNotContain("Arrange an annual review", page);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync($"/ehc-plans/{plan}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync($"/pupils/{pupil}/ehc-plans/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync("/trust/statutory-deadlines")).StatusCode);

        var governor = await SignInAsync("governor@a.test");
        Assert.Equal(HttpStatusCode.Forbidden, (await governor.GetAsync($"/schools/{f.SchoolA}/statutory-deadlines")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await governor.GetAsync($"/ehc-plans/{plan}")).StatusCode);

        var outsider = await SignInAsync("senco@c.test");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/ehc-plans/{plan}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/pupils/{pupil}/ehc")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/schools/{f.SchoolA}/statutory-deadlines")).StatusCode);

        var lead = await SignInAsync("trustlead@a.test");
        var trust = await lead.GetStringAsync("/trust/statutory-deadlines");
        Assert.Contains("EHC Test Primary", trust);
        Assert.Contains("EHC Test Secondary", trust);
        Assert.DoesNotContain("Unrelated School", trust);
    }

    [Fact]
    public async Task Issuing_a_plan_through_the_form_keeps_what_was_typed_on_an_error_then_moves_the_pupil_to_E()
    {
        var pupil = await f.PupilAsync(needs: ["SPLD"], forename: "Formy", surname: "McForm");
        var web = await SignInAsync("senco@a.test");
        var html = await web.GetStringAsync($"/pupils/{pupil}/ehc-plans/new");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(html), ["Input.LocalAuthority"] = "873", ["Input.CaseOfficer"] = "Typed Officer Name",
        };
        foreach (var kv in DateParts("Input.IssuedOn", Today.AddDays(10))) fields[kv.Key] = kv.Value;
        var bad = await web.PostAsync($"/pupils/{pupil}/ehc-plans/new", new FormUrlEncodedContent(fields));
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("govuk-error-summary", badHtml);
        Assert.Contains("today or in the past", badHtml);
        Assert.Contains("Typed Officer Name", badHtml);
        Assert.Contains($"value=\"{Today.AddDays(10).Year}\"", badHtml);

        foreach (var kv in DateParts("Input.IssuedOn", Today.AddDays(-3))) fields[kv.Key] = kv.Value;
        fields["__RequestVerificationToken"] = Token(badHtml);
        var ok = await web.PostAsync($"/pupils/{pupil}/ehc-plans/new", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.StartsWith("/ehc-plans/", ok.Headers.Location!.OriginalString);
        var api = await f.ClientAsync("senco@a.test");
        var p = await Expect(await api.GetAsync($"/api/v1/pupils/{pupil}"), HttpStatusCode.OK);
        Assert.Equal("E", p["senStatus"]!.GetValue<string>());
        Assert.Equal(["SPLD"], p["needs"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task Editing_a_plan_someone_else_just_saved_shows_both_and_overwrites_nothing()
    {
        var (_, plan) = await f.PupilWithPlanAsync(Today.AddDays(-50));
        var web = await SignInAsync("senco@a.test");
        var html = await web.GetStringAsync($"/ehc-plans/{plan}/edit");
        var version = VersionRegex().Match(html).Groups[1].Value;

        var api = await f.ClientAsync("assistant@a.test");
        var current = await Expect(await api.GetAsync($"/api/v1/ehc-plans/{plan}"), HttpStatusCode.OK);
        await Expect(await api.PutAsJsonAsync($"/api/v1/ehc-plans/{plan}", new { version = current["version"]!.GetValue<int>(), sections = new Dictionary<string, string> { ["A"] = "Saved by the assistant" } }), HttpStatusCode.OK);

        var r = await web.PostAsync($"/ehc-plans/{plan}/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(html), ["Version"] = version, ["Input.LocalAuthority"] = "873", ["Input.Sections[A]"] = "Typed by the SENCO",
        }));
        var body = await r.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("senco-conflict", body);
        Assert.Contains("Saved by the assistant", body);
        Assert.Contains("Typed by the SENCO", body);
        var after = await Expect(await api.GetAsync($"/api/v1/ehc-plans/{plan}"), HttpStatusCode.OK);
        Assert.Equal("Saved by the assistant", after["sections"]!["A"]!.GetValue<string>());
    }

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionRegex();
}
