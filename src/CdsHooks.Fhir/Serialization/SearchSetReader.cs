using System.Text.Json;
using CdsHooks.Fhir.Model;

namespace CdsHooks.Fhir.Serialization;

/// <summary>
/// Reads one page of a FHIR search result so that one unreadable entry does not lose the others:
/// each <c>entry.resource</c> is read on its own and a failure becomes a <see cref="FhirJsonError"/>
/// whose path is rooted at the bundle.
/// </summary>
public static class SearchSetReader
{
    /// <summary>The <c>Bundle.entry.search.mode</c> of an entry that carries information about the search, not a match.</summary>
    public const string OutcomeMode = "outcome";

    /// <summary>The <c>Bundle.link.relation</c> of the next page.</summary>
    public const string NextRelation = "next";

    /// <summary>Reads a Bundle page tolerantly.</summary>
    /// <param name="bundle">The Bundle JSON object.</param>
    /// <returns>The readable resources, the per-entry errors, the next link, the total and the server's outcomes.</returns>
    /// <exception cref="FhirJsonException"><paramref name="bundle"/> is not a JSON object with <c>resourceType</c> <c>Bundle</c>.</exception>
    public static SearchSetPage Read(JsonElement bundle) => Read(bundle, null);

    /// <summary>
    /// Reads a Bundle page tolerantly, reading only the entries whose resource JSON <paramref name="include"/> accepts;
    /// the others are counted in <see cref="SearchSetPage.Skipped"/>. A caller that knows which resources can matter
    /// (e.g. by their codes) saves reading the rest.
    /// </summary>
    /// <param name="bundle">The Bundle JSON object.</param>
    /// <param name="include">Decides from an entry's resource JSON whether to read it; <c>null</c> reads all.</param>
    /// <returns>The readable resources, the per-entry errors, the next link, the total and the server's outcomes.</returns>
    /// <exception cref="FhirJsonException"><paramref name="bundle"/> is not a JSON object with <c>resourceType</c> <c>Bundle</c>.</exception>
    public static SearchSetPage Read(JsonElement bundle, Func<JsonElement, bool>? include) => Read(bundle, include, keepSources: false);

    /// <summary>
    /// As <see cref="Read(JsonElement, Func{JsonElement, bool})"/>, keeping in <see cref="SearchSetPage.Sources"/> the
    /// JSON each resource was read from when <paramref name="keepSources"/> is set (e.g. to validate what was received
    /// rather than the resource written back). The sources are valid only while <paramref name="bundle"/>'s document is.
    /// </summary>
    /// <param name="bundle">The Bundle JSON object.</param>
    /// <param name="include">Decides from an entry's resource JSON whether to read it; <c>null</c> reads all.</param>
    /// <param name="keepSources">Whether to keep each read resource's JSON.</param>
    /// <returns>The readable resources (with their JSON when kept), the per-entry errors, the next link, the total and the server's outcomes.</returns>
    /// <exception cref="FhirJsonException"><paramref name="bundle"/> is not a JSON object with <c>resourceType</c> <c>Bundle</c>.</exception>
    public static SearchSetPage Read(JsonElement bundle, Func<JsonElement, bool>? include, bool keepSources)
    {
        EnsureBundle(bundle);
        var errors = new List<FhirJsonError>();
        var resources = new List<Resource>();
        var sources = keepSources ? new List<JsonElement>() : null;
        var outcomes = new List<OperationOutcome>();
        int skipped = 0;

        if (bundle.TryGetProperty("entry"u8, out var entries))
        {
            skipped = ReadEntries(entries, include, resources, sources, outcomes, errors);
        }

        return new SearchSetPage(resources, errors, ReadNextLink(bundle, errors), ReadTotal(bundle, errors), outcomes, skipped) { Sources = sources ?? [] };
    }

    private static void EnsureBundle(JsonElement bundle)
    {
        if (bundle.ValueKind != JsonValueKind.Object)
        {
            throw new FhirJsonException(FhirJsonErrorCodes.ResourceNotObject, "A Bundle must be a JSON object.");
        }

        if (!bundle.TryGetProperty("resourceType"u8, out var type))
        {
            throw new FhirJsonException(FhirJsonErrorCodes.MissingResourceType, "The resource has no resourceType member.");
        }

        if (type.ValueKind != JsonValueKind.String || !JsonStrings.TryGet(type, out string? name) || name.Length == 0)
        {
            throw new FhirJsonException(FhirJsonErrorCodes.InvalidResourceType, "The resourceType member must be a non-empty string.");
        }

        if (!string.Equals(name, Bundle.TypeName, StringComparison.Ordinal))
        {
            // The type name is a FHIR type identifier, not patient data.
            throw new FhirJsonException(FhirJsonErrorCodes.UnexpectedResourceType, $"Expected a Bundle resource but found {name}.");
        }
    }

    private static int ReadEntries(
        JsonElement entries, Func<JsonElement, bool>? include, List<Resource> resources, List<JsonElement>? sources, List<OperationOutcome> outcomes, List<FhirJsonError> errors)
    {
        if (entries.ValueKind != JsonValueKind.Array)
        {
            errors.Add(WrongType("$.entry", "Bundle.entry must be an array."));
            return 0;
        }

        int index = -1;
        int skipped = 0;
        foreach (var entry in entries.EnumerateArray())
        {
            index++;
            if (entry.ValueKind != JsonValueKind.Object)
            {
                errors.Add(WrongType(EntryPath(index), "A Bundle entry must be a JSON object."));
                continue;
            }

            // An entry without a resource (e.g. only fullUrl) has nothing to read.
            if (!entry.TryGetProperty("resource"u8, out var element))
            {
                continue;
            }

            bool isOutcome = IsOutcomeEntry(entry);
            if (!isOutcome && include is not null && !include(element))
            {
                skipped++;
                continue;
            }

            if (!FhirJson.TryDeserializeResource(element, out var resource, out var error))
            {
                errors.Add(Rebase(error!, EntryPath(index) + ".resource"));
                continue;
            }

            if (isOutcome)
            {
                if (resource is OperationOutcome outcome)
                {
                    outcomes.Add(outcome);
                }

                continue;
            }

            resources.Add(resource);
            sources?.Add(element);
        }

        return skipped;
    }

    private static string EntryPath(int index) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"$.entry[{index}]");

    private static bool IsOutcomeEntry(JsonElement entry)
        => entry.TryGetProperty("search"u8, out var search)
           && search.ValueKind == JsonValueKind.Object
           && search.TryGetProperty("mode"u8, out var mode)
           && mode.ValueKind == JsonValueKind.String
           && mode.ValueEquals(OutcomeMode);

    private static string? ReadNextLink(JsonElement bundle, List<FhirJsonError> errors)
    {
        if (!bundle.TryGetProperty("link"u8, out var links))
        {
            return null;
        }

        if (links.ValueKind != JsonValueKind.Array)
        {
            errors.Add(WrongType("$.link", "Bundle.link must be an array."));
            return null;
        }

        foreach (var link in links.EnumerateArray())
        {
            if (link.ValueKind == JsonValueKind.Object
                && link.TryGetProperty("relation"u8, out var relation)
                && relation.ValueKind == JsonValueKind.String
                && relation.ValueEquals(NextRelation)
                && link.TryGetProperty("url"u8, out var url)
                && url.ValueKind == JsonValueKind.String)
            {
                if (!JsonStrings.TryGet(url, out string? next))
                {
                    errors.Add(WrongType("$.link", "The next link's url is not valid text."));
                }
                else if (next.Length > 0)
                {
                    return next;
                }
            }
        }

        return null;
    }

    private static int? ReadTotal(JsonElement bundle, List<FhirJsonError> errors)
    {
        if (!bundle.TryGetProperty("total"u8, out var total) || total.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (total.ValueKind == JsonValueKind.Number && total.TryGetInt32(out var value) && value >= 0)
        {
            return value;
        }

        errors.Add(WrongType("$.total", "Bundle.total must be a non-negative integer."));
        return null;
    }

    private static FhirJsonError WrongType(string path, string description)
        => new(FhirJsonErrorCodes.InvalidElementType, path, $"{FhirJsonErrorCodes.InvalidElementType}: {description} (at '{path}')");

    // The entry was read on its own, so its error path starts at the resource ("$.onsetDateTime");
    // root it at the bundle so the caller can find it ("$.entry[3].resource.onsetDateTime").
    private static FhirJsonError Rebase(FhirJsonError error, string prefix)
    {
        var path = prefix + error.Path.TrimStart('$');
        var oldSuffix = $"(at '{error.Path}')";
        var message = error.Message.EndsWith(oldSuffix, StringComparison.Ordinal)
            ? string.Concat(error.Message.AsSpan(0, error.Message.Length - oldSuffix.Length), $"(at '{path}')")
            : error.Message;
        return error with { Path = path, Message = message };
    }
}
