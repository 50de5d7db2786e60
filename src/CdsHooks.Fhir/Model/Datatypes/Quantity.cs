namespace CdsHooks.Fhir.Model;

/// <summary>FHIR <c>Quantity</c> (also used for Age, Duration, SimpleQuantity): a measured amount.</summary>
public sealed record Quantity : Element
{
    /// <summary>Numerical value, with its stated precision kept by <see cref="decimal"/>.</summary>
    public decimal? Value { get; set; }

    /// <summary>&lt; | &lt;= | &gt;= | &gt; - how to understand the value.</summary>
    public string? Comparator { get; set; }

    /// <summary>Unit representation.</summary>
    public string? Unit { get; set; }

    /// <summary>System that defines the coded unit form, e.g. UCUM.</summary>
    public string? System { get; set; }

    /// <summary>Coded form of the unit.</summary>
    public string? Code { get; set; }
}
