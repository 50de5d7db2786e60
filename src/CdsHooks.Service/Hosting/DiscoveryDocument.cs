using System.Text.Json;
using System.Text.Json.Nodes;
using CdsHooks.Clinical.Evaluation;
using CdsHooks.Clinical.Services;
using CdsHooks.Protocol.Discovery;

namespace CdsHooks.Service.Hosting;

/// <summary>
/// The discovery response, built once at startup from the service catalog and the knowledge packs loaded. Each
/// service's <c>extension</c> names the packs (id, version, title) under <c>org.refractorycds.packs</c>, so an
/// integration team can see which knowledge a deployment runs.
/// </summary>
internal sealed class DiscoveryDocument(CdsServiceCatalog catalog, KnowledgeBase knowledge)
{
    /// <summary>The extension key listing the knowledge packs.</summary>
    public const string PacksExtensionKey = "org.refractorycds.packs";

    /// <summary>The CDS Hooks version implemented, advertised as <c>version</c> (3.0).</summary>
    public const string SpecificationVersion = "2.0.1";

    private const string UsageRequirements =
        "Send the prefetch keys, or a fhirServer (with fhirAuthorization where the server needs it) from which the service can read "
        + "the patient's Patient, Condition, MedicationStatement, MedicationRequest, Observation and Procedure resources.";

    public DiscoveryResponse Response { get; } = Build(catalog, knowledge);

    private static DiscoveryResponse Build(CdsServiceCatalog catalog, KnowledgeBase knowledge)
    {
        var packs = new JsonArray(knowledge.Packs
            .Select(p => (JsonNode)new JsonObject { ["id"] = p.Pack.Id, ["version"] = p.Pack.Version, ["title"] = p.Pack.Title })
            .ToArray());
        JsonElement extension = JsonSerializer.SerializeToElement(new JsonObject { [PacksExtensionKey] = packs }, HostJsonContext.Default.JsonObject);
        return new DiscoveryResponse
        {
            Services = catalog.Services.Select(s => new CdsServiceDescriptor
            {
                Hook = s.Hook,
                Title = s.Title,
                Description = s.Description,
                Id = s.Id,
                Prefetch = s.Prefetch.ToDictionary(k => k.Key, k => k.Template, StringComparer.Ordinal),
                UsageRequirements = UsageRequirements,
                Version = SpecificationVersion,
                HookVersion = s.HookVersion,
                Extension = extension,
            }).ToList(),
        };
    }
}
