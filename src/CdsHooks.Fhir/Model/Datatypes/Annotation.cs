namespace CdsHooks.Fhir.Model;

/// <summary>FHIR <c>Annotation</c>: a text note with attribution.</summary>
public sealed record Annotation : Element
{
    /// <summary>Individual responsible for the annotation, as text.</summary>
    public string? AuthorString { get; init; }

    /// <summary>Individual responsible for the annotation.</summary>
    public Reference? AuthorReference { get; init; }

    /// <summary>When the annotation was made.</summary>
    public FhirDateTime? Time { get; init; }

    /// <summary>The annotation (markdown).</summary>
    public string? Text { get; init; }
}
