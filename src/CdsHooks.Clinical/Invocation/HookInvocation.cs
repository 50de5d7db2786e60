using CdsHooks.Clinical.Conformance;
using CdsHooks.Fhir.Model;

namespace CdsHooks.Clinical.Invocation;

/// <summary>
/// One CDS Hooks call, after the host has parsed the request and resolved its prefetch:
/// everything the engine needs, and nothing about HTTP.
/// </summary>
public sealed record HookInvocation
{
    /// <summary>The CDS service id the EHR called.</summary>
    public required string ServiceId { get; init; }

    /// <summary>The hook name, e.g. <c>patient-view</c>.</summary>
    public required string Hook { get; init; }

    /// <summary>The <c>hookInstance</c>; safe to log.</summary>
    public required string HookInstance { get; init; }

    /// <summary>The bare FHIR id of the patient in context.</summary>
    public required string PatientId { get; init; }

    /// <summary>The patient's resources, from prefetch or from the EHR's FHIR server.</summary>
    public required ClinicalData Data { get; init; }

    /// <summary>Draft orders from <c>order-select</c>/<c>order-sign</c> context; empty for other hooks.</summary>
    public IReadOnlyList<Resource> DraftOrders { get; init; } = [];

    /// <summary><c>order-select</c> selections, as relative references such as <c>MedicationRequest/103</c>.</summary>
    public IReadOnlyList<string> Selections { get; init; } = [];

    /// <summary>Prefetch keys whose data could not be obtained; criteria fed by them are unknown.</summary>
    public IReadOnlyList<DataGap> DataGaps { get; init; } = [];

    /// <summary>Resources that failed their profile and were left out of <see cref="Data"/>; criteria they would feed are unknown.</summary>
    public IReadOnlyList<SetAsideResource> SetAside { get; init; } = [];

    /// <summary>The request's <c>fhirServer</c>, if any: absolute references into it name the same resources as relative ones.</summary>
    public Uri? FhirServer { get; init; }
}

/// <summary>The patient's data as the host resolved it.</summary>
/// <param name="Patient">The Patient resource, when it could be had.</param>
/// <param name="Resources">Every other resource (Condition, MedicationStatement, ...), de-duplicated.</param>
public sealed record ClinicalData(Patient? Patient, IReadOnlyList<Resource> Resources);

/// <summary>A prefetch key whose data could not be obtained, or only in part, and why (no PHI).</summary>
/// <param name="PrefetchKey">The discovery prefetch key, e.g. <c>observations</c>.</param>
/// <param name="ResourceType">The FHIR resource type the key would have supplied.</param>
/// <param name="Reason">Why it is missing, e.g. "FHIR server answered 500".</param>
/// <param name="Partial">Whether some of the key's data was read (e.g. all pages but one); criteria still treat the type as incomplete.</param>
public sealed record DataGap(string PrefetchKey, string ResourceType, string Reason, bool Partial = false);
