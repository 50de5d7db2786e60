using System.Globalization;
using System.Text.Json.Nodes;
using CdsHooks.Fhir.Model;
using CdsHooks.Fhir.Serialization;

namespace CdsHooks.Service.Demo;

/// <summary>
/// Describes the demo endpoint as a FHIR R4 CapabilityStatement: read and search-type, JSON only, and create, update and
/// delete of the writable order types when <c>Demo:AllowWrites</c> is on.
/// </summary>
internal static class CapabilityStatementWriter
{
    /// <summary>Builds the statement.</summary>
    /// <param name="baseUrl">The endpoint's absolute base.</param>
    /// <param name="today">The statement's date.</param>
    /// <param name="allowWrites">Whether the write path is mapped.</param>
    /// <returns>The CapabilityStatement (an <see cref="OtherResource"/>: the model does not map this type).</returns>
    public static Resource Write(string baseUrl, DateOnly today, bool allowWrites)
    {
        var resources = new JsonArray();
        foreach (var type in DemoSearchCatalog.Types)
        {
            DemoSearchCatalog.TryGet(type, out var definition);
            var parameters = new JsonArray();
            foreach (var parameter in definition!.Parameters.Values.OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                parameters.Add(new JsonObject
                {
                    ["name"] = parameter.Name,
                    ["type"] = parameter.FhirType,
                    ["documentation"] = parameter.Description,
                });
            }

            var sortable = definition.DateParameters.Select(p => p.Name).Order(StringComparer.Ordinal);
            resources.Add(new JsonObject
            {
                ["type"] = type,
                ["documentation"] = $"Synthetic demo data. _sort accepts {(definition.DefaultDate is null ? string.Empty : "date, ")}{string.Join(", ", sortable)} (prefix '-' for descending); _count pages through next links.",
                ["interaction"] = Interactions(allowWrites && DemoFhirWriteEndpoints.WritableTypes.Contains(type)),
                ["searchParam"] = parameters,
            });
        }

        var statement = new JsonObject
        {
            ["resourceType"] = "CapabilityStatement",
            ["status"] = "active",
            ["date"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["kind"] = "instance",
            ["implementation"] = new JsonObject
            {
                ["description"] = allowWrites
                    ? "Demo FHIR R4 endpoint over synthetic patients (no real patient data); orders may be written"
                    : "Read-only demo FHIR R4 endpoint over synthetic patients (no real patient data)",
                ["url"] = baseUrl,
            },
            ["fhirVersion"] = "4.0.1",
            ["format"] = new JsonArray("json", "application/fhir+json"),
            ["rest"] = new JsonArray(new JsonObject
            {
                ["mode"] = "server",
                ["resource"] = resources,
            }),
        };
        return FhirJson.DeserializeResource(System.Text.Encoding.UTF8.GetBytes(statement.ToJsonString()));
    }

    private static JsonArray Interactions(bool writable)
    {
        string[] codes = writable ? ["read", "search-type", "create", "update", "delete"] : ["read", "search-type"];
        return new JsonArray([.. codes.Select(code => (JsonNode)new JsonObject { ["code"] = code })]);
    }
}
