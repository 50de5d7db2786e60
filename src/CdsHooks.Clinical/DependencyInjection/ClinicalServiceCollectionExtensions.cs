using CdsHooks.Clinical.Conformance;
using CdsHooks.Clinical.Evaluation;
using CdsHooks.Clinical.Invocation;
using CdsHooks.Clinical.Prefetch;
using CdsHooks.Clinical.Services;
using CdsHooks.Fhir.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CdsHooks.Clinical.DependencyInjection;

/// <summary>Registers the refractory-disease engine.</summary>
public static class ClinicalServiceCollectionExtensions
{
    /// <summary>
    /// Adds the service catalog, prefetch resolution, the engine, their options and the knowledge base. Packs and
    /// profiles load and validate at startup: a bad pack stops the host with a message naming the file, line and rule.
    /// Prefetch resolution needs the FHIR client (<c>AddFhir</c> in CdsHooks.Fhir).
    /// </summary>
    public static IServiceCollection AddClinical(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ClinicalOptions>()
            .Bind(configuration.GetSection(ClinicalOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<PrefetchOptions>()
            .Bind(configuration.GetSection(PrefetchOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddTimeProvider();
        services.AddSingleton<CdsServiceCatalog>();
        services.TryAddSingleton<IFhirTokenSource, NoFhirTokenSource>();
        // Per request: the resolver uses the typed FHIR HttpClient, whose handlers the HttpClient factory rotates.
        services.AddScoped<PrefetchResolver>();
        services.AddScoped<CdsServiceInvoker>();
        services.AddSingleton(sp => KnowledgeBase.Load(sp.GetRequiredService<IOptions<ClinicalOptions>>().Value));
        services.AddSingleton<IRefractoryEngine, RefractoryEngine>();
        services.AddSingleton<ResourceRelevance>();
        services.AddSingleton<Explanation.AssessmentExplainer>();
        services.AddConformance(configuration);
        services.AddHostedService<KnowledgeBaseWarmup>();
        return services;
    }

    // The profile validator over the conformance package in Clinical:ProfilesDirectory, its binding checks answered by
    // the loaded terminology, and the check of incoming data (Conformance:IncomingData).
    private static void AddConformance(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConformanceOptions>()
            .Bind(configuration.GetSection(ConformanceOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => ConformancePackage.LoadDirectory(sp.GetRequiredService<IOptions<ClinicalOptions>>().Value.ProfilesDirectory));
        services.AddSingleton<IResourceValidator>(sp => new ProfileValidator(
            sp.GetRequiredService<ConformancePackage>(), new TerminologyMembership(sp.GetRequiredService<KnowledgeBase>().Terminology)));
        services.AddSingleton<IncomingDataCheck>();
        services.AddSingleton<Readiness.ReadinessAnalyzer>();
        services.AddScoped<Readiness.ReadinessService>();
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }

    /// <summary>Loads the knowledge base while the host starts, so a bad pack fails startup, not the first request.</summary>
    private sealed class KnowledgeBaseWarmup(KnowledgeBase knowledge, IncomingDataCheck conformance) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        // The constructor parameter forces construction; keep a reference so the intent is visible.
        public KnowledgeBase Knowledge { get; } = knowledge;

        // Likewise the conformance package and its validator: a bad profile fails startup.
        public IncomingDataCheck Conformance { get; } = conformance;
    }
}
