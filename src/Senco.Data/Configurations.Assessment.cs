using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Senco.Core.Model;

namespace Senco.Data;

internal sealed class AssessmentScaleConfig : IEntityTypeConfiguration<AssessmentScale>
{
    public void Configure(EntityTypeBuilder<AssessmentScale> b)
    {
        b.HasIndex(x => new { x.SchoolId, x.Name }).IsUnique();
        b.Property(x => x.Name).HasMaxLength(80).IsRequired();
        b.Property(x => x.Grades).HasMaxLength(2000).IsRequired();
        b.Property(x => x.ExpectedFrom).HasMaxLength(60);
        b.Property(x => x.CreatedBy).HasMaxLength(256).IsRequired();
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.GradeList);
    }
}

internal sealed class AssessmentResultConfig : IEntityTypeConfiguration<AssessmentResult>
{
    public void Configure(EntityTypeBuilder<AssessmentResult> b)
    {
        // Analysis reads one school's results of one measure; a pupil's page reads the pupil's.
        b.HasIndex(x => new { x.SchoolId, x.Measure, x.YearStart, x.Term });
        b.HasIndex(x => new { x.PupilId, x.YearStart, x.Term });
        b.Property(x => x.Subject).HasMaxLength(60).IsRequired();
        b.Property(x => x.Value).HasPrecision(8, 2);
        b.Property(x => x.Grade).HasMaxLength(60);
        b.Property(x => x.RecordedBy).HasMaxLength(256).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<School>().WithMany().HasForeignKey(x => x.SchoolId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Pupil).WithMany().HasForeignKey(x => x.PupilId).OnDelete(DeleteBehavior.Restrict);
        // A scale with results cannot be deleted (there is no delete); results keep their scale.
        b.HasOne(x => x.Scale).WithMany().HasForeignKey(x => x.ScaleId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.When);
    }
}
