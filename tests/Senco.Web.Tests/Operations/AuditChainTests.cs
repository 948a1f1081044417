using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Senco.Core.Access;
using Senco.Data;
using Senco.Web.Features.Operations;
using Senco.Web.Features.Shared.Audit;
using Senco.Web.Tests.Infrastructure;

namespace Senco.Web.Tests.Operations;

internal static class AuditChainSupport
{
    public static async Task Seal(TestWorld world)
    {
        await world.Factory.Services.GetRequiredService<AuditWriter>().FlushAsync(default);
        await world.Factory.Services.GetRequiredService<AuditChainService>().SealAsync();
    }

    public static async Task<(int Code, string Output)> Verify(TestWorld world)
    {
        var output = new StringWriter();
        var code = await OperationsCli.RunAsync(["audit", "verify", .. DatabaseDump.Settings(world.Factory.Database)], output);
        return (code, output.ToString());
    }

    public static async Task MakeSomeEntries(TestWorld world, int reads = 5)
    {
        using var client = await world.ClientFor(SchoolRole.Senco, "A");
        for (var i = 0; i < reads; i++)
            (await client.GetAsync($"/api/v1/pupils/{world.BasePupil("A", "K").Id}")).EnsureSuccessStatusCode();
    }
}

/// The audit trail's hash chain: sealed off the request path, verified by the operator command.
public sealed class AuditChainTests(TestWorld world) : IClassFixture<TestWorld>
{
    [Fact]
    public async Task Every_entry_is_sealed_into_one_gap_free_chain_and_the_command_says_it_is_intact()
    {
        await AuditChainSupport.MakeSomeEntries(world);
        await AuditChainSupport.Seal(world);
        var (scope, db) = world.SystemDb();
        using (scope)
        {
            Assert.Equal(0, await db.AuditEntries.CountAsync(e => e.Sequence == null || e.Hash == null));
            var sequences = await db.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.Sequence!.Value).ToListAsync();
            Assert.True(sequences.Count > 5);
            Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
        }
        var (code, output) = await AuditChainSupport.Verify(world);
        Assert.True(code == 0, output);
        Assert.Contains("Intact", output);
    }

    [Fact]
    public async Task A_backlog_of_several_batches_is_sealed_in_one_call_with_no_gap_in_the_chain()
    {
        await AuditChainSupport.Seal(world);
        var backlog = AuditChainService.BatchSize * 2 + 17;
        var (scope, db) = world.SystemDb();
        using (scope)
        {
            var at = DateTime.UtcNow;
            db.AuditEntries.AddRange(Enumerable.Range(0, backlog).Select(i => new Senco.Core.Model.AuditEntry
                { At = at, UserName = "backlog test", Action = "test.backlog", Summary = $"entry {i}" }));
            await db.SaveChangesAsync();
        }
        var sealedNow = await world.Factory.Services.GetRequiredService<AuditChainService>().SealAsync();
        Assert.True(sealedNow >= backlog, $"sealed {sealedNow} of a backlog of {backlog}");
        (scope, db) = world.SystemDb();
        using (scope)
        {
            Assert.Equal(0, await db.AuditEntries.CountAsync(e => e.Sequence == null));
            var sequences = await db.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.Sequence!.Value).ToListAsync();
            Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
        }
        var (code, output) = await AuditChainSupport.Verify(world);
        Assert.True(code == 0, output);
    }

    [Fact]
    public async Task Changing_a_sealed_entry_is_detected_and_the_first_broken_entry_is_named()
    {
        await AuditChainSupport.MakeSomeEntries(world);
        await AuditChainSupport.Seal(world);
        long id;
        string summary;
        var (scope, db) = world.SystemDb();
        using (scope)
        {
            var victim = await db.AuditEntries.Where(e => e.Action == "pupil.read").OrderBy(e => e.Sequence).Skip(1).FirstAsync();
            (id, summary) = (victim.Id, victim.Summary);
            // What someone with database access would do to hide a read: rewrite the row directly.
            await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Summary\" = {"Nothing happened"} WHERE \"Id\" = {id}");
        }
        var (code, output) = await AuditChainSupport.Verify(world);
        Assert.Equal(1, code);
        Assert.Contains($"BROKEN at audit entry #{id}", output);

        (scope, db) = world.SystemDb();
        using (scope) await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Summary\" = {summary} WHERE \"Id\" = {id}");
        Assert.Equal(0, (await AuditChainSupport.Verify(world)).Code);
    }

    [Fact]
    public async Task Two_sealers_racing_never_give_two_entries_the_same_place_in_the_chain()
    {
        // Two app instances share one database: each runs its own sealer.
        await AuditChainSupport.MakeSomeEntries(world, 30);
        await world.Factory.Services.GetRequiredService<AuditWriter>().FlushAsync(default);
        var services = world.Factory.Services;
        AuditChainService Another() => new(services.GetRequiredService<IServiceScopeFactory>(), Options.Create(new AuditChainOptions()),
            TimeProvider.System, NullLogger<AuditChainService>.Instance);
        var first = Another();
        var second = Another();
        var results = await Task.WhenAll(Try(first), Try(second));
        Assert.Contains(results, r => r);
        await first.SealAsync();
        Assert.Equal(0, (await AuditChainSupport.Verify(world)).Code);

        static async Task<bool> Try(AuditChainService s)
        {
            try { await s.SealAsync(); return true; }
            catch (DbUpdateException) { return false; }
            catch (InvalidOperationException) { return false; }
        }
    }

    [Fact]
    public async Task A_scheduled_run_is_claimed_by_exactly_one_instance()
    {
        var key = Guid.NewGuid().ToString("N");
        async Task<bool> Claim()
        {
            using var scope = world.Factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SencoDbContext>();
            return await db.TryClaimAsync("test.job", key) is not null;
        }
        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(Claim)));
        Assert.Equal(1, results.Count(r => r));
        Assert.False(await Claim());
    }
}

/// Deleting an entry from the middle of the chain: its own class, because it leaves this database's chain broken.
public sealed class AuditChainDeletionTests(TestWorld world) : IClassFixture<TestWorld>
{
    [Fact]
    public async Task Deleting_a_sealed_entry_is_detected_as_a_gap()
    {
        await AuditChainSupport.MakeSomeEntries(world);
        await AuditChainSupport.Seal(world);
        var (scope, db) = world.SystemDb();
        long removedSequence;
        using (scope)
        {
            var victim = await db.AuditEntries.OrderBy(e => e.Sequence).Skip(3).FirstAsync();
            removedSequence = victim.Sequence!.Value;
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {victim.Id}");
        }
        var (code, output) = await AuditChainSupport.Verify(world);
        Assert.Equal(1, code);
        Assert.Contains($"chain position {removedSequence + 1}", output);
        Assert.Contains("missing", output);
    }
}
