namespace CdsHooks.Fhir.Model;

/// <summary>FHIR <c>HumanName</c>: the name of a person.</summary>
public sealed record HumanName : Element
{
    /// <summary>usual | official | temp | nickname | anonymous | old | maiden.</summary>
    public string? Use { get; set; }

    /// <summary>Text representation of the full name.</summary>
    public string? Text { get; set; }

    /// <summary>Family name (often called surname).</summary>
    public string? Family { get; set; }

    /// <summary>Given names (not always first), including middle names.</summary>
    public IReadOnlyList<string>? Given { get; set; }
}
