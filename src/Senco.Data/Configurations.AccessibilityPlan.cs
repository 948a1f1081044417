using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Senco.Core.Model;

namespace Senco.Data;

// A school has one accessibility plan per period (by its start year); its actions go with it. Reasonable adjustments
// cascade with the pupil, like every other pupil-owned record.

internal sealed class AccessibilityPlanConfig : IEntityTypeConfiguration<AccessibilityPlan>
{
    public void Configure(EntityTypeBuilder<AccessibilityPlan> b)
    {
        b.HasIndex(x => new { x.SchoolId, x.StartYear }).IsUnique();
        b.Property(x => x.ApprovedBy).HasMaxLength(200);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.Period);
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Actions).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AccessibilityActionConfig : IEntityTypeConfiguration<AccessibilityAction>
{
    public void Configure(EntityTypeBuilder<AccessibilityAction> b)
    {
        b.HasIndex(x => new { x.PlanId, x.Strand });
        b.Property(x => x.Objective).HasMaxLength(500).IsRequired();
        b.Property(x => x.Actions).HasMaxLength(2000);
        b.Property(x => x.Owner).HasMaxLength(200).IsRequired();
        b.Property(x => x.SuccessCriteria).HasMaxLength(2000);
        b.Property(x => x.Resources).HasMaxLength(500);
        b.Property(x => x.Cost).HasPrecision(12, 2);
        b.Property(x => x.Progress).HasMaxLength(2000);
        b.Property(x => x.UpdatedBy).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class ReasonableAdjustmentConfig : IEntityTypeConfiguration<ReasonableAdjustment>
{
    public void Configure(EntityTypeBuilder<ReasonableAdjustment> b)
    {
        b.HasIndex(x => new { x.SchoolId, x.Area });
        b.HasIndex(x => x.PupilId);
        b.Property(x => x.Barrier).HasMaxLength(500).IsRequired();
        b.Property(x => x.Adjustment).HasMaxLength(1000).IsRequired();
        b.Property(x => x.DecisionReason).HasMaxLength(2000);
        b.Property(x => x.DecidedBy).HasMaxLength(200);
        b.Property(x => x.Outcome).HasMaxLength(2000);
        b.Property(x => x.RecordedBy).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Pupil).WithMany().HasForeignKey(x => x.PupilId).OnDelete(DeleteBehavior.Cascade);
    }
}
