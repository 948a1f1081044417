using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;

namespace Senco.Data;

public enum DatabaseProvider { Sqlite, Postgres }

public static class DatabaseSetup
{
    public static DatabaseProvider ParseProvider(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException($"Database__Provider must be Sqlite or Postgres, not \"{value}\"."),
    };

    /// Registers SencoDbContext backed by the chosen provider, plus the per-request tenancy scope.
    public static IServiceCollection AddSencoDatabase(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        services.AddScoped<TenantScope>();
        // Contexts come from EF's pool, each given the request's scope: building a context and its services for every
        // request cost more CPU than a small query (a perf profile; docs/performance.md). The pool's options are built
        // once, as they depend only on the connection string.
        if (provider == DatabaseProvider.Sqlite)
        {
            services.AddPooledDbContextFactory<SqliteSencoDbContext>(o => o.UseSencoSqlite(connectionString));
            services.AddScoped<SencoDbContext>(sp => sp.GetRequiredService<IDbContextFactory<SqliteSencoDbContext>>().CreateDbContext()
                .WithScope(sp.GetRequiredService<TenantScope>()));
        }
        else
        {
            services.AddPooledDbContextFactory<PostgresSencoDbContext>(o => o.UseSencoNpgsql(connectionString));
            services.AddScoped<SencoDbContext>(sp => sp.GetRequiredService<IDbContextFactory<PostgresSencoDbContext>>().CreateDbContext()
                .WithScope(sp.GetRequiredService<TenantScope>()));
        }
        return services;
    }

    /// A context outside dependency injection (command-line tools, the bench, tests), with the given scope.
    public static SencoDbContext Open(DatabaseProvider provider, string connectionString, TenantScope scope) => provider == DatabaseProvider.Sqlite
        ? new SqliteSencoDbContext(new DbContextOptionsBuilder<SqliteSencoDbContext>().UseSencoSqlite(connectionString).Options).WithScope(scope)
        : new PostgresSencoDbContext(new DbContextOptionsBuilder<PostgresSencoDbContext>().UseSencoNpgsql(connectionString).Options).WithScope(scope);

    /// UseNpgsql with Senco's settings: a list parameter (the tenancy filter's schools) goes as one array parameter,
    /// "= ANY (@ids)", so the SQL of a query is the same whatever the number of schools and EF can cache it.
    public static DbContextOptionsBuilder<T> UseSencoNpgsql<T>(this DbContextOptionsBuilder<T> options, string connectionString) where T : DbContext
    {
        ((DbContextOptionsBuilder)options).UseSencoNpgsql(connectionString);
        return options;
    }

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

    /// Creates or upgrades the schema. SQLite is switched to write-ahead logging so readers never wait for a writer.
    public static async Task MigrateAsync(SencoDbContext db, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            var cs = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
            var dir = Path.GetDirectoryName(Path.GetFullPath(cs.DataSource));
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
            await db.Database.MigrateAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        else
        {
            await db.Database.MigrateAsync(ct);
        }
    }
}

// Design-time factories: `dotnet ef migrations add X --context SqliteSencoDbContext -o Migrations/Sqlite`.
internal sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteSencoDbContext>
{
    public SqliteSencoDbContext CreateDbContext(string[] args) =>
        (SqliteSencoDbContext)new SqliteSencoDbContext(new DbContextOptionsBuilder<SqliteSencoDbContext>().UseSqlite("Data Source=design.db").Options).WithScope(TenantScope.System());
}

internal sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresSencoDbContext>
{
    public PostgresSencoDbContext CreateDbContext(string[] args) =>
        (PostgresSencoDbContext)new PostgresSencoDbContext(new DbContextOptionsBuilder<PostgresSencoDbContext>().UseNpgsql("Host=localhost;Database=senco_design").Options).WithScope(TenantScope.System());
}
