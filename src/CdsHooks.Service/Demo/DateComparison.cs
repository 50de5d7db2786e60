using CdsHooks.Fhir.Model;

namespace CdsHooks.Service.Demo;

/// <summary>
/// One FHIR date search value with its prefix. Both sides are ranges (FHIR R4 Search §3.1.1.4.2):
/// <c>2024-03</c> is all of March, so <c>eq2024-03</c> matches a value inside March, <c>gt2024-03</c>
/// a value reaching past the end of March, <c>lt2024-03</c> one starting before March.
/// </summary>
/// <param name="Prefix">eq, ne, lt, gt, le or ge.</param>
/// <param name="Search">The span of the search value.</param>
internal sealed record DateComparison(string Prefix, FhirDateRange Search)
{
    /// <summary>The prefixes supported; <c>sa</c>, <c>eb</c> and <c>ap</c> are not.</summary>
    public static readonly IReadOnlyList<string> Prefixes = ["eq", "ne", "lt", "gt", "le", "ge"];

    /// <summary>Parses <c>[prefix]date</c>.</summary>
    /// <param name="parameter">The parameter name, for messages.</param>
    /// <param name="text">The unescaped value, e.g. <c>ge2024-03-01</c>.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="DemoFhirRequestException">The prefix or date is not valid.</exception>
    public static DateComparison Parse(string parameter, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var prefix = "eq";
        var date = text;
        if (text.Length >= 2 && char.IsAsciiLetterLower(text[0]) && char.IsAsciiLetterLower(text[1]))
        {
            prefix = text[..2];
            date = text[2..];
            if (!Prefixes.Contains(prefix))
            {
                throw DemoFhirRequestException.NotSupported(DemoFhirErrorCodes.UnsupportedParameter,
                    $"Parameter '{parameter}': the date prefix '{prefix}' is not supported; supported prefixes: {string.Join(", ", Prefixes)}.");
            }
        }

        // An unencoded '+' in a query string arrives as a space: 2024-03-01T10:00:00+01:00.
        if (date.Length > 19 && date[^6] == ' ')
        {
            date = string.Concat(date.AsSpan(0, date.Length - 6), "+", date.AsSpan(date.Length - 5));
        }

        return FhirDateTime.TryParse(date, out var value)
            ? new DateComparison(prefix, FhirDateRange.Of(value))
            : throw DemoFhirRequestException.Invalid(
                $"Parameter '{parameter}': '{date}' is not a FHIR date; use YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss with an offset, after an optional prefix ({string.Join(", ", Prefixes)}).");
    }

    /// <summary>Whether a resource value's span satisfies the comparison.</summary>
    /// <param name="target">The resource value's span.</param>
    /// <returns>True when it matches.</returns>
    public bool Matches(FhirDateRange target)
    {
        var within = target.Low >= Search.Low && target.High <= Search.High;
        return Prefix switch
        {
            "eq" => within,
            "ne" => !within,
            "gt" => target.High > Search.High,
            "lt" => target.Low < Search.Low,
            "ge" => target.High > Search.High || within,
            "le" => target.Low < Search.Low || within,
            _ => throw new InvalidOperationException("Unknown date prefix."),
        };
    }
}
