using Microsoft.EntityFrameworkCore;
using Senco.Core.Model;

namespace Senco.Data;

// Provision delivered and the monitoring list (issue 11). Every set here is school-scoped, so the tenancy filter applies.
public abstract partial class SencoDbContext
{
    public DbSet<PlannedDose> PlannedDoses => Set<PlannedDose>();
    public DbSet<DeliverySession> DeliverySessions => Set<DeliverySession>();
    public DbSet<DeliverySettings> DeliverySettings => Set<DeliverySettings>();
    public DbSet<MonitoringConcern> MonitoringConcerns => Set<MonitoringConcern>();
    public DbSet<ConcernObservation> ConcernObservations => Set<ConcernObservation>();
}
