using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Senco.Data;

/// A counter per school that the database itself raises whenever a row of that school's pupils is inserted, changed
/// or deleted (triggers on the Pupils table, created by the migration "PupilDataVersions"). Because the database
/// raises it, every write path counts: pages, API, imports, CTF, retention, raw SQL and bulk loads, on any instance.
/// A reader that reads the version first and the pupils second may keep what it read under that version: if
/// the version is unchanged, so are the school's pupils. Not tenant-filtered: it holds no personal data.
public class PupilDataVersion
{
    public int SchoolId { get; set; }
    public long Version { get; set; }
}

internal sealed class PupilDataVersionConfig : IEntityTypeConfiguration<PupilDataVersion>
{
    public void Configure(EntityTypeBuilder<PupilDataVersion> b)
    {
        b.ToTable("PupilDataVersions");
        b.HasKey(x => x.SchoolId);
        b.Property(x => x.SchoolId).ValueGeneratedNever();
    }
}

public abstract partial class SencoDbContext
{
    public DbSet<PupilDataVersion> PupilDataVersions => Set<PupilDataVersion>();

    /// The school's pupil data version (0 before any pupil of the school was written since the triggers exist).
    public async Task<long> PupilDataVersionAsync(int schoolId, CancellationToken ct = default) =>
        await VersionQuery.For(this)(this, schoolId, ct) ?? 0;

    // Read before every cached register (RegisterCache): compiled, see CompiledQuery.
    private static readonly CompiledQuery<Func<SencoDbContext, int, CancellationToken, Task<long?>>> VersionQuery = new(() =>
        EF.CompileAsyncQuery((SencoDbContext db, int schoolId, CancellationToken ct) =>
            db.PupilDataVersions.AsNoTracking().Where(v => v.SchoolId == schoolId).Select(v => (long?)v.Version).FirstOrDefault()));
}
