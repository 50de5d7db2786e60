namespace CdsHooks.Fhir.Model;

/// <summary>FHIR <c>Range</c>: a set of ordered quantities defined by a low and high limit.</summary>
public sealed record Range : Element
{
    /// <summary>Low limit.</summary>
    public Quantity? Low { get; set; }

    /// <summary>High limit.</summary>
    public Quantity? High { get; set; }
}
