using Microsoft.Extensions.Diagnostics.HealthChecks;
using Senco.Data;

namespace Senco.Web.Features.Shared;

/// /health is healthy only when the database answers, so a load balancer stops sending people to an instance
/// that cannot save their work.
public sealed class DatabaseHealthCheck(SencoDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(ct)
                ? HealthCheckResult.Healthy("The database is reachable.")
                : HealthCheckResult.Unhealthy("The database cannot be reached.");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.", ex);
        }
    }
}
