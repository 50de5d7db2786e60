using System.Text.Json.Serialization;

namespace CdsHooks.Fhir.Model;

/// <summary>
/// Any resource type this model does not map (Encounter, Practitioner, Flag, ...): the
/// <see cref="Resource.ResourceType"/> read from JSON plus every other member in
/// <see cref="Resource.AdditionalElements"/>, written back unchanged.
/// </summary>
public sealed record OtherResource : DomainResource
{
    /// <summary>Creates an unmapped resource of the given type.</summary>
    /// <param name="resourceType">The FHIR resource type name as read from JSON.</param>
    [JsonConstructor]
    public OtherResource(string resourceType)
        : base(resourceType)
    {
    }
}
