using Senco.Core.Model;

namespace Senco.Data;

/// Writes audit entries. Call sites add the entry to the same SaveChanges as the change it records, so a change
/// is never saved without its audit entry (nor the reverse).
public static class AuditExtensions
{
    public static AuditEntry Audit(this SencoDbContext db, AuditActor actor, string action, string summary, int? schoolId = null, Guid? pupilId = null)
    {
        var entry = new AuditEntry
        {
            At = DateTime.UtcNow,
            UserId = actor.UserId,
            UserName = actor.Name,
            IpAddress = actor.IpAddress,
            SchoolId = schoolId,
            PupilId = pupilId,
            Action = action,
            Summary = summary.Length > 4000 ? summary[..4000] : summary,
        };
        db.AuditEntries.Add(entry);
        return entry;
    }
}

public sealed record AuditActor(Guid? UserId, string Name, string? IpAddress)
{
    public static readonly AuditActor System = new(null, "Senco (system)", null);
}
