namespace CdsHooks.Protocol.Discovery;

/// <summary>The body of <c>GET {baseUrl}/cds-services</c>. <c>services</c> is always written, as <c>[]</c> when there are none.</summary>
public sealed record DiscoveryResponse
{
    /// <summary>REQUIRED. The services offered; may be empty.</summary>
    public required IReadOnlyList<CdsServiceDescriptor> Services { get; init; }
}
