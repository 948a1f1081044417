using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Senco.Data;

/// <summary>
/// Sets SQLite's own busy handler on every connection Senco opens. Without it a write that finds another writer
/// holding the database's write lock gets SQLITE_BUSY at once, and Microsoft.Data.Sqlite retries after sleeping
/// 150 ms: the one-hour soak showed every 1-in-100 request waiting 150–600 ms behind a write even on an idle machine.
/// With <c>busy_timeout</c> SQLite waits itself, in steps of a few milliseconds, and carries on as soon as the lock is
/// free. After <see cref="Milliseconds"/> SQLite gives up and Microsoft.Data.Sqlite's retry takes over until the
/// command timeout, as before.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public const int Milliseconds = 5_000;
    public static readonly SqliteBusyTimeout Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite) return;
        // The C API call, not "PRAGMA busy_timeout": the same setting without parsing and running a statement
        // on every open (a pupil page opens its connection a dozen times).
        var rc = SQLitePCL.raw.sqlite3_busy_timeout(sqlite.Handle, Milliseconds);
        if (rc != SQLitePCL.raw.SQLITE_OK) throw new InvalidOperationException($"SQLite refused busy_timeout ({rc}).");
    }
}
