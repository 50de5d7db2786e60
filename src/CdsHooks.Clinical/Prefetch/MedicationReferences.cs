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

    /// <summary>How many of those reads are in flight at once.</summary>
    public const int ConcurrentReads = 4;

    private const string Prefix = "Medication/";

    /// <summary>
    /// The relative reference (<c>Medication/{id}</c>) of a Medication reference, without a version. An absolute
    /// reference counts only when it points into <paramref name="fhirServer"/>: the same id on another server is another
    /// drug. <c>null</c> for a contained (<c>#id</c>), foreign or non-Medication reference, or an id FHIR does not allow.
    /// </summary>
    /// <param name="reference">The <c>Reference.reference</c> value.</param>
    /// <param name="fhirServer">The request's FHIR server, if any.</param>
    /// <returns>The relative reference, or <c>null</c>.</returns>
    public static string? Normalize(string? reference, Uri? fhirServer) => NormalizeUnder(reference, ServerBase(fhirServer));

    /// <summary>The prefix of absolute references into <paramref name="fhirServer"/>, for <see cref="NormalizeUnder"/>.</summary>
    /// <param name="fhirServer">The request's FHIR server, if any.</param>
    /// <returns>The base URL ending in '/', or null.</returns>
    public static string? ServerBase(Uri? fhirServer) => fhirServer is null ? null : fhirServer.AbsoluteUri.TrimEnd('/') + "/";

    /// <summary>As <see cref="Normalize(string?, Uri?)"/>, with the server's base already worked out (<see cref="ServerBase"/>).</summary>
    /// <param name="reference">The <c>Reference.reference</c> value.</param>
    /// <param name="serverBase">The base from <see cref="ServerBase"/>, or null when the request has no FHIR server.</param>
    /// <returns>The relative reference, or <c>null</c>.</returns>
    public static string? NormalizeUnder(string? reference, string? serverBase)
    {
        if (string.IsNullOrEmpty(reference) || reference[0] == '#')
        {
            return null;
        }

        int history = reference.IndexOf("/_history/", StringComparison.Ordinal);
        string path = history < 0 ? reference : reference[..history];
        if (Uri.TryCreate(path, UriKind.Absolute, out _))
        {
            if (serverBase is null || !path.StartsWith(serverBase, StringComparison.Ordinal))
            {
                return null;
            }

            path = path[serverBase.Length..];
        }

        return path.StartsWith(Prefix, StringComparison.Ordinal) && IsFhirId(path.AsSpan(Prefix.Length)) ? path : null;
    }

    // FHIR R4 id: [A-Za-z0-9\-\.]{1,64}. Anything else is not read, so it cannot steer the request URL.
    private static bool IsFhirId(ReadOnlySpan<char> id)
    {
        if (id.IsEmpty || id.Length > 64)
        {
            return false;
        }

        foreach (char c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The Medication references of medication records that neither contain nor come with the Medication.</summary>
    /// <param name="resources">The patient's resources, Medications included.</param>
    /// <param name="fhirServer">The request's FHIR server, if any.</param>
    /// <returns>Distinct relative references, in the order first met.</returns>
    public static IReadOnlyList<string> Unresolved(IEnumerable<Resource> resources, Uri? fhirServer)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var all = resources as IReadOnlyCollection<Resource> ?? resources.ToList();
        string? serverBase = ServerBase(fhirServer);
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
            if (NormalizeUnder(reference, serverBase) is { } relative && present.Add(relative))
            {
                missing.Add(relative);
            }
        }

        return missing;
    }
}
