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
        // The options are built once, not for every request: they depend only on the connection string, and
        // building them (provider, warnings, interceptors) cost more CPU than a small query (a perf profile; docs/performance.md).
        if (provider == DatabaseProvider.Sqlite)
        {
            services.AddDbContext<SencoDbContext, SqliteSencoDbContext>(o => o.UseSencoSqlite(connectionString), optionsLifetime: ServiceLifetime.Singleton);
        }
        else
        {
            services.AddDbContext<SencoDbContext, PostgresSencoDbContext>(o => o.UseNpgsql(connectionString), optionsLifetime: ServiceLifetime.Singleton);
        }
        return services;
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
        new(new DbContextOptionsBuilder<SqliteSencoDbContext>().UseSqlite("Data Source=design.db").Options, TenantScope.System());
}

internal sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresSencoDbContext>
{
    public PostgresSencoDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresSencoDbContext>().UseNpgsql("Host=localhost;Database=senco_design").Options, TenantScope.System());
}
