using CellTherapyCenter.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CellTherapyCenter.Web.Infrastructure;

/// <summary>/health is healthy once the registry database answers.</summary>
public sealed class DatabaseHealthCheck(RegistryDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The registry database does not answer.");
}
