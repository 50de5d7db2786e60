using CdsHooks.Clinical.Prefetch;
using CdsHooks.Fhir.Model;

namespace CdsHooks.Clinical.Timeline;

/// <summary>
/// The Medication resources of one call, found by the references medication records make to them: relative, or
/// absolute into the call's FHIR server, with or without a version.
/// </summary>
internal sealed class MedicationIndex
{
    private readonly Dictionary<string, Medication> _byReference;
    private readonly string? _serverBase;

    private MedicationIndex(Dictionary<string, Medication> byReference, Uri? fhirServer)
    {
        _byReference = byReference;
        _serverBase = MedicationReferences.ServerBase(fhirServer);
    }

    /// <summary>Indexes the Medications among <paramref name="resources"/>.</summary>
    public static MedicationIndex Of(IReadOnlyList<Resource> resources, Uri? fhirServer)
    {
        var index = new Dictionary<string, Medication>(StringComparer.Ordinal);
        foreach (var resource in resources)
        {
            if (resource is Medication { Id: { } id } medication)
            {
                index["Medication/" + id] = medication;
            }
        }

        return new MedicationIndex(index, fhirServer);
    }

    /// <summary>The Medication a (non-contained) reference names, when the call has it.</summary>
    public Medication? Find(string reference)
        => MedicationReferences.NormalizeUnder(reference, _serverBase) is { } relative && _byReference.TryGetValue(relative, out var medication) ? medication : null;

    /// <summary>The relative form of <paramref name="reference"/>, for messages; null when it names no Medication this call could read.</summary>
    public string? Relative(string reference) => MedicationReferences.NormalizeUnder(reference, _serverBase);
}
