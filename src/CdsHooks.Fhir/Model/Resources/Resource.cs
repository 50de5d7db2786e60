using System.Text.Json;
using System.Text.Json.Serialization;

namespace CdsHooks.Fhir.Model;

/// <summary>
/// Base of every FHIR resource. <see cref="ResourceType"/> is fixed by the concrete type (and, for
/// <see cref="OtherResource"/>, read from JSON); it is always written first.
/// </summary>
public abstract record Resource
{
    /// <summary>Creates a resource of the given FHIR type.</summary>
    /// <param name="resourceType">The FHIR resource type name, e.g. <c>Patient</c>.</param>
    protected Resource(string resourceType)
    {
        ArgumentException.ThrowIfNullOrEmpty(resourceType);
        ResourceType = resourceType;
    }

    /// <summary>The FHIR resource type name, e.g. <c>Patient</c>.</summary>
    [JsonPropertyOrder(-1)]
    public string ResourceType { get; }

    /// <summary>Logical id of this resource.</summary>
    public string? Id { get; set; }

    /// <summary>Metadata about the resource.</summary>
    public Meta? Meta { get; set; }

    /// <summary>A set of rules under which this content was created.</summary>
    public string? ImplicitRules { get; set; }

    /// <summary>Language of the resource content.</summary>
    public string? Language { get; set; }

    /// <summary>JSON members this model does not map (e.g. narrative <c>text</c>, <c>_status</c>), kept exactly as received.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalElements { get; set; }
}
