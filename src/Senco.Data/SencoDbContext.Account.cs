using Microsoft.EntityFrameworkCore;

namespace Senco.Data;

// Account security (issue 9): signed-in sessions and the email outbox. Not school-scoped.
public abstract partial class SencoDbContext
{
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<OutgoingEmail> OutgoingEmails => Set<OutgoingEmail>();
}
