using System.Globalization;
using System.Text.Json;

namespace CdsHooks.Testing.Json;

/// <summary>Semantic JSON comparison: member order and whitespace are ignored; the first difference is reported by path.</summary>
public static class JsonAssert
{
    /// <summary>Fails unless both JSON texts denote the same value.</summary>
    public static void Equivalent(string expected, string actual)
    {
        using var e = JsonDocument.Parse(expected);
        using var a = JsonDocument.Parse(actual);
        Equivalent(e.RootElement, a.RootElement);
    }

    /// <summary>Fails unless both UTF-8 JSON texts denote the same value.</summary>
    public static void Equivalent(ReadOnlyMemory<byte> expected, ReadOnlyMemory<byte> actual)
    {
        using var e = JsonDocument.Parse(expected);
        using var a = JsonDocument.Parse(actual);
        Equivalent(e.RootElement, a.RootElement);
    }

    /// <summary>Fails unless both elements denote the same value.</summary>
    public static void Equivalent(JsonElement expected, JsonElement actual)
    {
        if (FirstDifference(expected, actual, "$") is { } difference)
        {
            throw new JsonNotEquivalentException(difference);
        }
    }

    /// <summary>Returns a description of the first difference, or null when the values are equivalent.</summary>
    public static string? FirstDifference(JsonElement expected, JsonElement actual, string path = "$")
    {
        if (expected.ValueKind != actual.ValueKind
            && !(IsBoolean(expected) && IsBoolean(actual)))
        {
            return $"{path}: expected {expected.ValueKind} but found {actual.ValueKind}";
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                return ObjectDifference(expected, actual, path);
            case JsonValueKind.Array:
                var expectedLength = expected.GetArrayLength();
                var actualLength = actual.GetArrayLength();
                if (expectedLength != actualLength)
                {
                    return $"{path}: expected {expectedLength} items but found {actualLength}";
                }

                for (var i = 0; i < expectedLength; i++)
                {
                    if (FirstDifference(expected[i], actual[i], $"{path}[{i}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Number:
                return NumbersEqual(expected, actual) ? null : $"{path}: expected {expected.GetRawText()} but found {actual.GetRawText()}";
            case JsonValueKind.String:
                return expected.ValueEquals(actual.GetString()) ? null : $"{path}: expected \"{expected.GetString()}\" but found \"{actual.GetString()}\"";
            case JsonValueKind.True or JsonValueKind.False:
                return expected.ValueKind == actual.ValueKind ? null : $"{path}: expected {expected.ValueKind} but found {actual.ValueKind}";
            default:
                return null;
        }
    }

    private static string? ObjectDifference(JsonElement expected, JsonElement actual, string path)
    {
        var actualMembers = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var member in actual.EnumerateObject())
        {
            actualMembers[member.Name] = member.Value;
        }

        foreach (var member in expected.EnumerateObject())
        {
            var memberPath = $"{path}.{member.Name}";
            if (!actualMembers.Remove(member.Name, out var actualValue))
            {
                return $"{memberPath}: missing";
            }

            if (FirstDifference(member.Value, actualValue, memberPath) is { } inner)
            {
                return inner;
            }
        }

        return actualMembers.Count == 0 ? null : $"{path}.{actualMembers.Keys.First()}: unexpected member";
    }

    private static bool IsBoolean(JsonElement e) => e.ValueKind is JsonValueKind.True or JsonValueKind.False;

    private static bool NumbersEqual(JsonElement expected, JsonElement actual)
    {
        if (expected.TryGetDecimal(out var e) && actual.TryGetDecimal(out var a))
        {
            return e == a;
        }

        return double.Parse(expected.GetRawText(), CultureInfo.InvariantCulture) == double.Parse(actual.GetRawText(), CultureInfo.InvariantCulture);
    }
}
