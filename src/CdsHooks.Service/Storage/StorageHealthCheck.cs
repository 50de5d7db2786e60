using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CdsHooks.Service.Storage;

/// <summary>Readiness: the database answers and its schema is the one this build needs.</summary>
internal sealed class StorageHealthCheck(IStoreMigrator migrator) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            int version = await migrator.CurrentVersionAsync(cancellationToken).ConfigureAwait(false);
            return version >= migrator.TargetVersion
                ? HealthCheckResult.Healthy($"schema version {version}")
                : HealthCheckResult.Unhealthy($"schema version {version}, needs {migrator.TargetVersion}");
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or TimeoutException or IOException or InvalidOperationException)
        {
            // The exception text can carry host names or connection details; the description stays generic.
            return HealthCheckResult.Unhealthy("the database cannot be reached", ex);
        }
    }
}
