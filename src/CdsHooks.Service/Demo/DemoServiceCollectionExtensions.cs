using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CdsHooks.Service.Demo;

/// <summary>Registers the demo FHIR endpoint's services; pair with <see cref="DemoFhirEndpoints.MapDemoFhir"/>.</summary>
internal static class DemoServiceCollectionExtensions
{
    /// <summary>Adds <see cref="DemoOptions"/> (validated on start), the loader, the store and its startup load.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration holding the <c>Demo</c> section.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddDemoFhir(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DemoOptions>()
            .Bind(configuration.GetSection(DemoOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DemoOptions>, DemoOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DemoFhirLoader>();
        services.TryAddSingleton(sp => sp.GetRequiredService<DemoFhirLoader>().Load());
        services.AddHostedService<DemoFhirStartup>();
        return services;
    }
}
