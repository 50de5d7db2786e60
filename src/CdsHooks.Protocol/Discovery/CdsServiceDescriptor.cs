using System.Text.Json;

namespace CdsHooks.Protocol.Discovery;

/// <summary>One entry of the discovery response (CDS Hooks 2.0.1 §Discovery, with the 3.0 additions).</summary>
public sealed record CdsServiceDescriptor
{
    /// <summary>REQUIRED. The hook this service is invoked on, e.g. <c>order-sign</c>.</summary>
    public required string Hook { get; init; }

    /// <summary>RECOMMENDED. A human-friendly name.</summary>
    public string? Title { get; init; }

    /// <summary>REQUIRED. What the service does (markdown in 3.0).</summary>
    public required string Description { get; init; }

    /// <summary>REQUIRED. The service id: the service is called at <c>{baseUrl}/cds-services/{id}</c>.</summary>
    public required string Id { get; init; }

    /// <summary>OPTIONAL. Prefetch key → prefetch template (a FHIR read or search relative to <c>fhirServer</c>).</summary>
    public IReadOnlyDictionary<string, string>? Prefetch { get; init; }

    /// <summary>OPTIONAL (2.0). Human-readable requirements the client must meet to use the service.</summary>
    public string? UsageRequirements { get; init; }

    /// <summary>RECOMMENDED (3.0). The semver of the CDS Hooks specification implemented, e.g. <c>2.0.1</c>.</summary>
    public string? Version { get; init; }

    /// <summary>OPTIONAL (3.0). The <c>hookVersion</c> of the hook definition implemented, e.g. <c>1.0</c>.</summary>
    public string? HookVersion { get; init; }

    /// <summary>OPTIONAL. The <c>extension</c> object.</summary>
    public JsonElement? Extension { get; init; }
}
