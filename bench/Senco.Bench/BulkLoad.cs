using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Senco.Bench;

/// How a column is written. The loaders turn each kind into exactly what EF Core would have stored, so the app
/// reads bench rows as if it had written them itself.
public enum ColumnKind { Guid, Int, Text, Bool, Date, Timestamp }

public sealed record Column(string Name, ColumnKind Kind);

public sealed record TableSpec(string Name, Column[] Columns)
{
    public string ColumnList => string.Join(", ", Columns.Select(c => $"\"{c.Name}\""));
}

/// The three tables that hold nearly all the rows. Ids of history and events are left to the database.
public static class Tables
{
    public static readonly TableSpec Pupils = new("Pupils",
    [
        new("Id", ColumnKind.Guid), new("SchoolId", ColumnKind.Int), new("Upn", ColumnKind.Text), new("UpnIsTemporary", ColumnKind.Bool),
        new("Forename", ColumnKind.Text), new("Surname", ColumnKind.Text), new("DateOfBirth", ColumnKind.Date), new("Gender", ColumnKind.Text),
        new("YearGroup", ColumnKind.Text), new("Eal", ColumnKind.Bool), new("LookedAfter", ColumnKind.Bool), new("PupilPremium", ColumnKind.Bool),
        new("OnRoll", ColumnKind.Bool), new("SenStatus", ColumnKind.Text), new("Needs", ColumnKind.Text), new("PrimaryNeed", ColumnKind.Text),
        new("SecondaryNeed", ColumnKind.Text), new("OnRegisterSince", ColumnKind.Date), new("SearchText", ColumnKind.Text),
        new("Version", ColumnKind.Int), new("CreatedAt", ColumnKind.Timestamp), new("UpdatedAt", ColumnKind.Timestamp),
    ]);

    public static readonly TableSpec SenStatusChanges = new("SenStatusChanges",
    [
        new("PupilId", ColumnKind.Guid), new("SchoolId", ColumnKind.Int), new("Status", ColumnKind.Text), new("Needs", ColumnKind.Text),
        new("EffectiveFrom", ColumnKind.Date), new("Reason", ColumnKind.Text), new("RecordedById", ColumnKind.Guid),
        new("RecordedBy", ColumnKind.Text), new("RecordedAt", ColumnKind.Timestamp),
    ]);

    public static readonly TableSpec PupilEvents = new("PupilEvents",
    [
        new("PupilId", ColumnKind.Guid), new("SchoolId", ColumnKind.Int), new("Kind", ColumnKind.Text), new("OccurredOn", ColumnKind.Date),
        new("Summary", ColumnKind.Text), new("Reason", ColumnKind.Text), new("RecordedById", ColumnKind.Guid),
        new("RecordedBy", ColumnKind.Text), new("RecordedAt", ColumnKind.Timestamp),
    ]);
}

public interface ITableWriter : IAsyncDisposable
{
    ValueTask AddAsync(object?[] row);
    /// Writes whatever is buffered and finishes the table.
    ValueTask CompleteAsync();
}

/// Multi-row INSERT statements, prepared once and re-bound for every batch, inside the caller's transaction.
public sealed class SqliteTableWriter : ITableWriter
{
    // Microsoft.Data.Sqlite binds every parameter by name, and SQLite finds a name by a linear scan of the
    // statement's parameters, so binding costs grow with the square of the parameters per statement. Measured on
    // 537,580 rows: 22–100 parameters ≈ 6 s, 256 ≈ 13–20 s, 2,000 ≈ 31 s. A few rows per statement it is.
    private static readonly int ParametersPerStatement =
        int.TryParse(Environment.GetEnvironmentVariable("BENCH_SQLITE_PARAMS"), out var n) && n > 0 ? n : 100;
    private readonly int RowsPerStatement;
    private readonly SqliteConnection _conn;
    private readonly SqliteTransaction _tx;
    private readonly TableSpec _spec;
    private readonly List<object?[]> _buffer = [];
    private SqliteCommand? _full;

    public SqliteTableWriter(SqliteConnection conn, SqliteTransaction tx, TableSpec spec)
    {
        (_conn, _tx, _spec) = (conn, tx, spec);
        RowsPerStatement = Math.Max(1, ParametersPerStatement / spec.Columns.Length);
    }

    public async ValueTask AddAsync(object?[] row)
    {
        _buffer.Add(row);
        if (_buffer.Count == RowsPerStatement) await FlushAsync();
    }

    public async ValueTask CompleteAsync() => await FlushAsync();

    private async Task FlushAsync()
    {
        if (_buffer.Count == 0) return;
        SqliteCommand cmd;
        var partial = _buffer.Count != RowsPerStatement;
        if (partial) cmd = Build(_buffer.Count);
        else cmd = _full ??= Build(RowsPerStatement);
        var cols = _spec.Columns;
        var p = 0;
        foreach (var row in _buffer)
        {
            for (var c = 0; c < cols.Length; c++) cmd.Parameters[p++].Value = ToSqlite(row[c], cols[c].Kind);
        }
        await cmd.ExecuteNonQueryAsync();
        if (partial) await cmd.DisposeAsync();
        _buffer.Clear();
    }

    private SqliteCommand Build(int rows)
    {
        var sql = new StringBuilder($"INSERT INTO \"{_spec.Name}\" ({_spec.ColumnList}) VALUES ");
        var cmd = _conn.CreateCommand();
        cmd.Transaction = _tx;
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ",(");
            for (var c = 0; c < _spec.Columns.Length; c++)
            {
                var name = $"$p{r}_{c}";
                if (c > 0) sql.Append(',');
                sql.Append(name);
                cmd.Parameters.Add(new SqliteParameter(name, null));
            }
            sql.Append(')');
        }
        cmd.CommandText = sql.ToString();
        cmd.Prepare();
        return cmd;
    }

    /// EF Core's SQLite mappings: GUIDs as upper-case TEXT, DateOnly as yyyy-MM-dd, DateTime as
    /// "yyyy-MM-dd HH:mm:ss.FFFFFFF", booleans as 0/1 (Microsoft.Data.Sqlite would bind a Guid as a BLOB).
    private static object ToSqlite(object? value, ColumnKind kind) => value switch
    {
        null => DBNull.Value,
        Guid g => g.ToString().ToUpperInvariant(),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        bool b => b ? 1L : 0L,
        Enum e => e.ToString(),
        _ => value,
    };

    public async ValueTask DisposeAsync()
    {
        if (_full is not null) await _full.DisposeAsync();
    }
}

/// PostgreSQL binary COPY: one stream per table, inside the caller's transaction.
public sealed class PostgresTableWriter : ITableWriter
{
    private readonly NpgsqlBinaryImporter _importer;
    private readonly TableSpec _spec;

    private PostgresTableWriter(NpgsqlBinaryImporter importer, TableSpec spec) => (_importer, _spec) = (importer, spec);

    public static async Task<PostgresTableWriter> StartAsync(NpgsqlConnection conn, TableSpec spec) =>
        new(await conn.BeginBinaryImportAsync($"COPY \"{spec.Name}\" ({spec.ColumnList}) FROM STDIN (FORMAT BINARY)"), spec);

    // Synchronous writes: the importer buffers, and an await per value costs more than the value itself.
    public ValueTask AddAsync(object?[] row)
    {
        _importer.StartRow();
        var cols = _spec.Columns;
        for (var c = 0; c < cols.Length; c++)
        {
            var v = row[c];
            if (v is null) { _importer.WriteNull(); continue; }
            switch (cols[c].Kind)
            {
                case ColumnKind.Guid: _importer.Write((Guid)v, NpgsqlDbType.Uuid); break;
                case ColumnKind.Int: _importer.Write((int)v, NpgsqlDbType.Integer); break;
                case ColumnKind.Bool: _importer.Write((bool)v, NpgsqlDbType.Boolean); break;
                case ColumnKind.Date: _importer.Write((DateOnly)v, NpgsqlDbType.Date); break;
                case ColumnKind.Timestamp: _importer.Write(DateTime.SpecifyKind((DateTime)v, DateTimeKind.Utc), NpgsqlDbType.TimestampTz); break;
                default: _importer.Write(v is Enum e ? e.ToString() : (string)v, NpgsqlDbType.Varchar); break;
            }
        }
        return ValueTask.CompletedTask;
    }

    public async ValueTask CompleteAsync() => await _importer.CompleteAsync();

    public ValueTask DisposeAsync() => _importer.DisposeAsync();
}

public static class TableWriters
{
    public static async Task<ITableWriter> OpenAsync(DbConnection conn, DbTransaction tx, TableSpec spec) => conn switch
    {
        SqliteConnection s => new SqliteTableWriter(s, (SqliteTransaction)tx, spec),
        NpgsqlConnection n => await PostgresTableWriter.StartAsync(n, spec),
        _ => throw new NotSupportedException(conn.GetType().Name),
    };
}

/// Writes schools' pupils, SEN history and timeline through the table writers, in the caller's transaction: the rows
/// of the `generate` and `national` commands alike. Returns how many rows of each it wrote.
public static class SchoolRows
{
    public static async Task<(long Pupils, long Changes, long Events)> WriteAsync(DbConnection conn, DbTransaction tx, IReadOnlyList<SchoolData> schools, Action<string>? progress = null)
    {
        var pupils = await WriteTableAsync(conn, tx, Tables.Pupils, schools.SelectMany(g => g.Pupils), p =>
            [p.Id, p.SchoolId, p.Upn, p.UpnIsTemporary, p.Forename, p.Surname, p.DateOfBirth, p.Gender, p.YearGroup, p.Eal,
             p.LookedAfter, p.PupilPremium, p.OnRoll, p.SenStatus.ToString(), p.Needs, p.PrimaryNeed, p.SecondaryNeed, p.OnRegisterSince,
             p.SearchText, p.Version, p.CreatedAt, p.UpdatedAt]);
        progress?.Invoke("pupils");
        var changes = await WriteTableAsync(conn, tx, Tables.SenStatusChanges, schools.SelectMany(g => g.Changes), c =>
            [c.PupilId, c.SchoolId, c.Status.ToString(), c.Needs, c.EffectiveFrom, c.Reason, c.RecordedById, c.RecordedBy, c.RecordedAt]);
        progress?.Invoke("SEN history");
        var events = await WriteTableAsync(conn, tx, Tables.PupilEvents, schools.SelectMany(g => g.Events), e =>
            [e.PupilId, e.SchoolId, e.Kind.ToString(), e.OccurredOn, e.Summary, e.Reason, e.RecordedById, e.RecordedBy, e.RecordedAt]);
        progress?.Invoke("timeline");
        return (pupils, changes, events);
    }

    /// One table's rows through its bulk writer; returns how many were written.
    private static async Task<long> WriteTableAsync<T>(DbConnection conn, DbTransaction tx, TableSpec table, IEnumerable<T> rows, Func<T, object?[]> values)
    {
        long n = 0;
        await using var w = await TableWriters.OpenAsync(conn, tx, table);
        foreach (var row in rows)
        {
            await w.AddAsync(values(row));
            n++;
        }
        await w.CompleteAsync();
        return n;
    }
}
