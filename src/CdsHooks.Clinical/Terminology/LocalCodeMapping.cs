namespace CdsHooks.Clinical.Terminology;

/// <summary>
/// A site-local code mapped onto a code the packs know, from configuration
/// (<c>Clinical:Terminology:LocalCodes</c>); the ConceptMap files in the profiles directory do the same in FHIR form.
/// </summary>
public sealed class LocalCodeMapping
{
    /// <summary>The site's code system URL.</summary>
    public string System { get; set; } = "";

    /// <summary>The site's code.</summary>
    public string Code { get; set; } = "";

    /// <summary>The standard system the code stands for.</summary>
    public string TargetSystem { get; set; } = "";

    /// <summary>The standard code it stands for.</summary>
    public string TargetCode { get; set; } = "";
}
