using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Senco.Core.Model;

namespace Senco.Data;

internal sealed class PupilTransferConfig : IEntityTypeConfiguration<PupilTransfer>
{
    public void Configure(EntityTypeBuilder<PupilTransfer> b)
    {
        // The reminder list: a school's transfers not yet sent, soonest due first.
        b.HasIndex(x => new { x.SchoolId, x.SentOn, x.DueOn });
        b.HasIndex(x => x.PupilId);
        b.Property(x => x.DestinationLa).HasMaxLength(3).IsRequired();
        b.Property(x => x.DestinationEstab).HasMaxLength(4).IsRequired();
        b.Property(x => x.DestinationName).HasMaxLength(200);
        b.Property(x => x.PackGeneratedBy).HasMaxLength(256);
        b.Property(x => x.SentTo).HasMaxLength(500);
        b.Property(x => x.SentRecordedBy).HasMaxLength(256);
        b.Property(x => x.CreatedBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Pupil).WithMany().HasForeignKey(x => x.PupilId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(x => x.IsSent);
    }
}

/// The pupil columns data exchange added (FormerUPN, census unit/RP indicators, leaving date and destination), kept in
/// this file so the main Pupil configuration is untouched. EF applies both configurations to the same entity.
internal sealed class PupilExchangeConfig : IEntityTypeConfiguration<Pupil>
{
    public void Configure(EntityTypeBuilder<Pupil> b)
    {
        b.Property(x => x.FormerUpn).HasMaxLength(13);
        b.Property(x => x.DestinationLa).HasMaxLength(3);
        b.Property(x => x.DestinationEstab).HasMaxLength(4);
        b.Property(x => x.DestinationName).HasMaxLength(200);
    }
}

/// The trust dashboard counts every school's pupils by roll, status and primary need in one GROUP BY; this index
/// covers it, so the database reads the index instead of every pupil row (docs/performance.md, "Trust dashboard").
internal sealed class PupilAggregateIndexConfig : IEntityTypeConfiguration<Pupil>
{
    public void Configure(EntityTypeBuilder<Pupil> b) =>
        b.HasIndex(x => new { x.SchoolId, x.OnRoll, x.SenStatus, x.PrimaryNeed }).HasDatabaseName("IX_Pupils_SchoolId_OnRoll_SenStatus_PrimaryNeed");
}
