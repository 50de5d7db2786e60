namespace CdsHooks.Fhir.Model;

/// <summary>FHIR <c>Period</c>: a time range defined by start and end, each keeping its precision.</summary>
public sealed record Period : Element
{
    /// <summary>Starting time with inclusive boundary.</summary>
    public FhirDateTime? Start { get; set; }

    /// <summary>End time with inclusive boundary, if not ongoing.</summary>
    public FhirDateTime? End { get; set; }
}
