using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace CdsHooks.Fhir.Validation;

/// <summary>
/// Accepts the common primitive values from their UTF-8 JSON without the specification's regex or a string: a value
/// this accepts is one the full check (regex, calendar, integer range) accepts too. It never rejects; a value it does
/// not accept (escaped, non-ASCII where it matters, unusual years, other types) goes through the full check, which
/// reports it. PrimitiveSyntaxTests holds the two to that on edge cases.
/// </summary>
internal static class PrimitiveSyntax
{
    public static PrimitiveKind KindOf(string type) => type switch
    {
        "boolean" => PrimitiveKind.Boolean,
        "integer" => PrimitiveKind.Integer,
        "positiveInt" => PrimitiveKind.PositiveInt,
        "unsignedInt" => PrimitiveKind.UnsignedInt,
        "decimal" => PrimitiveKind.Decimal,
        "string" or "markdown" => PrimitiveKind.String,
        "code" => PrimitiveKind.Code,
        "id" => PrimitiveKind.Id,
        "uri" or "url" or "canonical" => PrimitiveKind.Uri,
        "date" => PrimitiveKind.Date,
        "dateTime" => PrimitiveKind.DateTime,
        "instant" => PrimitiveKind.Instant,
        _ => PrimitiveKind.Other,
    };

    /// <summary>Whether the value, already of the right JSON type, certainly passes the full check.</summary>
    public static bool Accepts(PrimitiveKind kind, JsonElement value) => Accepts(kind, value, value.ValueKind);

    /// <summary>As <see cref="Accepts(PrimitiveKind, JsonElement)"/>, with the value's kind already read.</summary>
    public static bool Accepts(PrimitiveKind kind, JsonElement value, JsonValueKind valueKind)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        switch (kind)
        {
            case PrimitiveKind.Boolean:
                return valueKind is JsonValueKind.True or JsonValueKind.False;
            case PrimitiveKind.Integer:
                return IsInteger(raw, signed: true) && int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out _);
            case PrimitiveKind.PositiveInt:
                return IsInteger(raw, signed: false) && int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out int p) && p > 0;
            case PrimitiveKind.UnsignedInt:
                return IsInteger(raw, signed: false) && int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out _);
            case PrimitiveKind.Decimal:
                return IsDecimal(raw);
        }

        if (valueKind != JsonValueKind.String || !Unquoted(raw, out var text))
        {
            return false;
        }

        return kind switch
        {
            PrimitiveKind.String => IsString(text),
            PrimitiveKind.Code => IsCode(text),
            PrimitiveKind.Id => IsId(text),
            PrimitiveKind.Uri => IsUri(text),
            PrimitiveKind.Date => FhirDateSyntax.Accepts(text, FhirDateSyntax.Form.Date),
            PrimitiveKind.DateTime => FhirDateSyntax.Accepts(text, FhirDateSyntax.Form.DateTime),
            PrimitiveKind.Instant => FhirDateSyntax.Accepts(text, FhirDateSyntax.Form.Instant),
            _ => false,
        };
    }

    // A JSON string's content when it has no escapes (with escapes, the text differs from the bytes).
    private static bool Unquoted(ReadOnlySpan<byte> raw, out ReadOnlySpan<byte> text)
    {
        text = raw.Length >= 2 && raw[0] == '"' && raw[^1] == '"' ? raw[1..^1] : default;
        return raw.Length >= 2 && text.IndexOf((byte)'\\') < 0;
    }

    // integer: -?([0]|([1-9][0-9]*)); unsignedInt: [0]|([1-9][0-9]*).
    private static bool IsInteger(ReadOnlySpan<byte> raw, bool signed)
    {
        if (signed && raw.Length > 0 && raw[0] == '-')
        {
            raw = raw[1..];
        }

        return raw.Length > 0 && (raw.Length == 1 || raw[0] != '0') && !raw.ContainsAnyExceptInRange((byte)'0', (byte)'9');
    }

    // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    private static bool IsDecimal(ReadOnlySpan<byte> raw)
    {
        int i = raw.Length > 0 && raw[0] == '-' ? 1 : 0;
        int digits = Digits(raw, ref i);
        if (digits == 0 || (digits > 1 && raw[i - digits] == '0'))
        {
            return false;
        }

        if (i < raw.Length && raw[i] == '.')
        {
            i++;
            if (Digits(raw, ref i) == 0)
            {
                return false;
            }
        }

        if (i < raw.Length && raw[i] is (byte)'e' or (byte)'E')
        {
            i++;
            if (i < raw.Length && raw[i] is (byte)'+' or (byte)'-')
            {
                i++;
            }

            if (Digits(raw, ref i) == 0)
            {
                return false;
            }
        }

        return i == raw.Length;
    }

    private static int Digits(ReadOnlySpan<byte> raw, ref int i)
    {
        int start = i;
        while (i < raw.Length && char.IsAsciiDigit((char)raw[i]))
        {
            i++;
        }

        return i - start;
    }

    // [ \r\n\t\S]+ and not all white space: printable ASCII with a non-space, or UTF-8 whose only white space is a
    // plain space (tab, CR and LF arrive escaped, so take the full check).
    private static bool IsString(ReadOnlySpan<byte> text)
    {
        if (!text.ContainsAnyExceptInRange((byte)' ', (byte)'~'))
        {
            return text.ContainsAnyExcept((byte)' ');
        }

        bool visible = false;
        while (!text.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(text, out var rune, out int length) != System.Buffers.OperationStatus.Done)
            {
                return false;
            }

            if (!Rune.IsWhiteSpace(rune))
            {
                visible = true;
            }
            else if (rune.Value != ' ')
            {
                return false;
            }

            text = text[length..];
        }

        return visible;
    }

    // [^\s]+(\s[^\s]+)*: printable ASCII words separated by single spaces.
    private static bool IsCode(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty || text[0] == ' ' || text[^1] == ' ' || text.ContainsAnyExceptInRange((byte)' ', (byte)'~'))
        {
            return false;
        }

        return text.IndexOf("  "u8) < 0;
    }

    // [A-Za-z0-9\-\.]{1,64}
    private static bool IsId(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty || text.Length > 64)
        {
            return false;
        }

        foreach (byte b in text)
        {
            if (!char.IsAsciiLetterOrDigit((char)b) && b != '-' && b != '.')
            {
                return false;
            }
        }

        return true;
    }

    // \S*: printable ASCII without spaces (the empty string included).
    private static bool IsUri(ReadOnlySpan<byte> text) => !text.ContainsAnyExceptInRange((byte)'!', (byte)'~');
}
