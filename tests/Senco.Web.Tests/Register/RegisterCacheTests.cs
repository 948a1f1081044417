using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Senco.Core.Access;
using Senco.Web.Features.Register;
using Senco.Web.Tests.Infrastructure;

namespace Senco.Web.Tests.Register;

/// The register is kept between requests under the school's pupil data version, which the database raises on every
/// write to the school's pupils. These tests change pupils by every kind of path — the API, a bulk update that
/// bypasses EF's change tracking (as imports do), raw SQL (as another instance or an operator might) and a delete —
/// and prove the next read of the register shows the change, through the API, the page and the CSV.
public sealed class RegisterCacheTests(TestWorld world) : IClassFixture<TestWorld>
{
    private async Task<JsonArray> ReadRegisterAsync(HttpClient senco, string query = "") =>
        (await senco.GetAsync($"/api/v1/schools/{world.C.Urn}/register{query}").ExpectJson(HttpStatusCode.OK))["pupils"]!.AsArray();

    private static JsonNode? Row(JsonArray rows, string upn) => rows.FirstOrDefault(r => r!.Str("upn") == upn);

    private async Task<long> VersionAsync()
    {
        var (scope, db) = world.SystemDb();
        using (scope)
        {
            var schoolId = await db.Schools.Where(s => s.Urn == world.C.Urn).Select(s => s.Id).SingleAsync();
            return await db.PupilDataVersionAsync(schoolId);
        }
    }

    [Fact]
    public async Task Every_kind_of_write_to_a_pupil_is_seen_by_the_next_read_of_the_register()
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "C");
        var pupil = await world.AddPupilAsync("C", "Rowan", "Cachefield", "4", status: "K", needs: ["SLCN"]);
        var before = await ReadRegisterAsync(senco);
        Assert.Equal("K", Row(before, pupil.Upn)!.Str("status"));
        var cache = world.Factory.Services.GetRequiredService<RegisterCache>();
        Assert.True(cache.Count > 0, "the register read was kept");

        // 1. Through the API: K to E moves the pupil's status on the register.
        var v1 = await VersionAsync();
        await senco.PutJson($"/api/v1/pupils/{pupil.Id}/sen", TestWorld.SenBody("E", ["SLCN", "ASD"], TestWorld.Today.AddDays(-1))).Expect(HttpStatusCode.OK);
        Assert.True(await VersionAsync() > v1, "the database raised the school's version");
        var afterApi = Row(await ReadRegisterAsync(senco), pupil.Upn)!;
        Assert.Equal("E", afterApi.Str("status"));
        Assert.Equal("ASD", afterApi.Str("secondaryNeed"));

        // 2. A bulk update with no change tracking (the path imports take).
        var (scope, db) = world.SystemDb();
        using (scope)
            Assert.Equal(1, await db.Pupils.Where(p => p.Upn == pupil.Upn).ExecuteUpdateAsync(s => s.SetProperty(p => p.Surname, "Bulkchanged")));
        Assert.Equal("Bulkchanged", Row(await ReadRegisterAsync(senco), pupil.Upn)!.Str("surname"));

        // 3. Raw SQL on the table, as another instance or an operator would write.
        (scope, db) = world.SystemDb();
        using (scope)
            Assert.Equal(1, await db.Database.ExecuteSqlAsync($"UPDATE \"Pupils\" SET \"Eal\" = {true} WHERE \"Upn\" = {pupil.Upn}"));
        Assert.True(Row(await ReadRegisterAsync(senco), pupil.Upn)!["eal"]!.GetValue<bool>());
        // The same read through a filter, the page and the CSV.
        Assert.NotNull(Row(await ReadRegisterAsync(senco, "?eal=true"), pupil.Upn));
        var page = await senco.GetStringAsync($"/schools/{world.C.Urn}/register");
        Assert.Contains("Bulkchanged", page);
        var csv = await senco.GetStringAsync($"/api/v1/schools/{world.C.Urn}/register.csv");
        Assert.Contains("Bulkchanged", csv);

        // 4. Off roll (a leaver), then deleted: gone from the register at once.
        (scope, db) = world.SystemDb();
        using (scope)
            await db.Database.ExecuteSqlAsync($"UPDATE \"Pupils\" SET \"OnRoll\" = {false} WHERE \"Upn\" = {pupil.Upn}");
        Assert.Null(Row(await ReadRegisterAsync(senco), pupil.Upn));
        var other = await world.AddPupilAsync("C", "Ash", "Deletedlater", "5", status: "K", needs: ["MLD"]);
        Assert.NotNull(Row(await ReadRegisterAsync(senco), other.Upn));
        var v2 = await VersionAsync();
        (scope, db) = world.SystemDb();
        using (scope)
        {
            // Dependent rows first, so the delete is of the pupil alone whatever cascades each database applies.
            Assert.Equal(1, await db.Pupils.Where(p => p.Upn == other.Upn).ExecuteDeleteAsync());
        }
        Assert.True(await VersionAsync() > v2);
        Assert.Null(Row(await ReadRegisterAsync(senco), other.Upn));
    }

    [Fact]
    public async Task A_kept_register_is_still_authorised_and_audited_on_every_read()
    {
        using var senco = await world.ClientFor(SchoolRole.Senco, "C");
        await ReadRegisterAsync(senco);
        await ReadRegisterAsync(senco);
        // Kept or not, another school's SENCO is refused and a governor of the school is refused the names.
        using var otherSchool = await world.ClientFor(SchoolRole.Senco, "A");
        await otherSchool.GetAsync($"/api/v1/schools/{world.C.Urn}/register").Expect(HttpStatusCode.NotFound);
        using var governor = await world.ClientFor(SchoolRole.Governor, "C");
        await governor.GetAsync($"/api/v1/schools/{world.C.Urn}/register").Expect(HttpStatusCode.Forbidden);

        var (scope, db) = world.SystemDb();
        using (scope)
        {
            var senUser = world.User(SchoolRole.Senco, "C").Id;
            await scope.ServiceProvider.GetRequiredService<Senco.Web.Features.Shared.Audit.AuditWriter>().FlushAsync(CancellationToken.None);
            var reads = await db.AuditEntries.CountAsync(a => a.UserId == senUser && a.Action == "register.read");
            Assert.True(reads >= 2, $"each read of the register is audited, kept or not (found {reads})");
        }
    }

    [Fact]
    public async Task With_no_rows_allowed_nothing_is_kept_and_every_read_is_fresh()
    {
        var pupil = await world.AddPupilAsync("C", "Nova", "Unkept", "3", status: "K", needs: ["SPLD"]);
        var settings = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Senco:RegisterCacheRows"] = "0" }).Build();
        using var cache = new RegisterCache(world.Factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>(), settings);
        var (scope, db) = world.SystemDb();
        using (scope)
        {
            var schoolId = await db.Schools.Where(s => s.Urn == world.C.Urn).Select(s => s.Id).SingleAsync();
            var first = await cache.GetAsync(db, schoolId, new RegisterFilter(), CancellationToken.None);
            Assert.Contains(first.Result.Rows, r => r.Upn == pupil.Upn);
            Assert.Equal(0, cache.Count);
            await db.Pupils.Where(p => p.Upn == pupil.Upn).ExecuteUpdateAsync(s => s.SetProperty(p => p.Surname, "Readagain"));
            var second = await cache.GetAsync(db, schoolId, new RegisterFilter(), CancellationToken.None);
            Assert.Equal("Readagain", second.Result.Rows.Single(r => r.Upn == pupil.Upn).Surname);
            Assert.Contains("Readagain", System.Text.Encoding.UTF8.GetString(second.Json));
            Assert.Equal(0, cache.Count);
        }
    }
}
