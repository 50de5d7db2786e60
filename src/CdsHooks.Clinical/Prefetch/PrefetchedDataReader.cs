using System.Text.Json;
using CdsHooks.Clinical.Invocation;
using CdsHooks.Clinical.Services;
using CdsHooks.Fhir.Model;
using CdsHooks.Fhir.Serialization;

namespace CdsHooks.Clinical.Prefetch;

/// <summary>
/// Reads one prefetched value into resources, tolerantly: an entry that is not valid FHIR is left out and reported
/// as a data gap (the criteria it would feed become unknown), and the rest of the key is still used.
/// </summary>
internal static class PrefetchedDataReader
{
    /// <summary>Whether a prefetched value is an OperationOutcome (the EHR's way of saying its prefetch failed).</summary>
    public static bool IsOperationOutcome(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object
        && value.TryGetProperty("resourceType", out var type)
        && type.ValueKind == JsonValueKind.String
        && type.ValueEquals("OperationOutcome"u8);

    /// <summary>
    /// Reads a prefetched resource (for a read template) or searchset Bundle (for a search template); entries of a
    /// Bundle that no pack could use are left unread.
    /// </summary>
    public static PrefetchedPage Read(PrefetchKey key, JsonElement value, ResourceRelevance relevance)
    {
        string? type = value.TryGetProperty("resourceType", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (!key.IsRead && type == Bundle.TypeName)
        {
            return ReadBundle(key, value, relevance);
        }

        if (type != key.ResourceType)
        {
            string found = type is null ? "a value without a resourceType" : $"a {type}";
            string expected = key.IsRead ? $"a {key.ResourceType}" : $"a Bundle of {key.ResourceType}";
            return new PrefetchedPage([], new DataGap(key.Key, key.ResourceType, $"the prefetch held {found}, not {expected}"), null);
        }

        // A single resource where a search was expected is taken as a one-entry result.
        return FhirJson.TryDeserializeResource(value, out var resource, out var error)
            ? new PrefetchedPage([resource], null, null) { Sources = [value] }
            : new PrefetchedPage([], new DataGap(key.Key, key.ResourceType, PrefetchGaps.Unreadable(1, error!)), null);
    }

    private static PrefetchedPage ReadBundle(PrefetchKey key, JsonElement bundle, ResourceRelevance relevance)
    {
        SearchSetPage page;
        try
        {
            page = SearchSetReader.Read(bundle, relevance.MayMatter, keepSources: true);
        }
        catch (FhirJsonException ex)
        {
            return new PrefetchedPage([], new DataGap(key.Key, key.ResourceType, PrefetchGaps.Unreadable(1, ex.ToError())), null);
        }

        var gap = page.Errors.Count == 0
            ? null
            : new DataGap(key.Key, key.ResourceType, PrefetchGaps.Unreadable(page.Errors.Count, page.Errors[0]), Partial: page.Resources.Count > 0);
        return new PrefetchedPage(page.Resources, gap, page.NextLink) { Sources = page.Sources };
    }
}

/// <summary>What one prefetched value gave: its resources, a gap when some could not be read, and a next-page link.</summary>
internal sealed record PrefetchedPage(IReadOnlyList<Resource> Resources, DataGap? Gap, string? NextLink)
{
    /// <summary>The JSON each resource was read from, in order (valid while the request's document is).</summary>
    public IReadOnlyList<JsonElement> Sources { get; init; } = [];
}
