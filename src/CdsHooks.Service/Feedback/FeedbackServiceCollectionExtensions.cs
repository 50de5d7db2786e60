namespace CdsHooks.Service.Feedback;

/// <summary>Registers the feedback store and creates its schema at startup.</summary>
internal static class FeedbackServiceCollectionExtensions
{
    public static IServiceCollection AddFeedbackStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FeedbackOptions>()
            .Bind(configuration.GetSection(FeedbackOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IFeedbackStore, SqliteFeedbackStore>();
        services.AddHostedService<FeedbackStoreInitializer>();
        return services;
    }

    private sealed class FeedbackStoreInitializer(IFeedbackStore store) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
