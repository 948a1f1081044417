using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Senco.Core.Model;

namespace Senco.Data;

/// One model for both databases. The provider-specific subclasses exist only so that each database keeps its
/// own migrations (SQLite and PostgreSQL differ in types and DDL).
public abstract partial class SencoDbContext : IdentityDbContext<SencoUser, IdentityRole<Guid>, Guid>, IDataProtectionKeyContext
{
    private readonly TenantScope _scope;

    protected SencoDbContext(DbContextOptions options, TenantScope scope) : base(options) => _scope = scope;

    public TenantScope Scope => _scope;

    // Read by the query filters below; EF evaluates them per query against this context instance.
    private bool ScopeUnrestricted => _scope.Unrestricted;
    private IReadOnlyCollection<int> ScopeSchoolIds => _scope.PupilSchoolIds;

    public DbSet<Trust> Trusts => Set<Trust>();
    public DbSet<School> Schools => Set<School>();
    public DbSet<SchoolMembership> Memberships => Set<SchoolMembership>();
    public DbSet<Pupil> Pupils => Set<Pupil>();
    public DbSet<SenStatusChange> SenStatusChanges => Set<SenStatusChange>();
    public DbSet<PupilEvent> PupilEvents => Set<PupilEvent>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<JobClaim> JobClaims => Set<JobClaim>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.ApplyConfigurationsFromAssembly(typeof(SencoDbContext).Assembly);

        // Every school-scoped record gets the tenancy filter.
        foreach (var entity in b.Model.GetEntityTypes().Where(t => typeof(ISchoolScoped).IsAssignableFrom(t.ClrType)))
        {
            var method = typeof(SencoDbContext).GetMethod(nameof(ApplyScope), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(entity.ClrType);
            method.Invoke(this, [b]);
        }
    }

    private void ApplyScope<T>(ModelBuilder b) where T : class, ISchoolScoped
    {
        Expression<Func<T, bool>> filter = e => ScopeUnrestricted || ScopeSchoolIds.Contains(e.SchoolId);
        b.Entity<T>().HasQueryFilter(filter);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder c)
    {
        // Enums are stored by name: readable in the database and stable if members are reordered.
        c.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}

public sealed class SqliteSencoDbContext(DbContextOptions<SqliteSencoDbContext> options, TenantScope scope)
    : SencoDbContext(options, scope);

public sealed class PostgresSencoDbContext(DbContextOptions<PostgresSencoDbContext> options, TenantScope scope)
    : SencoDbContext(options, scope);
