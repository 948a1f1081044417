using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senco.Data;
using Senco.Web.Tests.Infrastructure;

namespace Senco.Web.Tests.Security;

/// Database contexts come from EF's pool: one instance serves many requests in turn. Each lease must see only the
/// schools of the request it serves, and a context that has not been given a scope must see nothing.
public sealed class PooledContextScopeTests(TestWorld world) : IClassFixture<TestWorld>
{
    private async Task<int> SchoolIdAsync(string urn)
    {
        var (scope, db) = world.SystemDb();
        using (scope) return await db.Schools.Where(s => s.Urn == urn).Select(s => s.Id).SingleAsync();
    }

    [Fact]
    public async Task Contexts_reused_from_the_pool_see_only_the_schools_of_the_request_they_serve()
    {
        var a = await SchoolIdAsync(world.A.Urn);
        var c = await SchoolIdAsync(world.C.Urn);
        var instances = new HashSet<SencoDbContext>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < 40; i++)
        {
            var school = i % 2 == 0 ? a : c;
            SencoDbContext db;
            using (var scope = world.Factory.Services.CreateScope())
            {
                scope.ServiceProvider.GetRequiredService<TenantScope>().Restrict([school]);
                db = scope.ServiceProvider.GetRequiredService<SencoDbContext>();
                instances.Add(db);
                var seen = await db.Pupils.Select(p => p.SchoolId).Distinct().ToListAsync();
                Assert.Equal([school], seen);
                Assert.NotEmpty(await db.PupilEvents.Where(e => e.SchoolId == school).Select(e => e.Id).Take(1).ToListAsync());
                Assert.Empty(await db.PupilEvents.Where(e => e.SchoolId != school).Select(e => e.Id).Take(1).ToListAsync());
            }
            // Back in the pool, the context has forgotten the request.
            Assert.Throws<InvalidOperationException>(() => db.Scope);
        }
        // The pool did hand the same contexts out again (else this test would prove nothing about reuse).
        Assert.True(instances.Count < 40, $"{instances.Count} distinct contexts for 40 requests");
    }

    [Fact]
    public async Task The_filter_sees_one_school_several_or_none_as_the_scope_says()
    {
        var a = await SchoolIdAsync(world.A.Urn);
        var b = await SchoolIdAsync(world.B.Urn);
        var c = await SchoolIdAsync(world.C.Urn);
        foreach (var schools in new[] { new[] { a }, new[] { c }, new[] { a, c }, new[] { b, c, a }, Array.Empty<int>() })
        {
            using var scope = world.Factory.Services.CreateScope();
            scope.ServiceProvider.GetRequiredService<TenantScope>().Restrict(schools);
            var db = scope.ServiceProvider.GetRequiredService<SencoDbContext>();
            var seen = await db.Pupils.Select(p => p.SchoolId).Distinct().OrderBy(x => x).ToListAsync();
            Assert.Equal(schools.Order(), seen);
            var events = await db.PupilEvents.Select(e => e.SchoolId).Distinct().OrderBy(x => x).ToListAsync();
            Assert.Equal(schools.Order(), events);
        }
    }

    [Fact]
    public async Task A_context_with_no_scope_fails_its_queries_rather_than_seeing_every_school()
    {
        var sp = world.Factory.Services;
        await using SencoDbContext db = sp.GetService<IDbContextFactory<SqliteSencoDbContext>>()?.CreateDbContext()
            ?? (SencoDbContext)sp.GetRequiredService<IDbContextFactory<PostgresSencoDbContext>>().CreateDbContext();
        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => db.Pupils.CountAsync());
    }
}
