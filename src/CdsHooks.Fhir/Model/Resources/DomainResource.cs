namespace CdsHooks.Fhir.Model;

/// <summary>
/// A FHIR resource with narrative, extensions and contained resources. The narrative <c>text</c>
/// stays in <see cref="Resource.AdditionalElements"/>.
/// </summary>
public abstract record DomainResource : Resource
{
    /// <summary>Creates a domain resource of the given FHIR type.</summary>
    /// <param name="resourceType">The FHIR resource type name.</param>
    protected DomainResource(string resourceType)
        : base(resourceType)
    {
    }

    /// <summary>Contained, inline resources (e.g. a contained Medication).</summary>
    public IReadOnlyList<Resource>? Contained { get; set; }

    /// <summary>Additional content defined by implementations.</summary>
    public IReadOnlyList<Extension>? Extension { get; set; }

    /// <summary>Extensions that cannot be ignored.</summary>
    public IReadOnlyList<Extension>? ModifierExtension { get; set; }
}
