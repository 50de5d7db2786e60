namespace CdsHooks.Fhir.Model;

/// <summary>FHIR <c>Observation.referenceRange</c>: guidance on how to interpret the value.</summary>
public sealed record ObservationReferenceRange : Element
{
    /// <summary>Low range, if relevant.</summary>
    public Quantity? Low { get; init; }

    /// <summary>High range, if relevant.</summary>
    public Quantity? High { get; init; }

    /// <summary>Reference range qualifier.</summary>
    public CodeableConcept? Type { get; init; }

    /// <summary>Reference range population.</summary>
    public IReadOnlyList<CodeableConcept>? AppliesTo { get; init; }

    /// <summary>Applicable age range, if relevant.</summary>
    public Range? Age { get; init; }

    /// <summary>Text based reference range.</summary>
    public string? Text { get; init; }
}
