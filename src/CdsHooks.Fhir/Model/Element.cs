using System.Text.Json;
using System.Text.Json.Serialization;

namespace CdsHooks.Fhir.Model;

/// <summary>
/// Base of every FHIR datatype and backbone element in this model. It keeps every JSON member the
/// model does not name (element <c>id</c>, <c>extension</c>, <c>_value</c> primitive extensions, elements
/// this small model leaves out) so that a resource survives a read/write round trip unchanged.
/// </summary>
public abstract record Element
{
    /// <summary>JSON members this model does not map, kept exactly as received.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalElements { get; set; }
}
