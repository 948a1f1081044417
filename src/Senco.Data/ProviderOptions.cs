using Microsoft.EntityFrameworkCore;

namespace Senco.Data;

/// How Senco configures each database provider, in one place: the app, the command-line tools, the bench and the tests
/// all build their contexts through these.
public static class ProviderOptions
{
    public static DbContextOptionsBuilder UseSenco(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) =>
        provider == DatabaseProvider.Sqlite ? options.UseSencoSqlite(connectionString) : options.UseSencoNpgsql(connectionString);

    /// UseSqlite with Senco's connection settings: SQLite's busy handler (SqliteBusyTimeout), and a list parameter (the
    /// tenancy filter's schools) sent as one JSON parameter. EF 10's default, one parameter per item, makes SQL that EF
    /// cannot cache, so it re-generated the SQL of every filtered query on every run (a perf profile: ~5 % of a pupil page).
    public static DbContextOptionsBuilder UseSencoSqlite(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, o => o.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
            .AddInterceptors(SqliteBusyTimeout.Instance);

    /// UseNpgsql with Senco's settings: a list parameter goes as one array parameter, "= ANY (@ids)", so the SQL of a
    /// query is the same whatever the number of schools and EF can cache it; and automatic preparation (below).
    public static DbContextOptionsBuilder UseSencoNpgsql(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(WithAutoPrepare(connectionString), n => n.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));

    /// Unless the connection string says otherwise, Npgsql prepares a statement on the server once it has run it five
    /// times, so PostgreSQL stops parsing and planning the same few queries on every request: the national benchmark's
    /// pupil read went from 344–394 to 534–643 requests/s (docs/performance.md). Behind PgBouncer in transaction mode
    /// older than 1.21, set "Max Auto Prepare=0".
    public static string WithAutoPrepare(string connectionString)
    {
        if (System.Text.RegularExpressions.Regex.IsMatch(connectionString, @"max\s*auto\s*prepare", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
            return connectionString;
        return new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64 }.ConnectionString;
    }
}
