using CdsHooks.Clinical;
using CdsHooks.Clinical.DependencyInjection;
using CdsHooks.Fhir.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CdsHooks.Cli;

/// <summary>
/// The same engine, terminology, validator and FHIR client the service runs, built from the tool's options: the
/// knowledge packs and conformance package beside the binaries unless <c>--knowledge</c>/<c>--profiles</c> say otherwise.
/// </summary>
internal static class CliServices
{
    public static ServiceProvider Build(string? knowledgeDirectory, string? profilesDirectory)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [$"{ClinicalOptions.SectionName}:{nameof(ClinicalOptions.KnowledgeDirectory)}"] = knowledgeDirectory ?? ClinicalOptions.DefaultKnowledgeDirectory,
            [$"{ClinicalOptions.SectionName}:{nameof(ClinicalOptions.ProfilesDirectory)}"] = profilesDirectory ?? ClinicalOptions.DefaultProfilesDirectory,
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFhir(configuration);
        services.AddClinical(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}
