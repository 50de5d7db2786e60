using System.Text.Json;

namespace CdsHooks.Fhir.Validation;

/// <summary>FHIR pattern semantics: every member of the pattern is in the value; each pattern array item matches some item.</summary>
internal static class JsonPattern
{
    public static bool Contains(JsonElement value, JsonElement pattern)
    {
        switch (pattern.ValueKind)
        {
            case JsonValueKind.Object:
                if (value.ValueKind != JsonValueKind.Object)
                {
                    return false;
                }

                foreach (var property in pattern.EnumerateObject())
                {
                    if (!value.TryGetProperty(property.Name, out var member) || !Contains(member, property.Value))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Array:
                return value.ValueKind == JsonValueKind.Array
                    && pattern.EnumerateArray().All(p => value.EnumerateArray().Any(v => Contains(v, p)));
            default:
                return JsonElement.DeepEquals(value, pattern);
        }
    }
}
