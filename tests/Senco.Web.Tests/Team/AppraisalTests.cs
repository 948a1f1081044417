using System.Net;
using Senco.Core.Access;
using Senco.Web.Tests.Infrastructure;
using Senco.Web.Tests.Pages;

namespace Senco.Web.Tests.Team;

[Collection(TeamCollection.Name)]
public sealed class AppraisalTests(TeamWorld world)
{
    public static TheoryData<SchoolRole, string, HttpStatusCode> Readers => new()
    {
        { SchoolRole.Senco, "A", HttpStatusCode.OK }, // the line manager
        { SchoolRole.TeachingAssistant, "A", HttpStatusCode.OK }, // the member of staff
        { SchoolRole.SeniorLeader, "A", HttpStatusCode.OK },
        { SchoolRole.AssistantSenco, "A", HttpStatusCode.Forbidden },
        { SchoolRole.Teacher, "A", HttpStatusCode.Forbidden },
        { SchoolRole.TrustLead, "A", HttpStatusCode.Forbidden },
        { SchoolRole.SchoolAdmin, "A", HttpStatusCode.Forbidden },
        { SchoolRole.Governor, "A", HttpStatusCode.Forbidden },
        { SchoolRole.Senco, "B", HttpStatusCode.NotFound },
        { SchoolRole.Senco, "C", HttpStatusCode.NotFound },
    };

    [Theory, MemberData(nameof(Readers))]
    public async Task Appraisals_are_read_only_by_the_person_their_line_manager_and_senior_leaders(SchoolRole role, string school, HttpStatusCode expected)
    {
        using var api = await world.ClientFor(role, school);
        var r = await api.GetAsync($"/api/v1/staff/{world.TaStaffA}/appraisal");
        await r.ShouldBe(expected);
        Assert.Equal(expected == HttpStatusCode.OK, (await r.Content.ReadAsStringAsync()).Contains("lead two Talk Boost groups"));

        if (role != SchoolRole.Governor)
        {
            using var page = await PageSession.SignInAsync(world.Factory, world.User(role, school).Email, TestWorld.Password);
            var html = await page.Client.GetAsync($"/staff/{world.TaStaffA}/appraisal");
            await html.ShouldBe(expected);
            // The staff development page lists only the appraisals this person may open.
            var dev = await page.Client.GetAsync($"/schools/{world.A.Urn}/staff-development");
            if (dev.StatusCode == HttpStatusCode.OK)
                Assert.Equal(expected == HttpStatusCode.OK, (await dev.Content.ReadAsStringAsync()).Contains($"/staff/{world.TaStaffA}/appraisal"));
        }
    }

    [Fact]
    public async Task Only_the_line_manager_or_a_senior_leader_writes_objectives_and_reviews()
    {
        using var self = await world.ClientFor(SchoolRole.TeachingAssistant, "A");
        await self.PostJson($"/api/v1/staff/{world.TaStaffA}/appraisal/objectives", new { academicYear = "2026/27", objective = "Self-set" }).Expect(HttpStatusCode.Forbidden);
        await self.PutJson($"/api/v1/appraisal-objectives/{world.ObjectiveA}/review", new { reviewedOn = TestWorld.Today.ToString("yyyy-MM-dd"), reviewNotes = "Self-reviewed" }).Expect(HttpStatusCode.Forbidden);
        using var assistant = await world.ClientFor(SchoolRole.AssistantSenco, "A");
        await assistant.PutJson($"/api/v1/appraisal-objectives/{world.ObjectiveA}/review", new { reviewedOn = TestWorld.Today.ToString("yyyy-MM-dd"), reviewNotes = "x" }).Expect(HttpStatusCode.Forbidden);
        using var outsider = await world.ClientFor(SchoolRole.Senco, "C");
        await outsider.PutJson($"/api/v1/appraisal-objectives/{world.ObjectiveA}/review", new { reviewedOn = TestWorld.Today.ToString("yyyy-MM-dd"), reviewNotes = "x" }).Expect(HttpStatusCode.NotFound);

        using var head = await world.ClientFor(SchoolRole.SeniorLeader, "A");
        await (await head.PutJson($"/api/v1/appraisal-objectives/{world.ObjectiveA}/review", new { reviewedOn = TestWorld.Today.AddDays(3).ToString("yyyy-MM-dd"), reviewNotes = "x" })).ShouldBeValidationProblemOn("reviewedOn");
        var reviewed = await head.PutJson($"/api/v1/appraisal-objectives/{world.ObjectiveA}/review", new { reviewedOn = TestWorld.Today.ToString("yyyy-MM-dd"), reviewNotes = "Fictional mid-year review: on track" })
            .ExpectJson(HttpStatusCode.OK);
        Assert.Equal("Fictional mid-year review: on track", reviewed.Str("reviewNotes"));
        using var manager = await world.ClientFor(SchoolRole.Senco, "A");
        await (await manager.PostJson($"/api/v1/staff/{world.TaStaffA}/appraisal/objectives", new { academicYear = "26/27", objective = "x" })).ShouldBeValidationProblemOn("academicYear");

        // The audit trail names whose appraisal changed, never what it says.
        var (scope, db) = world.SystemDb();
        using (scope) Assert.DoesNotContain(db.AuditEntries, e => e.Summary.Contains("on track") || e.Summary.Contains("Talk Boost groups"));
    }

    [Fact]
    public async Task Training_records_needs_and_inset_are_kept_by_the_SENCOs_and_read_by_leaders()
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        await (await senco.PostJson($"/api/v1/schools/{world.A.Urn}/training-records", new { staffMemberId = world.TaStaffA, title = "Team Teach", completedOn = TestWorld.Today.AddDays(1).ToString("yyyy-MM-dd"), hours = 6 }))
            .ShouldBeValidationProblemOn("completedOn");
        await senco.PostJson($"/api/v1/schools/{world.A.Urn}/training-records", new { staffMemberId = world.TaStaffA, title = "Team Teach", completedOn = TestWorld.Today.ToString("yyyy-MM-dd"), hours = 6 }).Expect(HttpStatusCode.Created);
        var need = await senco.PostJson($"/api/v1/schools/{world.A.Urn}/training-needs", new { staffMemberId = world.TaStaffA, area = "Autism awareness", reason = "New pupil", priority = "High" }).ExpectJson(HttpStatusCode.Created);
        await senco.PostAsync($"/api/v1/training-needs/{need.Str("id")}/met", null).Expect(HttpStatusCode.OK);
        await (await senco.PostJson($"/api/v1/schools/{world.A.Urn}/inset", new { on = TestWorld.Today.ToString("yyyy-MM-dd"), title = "Passports" })).ShouldBeValidationProblemOn("ledBy");
        await senco.PostJson($"/api/v1/schools/{world.A.Urn}/inset", new { on = TestWorld.Today.ToString("yyyy-MM-dd"), title = "Passports", ledBy = "SENCO", attendees = "All staff", evaluation = "Useful" }).Expect(HttpStatusCode.Created);

        using var head = await world.ClientFor(SchoolRole.SeniorLeader, "A");
        var all = await head.GetAsync($"/api/v1/schools/{world.A.Urn}/staff-development").ExpectJson(HttpStatusCode.OK);
        Assert.Contains(all["training"]!.AsArray(), t => t!.Str("title") == "Team Teach");
        Assert.Contains(all["trainingNeeds"]!.AsArray(), t => t!.Str("area") == "Autism awareness" && t["metOn"] is not null);
        await head.PostJson($"/api/v1/schools/{world.A.Urn}/inset", new { on = TestWorld.Today.ToString("yyyy-MM-dd"), title = "x", ledBy = "y", attendees = "z" }).Expect(HttpStatusCode.Forbidden);
        using var ta = await world.ClientFor(SchoolRole.TeachingAssistant, "A");
        await ta.GetAsync($"/api/v1/schools/{world.A.Urn}/staff-development").Expect(HttpStatusCode.Forbidden);
        using var other = await world.ClientFor(SchoolRole.Senco, "C");
        await other.GetAsync($"/api/v1/schools/{world.A.Urn}/staff-development").Expect(HttpStatusCode.NotFound);
    }
}
