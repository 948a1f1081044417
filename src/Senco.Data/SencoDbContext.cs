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
    // Contexts are pooled (DatabaseSetup): one instance serves many requests in turn, and each lease is given the
    // scope of the request it serves. A context with no scope fails every filtered query rather than seeing all.
    private TenantScope? _scope;

    protected SencoDbContext(DbContextOptions options) : base(options) { }

    public TenantScope Scope => _scope ?? throw new InvalidOperationException("This database context has not been given a tenant scope.");

    /// Gives this context (new, or just leased from the pool) the schools its queries may see.
    public SencoDbContext WithScope(TenantScope scope)
    {
        _scope = scope;
        return this;
    }

    // A context returned to the pool forgets the request it served.
    public override void Dispose()
    {
        _scope = null;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        _scope = null;
        return base.DisposeAsync();
    }

    // Read by the query filters below; EF evaluates them per query against this context instance.
    private bool ScopeUnrestricted => Scope.Unrestricted;
    private IReadOnlyCollection<int> ScopeSchoolIds => Scope.PupilSchoolIds;
    private int? ScopeSingleSchoolId => Scope.SingleSchoolId;
    private bool ScopeSeveralSchools => Scope.SeveralSchools;

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
        // One school (most people) is a plain equality; several (a trust lead) the list. No school matches nothing.
        Expression<Func<T, bool>> filter = e => ScopeUnrestricted || e.SchoolId == ScopeSingleSchoolId || (ScopeSeveralSchools && ScopeSchoolIds.Contains(e.SchoolId));
        b.Entity<T>().HasQueryFilter(filter);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder c)
    {
        // Enums are stored by name: readable in the database and stable if members are reordered.
        c.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}

// One constructor each, taking only the options: what EF's context pool needs. The scope comes with WithScope.
public sealed class SqliteSencoDbContext(DbContextOptions<SqliteSencoDbContext> options) : SencoDbContext(options);

public sealed class PostgresSencoDbContext(DbContextOptions<PostgresSencoDbContext> options) : SencoDbContext(options);
