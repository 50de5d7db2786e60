using CdsHooks.Fhir.Model;

namespace CdsHooks.Clinical.Prefetch;

/// <summary>
/// Guards against another patient's data reaching the evaluation: a resource whose subject names a different
/// patient than <c>context.patientId</c> is ignored. Resources with no subject, or a subject that is not a Patient
/// reference, cannot be checked and are kept.
/// </summary>
internal static class PatientReferences
{
    private const string PatientSegment = "Patient/";

    public static bool BelongsTo(Resource resource, string patientId) => resource switch
    {
        Patient patient => patient.Id is null || patient.Id == patientId,
        Condition r => Matches(r.Subject, patientId),
        Observation r => Matches(r.Subject, patientId),
        MedicationStatement r => Matches(r.Subject, patientId),
        MedicationRequest r => Matches(r.Subject, patientId),
        Procedure r => Matches(r.Subject, patientId),
        ServiceRequest r => Matches(r.Subject, patientId),
        _ => true,
    };

    private static bool Matches(Reference? subject, string patientId)
    {
        string? reference = subject?.ReferenceValue;
        if (reference is null)
        {
            return true;
        }

        // Relative "Patient/123", absolute "https://ehr/fhir/Patient/123", either with an optional "/_history/n".
        int history = reference.IndexOf("/_history/", StringComparison.Ordinal);
        ReadOnlySpan<char> path = history < 0 ? reference : reference.AsSpan(0, history);
        int at = path.LastIndexOf(PatientSegment, StringComparison.Ordinal);
        if (at < 0 || (at > 0 && path[at - 1] != '/'))
        {
            return true;
        }

        return path[(at + PatientSegment.Length)..].SequenceEqual(patientId);
    }
}
