namespace CdsHooks.Fhir.Model;

/// <summary>FHIR <c>Meta</c>: metadata about a resource.</summary>
public sealed record Meta : Element
{
    /// <summary>Version-specific identifier.</summary>
    public string? VersionId { get; set; }

    /// <summary>When the resource version last changed.</summary>
    public FhirDateTime? LastUpdated { get; set; }

    /// <summary>Identifies where the resource comes from.</summary>
    public string? Source { get; set; }

    /// <summary>Profiles this resource claims to conform to.</summary>
    public IReadOnlyList<string>? Profile { get; set; }

    /// <summary>Security labels applied to this resource.</summary>
    public IReadOnlyList<Coding>? Security { get; set; }

    /// <summary>Tags applied to this resource.</summary>
    public IReadOnlyList<Coding>? Tag { get; set; }
}
