namespace CdsHooks.Fhir.Model;

/// <summary>FHIR <c>Identifier</c>: an identifier intended for computation.</summary>
public sealed record Identifier : Element
{
    /// <summary>usual | official | temp | secondary | old.</summary>
    public string? Use { get; set; }

    /// <summary>Description of the identifier.</summary>
    public CodeableConcept? Type { get; set; }

    /// <summary>The namespace for the identifier value.</summary>
    public string? System { get; set; }

    /// <summary>The value that is unique within the system.</summary>
    public string? Value { get; set; }

    /// <summary>Time period when the identifier is or was valid.</summary>
    public Period? Period { get; set; }
}
