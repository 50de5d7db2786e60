using System.Text.Json;
using CdsHooks.Clinical.Prefetch;
using CdsHooks.Clinical.Services;
using CdsHooks.Fhir.Model;
using CdsHooks.Fhir.Rest;
using CdsHooks.Fhir.Serialization;

namespace CdsHooks.Clinical.Readiness;

/// <summary>
/// Gets one patient's data for a readiness report: from a Bundle (any type; entries' resources), or from a FHIR server
/// with the same queries the CDS services prefetch (<see cref="CdsServiceCatalog.PatientData"/>).
/// </summary>
public sealed class ReadinessService(ReadinessAnalyzer analyzer, FhirRestClient fhir)
{
    private const string PatientToken = "{{context.patientId}}";

    /// <summary>Reports on the resources of a Bundle.</summary>
    /// <param name="bundle">The Bundle.</param>
    /// <param name="patientId">The patient; by default the Bundle's Patient, or the patient its resources name.</param>
    /// <returns>The report.</returns>
    /// <exception cref="InvalidReadinessRequestException">Not a Bundle, or the patient cannot be told.</exception>
    public ReadinessReport FromBundle(JsonElement bundle, string? patientId = null)
    {
        if (bundle.ValueKind != JsonValueKind.Object || !bundle.TryGetProperty("resourceType", out var type) || !type.ValueEquals("Bundle"u8))
        {
            throw new InvalidReadinessRequestException(InvalidReadinessRequestException.UnsupportedBody,
                "Send a FHIR Bundle of one patient's resources, or {\"patientId\": ..., \"fhirServer\": ...} to have the service fetch them.");
        }

        var resources = new List<JsonElement>();
        if (bundle.TryGetProperty("entry", out var entries) && entries.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in entries.EnumerateArray())
            {
                if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("resource", out var resource) && resource.ValueKind == JsonValueKind.Object)
                {
                    resources.Add(resource);
                }
            }
        }

        string id = patientId ?? PatientOf(resources) ?? throw new InvalidReadinessRequestException(InvalidReadinessRequestException.UnknownPatient,
            "The Bundle has no Patient and its resources name no patient; add the Patient resource or name the patient.");
        return analyzer.Analyze(id, resources);
    }

    /// <summary>Fetches the patient's data from a FHIR server and reports on it; a query that fails is reported, not thrown.</summary>
    /// <param name="server">The FHIR server and its token.</param>
    /// <param name="patientId">The patient's id.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <returns>The report.</returns>
    public async Task<ReadinessReport> FromServerAsync(FhirServerTarget server, string patientId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentException.ThrowIfNullOrEmpty(patientId);
        var fetched = await Task.WhenAll(CdsServiceCatalog.PatientData.Select(key => FetchAsync(server, key, patientId, cancellationToken))).ConfigureAwait(false);
        var resources = fetched.SelectMany(f => f.Resources).Select(FhirJson.SerializeToElement).ToList();
        var failed = fetched.Where(f => f.Failure is not null).ToList();
        return analyzer.Analyze(patientId, resources, failed.Select(f => f.Key.ResourceType).ToHashSet(StringComparer.Ordinal),
            failed.Select(f => $"{f.Key.ResourceType} (prefetch key '{f.Key.Key}') could not be retrieved: {f.Failure}.").ToList());
    }

    private async Task<(PrefetchKey Key, IReadOnlyList<Resource> Resources, string? Failure)> FetchAsync(
        FhirServerTarget server, PrefetchKey key, string patientId, CancellationToken cancellationToken)
    {
        string query = key.Template.Replace(PatientToken, Uri.EscapeDataString(patientId), StringComparison.Ordinal);
        try
        {
            if (key.IsRead)
            {
                return (key, [await fhir.ReadAsync(server, query, cancellationToken).ConfigureAwait(false)], null);
            }

            var result = await fhir.SearchAsync(server, query, cancellationToken).ConfigureAwait(false);
            return (key, result.Resources, PrefetchGaps.FromSearch(key, result)?.Reason);
        }
        catch (FhirRequestException ex)
        {
            return (key, [], PrefetchGaps.Describe(ex));
        }
    }

    private static string? PatientOf(List<JsonElement> resources)
    {
        foreach (var resource in resources)
        {
            if (resource.TryGetProperty("resourceType", out var t) && t.ValueEquals("Patient"u8) && resource.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
            {
                return id.GetString();
            }
        }

        foreach (var resource in resources)
        {
            if (resource.TryGetProperty("subject", out var subject) && subject.ValueKind == JsonValueKind.Object
                && subject.TryGetProperty("reference", out var reference) && reference.ValueKind == JsonValueKind.String
                && reference.GetString() is { } r && r.StartsWith("Patient/", StringComparison.Ordinal))
            {
                return r["Patient/".Length..];
            }
        }

        return null;
    }
}
