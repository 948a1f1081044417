using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senco.Core.Access;
using Senco.Web.Features.Shared.Audit;
using Senco.Web.Tests.Contract;
using Senco.Web.Tests.Infrastructure;

namespace Senco.Web.Tests.Security;

/// Who looked at or changed which pupil, and when: read from the audit table itself.
public sealed class AuditTrailTests(TestWorld world) : IClassFixture<TestWorld>
{
    private async Task<long> LastEntryId()
    {
        await world.Factory.Services.GetRequiredService<AuditWriter>().FlushAsync(default);
        var (scope, db) = world.SystemDb();
        using (scope) return await db.AuditEntries.MaxAsync(e => (long?)e.Id) ?? 0;
    }

    private async Task<List<Senco.Core.Model.AuditEntry>> EntriesFor(Guid? pupilId = null, int? schoolId = null, long after = 0)
    {
        // Reads are queued and written in the background; flush so the test sees them deterministically.
        await world.Factory.Services.GetRequiredService<AuditWriter>().FlushAsync(default);
        var (scope, db) = world.SystemDb();
        using (scope)
        {
            var q = db.AuditEntries.AsNoTracking().Where(e => e.Id > after);
            if (pupilId is not null) q = q.Where(e => e.PupilId == pupilId);
            if (schoolId is not null) q = q.Where(e => e.SchoolId == schoolId);
            return await q.OrderBy(e => e.Id).ToListAsync();
        }
    }

    private async Task<int> SchoolId(string key)
    {
        var (scope, db) = world.SystemDb();
        using (scope) return await db.Schools.Where(s => s.Urn == world.Schools[key].Urn).Select(s => s.Id).SingleAsync();
    }

    [Fact]
    public async Task Reading_a_pupil_and_changing_their_sen_status_are_both_recorded_with_who_what_and_which_pupil()
    {
        var pupil = world.BasePupil("A", "K");
        var teacher = world.User(SchoolRole.Teacher, "A");
        var senco = world.User(SchoolRole.Senco, "A");
        var started = DateTime.UtcNow.AddSeconds(-5);
        var last = await LastEntryId();

        using (var t = await world.ClientFor(teacher.Email)) await t.GetAsync($"/api/v1/pupils/{pupil.Id}").Expect(HttpStatusCode.OK);
        using (var s = await world.ClientFor(senco.Email))
            await s.PutJson($"/api/v1/pupils/{pupil.Id}/sen", TestWorld.SenBody("E", ["ASD", "SLCN"], TestWorld.Today, "EHC plan issued")).Expect(HttpStatusCode.OK);

        var entries = await EntriesFor(pupil.Id, after: last);
        var schoolA = await SchoolId("A");

        var read = entries.Where(e => e.UserId == teacher.Id && e.Action == "pupil.read").ToList();
        Assert.True(read.Count == 1, $"expected one pupil.read by the teacher; audit has: {Describe(entries)}");
        Assert.Equal(schoolA, read[0].SchoolId);
        Assert.InRange(read[0].At, started, DateTime.UtcNow.AddSeconds(5));
        Assert.Contains(teacher.Email, read[0].UserName);

        var change = entries.Where(e => e.UserId == senco.Id && e.Action == "pupil.sen.change").ToList();
        Assert.True(change.Count == 1, $"expected one pupil.sen.change by the SENCO; audit has: {Describe(entries)}");
        Assert.Equal(schoolA, change[0].SchoolId);
        Assert.InRange(change[0].At, started, DateTime.UtcNow.AddSeconds(5));
        Assert.Contains("E", change[0].Summary);
    }

    [Fact]
    public async Task Adding_and_editing_a_pupil_and_reading_their_sen_history_are_recorded()
    {
        var admin = world.User(SchoolRole.SchoolAdmin, "C");
        var ta = world.User(SchoolRole.TeachingAssistant, "C");
        using var office = await world.ClientFor(admin.Email);
        var created = await office.PostJson($"/api/v1/schools/{world.C.Urn}/pupils", TestWorld.PupilBody(world.NewUpn("C"), "Audit", "Trail")).ExpectJson(HttpStatusCode.Created);
        var id = Guid.Parse(created.Str("id"));
        await office.PutJson($"/api/v1/pupils/{id}", PupilsContractTests.EditBody(created, created["version"]!.GetValue<int>(), surname: "Trailed")).Expect(HttpStatusCode.OK);
        using (var t = await world.ClientFor(ta.Email)) await t.GetAsync($"/api/v1/pupils/{id}/sen/history").Expect(HttpStatusCode.OK);

        var entries = await EntriesFor(id);
        Assert.Contains(entries, e => e.UserId == admin.Id && e.Action == "pupil.create");
        var update = Assert.Single(entries, e => e.UserId == admin.Id && e.Action == "pupil.update");
        Assert.Contains("Trailed", update.Summary);
        Assert.Contains(entries, e => e.UserId == ta.Id && e.Action == "pupil.sen.history");
    }

    [Fact]
    public async Task Reading_and_exporting_the_register_are_recorded_against_the_school()
    {
        var leader = world.User(SchoolRole.SeniorLeader, "B");
        var last = await LastEntryId();
        using var c = await world.ClientFor(leader.Email);
        await c.GetAsync($"/api/v1/schools/{world.B.Urn}/register?status=E").Expect(HttpStatusCode.OK);
        await c.GetAsync($"/api/v1/schools/{world.B.Urn}/register.csv").Expect(HttpStatusCode.OK);
        await c.GetAsync($"/api/v1/schools/{world.B.Urn}/register.xlsx").Expect(HttpStatusCode.OK);

        var entries = (await EntriesFor(schoolId: await SchoolId("B"), after: last)).Where(e => e.UserId == leader.Id).ToList();
        Assert.Contains(entries, e => e.Action == "register.read");
        Assert.Equal(2, entries.Count(e => e.Action == "register.export"));
    }

    [Fact]
    public async Task A_refused_change_leaves_no_change_entry()
    {
        var pupil = world.BasePupil("B", "E");
        var teacher = world.User(SchoolRole.Teacher, "B");
        using (var t = await world.ClientFor(teacher.Email))
            await t.PutJson($"/api/v1/pupils/{pupil.Id}/sen", TestWorld.SenBody("N", [], TestWorld.Today)).Expect(HttpStatusCode.Forbidden);
        Assert.DoesNotContain(await EntriesFor(pupil.Id), e => e.UserId == teacher.Id && e.Action == "pupil.sen.change");
    }

    private static string Describe(IEnumerable<Senco.Core.Model.AuditEntry> entries) =>
        string.Join("; ", entries.Select(e => $"{e.Action} by {e.UserName} ({e.UserId})"));
}
