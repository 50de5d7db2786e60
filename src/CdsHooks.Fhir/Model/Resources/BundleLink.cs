namespace CdsHooks.Fhir.Model;

/// <summary>FHIR <c>Bundle.link</c>: a link related to the bundle.</summary>
public sealed record BundleLink : Element
{
    /// <summary>The relation, e.g. <c>self</c> or <c>next</c>.</summary>
    public string? Relation { get; set; }

    /// <summary>Reference details for the link.</summary>
    public string? Url { get; set; }
}
