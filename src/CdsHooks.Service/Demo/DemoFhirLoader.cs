using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CdsHooks.Fhir.Model;
using CdsHooks.Fhir.Serialization;
using Microsoft.Extensions.Options;

namespace CdsHooks.Service.Demo;

/// <summary>
/// Reads <c>index.json</c> and every bundle it lists, shifts their dates (when configured) and builds the
/// <see cref="DemoFhirStore"/>. Any problem is a <see cref="DemoDataException"/> naming the file.
/// </summary>
internal sealed class DemoFhirLoader(IOptions<DemoOptions> options, TimeProvider timeProvider, ILogger<DemoFhirLoader> logger)
{
    /// <summary>The manifest listing the demo patients.</summary>
    public const string IndexFileName = "index.json";

    /// <summary>Loads everything.</summary>
    /// <returns>The store.</returns>
    public DemoFhirStore Load()
    {
        var settings = options.Value;
        var directory = settings.ResolvePatientsDirectory();
        var indexPath = Path.Combine(directory, IndexFileName);
        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var resources = new List<Resource>();
        var seen = new HashSet<(string, string)>();
        var patients = new List<DemoPatient>();

        using var index = ParseIndex(indexPath);
        var entryNumber = 0;
        foreach (var entry in index.RootElement.EnumerateArray())
        {
            var manifest = DemoIndexEntry.Read(entry, indexPath, entryNumber++);
            var path = Path.Combine(directory, manifest.File);
            var bundle = ReadBundle(path, manifest.PatientId, settings.ShiftDatesToToday, today, out var days);
            foreach (var resource in bundle.Entry ?? [])
            {
                var item = resource.Resource ?? throw new DemoDataException(path, "a Bundle entry has no resource.");
                if (item.Id is null || !seen.Add((item.ResourceType, item.Id)))
                {
                    throw new DemoDataException(path, $"a {item.ResourceType} has no id, or an id already used by another demo resource.");
                }

                resources.Add(WithLastUpdated(item, bundle.Timestamp));
            }

            patients.Add(manifest.ToPatient(
                bundle.Timestamp is { } ts ? DemoDateShifter.CalendarDateOf(ts) : null,
                ShiftDraftOrders(manifest.DraftOrders, days, indexPath)));
        }

        var served = resources.Where(r => DemoSearchCatalog.IsServed(r.ResourceType)).ToList();
        foreach (var skipped in resources.Where(r => !DemoSearchCatalog.IsServed(r.ResourceType)).GroupBy(r => r.ResourceType, StringComparer.Ordinal))
        {
            DemoFhirLog.TypeNotServed(logger, skipped.Key, skipped.Count());
        }

        DemoFhirLog.PatientsLoaded(logger, patients.Count, served.Count, settings.ShiftDatesToToday);
        return new DemoFhirStore(served, patients);
    }

    private static JsonDocument ParseIndex(string indexPath)
    {
        try
        {
            var document = JsonDocument.Parse(File.ReadAllBytes(indexPath));
            return document.RootElement.ValueKind == JsonValueKind.Array
                ? document
                : throw new DemoDataException(indexPath, "the index must be a JSON array of patient entries.");
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new DemoDataException(indexPath, ex.Message, ex);
        }
    }

    private static Bundle ReadBundle(string path, string patientId, bool shift, DateOnly today, out int days)
    {
        byte[] json;
        try
        {
            json = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DemoDataException(path, $"it is listed in {IndexFileName} but cannot be read ({ex.GetType().Name}).", ex);
        }

        // Read as written first, so an error's path points into the file the author edits.
        var bundle = Parse(path, json);
        days = 0;
        if (shift)
        {
            var timestamp = bundle.Timestamp ?? throw new DemoDataException(path, "Bundle.timestamp is missing, so the dates cannot be shifted to today.");
            days = DemoDateShifter.DaysUntil(timestamp, today);
            var tree = JsonNode.Parse(json);
            ShiftOrFail(tree, days, path);
            bundle = Parse(path, Encoding.UTF8.GetBytes(tree!.ToJsonString()));
        }

        return bundle.Entry?.Any(e => e.Resource is Patient p && p.Id == patientId) == true
            ? bundle
            : throw new DemoDataException(path, $"the bundle holds no Patient with the id given in {IndexFileName}.");
    }

    private static Bundle Parse(string path, byte[] json)
    {
        try
        {
            return FhirJson.Deserialize<Bundle>(json);
        }
        catch (FhirJsonException ex)
        {
            throw new DemoDataException(path, ex.Message, ex);
        }
    }

    private static void ShiftOrFail(JsonNode? tree, int days, string path)
    {
        try
        {
            DemoDateShifter.ShiftInPlace(tree, days);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new DemoDataException(path, $"a date moved by {days} days falls outside years 1-9999.", ex);
        }
    }

    private static List<JsonElement> ShiftDraftOrders(IReadOnlyList<JsonElement> drafts, int days, string indexPath)
    {
        var shifted = new List<JsonElement>(drafts.Count);
        foreach (var draft in drafts)
        {
            var tree = JsonNode.Parse(draft.GetRawText());
            ShiftOrFail(tree, days, indexPath);
            using var document = JsonDocument.Parse(tree!.ToJsonString());
            var element = document.RootElement.Clone();
            if (!FhirJson.TryDeserializeResource(element, out _, out var error))
            {
                throw new DemoDataException(indexPath, $"a draft order is not a valid resource: {error!.Message}");
            }

            shifted.Add(element);
        }

        return shifted;
    }

    // A FHIR server stamps every resource it serves; the data is as of the bundle's (shifted) timestamp.
    private static Resource WithLastUpdated(Resource resource, FhirDateTime? timestamp)
        => resource.Meta?.LastUpdated is not null || timestamp is null
            ? resource
            : resource with { Meta = (resource.Meta ?? new Meta()) with { LastUpdated = timestamp } };
}
