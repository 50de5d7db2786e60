namespace CdsHooks.Fhir.Model;

/// <summary>FHIR <c>Condition.stage</c>: stage or grade.</summary>
public sealed record ConditionStage : Element
{
    /// <summary>Simple summary (disease specific).</summary>
    public CodeableConcept? Summary { get; set; }

    /// <summary>Formal record of assessment.</summary>
    public IReadOnlyList<Reference>? Assessment { get; set; }

    /// <summary>Kind of staging.</summary>
    public CodeableConcept? Type { get; set; }
}
