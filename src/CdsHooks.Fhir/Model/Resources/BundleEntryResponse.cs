namespace CdsHooks.Fhir.Model;

/// <summary>FHIR <c>Bundle.entry.response</c>: results of execution.</summary>
public sealed record BundleEntryResponse : Element
{
    /// <summary>Status response code (text optional).</summary>
    public string? Status { get; set; }

    /// <summary>The location, if the operation returns one.</summary>
    public string? Location { get; set; }

    /// <summary>OperationOutcome with hints and warnings.</summary>
    public Resource? Outcome { get; set; }
}
