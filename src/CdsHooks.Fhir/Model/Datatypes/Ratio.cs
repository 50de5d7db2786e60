namespace CdsHooks.Fhir.Model;

/// <summary>FHIR <c>Ratio</c>: a ratio of two quantities.</summary>
public sealed record Ratio : Element
{
    /// <summary>Numerator value.</summary>
    public Quantity? Numerator { get; set; }

    /// <summary>Denominator value.</summary>
    public Quantity? Denominator { get; set; }
}
