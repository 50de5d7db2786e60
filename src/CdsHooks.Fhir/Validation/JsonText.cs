using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace CdsHooks.Fhir.Validation;

/// <summary>
/// Reads JSON strings as characters without allocating when they are plain (no escapes, short enough for
/// the caller's buffer); otherwise falls back to a string, so the result is always the unescaped text.
/// </summary>
internal static class JsonText
{
    /// <summary>Buffer size callers stack-allocate: longer than any FHIR element name.</summary>
    public const int BufferLength = 128;

    /// <summary>A string value, in <paramref name="buffer"/> when possible.</summary>
    public static ReadOnlySpan<char> String(JsonElement value, Span<char> buffer)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        return raw.Length >= 2 && Decode(raw[1..^1], buffer, out var text) ? text : value.GetString();
    }

    /// <summary>A string value's text as UTF-8: its bytes when plain, else the unescaped text encoded (rare).</summary>
    public static ReadOnlySpan<byte> Utf8(JsonElement value)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        return raw.Length >= 2 && raw.IndexOf((byte)'\\') < 0 ? raw[1..^1] : Encoding.UTF8.GetBytes(value.GetString() ?? "");
    }

    /// <summary>A member's name as UTF-8: its bytes when written plainly, else the unescaped name encoded (rare).</summary>
    public static ReadOnlySpan<byte> Name(JsonProperty property)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        return raw.IndexOf((byte)'\\') < 0 ? raw : Encoding.UTF8.GetBytes(property.Name);
    }

    /// <summary>The string member <paramref name="name"/> of an object, or null (not an object, absent, or not a string).</summary>
    public static string? Member(JsonElement node, string name) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Whether a string value is written with escapes (its bytes are not its text).</summary>
    public static bool IsEscaped(JsonElement value) => JsonMarshal.GetRawUtf8Value(value).IndexOf((byte)'\\') >= 0;

    private static bool Decode(ReadOnlySpan<byte> utf8, Span<char> buffer, out ReadOnlySpan<char> text)
    {
        text = default;
        if (utf8.Length > buffer.Length || utf8.IndexOf((byte)'\\') >= 0
            || !Encoding.UTF8.TryGetChars(utf8, buffer, out int written))
        {
            return false;
        }

        text = buffer[..written];
        return true;
    }
}
