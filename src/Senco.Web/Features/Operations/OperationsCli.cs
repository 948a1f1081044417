using Microsoft.EntityFrameworkCore;
using Senco.Data;
using Senco.Web.Features.Shared.Audit;

namespace Senco.Web.Features.Operations;

/// <summary>
/// Operator commands run with the same settings as the app (appsettings, environment variables, --Key=value):
/// <code>
///   dotnet run --project src/Senco.Web -- audit verify        check the audit trail's hash chain
///   dotnet run --project src/Senco.Web -- backup FILE         consistent backup of the running installation
///   dotnet run --project src/Senco.Web -- restore FILE        restore a backup (stop Senco first)
/// </code>
/// Exit code 0 when all is well, 1 when the check fails, 2 when the command could not be done.
/// </summary>
public static class OperationsCli
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "audit" or "backup" or "restore" or "help";

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null)
    {
        var @out = output ?? Console.Out;
        var positional = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var settings = args.Skip(positional.Length).ToArray();
        try
        {
            switch (positional)
            {
                case ["audit", "verify"]:
                    return await VerifyAuditAsync(settings, @out);
                case ["backup", var file]:
                    return await BackupAsync(settings, file, @out);
                case ["restore", var file]:
                    return await RestoreAsync(settings, file, @out);
                default:
                    await @out.WriteLineAsync("""
                        Senco operator commands (settings as for the app, e.g. --ConnectionStrings:Senco=... --Database:Provider=Postgres):
                          audit verify     check that no audit entry was changed, removed or reordered; names the first broken entry
                          backup FILE      consistent backup while Senco runs (SQLite: online backup; PostgreSQL: pg_dump)
                          restore FILE     restore a backup; stop Senco first (SQLite keeps the replaced file beside it;
                                           PostgreSQL restores in one transaction)
                        """);
                    return positional is ["help"] ? 0 : 2;
            }
        }
        catch (OperationFailed ex)
        {
            await @out.WriteLineAsync(ex.Message);
            return 2;
        }
    }

    private static (DatabaseProvider Provider, string ConnectionString, IConfiguration Config) Database(string[] settings)
    {
        var builder = WebApplication.CreateBuilder(settings);
        var (provider, cs) = SencoApp.ResolveDatabase(builder.Configuration, builder.Environment);
        return (provider, cs, builder.Configuration);
    }

    private static async Task<int> VerifyAuditAsync(string[] settings, TextWriter @out)
    {
        var (provider, cs, config) = Database(settings);
        await using var db = Open(provider, cs);
        var stale = TimeSpan.FromMinutes(config.GetValue("Senco:Audit:UnsealedWarningMinutes", 10));
        var report = await AuditChainService.VerifyAsync(db, DateTime.UtcNow, stale);
        await @out.WriteLineAsync(report.Describe());
        return report.Intact ? 0 : 1;
    }

    private static async Task<int> BackupAsync(string[] settings, string file, TextWriter @out)
    {
        var (provider, cs, _) = Database(settings);
        var result = provider == DatabaseProvider.Sqlite ? Backup.BackupSqlite(cs, file) : await Backup.BackupPostgresAsync(cs, file);
        await @out.WriteLineAsync($"Backed up to {result.File} ({result.Bytes:N0} bytes in {result.Took.TotalSeconds:0.0} s).");
        return 0;
    }

    private static async Task<int> RestoreAsync(string[] settings, string file, TextWriter @out)
    {
        var (provider, cs, config) = Database(settings);
        if (provider == DatabaseProvider.Sqlite)
        {
            var (restored, kept) = Backup.RestoreSqlite(cs, file);
            await @out.WriteLineAsync($"Restored {file} to {restored.File}.");
            if (kept is not null) await @out.WriteLineAsync($"The database it replaced is kept at {kept}.");
        }
        else
        {
            await Backup.RestorePostgresAsync(cs, file);
            await @out.WriteLineAsync($"Restored {file} into the configured PostgreSQL database.");
        }
        await using var db = Open(provider, cs);
        var report = await AuditChainService.VerifyAsync(db, DateTime.UtcNow, TimeSpan.FromDays(36500));
        await @out.WriteLineAsync("Audit trail of the restored data: " + report.Describe());
        return 0;
    }

    private static SencoDbContext Open(DatabaseProvider provider, string cs) => DatabaseSetup.Open(provider, cs, TenantScope.System());
}
