using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Senco.Data;

namespace Senco.Web.Features.Shared;

/// /health is healthy only when the database answers, so a load balancer stops sending people to an instance
/// that cannot save their work. It asks the database a question through the same pooled connections requests use
/// (EF's CanConnect opens a new, unpooled SQLite connection every time: a file open per probe, most of the cost of
/// /health before).
public sealed class DatabaseHealthCheck(SencoDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await db.Database.ExecuteSqlRawAsync("SELECT 1", ct);
            return HealthCheckResult.Healthy("The database is reachable.");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.", ex);
        }
    }
}
