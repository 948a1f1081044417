using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Senco.Core.Model;

namespace Senco.Data;

internal sealed class ImportMappingConfig : IEntityTypeConfiguration<ImportMapping>
{
    public void Configure(EntityTypeBuilder<ImportMapping> b)
    {
        b.HasIndex(x => new { x.SchoolId, x.SourceName }).IsUnique();
        b.Property(x => x.SourceName).HasMaxLength(60).IsRequired();
        b.Property(x => x.Mapping).HasMaxLength(4000).IsRequired();
        b.Property(x => x.UpdatedBy).HasMaxLength(256).IsRequired();
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PupilImportConfig : IEntityTypeConfiguration<PupilImport>
{
    public void Configure(EntityTypeBuilder<PupilImport> b)
    {
        b.HasIndex(x => new { x.SchoolId, x.CreatedAt });
        b.Property(x => x.SourceName).HasMaxLength(60).IsRequired();
        b.Property(x => x.FileName).HasMaxLength(260).IsRequired();
        b.Property(x => x.Mapping).HasMaxLength(4000).IsRequired();
        b.Property(x => x.Error).HasMaxLength(4000);
        b.Property(x => x.RequestedBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.RequestedFromIp).HasMaxLength(64);
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SubjectAccessRequestConfig : IEntityTypeConfiguration<SubjectAccessRequest>
{
    public void Configure(EntityTypeBuilder<SubjectAccessRequest> b)
    {
        b.HasIndex(x => new { x.SchoolId, x.Status });
        b.HasIndex(x => x.PupilId);
        b.Property(x => x.Requester).HasMaxLength(200).IsRequired();
        b.Property(x => x.Relationship).HasMaxLength(100);
        b.Property(x => x.ExtensionReason).HasMaxLength(2000);
        b.Property(x => x.Notes).HasMaxLength(4000);
        b.Property(x => x.RecordedBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.DueOn);
        b.Ignore(x => x.IsOpen);
        b.HasOne<Pupil>().WithMany().HasForeignKey(x => x.PupilId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RetentionSettingsConfig : IEntityTypeConfiguration<RetentionSettings>
{
    public void Configure(EntityTypeBuilder<RetentionSettings> b)
    {
        b.HasIndex(x => x.SchoolId).IsUnique();
        b.Property(x => x.UpdatedBy).HasMaxLength(256).IsRequired();
        b.HasOne<School>().WithOne().HasForeignKey<RetentionSettings>(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}
