using System.Globalization;
using System.Text.Json;

namespace CdsHooks.Testing;

/// <summary>
/// Semantic JSON comparison for CDS Hooks messages: both sides are parsed and compared deeply (object key order and
/// whitespace ignored, numbers compared by value), and a failure names the first differing JSON path.
/// </summary>
public static class CdsJsonAssert
{
    /// <summary>Throws <see cref="CdsJsonMismatchException"/> unless the two JSON texts are semantically equal.</summary>
    /// <param name="expectedJson">The expected JSON.</param>
    /// <param name="actualJson">The actual JSON.</param>
    public static void Equal(string expectedJson, string actualJson)
    {
        using JsonDocument expected = JsonDocument.Parse(expectedJson);
        using JsonDocument actual = JsonDocument.Parse(actualJson);
        Equal(expected.RootElement, actual.RootElement);
    }

    /// <summary>Throws <see cref="CdsJsonMismatchException"/> unless the two elements are semantically equal.</summary>
    /// <param name="expected">The expected element.</param>
    /// <param name="actual">The actual element.</param>
    public static void Equal(JsonElement expected, JsonElement actual)
    {
        string? difference = FirstDifference(expected, actual);
        if (difference is not null)
        {
            throw new CdsJsonMismatchException(difference);
        }
    }

    /// <summary>Describes the first difference between two elements, or returns <c>null</c> when they are equal.</summary>
    /// <param name="expected">The expected element.</param>
    /// <param name="actual">The actual element.</param>
    /// <returns>A message naming the first differing path, or <c>null</c>.</returns>
    public static string? FirstDifference(JsonElement expected, JsonElement actual) => Compare(expected, actual, "$");

    private static string? Compare(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            return $"{path}: expected {expected.ValueKind}, got {actual.ValueKind} ({Excerpt(actual)}).";
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var actualProperties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                foreach (JsonProperty property in actual.EnumerateObject())
                {
                    actualProperties[property.Name] = property.Value;
                }

                var expectedNames = new HashSet<string>(StringComparer.Ordinal);
                foreach (JsonProperty property in expected.EnumerateObject())
                {
                    expectedNames.Add(property.Name);
                    string childPath = $"{path}.{property.Name}";
                    if (!actualProperties.TryGetValue(property.Name, out JsonElement actualValue))
                    {
                        return $"{childPath}: missing in actual.";
                    }

                    string? difference = Compare(property.Value, actualValue, childPath);
                    if (difference is not null)
                    {
                        return difference;
                    }
                }

                foreach (string name in actualProperties.Keys)
                {
                    if (!expectedNames.Contains(name))
                    {
                        return $"{path}.{name}: unexpected in actual ({Excerpt(actualProperties[name])}).";
                    }
                }

                return null;
            case JsonValueKind.Array:
                int expectedLength = expected.GetArrayLength();
                int actualLength = actual.GetArrayLength();
                int common = Math.Min(expectedLength, actualLength);
                for (int i = 0; i < common; i++)
                {
                    string? difference = Compare(expected[i], actual[i], string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"));
                    if (difference is not null)
                    {
                        return difference;
                    }
                }

                return expectedLength == actualLength
                    ? null
                    : string.Create(CultureInfo.InvariantCulture, $"{path}: expected {expectedLength} items, got {actualLength}.");
            case JsonValueKind.String:
                return expected.GetString() == actual.GetString()
                    ? null
                    : $"{path}: expected \"{expected.GetString()}\", got \"{actual.GetString()}\".";
            case JsonValueKind.Number:
                bool equal = expected.TryGetDecimal(out decimal e) && actual.TryGetDecimal(out decimal a)
                    ? e == a
                    : expected.GetRawText() == actual.GetRawText();
                return equal ? null : $"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}.";
            default:
                return null;
        }
    }

    private static string Excerpt(JsonElement element)
    {
        string raw = element.ValueKind == JsonValueKind.Undefined ? "undefined" : element.GetRawText();
        return raw.Length <= 60 ? raw : string.Concat(raw.AsSpan(0, 57), "...");
    }
}
