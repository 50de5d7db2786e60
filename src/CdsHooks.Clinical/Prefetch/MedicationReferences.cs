using CdsHooks.Fhir.Model;

namespace CdsHooks.Clinical.Prefetch;

/// <summary>
/// The Medication resources a patient's MedicationStatements and MedicationRequests point to by reference. EHRs often
/// record the drug this way, and a CDS Hooks prefetch template cannot <c>_include</c> it, so the service reads them
/// itself; without them the agent of the record is unknown.
/// </summary>
public static class MedicationReferences
{
    /// <summary>The most Medications one call reads; a patient with more distinct referenced drugs gets a partial gap.</summary>
    public const int MaxReads = 50;

    private const string Prefix = "Medication/";

    /// <summary>
    /// The relative reference (<c>Medication/{id}</c>) of a Medication reference given relative or absolute, with or
    /// without a version; <c>null</c> for a contained (<c>#id</c>) or non-Medication reference.
    /// </summary>
    /// <param name="reference">The <c>Reference.reference</c> value.</param>
    /// <returns>The relative reference, or <c>null</c>.</returns>
    public static string? Normalize(string? reference)
    {
        if (string.IsNullOrEmpty(reference) || reference[0] == '#')
        {
            return null;
        }

        int history = reference.IndexOf("/_history/", StringComparison.Ordinal);
        string path = history < 0 ? reference : reference[..history];
        int at = path.LastIndexOf(Prefix, StringComparison.Ordinal);
        if (at < 0 || (at > 0 && path[at - 1] != '/'))
        {
            return null;
        }

        string id = path[(at + Prefix.Length)..];
        return id.Length > 0 && !id.Contains('/', StringComparison.Ordinal) ? Prefix + id : null;
    }

    /// <summary>The Medication references of medication records that neither contain nor come with the Medication.</summary>
    /// <param name="resources">The patient's resources, Medications included.</param>
    /// <returns>Distinct relative references, in the order first met.</returns>
    public static IReadOnlyList<string> Unresolved(IEnumerable<Resource> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var all = resources as IReadOnlyCollection<Resource> ?? resources.ToList();
        var present = all.OfType<Medication>().Where(m => m.Id is not null).Select(m => Prefix + m.Id).ToHashSet(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var resource in all)
        {
            var reference = resource switch
            {
                MedicationStatement { MedicationCodeableConcept: null } s => s.MedicationReference?.ReferenceValue,
                MedicationRequest { MedicationCodeableConcept: null } r => r.MedicationReference?.ReferenceValue,
                _ => null,
            };
            if (Normalize(reference) is { } relative && present.Add(relative))
            {
                missing.Add(relative);
            }
        }

        return missing;
    }
}
