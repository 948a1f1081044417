using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Senco.Core.Access;
using Senco.Web.Features.Operations;
using Senco.Web.Features.Shared.Audit;
using Senco.Web.Tests.Contract;
using Senco.Web.Tests.Infrastructure;

namespace Senco.Web.Tests.Operations;

/// The documented backup and restore commands, run against the running app's database (SQLite or PostgreSQL, whichever
/// the suite runs on), restored into a second database and compared record for record.
public sealed class BackupRestoreTests(TestWorld world) : IClassFixture<TestWorld>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("senco-backup-tests").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private async Task Quiesce()
    {
        await world.Factory.Services.GetRequiredService<AuditWriter>().FlushAsync(default);
        await world.Factory.Services.GetRequiredService<AuditChainService>().SealAsync();
    }

    private static async Task<(int Code, string Output)> Run(params string[] args)
    {
        var output = new StringWriter();
        var code = await OperationsCli.RunAsync(args, output);
        return (code, output.ToString());
    }

    [Fact]
    public async Task A_backup_restored_into_a_new_database_holds_exactly_the_records_at_backup_time()
    {
        var db = world.Factory.Database;
        // Some records of every kind the foundation has: pupils with SEN history, audit entries, users and roles.
        var added = await world.AddPupilAsync("A", "Backup", "Pupil", "4");
        using (var senco = await world.ClientFor(SchoolRole.Senco, "A"))
            await senco.PutJson($"/api/v1/pupils/{added.Id}/sen", TestWorld.SenBody("K", ["SPLD"], TestWorld.Today)).Expect(HttpStatusCode.OK);
        await Quiesce();

        var before = await DatabaseDump.ReadAsync(db.Provider, db.ConnectionString);
        var file = Path.Combine(_folder, db.Provider == "Sqlite" ? "senco-backup.db" : "senco-backup.dump");
        var backup = await Run(["backup", file, .. DatabaseDump.Settings(db)]);
        Assert.True(backup.Code == 0, backup.Output);
        Assert.True(File.Exists(file));

        // The running app carries on after the backup; the change must not be in what is restored.
        await world.AddPupilAsync("A", "After", "Backup", "4");
        await Quiesce();

        using var target = TestDatabase.Create();
        var restore = await Run(["restore", file, .. DatabaseDump.Settings(target)]);
        Assert.True(restore.Code == 0, restore.Output);
        Assert.Contains("Intact", restore.Output);

        var restored = await DatabaseDump.ReadAsync(target.Provider, target.ConnectionString);
        Assert.Equal(before.Keys, restored.Keys);
        Assert.Contains("Pupils", restored.Keys);
        Assert.True(restored["Pupils"].Count >= 2);
        foreach (var table in before.Keys) Assert.True(before[table].SequenceEqual(restored[table]), $"table {table} differs after restore");
        Assert.Contains(restored["Pupils"], row => row.Contains("Backup", StringComparison.Ordinal));
        Assert.DoesNotContain(restored["Pupils"], row => row.Contains("After", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_backup_taken_while_people_are_saving_is_consistent()
    {
        var db = world.Factory.Database;
        using var cts = new CancellationTokenSource();
        var writes = 0;
        var writer = Task.Run(async () =>
        {
            while (!cts.IsCancellationRequested)
            {
                await world.AddPupilAsync("B", "Busy", $"Writer{writes}", "5");
                writes++;
            }
        });
        await Task.Delay(300);
        var file = Path.Combine(_folder, db.Provider == "Sqlite" ? "busy.db" : "busy.dump");
        var backup = await Run(["backup", file, .. DatabaseDump.Settings(db)]);
        await cts.CancelAsync();
        await writer;
        Assert.True(backup.Code == 0, backup.Output);
        Assert.True(writes > 0);

        using var target = TestDatabase.Create();
        var restore = await Run(["restore", file, .. DatabaseDump.Settings(target)]);
        Assert.True(restore.Code == 0, restore.Output);
        // Consistent: every pupil in the copy has its "added" event, and no event refers to a pupil missing from it.
        Assert.True(await DatabaseDump.ScalarAsync(target.Provider, target.ConnectionString, "SELECT count(*) FROM \"Pupils\"") > 0);
        Assert.Equal(0, await DatabaseDump.ScalarAsync(target.Provider, target.ConnectionString,
            "SELECT count(*) FROM \"PupilEvents\" e WHERE NOT EXISTS (SELECT 1 FROM \"Pupils\" p WHERE p.\"Id\" = e.\"PupilId\")"));
        Assert.Equal(0, await DatabaseDump.ScalarAsync(target.Provider, target.ConnectionString,
            "SELECT count(*) FROM \"Pupils\" p WHERE NOT EXISTS (SELECT 1 FROM \"PupilEvents\" e WHERE e.\"PupilId\" = p.\"Id\")"));
        if (target.Provider == "Sqlite") Backup.CheckSqlite(new SqliteConnectionStringBuilder(target.ConnectionString).DataSource);
        Assert.DoesNotContain("BROKEN", restore.Output);
    }

    [Fact]
    public async Task Backing_up_over_an_existing_file_or_restoring_a_file_that_is_not_a_backup_is_refused()
    {
        var db = world.Factory.Database;
        var existing = Path.Combine(_folder, "already-here.db");
        await File.WriteAllTextAsync(existing, "keep me");
        var backup = await Run(["backup", existing, .. DatabaseDump.Settings(db)]);
        Assert.Equal(2, backup.Code);
        Assert.Contains("already exists", backup.Output);
        Assert.Equal("keep me", await File.ReadAllTextAsync(existing));

        using var target = TestDatabase.Create();
        var notABackup = Path.Combine(_folder, "notes.txt");
        await File.WriteAllTextAsync(notABackup, "this is not a database");
        var restore = await Run(["restore", notABackup, .. DatabaseDump.Settings(target)]);
        Assert.Equal(2, restore.Code);
        Assert.False(string.IsNullOrWhiteSpace(restore.Output));

        var missing = await Run(["restore", Path.Combine(_folder, "nowhere.db"), .. DatabaseDump.Settings(target)]);
        Assert.Equal(2, missing.Code);
        Assert.Contains("no backup file", missing.Output);
    }
}
