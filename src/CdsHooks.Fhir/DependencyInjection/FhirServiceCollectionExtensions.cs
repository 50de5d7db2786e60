using CdsHooks.Fhir.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CdsHooks.Fhir.DependencyInjection;

/// <summary>Registers the FHIR REST client and its options.</summary>
public static class FhirServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="FhirClientOptions"/> from <c>Fhir:Client</c> (validated at startup), registers
    /// <see cref="FhirRestClient"/> as a typed <see cref="HttpClient"/>, and <see cref="TimeProvider.System"/>
    /// unless a <see cref="TimeProvider"/> is already registered.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration holding the <c>Fhir:Client</c> section.</param>
    /// <returns>The service collection, for chaining. (Further handler set-up: <c>services.AddHttpClient&lt;FhirRestClient&gt;()</c>.)</returns>
    public static IServiceCollection AddFhir(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<FhirClientOptions>()
            .Bind(configuration.GetSection(FhirClientOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<FhirRequestPipeline>();

        // The resilience pipeline owns timeouts per attempt; HttpClient's own 100 s default would cut across it.
        // The factory's own request logging writes the URL, and a FHIR query names the patient; FhirRestLog logs safe fields.
        services.AddHttpClient<FhirRestClient>(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // A redirect could lead away from fhirServer; the client only follows links it has checked.
                AllowAutoRedirect = false,
                // FHIR searches compress well, and every FHIR server we talk to may send gzip.
                AutomaticDecompression = System.Net.DecompressionMethods.GZip | System.Net.DecompressionMethods.Deflate | System.Net.DecompressionMethods.Brotli,
            });
        return services;
    }
}
