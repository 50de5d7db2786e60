using System.Text;

namespace CdsHooks.Service.Demo;

/// <summary>
/// FHIR search value escaping (R4 Search §3.1.1.5.7): <c>\,</c> <c>\|</c> <c>\$</c> and <c>\\</c> are literal
/// characters; an unescaped comma separates alternatives and an unescaped bar separates system and code.
/// </summary>
internal static class SearchValueSyntax
{
    /// <summary>Splits on every unescaped <paramref name="separator"/>, keeping the parts escaped.</summary>
    /// <param name="value">The value.</param>
    /// <param name="separator">The separator, e.g. <c>,</c>.</param>
    /// <returns>The parts (at least one).</returns>
    public static IReadOnlyList<string> Split(string value, char separator)
    {
        ArgumentNullException.ThrowIfNull(value);
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\')
            {
                i++;
            }
            else if (value[i] == separator)
            {
                parts.Add(value[start..i]);
                start = i + 1;
            }
        }

        parts.Add(value[start..]);
        return parts;
    }

    /// <summary>Removes the escapes.</summary>
    /// <param name="value">The escaped text.</param>
    /// <returns>The literal text.</returns>
    public static string Unescape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Contains('\\', StringComparison.Ordinal))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                i++;
            }

            builder.Append(value[i]);
        }

        return builder.ToString();
    }
}
