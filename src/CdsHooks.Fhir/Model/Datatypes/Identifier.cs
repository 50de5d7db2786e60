namespace CdsHooks.Fhir.Model;

/// <summary>FHIR <c>Identifier</c>: an identifier intended for computation.</summary>
public sealed record Identifier : Element
{
    /// <summary>usual | official | temp | secondary | old.</summary>
    public string? Use { get; init; }

    /// <summary>Description of the identifier.</summary>
    public CodeableConcept? Type { get; init; }

    /// <summary>The namespace for the identifier value.</summary>
    public string? System { get; init; }

    /// <summary>The value that is unique within the system.</summary>
    public string? Value { get; init; }

    /// <summary>Time period when the identifier is or was valid.</summary>
    public Period? Period { get; init; }
}
