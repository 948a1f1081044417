using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Senco.Data;

namespace Senco.Web.Tests.Infrastructure;

/// A fresh database for one app instance: a SQLite file in its own temp folder, or a uniquely named
/// PostgreSQL database created on the server named by SENCO_TEST_POSTGRES and dropped afterwards.
/// <see cref="Create"/> gives an empty one; <see cref="CreateMigrated"/> one that already has the current schema,
/// copied from a template this test process migrated once (the app still runs its migrations at start and finds
/// none pending), which saves every app instance in the suite a full migration.
/// SENCO_TEST_DB chooses (Sqlite by default). Asking for Postgres without a server is an error, never a skip:
/// a suite that silently ran on SQLite alone would hide every PostgreSQL-only bug.
public sealed class TestDatabase : IDisposable
{
    public const string DbVariable = "SENCO_TEST_DB";
    public const string PostgresVariable = "SENCO_TEST_POSTGRES";

    public string Provider { get; }
    public string ConnectionString { get; }
    private readonly string? _sqliteFolder;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private TestDatabase(string provider, string connectionString, string? sqliteFolder, string? postgresAdmin, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFolder = sqliteFolder;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    public static string SelectedProvider()
    {
        var value = Environment.GetEnvironmentVariable(DbVariable)?.Trim();
        if (string.IsNullOrEmpty(value) || value.Equals("sqlite", StringComparison.OrdinalIgnoreCase)) return "Sqlite";
        if (value.Equals("postgres", StringComparison.OrdinalIgnoreCase) || value.Equals("postgresql", StringComparison.OrdinalIgnoreCase)) return "Postgres";
        throw new InvalidOperationException($"{DbVariable} must be Sqlite or Postgres, not \"{value}\".");
    }

    /// An empty database (no schema).
    public static TestDatabase Create() => Create(template: null);

    /// A database with the current schema, copied from this process's migrated template.
    public static TestDatabase CreateMigrated() => Create(MigratedTemplate.Value);

    private static TestDatabase Create(TestDatabase? template)
    {
        if (SelectedProvider() == "Sqlite")
        {
            var folder = Path.Combine(Path.GetTempPath(), "senco-web-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, "senco.db");
            if (template is not null) File.Copy(new SqliteConnectionStringBuilder(template.ConnectionString).DataSource, file);
            var cs = new SqliteConnectionStringBuilder { DataSource = file }.ToString();
            return new TestDatabase("Sqlite", cs, folder, null, null);
        }

        var admin = PostgresAdmin();
        var name = "senco_test_" + Guid.NewGuid().ToString("N");
        using (var conn = new NpgsqlConnection(admin))
        {
            conn.Open();
            using var cmd = conn.CreateCommand();
            var source = template?._postgresName ?? "template0";
            cmd.CommandText = $"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE \"{source}\"";
            cmd.ExecuteNonQuery();
        }
        var appCs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return new TestDatabase("Postgres", appCs, null, admin, name);
    }

    private static string PostgresAdmin()
    {
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException(
                $"{DbVariable}=Postgres but {PostgresVariable} is not set. Set it to a connection string for the server's " +
                "'postgres' database with a role that has CREATEDB, e.g. " +
                "Host=127.0.0.1;Port=5432;Username=senco_test;Password=senco_test;Database=postgres");
        }
        return admin;
    }

    /// Migrated once per test process, the first time a migrated database is asked for, exactly as the app migrates
    /// (DatabaseSetup.MigrateAsync), then closed so that it can be copied: SQLite's write-ahead log is folded into the
    /// file, and PostgreSQL refuses a template that anyone is connected to. Removed when the process exits.
    private static readonly Lazy<TestDatabase> MigratedTemplate = new(() =>
    {
        var template = Create(template: null);
        using (var db = DatabaseSetup.Open(DatabaseSetup.ParseProvider(template.Provider), template.ConnectionString, Senco.Data.TenantScope.System()))
        {
            DatabaseSetup.MigrateAsync(db).GetAwaiter().GetResult();
            if (template.Provider == "Sqlite") db.Database.ExecuteSqlRaw("PRAGMA wal_checkpoint(TRUNCATE);");
        }
        if (template.Provider == "Sqlite") SqliteConnection.ClearAllPools();
        else NpgsqlConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => template.Dispose();
        return template;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    private bool _disposed;

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (_sqliteFolder is not null)
        {
            using (var c = new SqliteConnection(ConnectionString)) SqliteConnection.ClearPool(c);
            try { Directory.Delete(_sqliteFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        if (_postgresName is not null)
        {
            using (var c = new NpgsqlConnection(ConnectionString)) NpgsqlConnection.ClearPool(c);
            using var conn = new NpgsqlConnection(_postgresAdmin);
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = $"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)";
            try
            {
                cmd.ExecuteNonQuery();
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                // FORCE may only end our own role's sessions; an autovacuum worker that happens to be in the database
                // refuses it. End ours, then drop without FORCE: PostgreSQL itself asks autovacuum to leave and waits.
                cmd.CommandText = "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @name AND usename = current_user AND pid <> pg_backend_pid()";
                cmd.Parameters.AddWithValue("name", _postgresName);
                cmd.ExecuteNonQuery();
                cmd.Parameters.Clear();
                cmd.CommandText = $"DROP DATABASE IF EXISTS \"{_postgresName}\"";
                cmd.ExecuteNonQuery();
            }
        }
    }
}
