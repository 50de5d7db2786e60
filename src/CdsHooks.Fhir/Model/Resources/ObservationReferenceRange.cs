namespace CdsHooks.Fhir.Model;

/// <summary>FHIR <c>Observation.referenceRange</c>: guidance on how to interpret the value.</summary>
public sealed record ObservationReferenceRange : Element
{
    /// <summary>Low range, if relevant.</summary>
    public Quantity? Low { get; set; }

    /// <summary>High range, if relevant.</summary>
    public Quantity? High { get; set; }

    /// <summary>Reference range qualifier.</summary>
    public CodeableConcept? Type { get; set; }

    /// <summary>Reference range population.</summary>
    public IReadOnlyList<CodeableConcept>? AppliesTo { get; set; }

    /// <summary>Applicable age range, if relevant.</summary>
    public Range? Age { get; set; }

    /// <summary>Text based reference range.</summary>
    public string? Text { get; set; }
}
