using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Senco.Data;

// Signed-in sessions and the email outbox (issue 9, ASVS 2.2.3 and 3.3.4). Neither belongs to a school, so the
// tenancy filter does not apply; both are read only for the person signed in or by the sender.

internal sealed class UserSessionConfig : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(64);
        b.Property(x => x.IpAddress).HasMaxLength(64);
        b.Property(x => x.UserAgent).HasMaxLength(512);
        b.Property(x => x.Method).HasMaxLength(120).IsRequired();
        b.HasIndex(x => x.UserId);
        b.HasOne<SencoUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutgoingEmailConfig : IEntityTypeConfiguration<OutgoingEmail>
{
    public void Configure(EntityTypeBuilder<OutgoingEmail> b)
    {
        b.Property(x => x.ToAddress).HasMaxLength(320).IsRequired();
        b.Property(x => x.ToName).HasMaxLength(200).IsRequired();
        b.Property(x => x.Subject).HasMaxLength(300).IsRequired();
        b.Property(x => x.Body).HasMaxLength(8000).IsRequired();
        b.Property(x => x.Reason).HasMaxLength(80).IsRequired();
        b.Property(x => x.LastError).HasMaxLength(1000);
        b.HasIndex(x => new { x.SentAt, x.NextAttemptAt });
        b.HasIndex(x => x.UserId);
        b.HasOne<SencoUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}
