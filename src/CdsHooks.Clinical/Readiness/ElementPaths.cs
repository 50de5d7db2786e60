using System.Text.Json;

namespace CdsHooks.Clinical.Readiness;

/// <summary>
/// Whether a resource's JSON carries an element named as in <see cref="Conformance.DataNeed.Elements"/>:
/// <c>MedicationStatement.statusReason</c>, <c>Observation.effective[x]</c>, <c>Observation.component.valueCodeableConcept</c>;
/// a trailing note in parentheses is ignored.
/// </summary>
internal static class ElementPaths
{
    public static bool AppliesTo(string element, string resourceType) =>
        element.StartsWith(resourceType + ".", StringComparison.Ordinal);

    public static bool IsPresent(JsonElement resource, string element)
    {
        string path = element.Split(' ')[0];
        var segments = path.Split('.').Skip(1).ToArray();
        return Present(resource, segments, 0);
    }

    private static bool Present(JsonElement node, string[] segments, int index)
    {
        if (index == segments.Length)
        {
            return node.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);
        }

        if (node.ValueKind == JsonValueKind.Array)
        {
            return node.EnumerateArray().Any(item => Present(item, segments, index));
        }

        if (node.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        string segment = segments[index];
        if (segment.EndsWith("[x]", StringComparison.Ordinal))
        {
            string stem = segment[..^3];
            return node.EnumerateObject().Any(p => p.Name.Length > stem.Length && p.Name.StartsWith(stem, StringComparison.Ordinal)
                && char.IsAsciiLetterUpper(p.Name[stem.Length]) && Present(p.Value, segments, index + 1));
        }

        return node.TryGetProperty(segment, out var child) && Present(child, segments, index + 1);
    }
}
