using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Senco.Core.Model;

namespace Senco.Data;

internal sealed class TrustConfig : IEntityTypeConfiguration<Trust>
{
    public void Configure(EntityTypeBuilder<Trust> b)
    {
        b.Property(x => x.Name).HasMaxLength(200).IsRequired();
        b.HasIndex(x => x.Name).IsUnique();
    }
}

internal sealed class SchoolConfig : IEntityTypeConfiguration<School>
{
    public void Configure(EntityTypeBuilder<School> b)
    {
        b.Property(x => x.Urn).HasMaxLength(6).IsRequired();
        b.HasIndex(x => x.Urn).IsUnique();
        b.Property(x => x.Name).HasMaxLength(200).IsRequired();
        b.Property(x => x.LaCode).HasMaxLength(3).IsRequired();
        b.Property(x => x.Estab).HasMaxLength(4).IsRequired();
        b.HasOne(x => x.Trust).WithMany(t => t.Schools).HasForeignKey(x => x.TrustId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.DfeNumber);
    }
}

internal sealed class MembershipConfig : IEntityTypeConfiguration<SchoolMembership>
{
    public void Configure(EntityTypeBuilder<SchoolMembership> b)
    {
        b.HasIndex(x => new { x.UserId, x.SchoolId, x.Role }).IsUnique();
        b.HasOne(x => x.School).WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SencoUser>().WithMany(u => u.Memberships).HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UserConfig : IEntityTypeConfiguration<SencoUser>
{
    public void Configure(EntityTypeBuilder<SencoUser> b)
    {
        b.Property(x => x.DisplayName).HasMaxLength(200).IsRequired();
    }
}

internal sealed class PupilConfig : IEntityTypeConfiguration<Pupil>
{
    public void Configure(EntityTypeBuilder<Pupil> b)
    {
        b.Property(x => x.Upn).HasMaxLength(13).IsRequired();
        b.HasIndex(x => new { x.SchoolId, x.Upn }).IsUnique();
        // The register: one school's pupils by status.
        b.HasIndex(x => new { x.SchoolId, x.SenStatus, x.Surname });
        b.Property(x => x.Forename).HasMaxLength(100).IsRequired();
        b.Property(x => x.Surname).HasMaxLength(100).IsRequired();
        b.Property(x => x.Gender).HasMaxLength(1).IsRequired();
        b.Property(x => x.YearGroup).HasMaxLength(2).IsRequired();
        b.Property(x => x.Needs).HasMaxLength(120).IsRequired();
        b.Property(x => x.PrimaryNeed).HasMaxLength(4);
        b.Property(x => x.SecondaryNeed).HasMaxLength(4);
        b.Property(x => x.SearchText).HasMaxLength(400).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.School).WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.FullName);
        b.Ignore(x => x.NeedList);
    }
}

internal sealed class SenStatusChangeConfig : IEntityTypeConfiguration<SenStatusChange>
{
    public void Configure(EntityTypeBuilder<SenStatusChange> b)
    {
        b.HasIndex(x => new { x.PupilId, x.EffectiveFrom });
        b.Property(x => x.Needs).HasMaxLength(120).IsRequired();
        b.Property(x => x.Reason).HasMaxLength(2000).IsRequired();
        b.Property(x => x.RecordedBy).HasMaxLength(200).IsRequired();
        b.HasOne<Pupil>().WithMany().HasForeignKey(x => x.PupilId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(x => x.NeedList);
    }
}

internal sealed class PupilEventConfig : IEntityTypeConfiguration<PupilEvent>
{
    public void Configure(EntityTypeBuilder<PupilEvent> b)
    {
        b.HasIndex(x => new { x.PupilId, x.OccurredOn });
        b.Property(x => x.Summary).HasMaxLength(4000).IsRequired();
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.RecordedBy).HasMaxLength(200).IsRequired();
        b.HasOne<Pupil>().WithMany().HasForeignKey(x => x.PupilId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEntryConfig : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasIndex(x => new { x.SchoolId, x.At });
        b.HasIndex(x => x.PupilId);
        b.Property(x => x.UserName).HasMaxLength(256).IsRequired();
        b.Property(x => x.Action).HasMaxLength(60).IsRequired();
        b.Property(x => x.Summary).HasMaxLength(4000).IsRequired();
        b.Property(x => x.IpAddress).HasMaxLength(64);
        // One entry per chain position: two sealers racing (two app instances) cannot both claim a position.
        b.HasIndex(x => x.Sequence).IsUnique();
        b.Property(x => x.Hash).HasMaxLength(64);
        b.Property(x => x.ContentHash).HasMaxLength(64);
    }
}
