namespace CdsHooks.Fhir.Model;

/// <summary>FHIR <c>Annotation</c>: a text note with attribution.</summary>
public sealed record Annotation : Element
{
    /// <summary>Individual responsible for the annotation, as text.</summary>
    public string? AuthorString { get; set; }

    /// <summary>Individual responsible for the annotation.</summary>
    public Reference? AuthorReference { get; set; }

    /// <summary>When the annotation was made.</summary>
    public FhirDateTime? Time { get; set; }

    /// <summary>The annotation (markdown).</summary>
    public string? Text { get; set; }
}
