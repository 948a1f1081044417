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
        if (provider == DatabaseProvider.Sqlite) AddPooled<SqliteSencoDbContext>(services, provider, connectionString);
        else AddPooled<PostgresSencoDbContext>(services, provider, connectionString);
        return services;
    }

    private static void AddPooled<T>(IServiceCollection services, DatabaseProvider provider, string connectionString) where T : SencoDbContext
    {
        services.AddPooledDbContextFactory<T>(o => o.UseSenco(provider, connectionString));
        services.AddScoped<SencoDbContext>(sp => sp.GetRequiredService<IDbContextFactory<T>>().CreateDbContext().WithScope(sp.GetRequiredService<TenantScope>()));
    }

    /// A context outside dependency injection (command-line tools, the bench, tests), with the given scope.
    public static SencoDbContext Open(DatabaseProvider provider, string connectionString, TenantScope scope) => (provider == DatabaseProvider.Sqlite
        ? new SqliteSencoDbContext(Options<SqliteSencoDbContext>(provider, connectionString))
        : (SencoDbContext)new PostgresSencoDbContext(Options<PostgresSencoDbContext>(provider, connectionString))).WithScope(scope);

    private static DbContextOptions<T> Options<T>(DatabaseProvider provider, string connectionString) where T : DbContext
    {
        var builder = new DbContextOptionsBuilder<T>();
        builder.UseSenco(provider, connectionString);
        return builder.Options;
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
    public SqliteSencoDbContext CreateDbContext(string[] args)
    {
        var db = new SqliteSencoDbContext(new DbContextOptionsBuilder<SqliteSencoDbContext>().UseSqlite("Data Source=design.db").Options);
        db.WithScope(TenantScope.System());
        return db;
    }
}

internal sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresSencoDbContext>
{
    public PostgresSencoDbContext CreateDbContext(string[] args)
    {
        var db = new PostgresSencoDbContext(new DbContextOptionsBuilder<PostgresSencoDbContext>().UseNpgsql("Host=localhost;Database=senco_design").Options);
        db.WithScope(TenantScope.System());
        return db;
    }
}
