using Microsoft.Extensions.Options;

namespace CdsHooks.Service.Storage;

/// <summary>
/// Brings the schema up to date before the host serves, or, with <see cref="StorageOptions.MigrateOnStartup"/> off,
/// refuses to start on an outdated schema. Either way a database that cannot be reached stops the host.
/// </summary>
internal sealed partial class StorageInitializer(
    IStoreMigrator migrator,
    IOptions<StorageOptions> options,
    ILogger<StorageInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var provider = options.Value.Provider;
        if (options.Value.MigrateOnStartup)
        {
            int applied = await migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
            LogMigrated(logger, provider, applied, migrator.TargetVersion);
            return;
        }

        int current = await migrator.CurrentVersionAsync(cancellationToken).ConfigureAwait(false);
        if (current < migrator.TargetVersion)
        {
            throw new InvalidOperationException(
                $"The {provider} schema is at version {current}; this build needs version {migrator.TargetVersion}. "
                + "Run `dotnet CdsHooks.Service.dll migrate` with the same configuration, or set Storage:MigrateOnStartup to true.");
        }

        LogCurrent(logger, provider, current);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1150, Level = LogLevel.Information, Message = "Storage {Provider}: {Applied} migrations applied; schema at version {Version}")]
    private static partial void LogMigrated(ILogger logger, StorageProvider provider, int applied, int version);

    [LoggerMessage(EventId = 1151, Level = LogLevel.Information, Message = "Storage {Provider}: schema at version {Version}")]
    private static partial void LogCurrent(ILogger logger, StorageProvider provider, int version);
}
