using System.Net;
using Microsoft.EntityFrameworkCore;
using static Senco.Web.Tests.Graduated.GraduatedFixture;

namespace Senco.Web.Tests.Graduated;

/// Teaching groups and the strategy bank through the API.
[Collection(GraduatedCollection.Name)]
public sealed class SetupApiTests(GraduatedFixture app)
{
    [Fact]
    public void The_app_runs_on_the_database_SENCO_TEST_DB_chose()
    {
        var (scope, db) = app.SystemDb();
        using (scope)
        {
            var postgres = Environment.GetEnvironmentVariable("SENCO_TEST_DB")?.StartsWith("postgres", StringComparison.OrdinalIgnoreCase) == true;
            Assert.Equal(postgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite", db.Database.ProviderName);
        }
    }

    [Fact]
    public async Task The_school_office_keeps_teaching_groups_and_a_teacher_may_not()
    {
        using var office = await app.ApiAsAsync("office");
        var group = await Send(office.PostAsync($"/api/v1/schools/{UrnA}/teaching-groups", Json(new { name = "Y5 reading group", yearGroup = (string?)null, pupilIds = new[] { app.P2 }, teacherIds = new[] { app.UserIds["teacher2"] } })), HttpStatusCode.Created);
        Assert.Null(group["yearGroup"]);
        var id = group["id"]!.GetValue<int>();

        var dup = await Send(office.PostAsync($"/api/v1/schools/{UrnA}/teaching-groups", Json(new { name = "Y5 reading group" })), HttpStatusCode.BadRequest);
        Assert.Equal("There is already a group called Y5 reading group: choose another name", dup["errors"]!["name"]![0]!.GetValue<string>());
        var wrong = await Send(office.PutAsync($"/api/v1/teaching-groups/{id}", Json(new { name = "Y5 reading group", pupilIds = new[] { app.PB }, teacherIds = new[] { app.UserIds["sencoB"] } })), HttpStatusCode.BadRequest);
        Assert.Equal(["pupilIds", "teacherIds"], wrong["errors"]!.AsObject().Select(e => e.Key));

        // teacher2 now teaches P2, so may read P2's passport (once there is one) but still not P1's.
        using var senco = await app.ApiAsAsync("senco");
        if ((await senco.GetAsync($"/api/v1/pupils/{app.P2}/passport")).StatusCode == HttpStatusCode.NotFound)
            await Send(senco.PutAsync($"/api/v1/pupils/{app.P2}/passport", Json(PassportApiTests.PassportBody())), HttpStatusCode.Created);
        using var teacher2 = await app.ApiAsAsync("teacher2");
        await Send(teacher2.GetAsync($"/api/v1/pupils/{app.P2}/passport"), HttpStatusCode.OK);

        using var teacher = await app.ApiAsAsync("teacher");
        await Send(teacher.PostAsync($"/api/v1/schools/{UrnA}/teaching-groups", Json(new { name = "Mine" })), HttpStatusCode.Forbidden);
        await Send(teacher.GetAsync($"/api/v1/schools/{UrnA}/teaching-groups"), HttpStatusCode.Forbidden);
        using var other = await app.ApiAsAsync("sencoB");
        await Send(other.GetAsync($"/api/v1/teaching-groups/{id}"), HttpStatusCode.NotFound);

        await Send(office.DeleteAsync($"/api/v1/teaching-groups/{id}"), HttpStatusCode.NoContent);
        await Send(teacher2.GetAsync($"/api/v1/pupils/{app.P2}/passport"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_strategy_bank_is_kept_by_those_who_write_plans_and_read_by_those_who_use_them()
    {
        using var assistant = await app.ApiAsAsync("assistant");
        var bad = await Send(assistant.PostAsync($"/api/v1/schools/{UrnA}/strategies", Json(new { area = "Other", title = "" })), HttpStatusCode.BadRequest);
        Assert.Equal(["area", "title"], bad["errors"]!.AsObject().Select(e => e.Key));
        var created = await Send(assistant.PostAsync($"/api/v1/schools/{UrnA}/strategies", Json(new { area = "SocialEmotionalMentalHealth", title = "Time-out card", description = "Five minutes in the calm space" })), HttpStatusCode.Created);
        Assert.Equal("Social, emotional and mental health", created["areaName"]!.GetValue<string>());
        var id = created["id"]!.GetValue<int>();

        using var ta = await app.ApiAsAsync("ta");
        var list = await Send(ta.GetAsync($"/api/v1/schools/{UrnA}/strategies"), HttpStatusCode.OK);
        Assert.Contains(list.AsArray(), s => s!["id"]!.GetValue<int>() == id);
        await Send(ta.PostAsync($"/api/v1/schools/{UrnA}/strategies", Json(new { area = "SensoryPhysical", title = "Mine" })), HttpStatusCode.Forbidden);

        await Send(assistant.PutAsync($"/api/v1/strategies/{id}", Json(new { area = "SocialEmotionalMentalHealth", title = "Time-out card", archived = true })), HttpStatusCode.OK);
        list = await Send(ta.GetAsync($"/api/v1/schools/{UrnA}/strategies"), HttpStatusCode.OK);
        Assert.DoesNotContain(list.AsArray(), s => s!["id"]!.GetValue<int>() == id);
        list = await Send(ta.GetAsync($"/api/v1/schools/{UrnA}/strategies?includeArchived=true"), HttpStatusCode.OK);
        Assert.Contains(list.AsArray(), s => s!["id"]!.GetValue<int>() == id && s["archived"]!.GetValue<bool>());

        using var governor = await app.ApiAsAsync("governor");
        await Send(governor.GetAsync($"/api/v1/schools/{UrnA}/strategies"), HttpStatusCode.Forbidden);
        using var other = await app.ApiAsAsync("sencoB");
        await Send(other.PutAsync($"/api/v1/strategies/{id}", Json(new { area = "SensoryPhysical", title = "Taken over" })), HttpStatusCode.NotFound);
    }
}
