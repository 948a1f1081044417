using System.Net;
using Microsoft.EntityFrameworkCore;
using Senco.Core;
using Senco.Core.Access;
using Senco.Core.Calendar;
using Senco.Core.Delivery;
using Senco.Core.Exchange;
using Senco.Web.Tests.Infrastructure;
using Senco.Web.Tests.Pages;

namespace Senco.Web.Tests.SchoolDays;

/// The school calendar page: who may keep it, term dates and closures with their checks, two people saving at once, and
/// the leaver's 15 school days counted from it.
public sealed class SchoolCalendarPageTests(TestWorld world) : IClassFixture<TestWorld>
{
    private Task<PageSession> SignIn(SchoolRole role, string school) => PageSession.SignInAsync(world.Factory, world.User(role, school).Email, TestWorld.Password);

    private static void Date(Dictionary<string, string> form, string name, DateOnly d)
    {
        form[$"{name}.Day"] = d.Day.ToString();
        form[$"{name}.Month"] = d.Month.ToString();
        form[$"{name}.Year"] = d.Year.ToString();
    }

    private static async Task<HttpResponseMessage> Post(PageSession s, string url, Dictionary<string, string> form, string tokenFrom)
    {
        form["__RequestVerificationToken"] = await s.GetFormTokenAsync(tokenFrom);
        return await s.Client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    private static Dictionary<string, string> WholeYear(SchoolYear y, string versions)
    {
        var form = new Dictionary<string, string> { ["Terms.StartYear"] = y.StartYear.ToString(), ["Terms.Versions"] = versions };
        Date(form, "Terms.AutumnStart", y.Start);
        Date(form, "Terms.AutumnEnd", new DateOnly(y.StartYear, 12, 31));
        Date(form, "Terms.SpringStart", new DateOnly(y.StartYear + 1, 1, 1));
        Date(form, "Terms.SpringEnd", new DateOnly(y.StartYear + 1, 3, 31));
        Date(form, "Terms.SummerStart", new DateOnly(y.StartYear + 1, 4, 1));
        Date(form, "Terms.SummerEnd", y.End);
        return form;
    }

    [Fact]
    public async Task Only_those_who_keep_the_calendar_open_it()
    {
        var url = $"/schools/{world.A.Urn}/calendar";
        foreach (var role in new[] { SchoolRole.Teacher, SchoolRole.TeachingAssistant, SchoolRole.Governor, SchoolRole.SeniorLeader })
        {
            using var s = await SignIn(role, "A");
            Assert.Equal(HttpStatusCode.Forbidden, (await s.Client.GetAsync(url)).StatusCode);
        }
        using var other = await SignIn(SchoolRole.Senco, "C");
        Assert.NotEqual(HttpStatusCode.OK, (await other.Client.GetAsync(url)).StatusCode);
        using var office = await SignIn(SchoolRole.SchoolAdmin, "A");
        Assert.Equal(HttpStatusCode.OK, (await office.Client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Terms_and_closures_are_saved_checked_and_a_leavers_deadline_counts_school_days()
    {
        using var senco = await SignIn(SchoolRole.Senco, "A");
        var year = SchoolYear.Containing(TestWorld.Today);
        var url = $"/schools/{world.A.Urn}/calendar?year={Uri.EscapeDataString(year.Label)}";
        Assert.Contains("are not saved yet", await senco.Client.GetStringAsync(url));

        // A spring term that starts before the autumn one ends is refused, naming the field.
        var wrong = WholeYear(year, "0,0,0");
        Date(wrong, "Terms.SpringStart", new DateOnly(year.StartYear, 12, 1));
        var refused = await Post(senco, $"/schools/{world.A.Urn}/calendar?handler=Terms", wrong, url);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("The spring term must start after the autumn term ends", await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await Post(senco, $"/schools/{world.A.Urn}/calendar?handler=Terms", WholeYear(year, "0,0,0"), url)).StatusCode);
        Assert.DoesNotContain("are not saved yet", await senco.Client.GetStringAsync(url));

        // Someone else's form, opened before that save, cannot overwrite it.
        var stale = await Post(senco, $"/schools/{world.A.Urn}/calendar?handler=Terms", WholeYear(year, "0,0,0"), url);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed these term dates", await stale.Content.ReadAsStringAsync());

        // A closure: checked, then saved.
        var leftOn = TestWorld.Today.AddDays(-3);
        var closure = new Dictionary<string, string> { ["Closure.Reason"] = "" };
        Date(closure, "Closure.From", leftOn.AddDays(2));
        Date(closure, "Closure.To", leftOn.AddDays(1));
        var badClosure = await Post(senco, $"/schools/{world.A.Urn}/calendar?handler=Closure&year={Uri.EscapeDataString(year.Label)}", closure, url);
        var badHtml = await badClosure.Content.ReadAsStringAsync();
        Assert.Contains("The last day must be on or after the first day", badHtml);
        Assert.Contains("Say why the school is closed", badHtml);
        Date(closure, "Closure.To", leftOn.AddDays(8));
        closure["Closure.Reason"] = "Half term";
        Assert.Equal(HttpStatusCode.Redirect, (await Post(senco, $"/schools/{world.A.Urn}/calendar?handler=Closure&year={Uri.EscapeDataString(year.Label)}", closure, url)).StatusCode);
        Assert.Contains("Half term", await senco.Client.GetStringAsync(url));

        // A pupil leaves: 15 school days, the half term not among them.
        var pupil = await world.AddPupilAsync("A", "Cal", "Endar", "6");
        var leave = new Dictionary<string, string> { ["Destination.Kind"] = "School", ["Destination.La"] = "330", ["Destination.Estab"] = "4002", ["Destination.Name"] = "Riverside High School" };
        Date(leave, "LeftOn", leftOn);
        Assert.Equal(HttpStatusCode.Redirect, (await Post(senco, $"/pupils/{pupil.Id}/leave", leave, $"/pupils/{pupil.Id}/leave")).StatusCode);
        var (scope, db) = world.SystemDb();
        using (scope)
        {
            var school = await db.Schools.SingleAsync(s => s.Urn == world.A.Urn);
            var calendar = await db.CalendarOfAsync(school.Id);
            var due = (await db.PupilTransfers.SingleAsync(t => t.PupilId == pupil.Id)).DueOn;
            Assert.Equal(calendar.AddSchoolDays(leftOn, 15), due);
            Assert.True(due > TransferRules.DueOn(leftOn), "the closure's weekdays must push the deadline later than 15 weekdays");
            Assert.Equal(15, calendar.SchoolDays(leftOn.AddDays(1), due));
        }
    }
}
