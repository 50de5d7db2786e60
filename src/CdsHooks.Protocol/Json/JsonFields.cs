using System.Text.Json;
using CdsHooks.Protocol.Errors;

namespace CdsHooks.Protocol.Json;

/// <summary>Typed, path-aware access to the fields of a parsed JSON object; every failure is an <see cref="InvalidCdsRequestException"/>.</summary>
internal static class JsonFields
{
    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "undefined",
    };

    public static InvalidCdsRequestException WrongType(string path, string expected, JsonValueKind actual) =>
        new(CdsErrorCodes.WrongJsonType, $"'{path}' must be {expected}, but is {Describe(actual)}.", path);

    public static InvalidCdsRequestException Missing(string path) =>
        new(CdsErrorCodes.MissingRequiredField, $"'{path}' is required.", path);

    public static InvalidCdsRequestException Empty(string path) =>
        new(CdsErrorCodes.MissingRequiredField, $"'{path}' is required and must not be empty.", path);

    public static void EnsureObject(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw WrongType(path, "an object", element.ValueKind);
        }
    }

    /// <summary>Gets a field that is present and not <c>null</c>.</summary>
    public static bool TryGetValue(JsonElement obj, string name, out JsonElement value)
    {
        if (obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }

    public static string RequiredString(JsonElement obj, string name, string parentPath)
    {
        string path = JsonPath.Property(parentPath, name);
        if (!TryGetValue(obj, name, out JsonElement value))
        {
            throw Missing(path);
        }

        return NonEmptyString(value, path);
    }

    public static string NonEmptyString(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw WrongType(path, "a string", value.ValueKind);
        }

        string text = value.GetString()!;
        if (text.Length == 0)
        {
            throw Empty(path);
        }

        return text;
    }

    /// <summary>An optional string; absent, <c>null</c> and <c>""</c> all read as <c>null</c>.</summary>
    public static string? OptionalString(JsonElement obj, string name, string parentPath)
    {
        if (!TryGetValue(obj, name, out JsonElement value))
        {
            return null;
        }

        string path = JsonPath.Property(parentPath, name);
        if (value.ValueKind != JsonValueKind.String)
        {
            throw WrongType(path, "a string", value.ValueKind);
        }

        string text = value.GetString()!;
        return text.Length == 0 ? null : text;
    }

    public static JsonElement RequiredObject(JsonElement obj, string name, string parentPath)
    {
        string path = JsonPath.Property(parentPath, name);
        if (!TryGetValue(obj, name, out JsonElement value))
        {
            throw Missing(path);
        }

        EnsureObject(value, path);
        return value;
    }

    public static JsonElement? OptionalObject(JsonElement obj, string name, string parentPath)
    {
        if (!TryGetValue(obj, name, out JsonElement value))
        {
            return null;
        }

        EnsureObject(value, JsonPath.Property(parentPath, name));
        return value;
    }

    public static JsonElement RequiredArray(JsonElement obj, string name, string parentPath)
    {
        string path = JsonPath.Property(parentPath, name);
        if (!TryGetValue(obj, name, out JsonElement value))
        {
            throw Missing(path);
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw WrongType(path, "an array", value.ValueKind);
        }

        return value;
    }

    public static JsonElement? OptionalArray(JsonElement obj, string name, string parentPath)
    {
        if (!TryGetValue(obj, name, out JsonElement value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw WrongType(JsonPath.Property(parentPath, name), "an array", value.ValueKind);
        }

        return value;
    }

    public static int? OptionalInt32(JsonElement obj, string name, string parentPath)
    {
        if (!TryGetValue(obj, name, out JsonElement value))
        {
            return null;
        }

        string path = JsonPath.Property(parentPath, name);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out int number))
        {
            throw WrongType(path, "an integer", value.ValueKind);
        }

        return number;
    }
}
