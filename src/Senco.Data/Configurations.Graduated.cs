using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Senco.Core.Graduated;
using Senco.Core.Model;

namespace Senco.Data;

internal sealed class TeachingGroupConfig : IEntityTypeConfiguration<TeachingGroup>
{
    public void Configure(EntityTypeBuilder<TeachingGroup> b)
    {
        b.Property(x => x.Name).HasMaxLength(GraduatedRules.MaxGroupName).IsRequired();
        b.Property(x => x.YearGroup).HasMaxLength(2);
        b.HasIndex(x => new { x.SchoolId, x.Name }).IsUnique();
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Pupils).WithOne().HasForeignKey(x => x.TeachingGroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Teachers).WithOne().HasForeignKey(x => x.TeachingGroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TeachingGroupPupilConfig : IEntityTypeConfiguration<TeachingGroupPupil>
{
    public void Configure(EntityTypeBuilder<TeachingGroupPupil> b)
    {
        b.HasIndex(x => new { x.TeachingGroupId, x.PupilId }).IsUnique();
        b.HasIndex(x => x.PupilId);
        b.HasOne(x => x.Pupil).WithMany().HasForeignKey(x => x.PupilId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TeachingGroupTeacherConfig : IEntityTypeConfiguration<TeachingGroupTeacher>
{
    public void Configure(EntityTypeBuilder<TeachingGroupTeacher> b)
    {
        b.HasIndex(x => new { x.TeachingGroupId, x.UserId }).IsUnique();
        // "Which pupils does this teacher teach here?"
        b.HasIndex(x => new { x.UserId, x.SchoolId });
        b.HasOne<SencoUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StrategyConfig : IEntityTypeConfiguration<Strategy>
{
    public void Configure(EntityTypeBuilder<Strategy> b)
    {
        b.Property(x => x.Title).HasMaxLength(GraduatedRules.MaxStrategyTitle).IsRequired();
        b.Property(x => x.Description).HasMaxLength(GraduatedRules.MaxStrategyDescription);
        b.HasIndex(x => new { x.SchoolId, x.Area, x.Title });
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GraduatedSettingsConfig : IEntityTypeConfiguration<GraduatedSettings>
{
    public void Configure(EntityTypeBuilder<GraduatedSettings> b)
    {
        b.HasKey(x => x.SchoolId);
        b.Property(x => x.SchoolId).ValueGeneratedNever();
        b.Property(x => x.UpdatedBy).HasMaxLength(200).IsRequired();
        b.HasOne<School>().WithOne().HasForeignKey<GraduatedSettings>(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ParentsInformedConfig : IEntityTypeConfiguration<ParentsInformed>
{
    public void Configure(EntityTypeBuilder<ParentsInformed> b)
    {
        b.HasIndex(x => new { x.PupilId, x.ToldOn });
        b.Property(x => x.Note).HasMaxLength(GraduatedRules.MaxNote);
        b.Property(x => x.RecordedBy).HasMaxLength(200).IsRequired();
        b.HasOne<Pupil>().WithMany().HasForeignKey(x => x.PupilId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SupportPlanConfig : IEntityTypeConfiguration<SupportPlan>
{
    public void Configure(EntityTypeBuilder<SupportPlan> b)
    {
        b.HasIndex(x => new { x.PupilId, x.Cycle }).IsUnique();
        // The reviews-due list: a school's current plans by review date.
        b.HasIndex(x => new { x.SchoolId, x.Status, x.ReviewDue });
        b.Property(x => x.Strengths).HasMaxLength(SupportPlanRules.MaxLongText).IsRequired();
        b.Property(x => x.NeedsCognitionAndLearning).HasMaxLength(SupportPlanRules.MaxLongText);
        b.Property(x => x.NeedsCommunicationAndInteraction).HasMaxLength(SupportPlanRules.MaxLongText);
        b.Property(x => x.NeedsSocialEmotionalMentalHealth).HasMaxLength(SupportPlanRules.MaxLongText);
        b.Property(x => x.NeedsSensoryPhysical).HasMaxLength(SupportPlanRules.MaxLongText);
        b.Property(x => x.Evidence).HasMaxLength(SupportPlanRules.MaxLongText).IsRequired();
        b.Property(x => x.PupilViews).HasMaxLength(SupportPlanRules.MaxLongText);
        b.Property(x => x.ParentViews).HasMaxLength(SupportPlanRules.MaxLongText);
        b.Property(x => x.LeadName).HasMaxLength(200);
        b.Property(x => x.CreatedBy).HasMaxLength(200).IsRequired();
        b.Property(x => x.UpdatedBy).HasMaxLength(200).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Pupil).WithMany().HasForeignKey(x => x.PupilId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SupportPlan>().WithMany().HasForeignKey(x => x.PreviousPlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Outcomes).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Strategies).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Review).WithOne().HasForeignKey<PlanReview>(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(x => x.IsCurrent);
    }
}

internal sealed class PlanOutcomeConfig : IEntityTypeConfiguration<PlanOutcome>
{
    public void Configure(EntityTypeBuilder<PlanOutcome> b)
    {
        b.HasIndex(x => new { x.PlanId, x.Position });
        b.Property(x => x.Description).HasMaxLength(SupportPlanRules.MaxOutcomeText).IsRequired();
        b.Property(x => x.Measure).HasMaxLength(SupportPlanRules.MaxOutcomeText).IsRequired();
        b.Property(x => x.Evidence).HasMaxLength(PlanReviewRules.MaxEvidence);
    }
}

internal sealed class PlanStrategyConfig : IEntityTypeConfiguration<PlanStrategy>
{
    public void Configure(EntityTypeBuilder<PlanStrategy> b)
    {
        b.HasIndex(x => new { x.PlanId, x.Position });
        b.Property(x => x.Description).HasMaxLength(SupportPlanRules.MaxStrategyText).IsRequired();
        b.Property(x => x.Who).HasMaxLength(SupportPlanRules.MaxShortText).IsRequired();
        b.Property(x => x.HowOften).HasMaxLength(SupportPlanRules.MaxShortText);
        b.HasOne<Strategy>().WithMany().HasForeignKey(x => x.StrategyId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class PlanReviewConfig : IEntityTypeConfiguration<PlanReview>
{
    public void Configure(EntityTypeBuilder<PlanReview> b)
    {
        b.HasIndex(x => x.PlanId).IsUnique();
        b.Property(x => x.WhatWeLearned).HasMaxLength(SupportPlanRules.MaxLongText).IsRequired();
        b.Property(x => x.PupilViews).HasMaxLength(SupportPlanRules.MaxLongText);
        b.Property(x => x.ParentViews).HasMaxLength(SupportPlanRules.MaxLongText);
        b.Property(x => x.RecordedBy).HasMaxLength(200).IsRequired();
    }
}

internal sealed class LearningPassportConfig : IEntityTypeConfiguration<LearningPassport>
{
    public void Configure(EntityTypeBuilder<LearningPassport> b)
    {
        b.ToTable("Passports");
        b.HasIndex(x => x.PupilId).IsUnique();
        b.HasIndex(x => new { x.SchoolId, x.LastReviewedOn });
        b.Property(x => x.AboutMe).HasMaxLength(PassportRules.MaxSection).IsRequired();
        b.Property(x => x.ImportantToMe).HasMaxLength(PassportRules.MaxSection).IsRequired();
        b.Property(x => x.HowToSupportMe).HasMaxLength(PassportRules.MaxSection).IsRequired();
        b.Property(x => x.KeyStrategies).HasMaxLength(PassportRules.MaxStrategies * (PassportRules.MaxStrategy + 1)).IsRequired();
        b.Property(x => x.KeptByName).HasMaxLength(200);
        b.Property(x => x.UpdatedBy).HasMaxLength(200).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Pupil).WithMany().HasForeignKey(x => x.PupilId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(x => x.KeyStrategyList);
        b.Ignore(x => x.Content);
    }
}

internal sealed class PassportPhotoConfig : IEntityTypeConfiguration<PassportPhoto>
{
    public void Configure(EntityTypeBuilder<PassportPhoto> b)
    {
        b.HasKey(x => x.PassportId);
        b.Property(x => x.ContentType).HasMaxLength(40).IsRequired();
        b.Property(x => x.UploadedBy).HasMaxLength(200).IsRequired();
        b.HasOne<LearningPassport>().WithOne().HasForeignKey<PassportPhoto>(x => x.PassportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PassportProposalConfig : IEntityTypeConfiguration<PassportProposal>
{
    public void Configure(EntityTypeBuilder<PassportProposal> b)
    {
        b.HasIndex(x => new { x.SchoolId, x.Status });
        b.HasIndex(x => x.PassportId);
        b.Property(x => x.AboutMe).HasMaxLength(PassportRules.MaxSection).IsRequired();
        b.Property(x => x.ImportantToMe).HasMaxLength(PassportRules.MaxSection).IsRequired();
        b.Property(x => x.HowToSupportMe).HasMaxLength(PassportRules.MaxSection).IsRequired();
        b.Property(x => x.KeyStrategies).HasMaxLength(PassportRules.MaxStrategies * (PassportRules.MaxStrategy + 1)).IsRequired();
        b.Property(x => x.Note).HasMaxLength(PassportRules.MaxNote);
        b.Property(x => x.DecisionNote).HasMaxLength(PassportRules.MaxNote);
        b.Property(x => x.ProposedBy).HasMaxLength(200).IsRequired();
        b.Property(x => x.DecidedBy).HasMaxLength(200);
        b.HasOne<LearningPassport>().WithMany().HasForeignKey(x => x.PassportId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(x => x.KeyStrategyList);
        b.Ignore(x => x.Content);
    }
}

internal sealed class PassportReadingConfig : IEntityTypeConfiguration<PassportReading>
{
    public void Configure(EntityTypeBuilder<PassportReading> b)
    {
        b.HasIndex(x => new { x.PassportId, x.UserId });
        b.Property(x => x.UserName).HasMaxLength(200).IsRequired();
        b.HasOne<LearningPassport>().WithMany().HasForeignKey(x => x.PassportId).OnDelete(DeleteBehavior.Cascade);
    }
}
