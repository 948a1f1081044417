using Microsoft.Data.Sqlite;
using Npgsql;

namespace Senco.Web.Tests.Infrastructure;

/// A fresh, empty database for one app instance: a SQLite file in its own temp folder, or a uniquely named
/// PostgreSQL database created on the server named by SENCO_TEST_POSTGRES and dropped afterwards.
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

    public static TestDatabase Create()
    {
        if (SelectedProvider() == "Sqlite")
        {
            var folder = Path.Combine(Path.GetTempPath(), "senco-web-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            var cs = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "senco.db") }.ToString();
            return new TestDatabase("Sqlite", cs, folder, null, null);
        }

        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException(
                $"{DbVariable}=Postgres but {PostgresVariable} is not set. Set it to a connection string for the server's " +
                "'postgres' database with a role that has CREATEDB, e.g. " +
                "Host=127.0.0.1;Port=5432;Username=senco_test;Password=senco_test;Database=postgres");
        }
        var name = "senco_test_" + Guid.NewGuid().ToString("N");
        using (var conn = new NpgsqlConnection(admin))
        {
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = $"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0";
            cmd.ExecuteNonQuery();
        }
        var appCs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return new TestDatabase("Postgres", appCs, null, admin, name);
    }

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
            cmd.ExecuteNonQuery();
        }
    }
}
