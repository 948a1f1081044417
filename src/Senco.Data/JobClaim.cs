using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Senco.Data;

/// <summary>
/// "This run of this job is mine": a row per scheduled run (job name + a key such as the school and the day). The key is
/// unique, so when several app instances share one database exactly one of them inserts it and does the work; the others
/// see the conflict and skip. A claim is released if the work fails, so a later tick can retry.
/// </summary>
public class JobClaim
{
    public long Id { get; set; }
    public string Job { get; set; } = "";
    public string RunKey { get; set; } = "";
    public string ClaimedBy { get; set; } = "";
    public DateTime ClaimedAt { get; set; }
}

internal sealed class JobClaimConfig : IEntityTypeConfiguration<JobClaim>
{
    public void Configure(EntityTypeBuilder<JobClaim> b)
    {
        b.Property(x => x.Job).HasMaxLength(80).IsRequired();
        b.Property(x => x.RunKey).HasMaxLength(200).IsRequired();
        b.Property(x => x.ClaimedBy).HasMaxLength(200).IsRequired();
        b.HasIndex(x => new { x.Job, x.RunKey }).IsUnique();
    }
}

public static class JobClaims
{
    /// Names this instance in claims (machine and process), for the operator reading the table.
    public static readonly string Instance = $"{Environment.MachineName}/{Environment.ProcessId}";

    /// Tries to claim one run; true when this instance won it. Uses its own short-lived save, independent of any
    /// pending changes in <paramref name="db"/>.
    public static async Task<JobClaim?> TryClaimAsync(this SencoDbContext db, string job, string runKey, CancellationToken ct = default)
    {
        // The common case (another instance already has it) answered by a read, so the log is not full of conflicts.
        if (await db.JobClaims.AnyAsync(c => c.Job == job && c.RunKey == runKey, ct)) return null;
        var claim = new JobClaim { Job = job, RunKey = runKey, ClaimedBy = Instance, ClaimedAt = DateTime.UtcNow };
        db.JobClaims.Add(claim);
        try
        {
            await db.SaveChangesAsync(ct);
            return claim;
        }
        catch (DbUpdateException)
        {
            db.Entry(claim).State = EntityState.Detached;
            return null;
        }
    }

    public static async Task ReleaseAsync(this SencoDbContext db, JobClaim claim, CancellationToken ct = default)
    {
        db.JobClaims.Remove(claim);
        await db.SaveChangesAsync(ct);
    }
}
