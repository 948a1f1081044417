using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Senco.Core.Model;

namespace Senco.Data;

// Leadership. A school has one information report per year; its sections go with it. Access arrangements cascade with
// the pupil, like every other pupil-owned record.

internal sealed class InformationReportConfig : IEntityTypeConfiguration<InformationReport>
{
    public void Configure(EntityTypeBuilder<InformationReport> b)
    {
        b.HasIndex(x => new { x.SchoolId, x.YearStart }).IsUnique();
        b.Property(x => x.ApprovedBy).HasMaxLength(200);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.Year);
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Sections).WithOne().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InformationReportSectionConfig : IEntityTypeConfiguration<InformationReportSection>
{
    public void Configure(EntityTypeBuilder<InformationReportSection> b)
    {
        b.HasIndex(x => new { x.ReportId, x.ItemKey }).IsUnique();
        b.Property(x => x.ItemKey).HasMaxLength(60).IsRequired();
        b.Property(x => x.Text).HasMaxLength(20000).IsRequired();
        b.Property(x => x.UpdatedBy).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class ExamAccessArrangementConfig : IEntityTypeConfiguration<ExamAccessArrangement>
{
    public void Configure(EntityTypeBuilder<ExamAccessArrangement> b)
    {
        b.HasIndex(x => new { x.SchoolId, x.Kind });
        b.HasIndex(x => x.PupilId);
        b.Property(x => x.Details).HasMaxLength(500);
        b.Property(x => x.Assessor).HasMaxLength(120);
        b.Property(x => x.Score1Area).HasMaxLength(80);
        b.Property(x => x.Score2Area).HasMaxLength(80);
        b.Property(x => x.Score3Area).HasMaxLength(80);
        b.Property(x => x.NormalWayOfWorking).HasMaxLength(2000);
        b.Property(x => x.RecordedBy).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.ExpiresOn);
        b.Ignore(x => x.Scores);
        b.HasOne(x => x.Pupil).WithMany().HasForeignKey(x => x.PupilId).OnDelete(DeleteBehavior.Cascade);
    }
}
