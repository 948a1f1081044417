using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using Senco.Web.Tests.Infrastructure;

namespace Senco.Web.Tests.Operations;

/// Every row of every table as text, table by table, for comparing two databases record for record.
public static class DatabaseDump
{
    public static async Task<SortedDictionary<string, List<string>>> ReadAsync(string provider, string connectionString)
    {
        await using DbConnection conn = provider == "Sqlite" ? new SqliteConnection(connectionString) : new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        var tables = new List<string>();
        await using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = provider == "Sqlite"
                ? "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema='public' AND table_type='BASE TABLE'";
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) tables.Add(r.GetString(0));
        }
        var dump = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var rows = new List<string>();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"SELECT * FROM \"{table}\"";
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                var cells = new string[r.FieldCount];
                for (var i = 0; i < r.FieldCount; i++)
                {
                    cells[i] = r.IsDBNull(i) ? "∅" : r.GetValue(i) switch
                    {
                        byte[] b => Convert.ToBase64String(b),
                        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                        var v => v.ToString() ?? "",
                    };
                }
                rows.Add(string.Join(" | ", cells));
            }
            rows.Sort(StringComparer.Ordinal);
            dump[table] = rows;
        }
        return dump;
    }

    public static async Task<long> ScalarAsync(string provider, string connectionString, string sql)
    {
        await using DbConnection conn = provider == "Sqlite" ? new SqliteConnection(connectionString) : new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// Settings for the operator commands pointing at <paramref name="db"/>.
    public static string[] Settings(TestDatabase db) => [$"--Database:Provider={db.Provider}", $"--ConnectionStrings:Senco={db.ConnectionString}"];
    public static string[] Settings(string provider, string connectionString) => [$"--Database:Provider={provider}", $"--ConnectionStrings:Senco={connectionString}"];
}
