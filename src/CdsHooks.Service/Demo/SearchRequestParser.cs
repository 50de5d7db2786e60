using System.Globalization;
using CdsHooks.Fhir.Model;
using Microsoft.Extensions.Primitives;

namespace CdsHooks.Service.Demo;

/// <summary>Turns query or form parameters into a <see cref="SearchRequest"/>, rejecting anything unsupported.</summary>
internal static class SearchRequestParser
{
    /// <summary>The paging parameter in next links. Opaque to clients: they follow the link.</summary>
    public const string OffsetParameter = "_offset";

    private const string CountParameter = "_count";
    private const string SortParameter = "_sort";
    private const string FormatParameter = "_format";

    private static readonly string[] ResultParameters = [CountParameter, SortParameter, FormatParameter];
    private static readonly string[] JsonFormats = ["json", "application/json", "application/fhir+json", "application/json+fhir"];

    /// <summary>Parses a search.</summary>
    /// <param name="definition">The type searched.</param>
    /// <param name="parameters">The parameters (query, plus form for POST); repeats are separate values.</param>
    /// <param name="options">Paging settings.</param>
    /// <returns>The request.</returns>
    /// <exception cref="DemoFhirRequestException">A parameter is unsupported or malformed.</exception>
    public static SearchRequest Parse(ResourceSearchDefinition definition, IEnumerable<KeyValuePair<string, StringValues>> parameters, DemoOptions options)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(options);
        var filters = new List<Func<Resource, bool>>();
        var links = new List<KeyValuePair<string, string>>();
        IReadOnlyList<SortKey> sort = [];
        int? count = null;
        var offset = 0;
        foreach (var (name, values) in parameters)
        {
            foreach (var value in values.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!))
            {
                if (name != OffsetParameter && name != CountParameter)
                {
                    links.Add(new(name, value));
                }

                switch (name)
                {
                    case CountParameter:
                        count = Math.Min(NonNegative(name, value), options.MaxPageSize);
                        break;
                    case OffsetParameter:
                        offset = NonNegative(name, value);
                        break;
                    case SortParameter:
                        sort = ParseSort(definition, value);
                        break;
                    case FormatParameter:
                        CheckFormat(value);
                        break;
                    default:
                        filters.Add(Find(definition, name).CreateFilter(SearchValueSyntax.Split(value, ',')));
                        break;
                }
            }
        }

        return new SearchRequest
        {
            Definition = definition,
            Filters = filters,
            Sort = sort,
            Count = count ?? options.DefaultPageSize,
            Offset = offset,
            LinkParameters = links,
        };
    }

    private static SearchParameter Find(ResourceSearchDefinition definition, string name)
    {
        if (definition.Parameters.TryGetValue(name, out var parameter))
        {
            return parameter;
        }

        var supported = string.Join(", ", definition.Parameters.Keys.Order(StringComparer.Ordinal).Concat(ResultParameters));
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        var problem = colon > 0 && definition.Parameters.ContainsKey(name[..colon])
            ? $"The modifier ':{name[(colon + 1)..]}' on search parameter '{name[..colon]}' is not supported"
            : $"The search parameter '{name}' is not supported for {definition.Type}";
        throw DemoFhirRequestException.NotSupported(DemoFhirErrorCodes.UnsupportedParameter, $"{problem}; supported parameters: {supported}.");
    }

    private static List<SortKey> ParseSort(ResourceSearchDefinition definition, string value)
    {
        var keys = new List<SortKey>();
        foreach (var item in value.Split(','))
        {
            var descending = item.StartsWith('-');
            var name = descending ? item[1..] : item;
            var parameter = name == "date" ? definition.DefaultDate : null;
            parameter ??= definition.DateParameters.FirstOrDefault(p => p.Name == name);
            if (parameter is null)
            {
                var sortable = definition.DateParameters.Select(p => p.Name).Prepend(definition.DefaultDate is null ? null : "date")
                    .OfType<string>().Distinct().Order(StringComparer.Ordinal);
                throw DemoFhirRequestException.NotSupported(DemoFhirErrorCodes.UnsupportedParameter,
                    $"Cannot sort {definition.Type} by '{name}'; supported _sort values (prefix '-' for descending): {string.Join(", ", sortable)}.");
            }

            keys.Add(new SortKey(parameter, descending));
        }

        return keys;
    }

    private static int NonNegative(string name, string value)
        => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw DemoFhirRequestException.Invalid($"Parameter '{name}' must be a whole number of 0 or more.");

    private static void CheckFormat(string value)
    {
        if (!JsonFormats.Contains(value.Split(';')[0].Trim(), StringComparer.OrdinalIgnoreCase))
        {
            throw DemoFhirRequestException.NotSupported(DemoFhirErrorCodes.UnsupportedParameter,
                $"Parameter '_format': '{value}' is not supported; only JSON is served ({string.Join(", ", JsonFormats)}).");
        }
    }
}
