using System.Data.Common;
using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;

namespace Senco.Web.Features.Shared;

/// <summary>
/// The database briefly unreachable (PostgreSQL restarting, the network dropping, SQLite held by a long backup): people
/// are told so plainly, with 503 and Retry-After, rather than "something went wrong". Every save is one transaction, so
/// nothing was half-written; once the database is back the same request succeeds (connections are re-opened per request).
/// </summary>
public sealed class DatabaseUnavailableHandler(ILogger<DatabaseUnavailableHandler> log) : IExceptionHandler
{
    public static bool Is(Exception? ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is SocketException or TimeoutException) return true;
            if (e is DbException { IsTransient: true }) return true;
            // SQLite: busy or locked past the timeout, or the file cannot be opened.
            if (e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 or 14 }) return true;
            if (e is Npgsql.NpgsqlException { InnerException: IOException or SocketException or TimeoutException }) return true;
        }
        return false;
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (!Is(exception)) return false;
        log.LogWarning(exception, "The database could not be reached for {Path}", http.Request.Path);
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = "30";
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(statusCode: 503, title: "The database cannot be reached just now. Nothing was half-saved; try again shortly.")
                .ExecuteAsync(http);
            return true;
        }
        // People get the Senco page that says what happened (status pages re-execute on an empty 503).
        http.Items[nameof(DatabaseUnavailableHandler)] = true;
        return false;
    }
}
