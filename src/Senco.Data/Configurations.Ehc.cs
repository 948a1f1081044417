using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Senco.Core.Model;

namespace Senco.Data;

// Long text (plan sections, views) has no max length: PostgreSQL stores it as text, SQLite as TEXT.
// Money is decimal in pounds (numeric(12,2) on PostgreSQL); SQLite cannot sum it in SQL, so totals are added up in memory.

internal sealed class EhcNeedsAssessmentConfig : IEntityTypeConfiguration<EhcNeedsAssessment>
{
    public void Configure(EntityTypeBuilder<EhcNeedsAssessment> b)
    {
        b.HasIndex(x => new { x.SchoolId, x.PupilId });
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Pupil>().WithMany().HasForeignKey(x => x.PupilId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Evidence).WithOne().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Exceptions).WithOne().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(x => x.Decisions);
        b.Ignore(x => x.Status);
    }
}

internal sealed class EhcEvidenceConfig : IEntityTypeConfiguration<EhcEvidence>
{
    public void Configure(EntityTypeBuilder<EhcEvidence> b) => b.Property(x => x.Title).HasMaxLength(300).IsRequired();
}

internal sealed class EhcTimescaleExceptionConfig : IEntityTypeConfiguration<EhcTimescaleException>
{
    public void Configure(EntityTypeBuilder<EhcTimescaleException> b) => b.Property(x => x.Note).HasMaxLength(2000);
}

internal sealed class EhcPlanConfig : IEntityTypeConfiguration<EhcPlan>
{
    public void Configure(EntityTypeBuilder<EhcPlan> b)
    {
        b.HasIndex(x => new { x.SchoolId, x.PupilId });
        b.Property(x => x.LocalAuthority).HasMaxLength(3).IsRequired();
        b.Property(x => x.CaseOfficer).HasMaxLength(200);
        b.Property(x => x.CaseOfficerEmail).HasMaxLength(256);
        b.Property(x => x.CeasedReason).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Pupil>().WithMany().HasForeignKey(x => x.PupilId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Needs).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Reviews).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(x => x.IsCeased);
    }
}

internal sealed class EhcNeedConfig : IEntityTypeConfiguration<EhcNeed>
{
    public void Configure(EntityTypeBuilder<EhcNeed> b)
    {
        b.Property(x => x.NeedType).HasMaxLength(4);
        b.Property(x => x.Description).IsRequired();
        b.HasMany(x => x.Outcomes).WithOne().HasForeignKey(x => x.NeedId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Provision).WithOne().HasForeignKey(x => x.NeedId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EhcOutcomeConfig : IEntityTypeConfiguration<EhcOutcome>
{
    public void Configure(EntityTypeBuilder<EhcOutcome> b) => b.Property(x => x.Description).IsRequired();
}

internal sealed class EhcProvisionConfig : IEntityTypeConfiguration<EhcProvision>
{
    public void Configure(EntityTypeBuilder<EhcProvision> b)
    {
        b.Property(x => x.Description).IsRequired();
        b.Property(x => x.HoursPerWeek).HasPrecision(6, 2);
        b.Property(x => x.AnnualCost).HasPrecision(12, 2);
        b.Property(x => x.FundedBy).HasMaxLength(200);
    }
}

internal sealed class AnnualReviewConfig : IEntityTypeConfiguration<AnnualReview>
{
    public void Configure(EntityTypeBuilder<AnnualReview> b)
    {
        b.HasIndex(x => new { x.PlanId, x.MeetingOn });
        b.HasIndex(x => x.SchoolId);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasMany(x => x.Progress).WithOne().HasForeignKey(x => x.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReviewOutcomeProgressConfig : IEntityTypeConfiguration<ReviewOutcomeProgress>
{
    public void Configure(EntityTypeBuilder<ReviewOutcomeProgress> b)
    {
        b.HasIndex(x => new { x.ReviewId, x.OutcomeId }).IsUnique();
        b.Property(x => x.Note).HasMaxLength(4000);
        // The outcome may be removed from the plan later; the review keeps what was said about it until then.
        b.HasOne<EhcOutcome>().WithMany().HasForeignKey(x => x.OutcomeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CalendarFeedTokenConfig : IEntityTypeConfiguration<CalendarFeedToken>
{
    public void Configure(EntityTypeBuilder<CalendarFeedToken> b)
    {
        b.HasKey(x => x.UserId);
        b.Property(x => x.TokenHash).HasMaxLength(64).IsRequired();
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasOne<SencoUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
