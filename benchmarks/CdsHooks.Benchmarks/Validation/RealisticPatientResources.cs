using System.Text.Json;
using CdsHooks.Benchmarks.Http;
using CdsHooks.Clinical.Evaluation;
using CdsHooks.Clinical.Prefetch;
using CdsHooks.Fhir.Model;
using CdsHooks.Fhir.Serialization;

namespace CdsHooks.Benchmarks.Validation;

/// <summary>
/// The resources of <see cref="RealisticPatientRequest"/> that a pack can use, read as the service reads them: each
/// prefetched searchset through <see cref="SearchSetReader"/> with <see cref="ResourceRelevance"/>, kept both typed and
/// as the JSON they were read from. The JSON stays valid while this object lives.
/// </summary>
internal sealed class RealisticPatientResources : IDisposable
{
    private readonly JsonDocument _request;

    private RealisticPatientResources(JsonDocument request, List<Resource> typed, List<JsonElement> json)
    {
        _request = request;
        Typed = typed;
        Json = json;
    }

    /// <summary>The parsed request.</summary>
    public JsonElement Request => _request.RootElement;

    /// <summary>The resources as the engine reads them.</summary>
    public IReadOnlyList<Resource> Typed { get; }

    /// <summary>The same resources, in the same order, as the prefetch JSON they came from.</summary>
    public IReadOnlyList<JsonElement> Json { get; }

    public static RealisticPatientResources Read(KnowledgeBase knowledge)
    {
        var relevance = new ResourceRelevance(knowledge);
        var request = JsonDocument.Parse(RealisticPatientRequest.Create());
        var typed = new List<Resource>();
        var json = new List<JsonElement>();
        foreach (var key in request.RootElement.GetProperty("prefetch").EnumerateObject())
        {
            var value = key.Value;
            if (!value.GetProperty("resourceType").ValueEquals(Bundle.TypeName))
            {
                continue; // the Patient: the service does not validate it as incoming data
            }

            // As PrefetchedDataReader reads a prefetched Bundle: the relevant entries, each with its JSON.
            var page = SearchSetReader.Read(value, relevance.MayMatter, keepSources: true);
            typed.AddRange(page.Resources);
            json.AddRange(page.Sources);
        }

        return new RealisticPatientResources(request, typed, json);
    }

    /// <summary>Reads the relevant resources of every prefetched searchset again, typed only; returns how many.</summary>
    public static int ReadTyped(JsonElement request, ResourceRelevance relevance)
    {
        int read = 0;
        foreach (var key in request.GetProperty("prefetch").EnumerateObject())
        {
            if (key.Value.GetProperty("resourceType").ValueEquals(Bundle.TypeName))
            {
                read += SearchSetReader.Read(key.Value, relevance.MayMatter).Resources.Count;
            }
        }

        return read;
    }

    public void Dispose() => _request.Dispose();
}
