using CdsHooks.Service.Audit;
using CdsHooks.Service.Feedback;
using CdsHooks.Service.Security;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CdsHooks.Service.Storage;

/// <summary>Registers the stores (feedback, JWT replay cache, audit trail) of the configured provider and their schema migration.</summary>
internal static class StorageServiceCollectionExtensions
{
    public const string ReadinessTag = "ready";

    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(StorageOptions.SectionName);
        services.AddOptions<StorageOptions>()
            .Bind(section)
            .PostConfigure(options =>
            {
                // Before the Storage section existed, the SQLite path was Feedback:SqlitePath.
                if (section[nameof(StorageOptions.SqlitePath)] is null && configuration["Feedback:SqlitePath"] is { Length: > 0 } legacy)
                {
                    options.SqlitePath = legacy;
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        var provider = section.GetValue<StorageProvider?>(nameof(StorageOptions.Provider)) ?? StorageProvider.Sqlite;
        if (provider == StorageProvider.PostgreSql)
        {
            services.AddSingleton(sp => NpgsqlDataSource.Create(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString!));
            services.AddSingleton<IStoreMigrator, PostgresMigrator>();
            services.AddSingleton<IFeedbackStore, PostgresFeedbackStore>();
            services.AddSingleton<IReplayCache, PostgresReplayCache>();
            services.AddSingleton<IAuditStore, PostgresAuditStore>();
        }
        else
        {
            services.AddSingleton<SqliteDatabase>();
            services.AddSingleton<IStoreMigrator, SqliteMigrator>();
            services.AddSingleton<IFeedbackStore, SqliteFeedbackStore>();
            services.AddSingleton<IReplayCache, SqliteReplayCache>();
            services.AddSingleton<IAuditStore, SqliteAuditStore>();
        }

        services.AddSingleton<IAuditTrail, BufferedAuditTrail>();
        services.AddHostedService<StorageInitializer>();
        services.AddHostedService<ReplayCacheCleaner>();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: [ReadinessTag]);
        return services;
    }
}
