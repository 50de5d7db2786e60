namespace CdsHooks.Fhir.Model;

/// <summary>FHIR <c>CodeableConcept</c>: a concept given by codings and/or text.</summary>
public sealed record CodeableConcept : Element
{
    /// <summary>Codes defined by terminology systems.</summary>
    public IReadOnlyList<Coding>? Coding { get; set; }

    /// <summary>Plain text representation of the concept.</summary>
    public string? Text { get; set; }
}
