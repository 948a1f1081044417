using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Senco.Core.Access;
using Senco.Data;
using Senco.Web.Tests.Infrastructure;

namespace Senco.Web.Tests.Operations;

/// Every SQLite connection Senco opens has SQLite's own busy handler set, so a write that meets another writer waits
/// for the lock in small steps instead of Microsoft.Data.Sqlite's fixed 150 ms retry (found by the soak: see
/// docs/performance.md).
public sealed class SqliteBusyTimeoutTests(TestWorld world) : IClassFixture<TestWorld>
{
    [Fact]
    public async Task The_apps_own_connections_have_the_busy_handler_when_the_database_is_sqlite()
    {
        var (scope, db) = world.SystemDb();
        using (scope)
        {
            if (!db.Database.IsSqlite())
            {
                Assert.True(db.Database.IsNpgsql(), "the suite runs on SQLite or PostgreSQL");
                return; // PostgreSQL waits for row locks itself; there is no busy handler to set.
            }
            Assert.Equal(SqliteBusyTimeout.Milliseconds, await BusyTimeoutAsync(db));
        }
    }

    [Fact]
    public async Task A_write_waits_for_another_writer_and_then_succeeds()
    {
        var file = Path.Combine(Path.GetTempPath(), $"senco-busy-{Guid.NewGuid():N}.db");
        try
        {
            await using (var setup = NewContext(file))
                await DatabaseSetup.MigrateAsync(setup);
            await using var db = NewContext(file);
            Assert.Equal(SqliteBusyTimeout.Milliseconds, await BusyTimeoutAsync(db));

            // Another connection holds the write lock for a moment, as an import's transaction would.
            await using var other = new SqliteConnection($"Data Source={file}");
            await other.OpenAsync();
            await using (var begin = other.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE; INSERT INTO \"Trusts\" (\"Name\") VALUES ('Holding the lock (fictional)');";
                await begin.ExecuteNonQueryAsync();
            }
            var release = Task.Run(async () =>
            {
                await Task.Delay(300);
                await using var commit = other.CreateCommand();
                commit.CommandText = "COMMIT;";
                await commit.ExecuteNonQueryAsync();
            });
            db.Trusts.Add(new Senco.Core.Model.Trust { Name = "Waited for the lock (fictional)" });
            Assert.Equal(1, await db.SaveChangesAsync());
            await release;
            Assert.Equal(2, await db.Trusts.CountAsync());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
        }
    }

    private static SencoDbContext NewContext(string file) => DatabaseSetup.Open(DatabaseProvider.Sqlite, $"Data Source={file}", TenantScope.System());

    private static async Task<long> BusyTimeoutAsync(SencoDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var cmd = db.Database.GetDbConnection().CreateCommand();
            cmd.CommandText = "PRAGMA busy_timeout;";
            return Convert.ToInt64(await cmd.ExecuteScalarAsync());
        }
        finally { await db.Database.CloseConnectionAsync(); }
    }
}
