using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Access;
using Senco.Core.Model;
using Senco.Web.Features.DataProtection;
using Senco.Web.Tests.Infrastructure;

namespace Senco.Web.Tests.Exchange;

public sealed class SubjectAccessTests(TestWorld world) : IClassFixture<TestWorld>
{
    [Fact]
    public void Every_stored_entity_with_a_pupil_id_is_in_some_section_of_the_export()
    {
        var (scope, db) = world.SystemDb();
        using var _ = scope;
        var withPupil = db.Model.GetEntityTypes().Where(t => t.FindProperty("PupilId") is not null || t.ClrType == typeof(Pupil)).Select(t => t.ClrType).ToList();
        Assert.Contains(typeof(SenStatusChange), withPupil);
        var covered = PupilRecordSections.Covered();
        var missing = withPupil.Where(t => !covered.Contains(t)).Select(t => t.Name).ToList();
        Assert.True(missing.Count == 0, $"No IPupilRecordSection declares [CoversPupilData] for: {string.Join(", ", missing)}. Add a section for it (see Features/DataProtection).");
        Assert.All(PupilRecordSections.All(), s => Assert.False(string.IsNullOrWhiteSpace(s.Title)));
    }

    [Fact]
    public async Task The_export_holds_everything_about_the_pupil_with_an_index_and_nothing_about_anyone_else()
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        var urn = world.A.Urn;
        var pupil = world.BasePupil("A", "K");
        var other = world.BasePupil("A", "E");
        var received = TestWorld.Today.AddDays(-3);
        var created = await senco.PostJson($"/api/v1/schools/{urn}/subject-access-requests", new
        {
            upn = pupil.Upn, receivedOn = received.ToString("yyyy-MM-dd"), requester = "Mx Kaur", relationship = "Parent",
        }).ExpectJson(HttpStatusCode.Created);
        Assert.Equal(Senco.Core.Exchange.SubjectAccessRules.DueOn(received).ToString("yyyy-MM-dd"), created.Str("dueOn"));
        var id = created.Str("id");

        var zipResponse = await senco.GetAsync($"/api/v1/schools/{urn}/subject-access-requests/{id}/export.zip");
        await zipResponse.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("application/zip", zipResponse.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await zipResponse.Content.ReadAsByteArrayAsync()));
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("index.html", names);
        Assert.Contains("index.csv", names);
        Assert.Contains("pupil/details.csv", names);
        Assert.Contains("pupil/sen-history.csv", names);
        Assert.Contains("pupil/timeline.csv", names);
        Assert.Contains("audit-trail.csv", names);
        Assert.Contains("subject-access-requests.csv", names);

        string Read(string name)
        {
            using var r = new StreamReader(zip.GetEntry(name)!.Open(), Encoding.UTF8);
            return r.ReadToEnd();
        }
        var index = Read("index.html");
        var indexCsv = Read("index.csv");
        foreach (var name in names.Where(n => n != "index.html"))
        {
            Assert.Contains(name, index);
            Assert.Contains(name, indexCsv);
        }
        Assert.Contains(pupil.Upn, Read("pupil/details.csv"));
        Assert.Contains(pupil.Surname, Read("pupil/details.csv"));
        Assert.Contains("SLCN", Read("pupil/sen-history.csv"));
        foreach (var name in names)
        {
            var text = Read(name);
            Assert.DoesNotContain(other.Upn, text);
            Assert.DoesNotContain(other.Surname, text);
        }

        var list = await senco.GetAsync($"/api/v1/schools/{urn}/subject-access-requests").ExpectJson(HttpStatusCode.OK);
        Assert.Equal("InProgress", list["items"]!.AsArray().Single(i => i!.Str("id") == id)!.Str("status"));
        var (scope, db) = world.SystemDb();
        using (scope) Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "sar.export" && a.PupilId == pupil.Id));
    }

    [Fact]
    public async Task Only_the_senco_exports_office_staff_log_requests_other_schools_see_nothing()
    {
        var urn = world.A.Urn;
        using var office = await world.ClientFor(SchoolRole.SchoolAdmin, "A");
        var created = await office.PostJson($"/api/v1/schools/{urn}/subject-access-requests", new
        {
            upn = world.BasePupil("A", "N").Upn, receivedOn = TestWorld.Today.ToString("yyyy-MM-dd"), requester = "Mr Nolan",
        }).ExpectJson(HttpStatusCode.Created);
        var id = created.Str("id");
        await (await office.GetAsync($"/api/v1/schools/{urn}/subject-access-requests/{id}/export.zip")).ShouldBeProblem(HttpStatusCode.Forbidden);
        using var assistant = await world.ClientFor(SchoolRole.AssistantSenco, "A");
        await (await assistant.GetAsync($"/api/v1/schools/{urn}/subject-access-requests/{id}/export.zip")).ShouldBeProblem(HttpStatusCode.Forbidden);
        using var teacher = await world.ClientFor(SchoolRole.Teacher, "A");
        await (await teacher.GetAsync($"/api/v1/schools/{urn}/subject-access-requests")).ShouldBeProblem(HttpStatusCode.Forbidden);
        using var otherSenco = await world.ClientFor(SchoolRole.Senco, "C");
        Assert.Equal(HttpStatusCode.NotFound, (await otherSenco.GetAsync($"/api/v1/schools/{urn}/subject-access-requests/{id}/export.zip")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherSenco.GetAsync($"/api/v1/schools/{world.C.Urn}/subject-access-requests/{id}/export.zip")).StatusCode);

        var bad = await office.PostJson($"/api/v1/schools/{urn}/subject-access-requests", new { upn = world.BasePupil("C", "N").Upn, receivedOn = TestWorld.Today.AddDays(2).ToString("yyyy-MM-dd"), requester = "" });
        var problem = await bad.ShouldBeProblem(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("upn") && errors.ContainsKey("receivedOn") && errors.ContainsKey("requester"), problem.ToJsonString());
    }

    [Fact]
    public async Task The_due_date_moves_past_a_bank_holiday_in_the_API_and_on_the_pages()
    {
        // Received Friday 19 August 2022: one month on is Monday 19 September 2022, the bank holiday for the State
        // Funeral, so the answer is due Tuesday 20 September.
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        var urn = world.A.Urn;
        var created = await senco.PostJson($"/api/v1/schools/{urn}/subject-access-requests", new
        {
            upn = world.BasePupil("A", "N").Upn, receivedOn = "2022-08-19", requester = "Mx Holiday-Test",
        }).ExpectJson(HttpStatusCode.Created);
        Assert.Equal("2022-09-20", created.Str("dueOn"));

        using var page = await Senco.Web.Tests.Pages.PageSession.SignInAsync(world.Factory, world.User(SchoolRole.Senco, "A").Email, TestWorld.Password);
        var html = System.Net.WebUtility.HtmlDecode(await page.Client.GetStringAsync($"/schools/{urn}/subject-access/{created.Str("id")}"));
        Assert.Contains("20 September 2022", html);
        Assert.Contains("19 September 2022, one calendar month after receipt, is a bank holiday (Bank holiday for the State Funeral of Queen Elizabeth II)", html);
        var list = System.Net.WebUtility.HtmlDecode(await page.Client.GetStringAsync($"/schools/{urn}/data-protection"));
        Assert.Contains("20 September 2022", list);
    }

    [Fact]
    public async Task A_request_stored_before_the_working_day_rule_shows_the_working_day_due_date()
    {
        // A row written straight to the database, as requests logged before the rule were: no due date is stored, it is
        // computed when read. Received Thursday 3 September 2026; one month on is Saturday 3 October, so due Monday 5 October.
        var id = Guid.CreateVersion7();
        var (scope, db) = world.SystemDb();
        using (scope)
        {
            var schoolId = await db.Schools.Where(x => x.Urn == world.A.Urn).Select(x => x.Id).SingleAsync();
            db.SubjectAccessRequests.Add(new SubjectAccessRequest
            {
                Id = id, SchoolId = schoolId, PupilId = world.BasePupil("A", "K").Id, ReceivedOn = new DateOnly(2026, 9, 3), Requester = "Mr Stored-Earlier",
                Status = SubjectAccessStatus.Received, RecordedBy = "Migration test", CreatedAt = DateTime.UtcNow, Version = 1,
            });
            await db.SaveChangesAsync();
        }
        using var senco = await world.ClientFor(SchoolRole.Senco, "A");
        var list = await senco.GetAsync($"/api/v1/schools/{world.A.Urn}/subject-access-requests").ExpectJson(HttpStatusCode.OK);
        Assert.Equal("2026-10-05", list["items"]!.AsArray().Single(i => i!.Str("id") == id.ToString())!.Str("dueOn"));
        using var page = await Senco.Web.Tests.Pages.PageSession.SignInAsync(world.Factory, world.User(SchoolRole.Senco, "A").Email, TestWorld.Password);
        var html = System.Net.WebUtility.HtmlDecode(await page.Client.GetStringAsync($"/schools/{world.A.Urn}/subject-access/{id}"));
        Assert.Contains("5 October 2026", html);
        Assert.Contains("3 October 2026, one calendar month after receipt, is a Saturday", html);
    }
}
