namespace CdsHooks.Fhir.Model;

/// <summary>FHIR <c>OperationOutcome.issue</c>: a single issue.</summary>
public sealed record OperationOutcomeIssue : Element
{
    /// <summary>fatal | error | warning | information.</summary>
    public string? Severity { get; set; }

    /// <summary>Error or warning code (IssueType).</summary>
    public string? Code { get; set; }

    /// <summary>Additional details about the error.</summary>
    public CodeableConcept? Details { get; set; }

    /// <summary>Additional diagnostic information about the issue.</summary>
    public string? Diagnostics { get; set; }

    /// <summary>Deprecated path of element(s) related to the issue.</summary>
    public IReadOnlyList<string>? Location { get; set; }

    /// <summary>FHIRPath of element(s) related to the issue.</summary>
    public IReadOnlyList<string>? Expression { get; set; }
}
