using CdsHooks.Fhir.Model;

namespace CdsHooks.Service.Demo;

/// <summary>
/// One FHIR token search value: <c>code</c> (any system), <c>system|code</c>, <c>|code</c> (no system)
/// or <c>system|</c> (any code in the system).
/// </summary>
/// <param name="System">The system to require; null for any, empty for none.</param>
/// <param name="Code">The code to require; null for any.</param>
internal sealed record TokenValue(string? System, string? Code)
{
    /// <summary>Parses one alternative (escaped text, no unescaped comma).</summary>
    /// <param name="parameter">The parameter name, for messages.</param>
    /// <param name="text">The value.</param>
    /// <returns>The token.</returns>
    /// <exception cref="DemoFhirRequestException">The value is empty or just <c>|</c>.</exception>
    public static TokenValue Parse(string parameter, string text)
    {
        var parts = SearchValueSyntax.Split(text, '|');
        if (parts.Count > 2)
        {
            throw DemoFhirRequestException.Invalid($"Parameter '{parameter}': a token is 'code', 'system|code', '|code' or 'system|'; escape a literal '|' as '\\|'.");
        }

        var token = parts.Count == 1
            ? new TokenValue(null, Unescaped(parts[0]))
            : new TokenValue(SearchValueSyntax.Unescape(parts[0]), Unescaped(parts[1]));
        return token.Code is null && string.IsNullOrEmpty(token.System)
            ? throw DemoFhirRequestException.Invalid($"Parameter '{parameter}': a token needs a code, a system, or both.")
            : token;
    }

    /// <summary>Whether a coding matches (FHIR token matching, case-sensitive).</summary>
    /// <param name="coding">The coding.</param>
    /// <returns>True when it matches.</returns>
    public bool Matches(Coding coding)
    {
        ArgumentNullException.ThrowIfNull(coding);
        var systemMatches = System switch
        {
            null => true,
            "" => string.IsNullOrEmpty(coding.System),
            _ => string.Equals(System, coding.System, StringComparison.Ordinal),
        };
        return systemMatches && (Code is null || string.Equals(Code, coding.Code, StringComparison.Ordinal));
    }

    private static string? Unescaped(string part) => part.Length == 0 ? null : SearchValueSyntax.Unescape(part);
}
