using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Senco.Core.Model;

namespace Senco.Data;

// Money is decimal(12,2) in pounds. SQLite stores decimals as text and cannot SUM or ORDER BY them, so every money
// aggregate is done in memory after loading the (small) rows; nothing here depends on the database doing arithmetic.

internal sealed class ProvisionOfferConfig : IEntityTypeConfiguration<ProvisionOffer>
{
    public void Configure(EntityTypeBuilder<ProvisionOffer> b)
    {
        b.HasIndex(x => new { x.SchoolId, x.Name });
        b.Property(x => x.Name).HasMaxLength(120).IsRequired();
        b.Property(x => x.Description).HasMaxLength(2000);
        b.Property(x => x.StaffHourlyCost).HasPrecision(12, 2);
        b.Property(x => x.ResourceCost).HasPrecision(12, 2);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.UsualCost);
    }
}

internal sealed class StaffMemberConfig : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> b)
    {
        b.HasIndex(x => new { x.SchoolId, x.Name });
        b.HasIndex(x => x.UserId);
        b.Property(x => x.Name).HasMaxLength(120).IsRequired();
        b.Property(x => x.ContractedHoursPerWeek).HasPrecision(6, 2);
        b.Property(x => x.HourlyCost).HasPrecision(12, 2);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.LineManager).WithMany().HasForeignKey(x => x.LineManagerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SencoUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class InterventionGroupConfig : IEntityTypeConfiguration<InterventionGroup>
{
    public void Configure(EntityTypeBuilder<InterventionGroup> b)
    {
        b.HasIndex(x => new { x.SchoolId, x.StartOn });
        b.HasIndex(x => x.StaffMemberId);
        b.Property(x => x.Name).HasMaxLength(120).IsRequired();
        b.Property(x => x.StaffHourlyCost).HasPrecision(12, 2);
        b.Property(x => x.ResourceCost).HasPrecision(12, 2);
        b.Property(x => x.OwnMeasureName).HasMaxLength(60);
        b.Property(x => x.Notes).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Provision).WithMany().HasForeignKey(x => x.ProvisionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.StaffMember).WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Slots).WithOne().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Pupils).WithOne().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(x => x.EndOn);
        b.Ignore(x => x.TotalCost);
        b.Ignore(x => x.StaffHours);
    }
}

internal sealed class InterventionSlotConfig : IEntityTypeConfiguration<InterventionSlot>
{
    public void Configure(EntityTypeBuilder<InterventionSlot> b)
    {
        b.HasIndex(x => x.GroupId);
        b.HasIndex(x => new { x.SchoolId, x.Day });
    }
}

internal sealed class GroupPupilConfig : IEntityTypeConfiguration<GroupPupil>
{
    public void Configure(EntityTypeBuilder<GroupPupil> b)
    {
        // One row per pupil per group: a pupil who leaves and comes back has their dates edited, not a second row.
        b.HasIndex(x => new { x.GroupId, x.PupilId }).IsUnique();
        b.HasIndex(x => x.PupilId);
        b.Property(x => x.ScoresRecordedBy).HasMaxLength(256);
        b.HasOne(x => x.Pupil).WithMany().HasForeignKey(x => x.PupilId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InterventionSessionConfig : IEntityTypeConfiguration<InterventionSession>
{
    public void Configure(EntityTypeBuilder<InterventionSession> b)
    {
        // One register per group per day; and a school's registers by date, for the year's impact report.
        b.HasIndex(x => new { x.GroupId, x.On }).IsUnique();
        b.HasIndex(x => new { x.SchoolId, x.On });
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.RecordedBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<InterventionGroup>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Attendance).WithOne().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SessionAttendanceConfig : IEntityTypeConfiguration<SessionAttendance>
{
    public void Configure(EntityTypeBuilder<SessionAttendance> b)
    {
        b.HasIndex(x => new { x.SessionId, x.PupilId }).IsUnique();
        b.HasIndex(x => x.PupilId);
        b.Property(x => x.Note).HasMaxLength(500);
        b.HasOne<Pupil>().WithMany().HasForeignKey(x => x.PupilId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StaffTimetableEntryConfig : IEntityTypeConfiguration<StaffTimetableEntry>
{
    public void Configure(EntityTypeBuilder<StaffTimetableEntry> b)
    {
        b.HasIndex(x => x.StaffMemberId);
        b.Property(x => x.Description).HasMaxLength(200).IsRequired();
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Pupil>().WithMany().HasForeignKey(x => x.PupilId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class SenBudgetConfig : IEntityTypeConfiguration<SenBudget>
{
    public void Configure(EntityTypeBuilder<SenBudget> b)
    {
        b.HasIndex(x => new { x.SchoolId, x.StartYear }).IsUnique();
        b.Property(x => x.NotionalSenBudget).HasPrecision(14, 2);
        b.Property(x => x.UpdatedBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TopUpFundingConfig : IEntityTypeConfiguration<TopUpFunding>
{
    public void Configure(EntityTypeBuilder<TopUpFunding> b)
    {
        b.HasIndex(x => new { x.SchoolId, x.From });
        b.HasIndex(x => x.PupilId);
        b.Property(x => x.Band).HasMaxLength(40).IsRequired();
        b.Property(x => x.Amount).HasPrecision(12, 2);
        b.Property(x => x.Note).HasMaxLength(500);
        b.Property(x => x.RecordedBy).HasMaxLength(256).IsRequired();
        b.HasOne(x => x.Pupil).WithMany().HasForeignKey(x => x.PupilId).OnDelete(DeleteBehavior.Cascade);
    }
}
