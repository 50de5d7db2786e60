namespace CdsHooks.Fhir.Model;

/// <summary>FHIR <c>Bundle.entry.request</c>: transaction related information.</summary>
public sealed record BundleEntryRequest : Element
{
    /// <summary>GET | HEAD | POST | PUT | DELETE | PATCH.</summary>
    public string? Method { get; set; }

    /// <summary>URL for the HTTP equivalent of this entry.</summary>
    public string? Url { get; set; }
}
