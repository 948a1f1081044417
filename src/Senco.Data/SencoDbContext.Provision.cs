using Microsoft.EntityFrameworkCore;
using Senco.Core.Model;

namespace Senco.Data;

// Provision map and interventions (issue 4). Every set here is school-scoped, so the tenancy filter applies.
public abstract partial class SencoDbContext
{
    public DbSet<ProvisionOffer> ProvisionOffers => Set<ProvisionOffer>();
    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();
    public DbSet<InterventionGroup> InterventionGroups => Set<InterventionGroup>();
    public DbSet<InterventionSlot> InterventionSlots => Set<InterventionSlot>();
    public DbSet<GroupPupil> GroupPupils => Set<GroupPupil>();
    public DbSet<InterventionSession> InterventionSessions => Set<InterventionSession>();
    public DbSet<SessionAttendance> SessionAttendance => Set<SessionAttendance>();
    public DbSet<StaffTimetableEntry> StaffTimetableEntries => Set<StaffTimetableEntry>();
    public DbSet<SenBudget> SenBudgets => Set<SenBudget>();
    public DbSet<TopUpFunding> TopUpFunding => Set<TopUpFunding>();
}
