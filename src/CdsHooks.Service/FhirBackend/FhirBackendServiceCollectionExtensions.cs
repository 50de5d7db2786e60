using CdsHooks.Clinical.Prefetch;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CdsHooks.Service.FhirBackend;

/// <summary>Replaces the default "no token" source with MSAL client credentials when the site enables it.</summary>
internal static class FhirBackendServiceCollectionExtensions
{
    public static IServiceCollection AddFhirBackendCredentials(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(FhirBackendOptions.SectionName);
        services.AddOptions<FhirBackendOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FhirBackendOptions>, FhirBackendOptionsValidator>());
        if (section.GetValue<bool>(nameof(FhirBackendOptions.Enabled)))
        {
            services.AddHttpClient(MsalFhirTokenSource.HttpClientName);
            services.RemoveAll<IFhirTokenSource>();
            services.AddSingleton<IFhirTokenSource, MsalFhirTokenSource>();
        }

        return services;
    }
}
