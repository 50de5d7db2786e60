namespace CdsHooks.Fhir.Model;

/// <summary>FHIR <c>Condition.evidence</c>: supporting evidence.</summary>
public sealed record ConditionEvidence : Element
{
    /// <summary>Manifestation or symptom.</summary>
    public IReadOnlyList<CodeableConcept>? Code { get; set; }

    /// <summary>Supporting information found elsewhere.</summary>
    public IReadOnlyList<Reference>? Detail { get; set; }
}
