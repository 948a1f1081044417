using Microsoft.EntityFrameworkCore;
using Senco.Data;

namespace Senco.Web.Features.Shared;

/// <summary>
/// On SQLite, one connection is opened for the whole request instead of once for each query. Opening a pooled
/// SQLite connection re-registers EF's SQL functions on it and closing it removes them again: a pupil page ran that
/// a dozen times (a perf profile: ~8 % of its CPU). Nothing is held between statements (each runs in its own
/// implicit transaction), so other requests are not kept waiting. PostgreSQL's pool makes an open cheap, and a
/// connection held across a whole request would be a connection fewer for the others.
/// </summary>
public sealed class SqliteRequestConnection(RequestDelegate next, ILogger<SqliteRequestConnection> log)
{
    public async Task InvokeAsync(HttpContext http, SencoDbContext db)
    {
        var opened = false;
        try
        {
            await db.Database.OpenConnectionAsync(http.RequestAborted);
            opened = true;
        }
        catch (Exception ex) when (DatabaseUnavailableHandler.Is(ex))
        {
            // The request goes on as before: its first query meets the same failure and is answered as an outage.
            log.LogDebug(ex, "Could not open the request's SQLite connection");
        }
        try
        {
            await next(http);
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }
}
