using CdsHooks.Fhir.Model;

namespace CdsHooks.Clinical.Timeline;

/// <summary>The concept that decides which value sets a resource falls in: its code, or its medication's code.</summary>
internal static class ResourceCode
{
    public static CodeableConcept? Of(Resource resource, MedicationIndex medications) => resource switch
    {
        Condition c => c.Code,
        Observation o => o.Code,
        Procedure p => p.Code,
        MedicationStatement m => TimelineBuilder.MedicationCode(m.MedicationCodeableConcept, m.MedicationReference, m, medications),
        MedicationRequest m => TimelineBuilder.MedicationCode(m.MedicationCodeableConcept, m.MedicationReference, m, medications),
        _ => null,
    };
}
