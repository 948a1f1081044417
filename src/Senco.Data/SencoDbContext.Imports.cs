using Microsoft.EntityFrameworkCore;
using Senco.Core.Model;

namespace Senco.Data;

// Data exchange and data protection: MIS imports, subject access requests, retention.
public abstract partial class SencoDbContext
{
    public DbSet<ImportMapping> ImportMappings => Set<ImportMapping>();
    public DbSet<PupilImport> PupilImports => Set<PupilImport>();
    public DbSet<SubjectAccessRequest> SubjectAccessRequests => Set<SubjectAccessRequest>();
    public DbSet<RetentionSettings> RetentionSettings => Set<RetentionSettings>();
}
