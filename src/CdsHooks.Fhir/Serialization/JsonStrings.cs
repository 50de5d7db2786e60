using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace CdsHooks.Fhir.Serialization;

/// <summary>
/// Reads JSON strings that may be no text: the parser accepts an escaped half of a surrogate pair (and, unless told,
/// invalid UTF-8), and reading such a string throws. Data from outside is read through this.
/// </summary>
internal static class JsonStrings
{
    /// <summary>A string value's text; false when it is no text (an unpaired surrogate escape, invalid UTF-8).</summary>
    public static bool TryGet(JsonElement value, [NotNullWhen(true)] out string? text)
    {
        try
        {
            text = value.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = null;
            return false;
        }
    }
}
