using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Senco.Core.Model;

namespace Senco.Data;

// Team around the child. Pupil-owned rows cascade with the pupil; rows pointing at a referral, meeting or note
// cascade with it, so removing a record never leaves an orphaned file behind.

internal sealed class AgencyConfig : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> b)
    {
        b.HasIndex(x => new { x.SchoolId, x.Name });
        b.Property(x => x.Name).HasMaxLength(120).IsRequired();
        b.Property(x => x.ContactName).HasMaxLength(120);
        b.Property(x => x.Phone).HasMaxLength(40);
        b.Property(x => x.Email).HasMaxLength(200);
        b.Property(x => x.Address).HasMaxLength(500);
        b.Property(x => x.Notes).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReferralConfig : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> b)
    {
        b.HasIndex(x => new { x.SchoolId, x.Status });
        b.HasIndex(x => x.PupilId);
        b.HasIndex(x => x.AgencyId);
        b.Property(x => x.Reason).HasMaxLength(4000).IsRequired();
        b.Property(x => x.Outcome).HasMaxLength(4000);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Pupil>().WithMany().HasForeignKey(x => x.PupilId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Agency).WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Consent).WithMany().HasForeignKey(x => x.ConsentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PupilContactConfig : IEntityTypeConfiguration<PupilContact>
{
    public void Configure(EntityTypeBuilder<PupilContact> b)
    {
        b.HasIndex(x => x.PupilId);
        b.Property(x => x.Name).HasMaxLength(120).IsRequired();
        b.Property(x => x.Relationship).HasMaxLength(60).IsRequired();
        b.Property(x => x.Phone).HasMaxLength(40);
        b.Property(x => x.Email).HasMaxLength(200);
        b.Property(x => x.Notes).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Pupil>().WithMany().HasForeignKey(x => x.PupilId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommunicationEntryConfig : IEntityTypeConfiguration<CommunicationEntry>
{
    public void Configure(EntityTypeBuilder<CommunicationEntry> b)
    {
        b.HasIndex(x => new { x.PupilId, x.On });
        b.Property(x => x.With).HasMaxLength(120).IsRequired();
        b.Property(x => x.Summary).HasMaxLength(4000).IsRequired();
        b.Property(x => x.RecordedBy).HasMaxLength(200);
        b.HasOne<Pupil>().WithMany().HasForeignKey(x => x.PupilId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConsentRecordConfig : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> b)
    {
        b.HasIndex(x => x.PupilId);
        b.Property(x => x.Purpose).HasMaxLength(200).IsRequired();
        b.Property(x => x.GivenBy).HasMaxLength(120).IsRequired();
        b.Property(x => x.Notes).HasMaxLength(2000);
        b.Property(x => x.RecordedBy).HasMaxLength(200);
        b.Ignore(x => x.InPlace);
        b.HasOne<Pupil>().WithMany().HasForeignKey(x => x.PupilId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingConfig : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.HasIndex(x => new { x.SchoolId, x.StartsAt });
        b.HasIndex(x => x.PupilId);
        b.Property(x => x.Title).HasMaxLength(200).IsRequired();
        // The school's wall-clock time ("15:30 on Tuesday"), not an instant: kept exactly as entered on both
        // databases (PostgreSQL's timestamp column takes it as UTC-kind; it is read back unspecified).
        b.Property(x => x.StartsAt).HasConversion(v => DateTime.SpecifyKind(v, DateTimeKind.Utc), v => DateTime.SpecifyKind(v, DateTimeKind.Unspecified));
        b.Property(x => x.Location).HasMaxLength(200);
        b.Property(x => x.Invited).HasMaxLength(4000);
        b.Property(x => x.Attendees).HasMaxLength(4000);
        b.Property(x => x.Notes).HasMaxLength(8000);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Pupil>().WithMany().HasForeignKey(x => x.PupilId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Actions).WithOne(x => x.Meeting).HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingActionConfig : IEntityTypeConfiguration<MeetingAction>
{
    public void Configure(EntityTypeBuilder<MeetingAction> b)
    {
        b.HasIndex(x => new { x.OwnerUserId, x.DoneOn });
        b.Property(x => x.Description).HasMaxLength(1000).IsRequired();
        b.Property(x => x.OwnerName).HasMaxLength(200);
        b.HasOne<SencoUser>().WithMany().HasForeignKey(x => x.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PupilVoiceConfig : IEntityTypeConfiguration<PupilVoice>
{
    public void Configure(EntityTypeBuilder<PupilVoice> b)
    {
        b.HasIndex(x => new { x.PupilId, x.On });
        b.Property(x => x.Words).HasMaxLength(4000).IsRequired();
        b.Property(x => x.CapturedBy).HasMaxLength(120).IsRequired();
        b.Property(x => x.How).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Pupil>().WithMany().HasForeignKey(x => x.PupilId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SafeguardingFlagsConfig : IEntityTypeConfiguration<SafeguardingFlags>
{
    public void Configure(EntityTypeBuilder<SafeguardingFlags> b)
    {
        b.HasIndex(x => x.PupilId).IsUnique();
        b.Property(x => x.VirtualSchoolContact).HasMaxLength(200);
        b.Property(x => x.DesignatedTeacher).HasMaxLength(200);
        b.Property(x => x.UpdatedBy).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Pupil>().WithMany().HasForeignKey(x => x.PupilId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RestrictedNoteConfig : IEntityTypeConfiguration<RestrictedNote>
{
    public void Configure(EntityTypeBuilder<RestrictedNote> b)
    {
        b.HasIndex(x => x.PupilId);
        b.Property(x => x.Title).HasMaxLength(200).IsRequired();
        b.Property(x => x.Text).HasMaxLength(8000).IsRequired();
        b.Property(x => x.WrittenBy).HasMaxLength(200);
        b.HasOne<Pupil>().WithMany().HasForeignKey(x => x.PupilId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EarlyHelpPlanConfig : IEntityTypeConfiguration<EarlyHelpPlan>
{
    public void Configure(EntityTypeBuilder<EarlyHelpPlan> b)
    {
        b.HasIndex(x => x.PupilId);
        b.Property(x => x.LeadProfessional).HasMaxLength(120).IsRequired();
        b.Property(x => x.Needs).HasMaxLength(4000).IsRequired();
        b.Property(x => x.Outcomes).HasMaxLength(4000).IsRequired();
        b.HasOne<Pupil>().WithMany().HasForeignKey(x => x.PupilId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Reviews).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EarlyHelpReviewConfig : IEntityTypeConfiguration<EarlyHelpReview>
{
    public void Configure(EntityTypeBuilder<EarlyHelpReview> b)
    {
        b.Property(x => x.Progress).HasMaxLength(4000).IsRequired();
        b.Property(x => x.RecordedBy).HasMaxLength(200);
    }
}

internal sealed class TeamDocumentConfig : IEntityTypeConfiguration<TeamDocument>
{
    public void Configure(EntityTypeBuilder<TeamDocument> b)
    {
        b.HasIndex(x => x.PupilId);
        b.HasIndex(x => x.ReferralId);
        b.HasIndex(x => x.MeetingId);
        b.HasIndex(x => x.RestrictedNoteId);
        b.Property(x => x.FileName).HasMaxLength(120).IsRequired();
        b.Property(x => x.ContentType).HasMaxLength(100).IsRequired();
        b.Property(x => x.Description).HasMaxLength(200);
        b.Property(x => x.UploadedBy).HasMaxLength(200);
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Pupil>().WithMany().HasForeignKey(x => x.PupilId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Referral>().WithMany().HasForeignKey(x => x.ReferralId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<RestrictedNote>().WithMany().HasForeignKey(x => x.RestrictedNoteId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TeamDocumentContentConfig : IEntityTypeConfiguration<TeamDocumentContent>
{
    public void Configure(EntityTypeBuilder<TeamDocumentContent> b)
    {
        b.HasKey(x => x.DocumentId);
        b.HasOne<TeamDocument>().WithOne().HasForeignKey<TeamDocumentContent>(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TeamSettingsConfig : IEntityTypeConfiguration<TeamSettings>
{
    public void Configure(EntityTypeBuilder<TeamSettings> b)
    {
        b.HasIndex(x => x.SchoolId).IsUnique();
        b.Property(x => x.RestrictedNoteRoles).HasMaxLength(400);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TrainingRecordConfig : IEntityTypeConfiguration<TrainingRecord>
{
    public void Configure(EntityTypeBuilder<TrainingRecord> b)
    {
        b.HasIndex(x => new { x.SchoolId, x.CompletedOn });
        b.Property(x => x.Title).HasMaxLength(200).IsRequired();
        b.Property(x => x.Provider).HasMaxLength(120);
        b.Property(x => x.Hours).HasPrecision(6, 2);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.StaffMember).WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TrainingNeedConfig : IEntityTypeConfiguration<TrainingNeed>
{
    public void Configure(EntityTypeBuilder<TrainingNeed> b)
    {
        b.Property(x => x.Area).HasMaxLength(200).IsRequired();
        b.Property(x => x.Reason).HasMaxLength(2000).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.StaffMember).WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        // Deleting a training record leaves the need met, without the link (the need's history is kept).
        b.HasOne(x => x.MetByTraining).WithMany().HasForeignKey(x => x.MetByTrainingId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class InsetSessionConfig : IEntityTypeConfiguration<InsetSession>
{
    public void Configure(EntityTypeBuilder<InsetSession> b)
    {
        b.HasIndex(x => new { x.SchoolId, x.On });
        b.Property(x => x.Title).HasMaxLength(200).IsRequired();
        b.Property(x => x.LedBy).HasMaxLength(120).IsRequired();
        b.Property(x => x.Attendees).HasMaxLength(4000).IsRequired();
        b.Property(x => x.Evaluation).HasMaxLength(4000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AppraisalObjectiveConfig : IEntityTypeConfiguration<AppraisalObjective>
{
    public void Configure(EntityTypeBuilder<AppraisalObjective> b)
    {
        b.HasIndex(x => x.StaffMemberId);
        b.Property(x => x.AcademicYear).HasMaxLength(7).IsRequired();
        b.Property(x => x.Objective).HasMaxLength(2000).IsRequired();
        b.Property(x => x.SuccessCriteria).HasMaxLength(2000);
        b.Property(x => x.ReviewNotes).HasMaxLength(4000);
        b.Property(x => x.SetBy).HasMaxLength(200);
        b.HasOne(x => x.StaffMember).WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
