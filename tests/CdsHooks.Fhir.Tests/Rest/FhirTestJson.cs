using System.Text.Json.Nodes;

namespace CdsHooks.Fhir.Tests.Rest;

/// <summary>Small synthetic FHIR JSON documents for the REST tests.</summary>
internal static class FhirTestJson
{
    public static string Condition(string id, string patientId = "pat-4711")
        => $$"""{ "resourceType": "Condition", "id": "{{id}}", "subject": { "reference": "Patient/{{patientId}}" } }""";

    public static string Patient(string id)
        => $$"""{ "resourceType": "Patient", "id": "{{id}}", "name": [ { "family": "Testperson" } ], "birthDate": "1970-01-01" }""";

    /// <summary>A searchset Bundle with the given entry resources (raw JSON), an optional next link, total and outcome entries (first).</summary>
    public static string SearchSet(IEnumerable<string> resources, string? next = null, int? total = null, IEnumerable<string>? outcomes = null)
    {
        var bundle = new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["type"] = "searchset",
        };
        if (total is not null)
        {
            bundle["total"] = total;
        }

        if (next is not null)
        {
            bundle["link"] = new JsonArray(new JsonObject { ["relation"] = "next", ["url"] = next });
        }

        bundle["entry"] = new JsonArray([
            .. (outcomes ?? []).Select(r => Entry(r, "outcome")),
            .. resources.Select(r => Entry(r, "match")),
        ]);
        return bundle.ToJsonString();
    }

    private static JsonObject Entry(string resource, string mode) => new()
    {
        ["resource"] = JsonNode.Parse(resource),
        ["search"] = new JsonObject { ["mode"] = mode },
    };
}
