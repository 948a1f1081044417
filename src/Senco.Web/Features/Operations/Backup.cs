using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Senco.Web.Features.Operations;

/// <summary>
/// Consistent backups of a running installation and their restore. SQLite uses SQLite's online backup API, which copies
/// one consistent snapshot while the app keeps reading and writing (in WAL mode writers are not blocked). PostgreSQL uses
/// the server's own tools, pg_dump (a consistent snapshot in one transaction) and pg_restore in a single transaction.
/// </summary>
public static class Backup
{
    public sealed record Result(string File, long Bytes, TimeSpan Took);

    public static Result BackupSqlite(string connectionString, string destination)
    {
        var started = Stopwatch.StartNew();
        destination = Path.GetFullPath(destination);
        if (File.Exists(destination)) throw new OperationFailed($"{destination} already exists; choose a new file name so no backup is overwritten.");
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var partial = destination + ".partial";
        File.Delete(partial);
        try
        {
            using (var source = new SqliteConnection(connectionString))
            using (var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
            {
                source.Open();
                target.Open();
                source.BackupDatabase(target);
                // The copy is a plain rollback-journal database: one self-contained file, easy to move and keep.
                using var cmd = target.CreateCommand();
                cmd.CommandText = "PRAGMA journal_mode=DELETE;";
                cmd.ExecuteNonQuery();
            }
            CheckSqlite(partial);
            File.Move(partial, destination);
        }
        finally
        {
            File.Delete(partial);
        }
        return new Result(destination, new FileInfo(destination).Length, started.Elapsed);
    }

    /// Replaces the database file with the backup. The app must be stopped (the command says so); the file it replaces
    /// is kept beside it, so a restore can itself be undone.
    public static (Result Restored, string? Kept) RestoreSqlite(string connectionString, string backupFile)
    {
        var started = Stopwatch.StartNew();
        backupFile = Path.GetFullPath(backupFile);
        if (!File.Exists(backupFile)) throw new OperationFailed($"There is no backup file at {backupFile}.");
        CheckSqlite(backupFile);
        var target = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        SqliteConnection.ClearAllPools();
        string? kept = null;
        if (File.Exists(target))
        {
            // Fold any write-ahead log into the file first, so what is kept aside is complete.
            using (var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString()))
            {
                c.Open();
                using var cmd = c.CreateCommand();
                cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                cmd.ExecuteNonQuery();
            }
            kept = $"{target}.before-restore-{DateTime.UtcNow:yyyyMMddHHmmss}";
            File.Move(target, kept);
        }
        foreach (var suffix in new[] { "-wal", "-shm" }) File.Delete(target + suffix);
        var incoming = target + ".restoring";
        File.Copy(backupFile, incoming, overwrite: true);
        File.Move(incoming, target);
        return (new Result(target, new FileInfo(target).Length, started.Elapsed), kept);
    }

    /// A file is restorable when SQLite finds it sound and it holds a Senco schema.
    public static void CheckSqlite(string file)
    {
        try
        {
            using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA integrity_check;";
            var result = cmd.ExecuteScalar() as string;
            if (result != "ok") throw new OperationFailed($"{file} is damaged: SQLite's integrity check says \"{result}\".");
            cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type='table' AND name IN ('__EFMigrationsHistory','Pupils','AuditEntries');";
            if (Convert.ToInt32(cmd.ExecuteScalar()) != 3) throw new OperationFailed($"{file} is a SQLite database but not a Senco one.");
        }
        catch (SqliteException ex)
        {
            throw new OperationFailed($"{file} is not a readable SQLite database ({ex.Message}).");
        }
    }

    public static async Task<Result> BackupPostgresAsync(string connectionString, string destination, CancellationToken ct = default)
    {
        var started = Stopwatch.StartNew();
        destination = Path.GetFullPath(destination);
        if (File.Exists(destination)) throw new OperationFailed($"{destination} already exists; choose a new file name so no backup is overwritten.");
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var partial = destination + ".partial";
        try
        {
            await RunPgToolAsync("pg_dump", connectionString, ["--format=custom", "--no-owner", "--no-privileges", $"--file={partial}"], ct);
            File.Move(partial, destination);
        }
        finally { File.Delete(partial); }
        return new Result(destination, new FileInfo(destination).Length, started.Elapsed);
    }

    /// Restores in one transaction: if anything fails the database is left as it was.
    public static async Task<Result> RestorePostgresAsync(string connectionString, string backupFile, CancellationToken ct = default)
    {
        var started = Stopwatch.StartNew();
        backupFile = Path.GetFullPath(backupFile);
        if (!File.Exists(backupFile)) throw new OperationFailed($"There is no backup file at {backupFile}.");
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database ?? throw new OperationFailed("The connection string names no database.");
        await RunPgToolAsync("pg_restore", connectionString, [$"--dbname={database}", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", backupFile], ct);
        return new Result(backupFile, new FileInfo(backupFile).Length, started.Elapsed);
    }

    private static async Task RunPgToolAsync(string tool, string connectionString, string[] args, CancellationToken ct)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        var psi = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        // Connection details go in the environment, never on the command line where other users could read them.
        psi.Environment["PGHOST"] = b.Host ?? "localhost";
        psi.Environment["PGPORT"] = b.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        psi.Environment["PGDATABASE"] = b.Database ?? "";
        psi.Environment["PGUSER"] = b.Username ?? "";
        if (!string.IsNullOrEmpty(b.Password)) psi.Environment["PGPASSWORD"] = b.Password;
        foreach (var a in args) psi.ArgumentList.Add(a);
        Process process;
        try { process = Process.Start(psi)!; }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new OperationFailed($"{tool} was not found. Install the PostgreSQL client tools (Debian: apt-get install postgresql-client).");
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync(ct);
            await process.StandardOutput.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0) throw new OperationFailed($"{tool} failed (exit {process.ExitCode}): {(await stderr).Trim()}");
        }
    }
}

/// An operation that could not be done, with a message for the operator.
public sealed class OperationFailed(string message) : Exception(message);
