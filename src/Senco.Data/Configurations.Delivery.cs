using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Senco.Core.Model;

namespace Senco.Data;

internal sealed class PlannedDoseConfig : IEntityTypeConfiguration<PlannedDose>
{
    public void Configure(EntityTypeBuilder<PlannedDose> b)
    {
        // One dose per line.
        b.HasIndex(x => x.EhcProvisionId).IsUnique();
        b.HasIndex(x => x.PlanStrategyId).IsUnique();
        b.HasIndex(x => new { x.SchoolId, x.PupilId });
        b.HasIndex(x => x.StaffMemberId);
        b.Property(x => x.Label).HasMaxLength(1000).IsRequired();
        b.Property(x => x.HoursPerWeek).HasPrecision(6, 2);
        b.Property(x => x.UpdatedBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Pupil>().WithMany().HasForeignKey(x => x.PupilId).OnDelete(DeleteBehavior.Restrict);
        // A line taken out of its plan leaves its dose (with its label) and the sessions logged against it: what was
        // delivered stays evidence even after the plan changes.
        b.HasOne<EhcProvision>().WithMany().HasForeignKey(x => x.EhcProvisionId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<PlanStrategy>().WithMany().HasForeignKey(x => x.PlanStrategyId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(x => x.StaffMember).WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<InterventionGroup>().WithMany().HasForeignKey(x => x.InterventionGroupId).OnDelete(DeleteBehavior.SetNull);
        b.Ignore(x => x.MinutesPerWeek);
    }
}

internal sealed class DeliverySessionConfig : IEntityTypeConfiguration<DeliverySession>
{
    public void Configure(EntityTypeBuilder<DeliverySession> b)
    {
        b.HasIndex(x => new { x.DoseId, x.On });
        b.HasIndex(x => new { x.SchoolId, x.PupilId, x.On });
        // The overlap check reads one person's sessions of one day.
        b.HasIndex(x => new { x.StaffMemberId, x.On });
        b.Property(x => x.Note).HasMaxLength(1000);
        b.Property(x => x.RecordedBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Dose).WithMany().HasForeignKey(x => x.DoseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Pupil>().WithMany().HasForeignKey(x => x.PupilId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.SetNull);
        b.Ignore(x => x.End);
    }
}

internal sealed class DeliverySettingsConfig : IEntityTypeConfiguration<DeliverySettings>
{
    public void Configure(EntityTypeBuilder<DeliverySettings> b)
    {
        b.HasKey(x => x.SchoolId);
        b.Property(x => x.ShortfallReasons).HasMaxLength(200).IsRequired();
        b.Property(x => x.UpdatedBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.Policy);
    }
}

internal sealed class MonitoringConcernConfig : IEntityTypeConfiguration<MonitoringConcern>
{
    public void Configure(EntityTypeBuilder<MonitoringConcern> b)
    {
        b.HasIndex(x => new { x.SchoolId, x.Status });
        b.HasIndex(x => x.PupilId);
        b.Property(x => x.WhatSeen).HasMaxLength(2000).IsRequired();
        b.Property(x => x.Lessons).HasMaxLength(300);
        b.Property(x => x.Tried).HasMaxLength(2000);
        b.Property(x => x.RaisedBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.Decision).HasMaxLength(1000);
        b.Property(x => x.DecidedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Pupil).WithMany().HasForeignKey(x => x.PupilId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Observations).WithOne().HasForeignKey(x => x.ConcernId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConcernObservationConfig : IEntityTypeConfiguration<ConcernObservation>
{
    public void Configure(EntityTypeBuilder<ConcernObservation> b)
    {
        b.Property(x => x.Text).HasMaxLength(2000).IsRequired();
        b.Property(x => x.Lessons).HasMaxLength(300);
        b.Property(x => x.RecordedBy).HasMaxLength(256).IsRequired();
    }
}
