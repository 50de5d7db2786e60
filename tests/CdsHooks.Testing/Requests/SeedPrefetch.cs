using System.Text.Json.Nodes;
using CdsHooks.Testing.Seeds;

namespace CdsHooks.Testing.Requests;

/// <summary>
/// A demo patient's data arranged as the services' prefetch: the Patient under <c>patient</c>, and one searchset
/// Bundle per resource type under the discovery keys, as an EHR would send it.
/// </summary>
public static class SeedPrefetch
{
    /// <summary>The discovery prefetch keys and the resource type each supplies.</summary>
    public static readonly IReadOnlyDictionary<string, string> SearchKeys = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["conditions"] = "Condition",
        ["medicationStatements"] = "MedicationStatement",
        ["medicationRequests"] = "MedicationRequest",
        ["observations"] = "Observation",
        ["procedures"] = "Procedure",
    };

    /// <summary>The prefetch values of a demo patient, read from its bundle as written.</summary>
    public static IEnumerable<(string Key, JsonNode Value)> For(SeedPatient seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        var resources = Resources(seed);
        yield return ("patient", resources.Single(r => Type(r) == "Patient"));
        foreach (var (key, type) in SearchKeys)
        {
            yield return (key, SearchSet(resources.Where(r => Type(r) == type)));
        }
    }

    /// <summary>Every resource of a demo patient's bundle, as JSON nodes (copies).</summary>
    public static List<JsonNode> Resources(SeedPatient seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        var bundle = JsonNode.Parse(seed.BundleJson)!;
        return bundle["entry"]!.AsArray().Select(e => e!["resource"]!.DeepClone()).ToList();
    }

    /// <summary>A searchset Bundle holding the given resources.</summary>
    public static JsonObject SearchSet(IEnumerable<JsonNode> resources, string? nextLink = null)
    {
        var entries = resources.Select(r => (JsonNode)new JsonObject
        {
            ["fullUrl"] = $"urn:uuid:{Guid.NewGuid()}",
            ["resource"] = r.DeepClone(),
            ["search"] = new JsonObject { ["mode"] = "match" },
        }).ToArray();
        var bundle = new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["type"] = "searchset",
            ["total"] = entries.Length,
        };
        if (nextLink is not null)
        {
            bundle["link"] = new JsonArray(new JsonObject { ["relation"] = "next", ["url"] = nextLink });
        }

        bundle["entry"] = new JsonArray(entries);
        return bundle;
    }

    /// <summary>The resourceType of a resource node.</summary>
    public static string? Type(JsonNode resource) => resource["resourceType"]?.GetValue<string>();
}
