using System.Text.Json;

namespace CdsHooks.Protocol.Cards;

/// <summary>A change a suggestion (or a system action) proposes (CDS Hooks §Action).</summary>
public sealed record CdsAction
{
    /// <summary>REQUIRED. Create, update or delete.</summary>
    public required CdsActionType Type { get; init; }

    /// <summary>REQUIRED in suggestions (cds-resp-5), OPTIONAL in system actions. Human-readable description.</summary>
    public string? Description { get; init; }

    /// <summary>The FHIR resource to create or update, as JSON. Not for delete (cds-resp-2).</summary>
    public JsonElement? Resource { get; init; }

    /// <summary>The relative reference to delete, e.g. <c>MedicationRequest/123</c> (2.0).</summary>
    public string? ResourceId { get; init; }
}
