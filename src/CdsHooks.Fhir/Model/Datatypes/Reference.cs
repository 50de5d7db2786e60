using System.Text.Json.Serialization;

namespace CdsHooks.Fhir.Model;

/// <summary>FHIR <c>Reference</c>: a reference from one resource to another.</summary>
public sealed record Reference : Element
{
    /// <summary>Literal reference, relative, internal (<c>#id</c>) or absolute URL.</summary>
    [JsonPropertyName("reference")]
    public string? ReferenceValue { get; set; }

    /// <summary>Type the reference refers to, e.g. <c>Patient</c>.</summary>
    public string? Type { get; set; }

    /// <summary>Logical reference, when the literal reference is not known.</summary>
    public Identifier? Identifier { get; set; }

    /// <summary>Text alternative for the resource.</summary>
    public string? Display { get; set; }
}
