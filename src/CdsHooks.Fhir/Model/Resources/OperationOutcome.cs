namespace CdsHooks.Fhir.Model;

/// <summary>FHIR R4 <c>OperationOutcome</c>: errors, warnings and information from a system action.</summary>
public sealed record OperationOutcome : DomainResource
{
    /// <summary>The FHIR resource type name, <c>OperationOutcome</c>.</summary>
    public const string TypeName = "OperationOutcome";

    /// <summary>Creates an empty <c>OperationOutcome</c>.</summary>
    public OperationOutcome()
        : base(TypeName)
    {
    }

    /// <summary>A single issue associated with the action.</summary>
    public IReadOnlyList<OperationOutcomeIssue>? Issue { get; set; }

    /// <summary>Creates an outcome with one <c>error</c> issue.</summary>
    /// <param name="code">The FHIR IssueType code, e.g. <c>processing</c> or <c>not-found</c>.</param>
    /// <param name="diagnostics">Diagnostic text; must carry no PHI.</param>
    /// <param name="expression">Optional FHIRPath of the element concerned.</param>
    /// <returns>The outcome.</returns>
    public static OperationOutcome Error(string code, string diagnostics, string? expression = null)
        => Create("error", code, diagnostics, expression);

    /// <summary>Creates an outcome with one issue of the given severity.</summary>
    /// <param name="severity">fatal | error | warning | information.</param>
    /// <param name="code">The FHIR IssueType code.</param>
    /// <param name="diagnostics">Diagnostic text; must carry no PHI.</param>
    /// <param name="expression">Optional FHIRPath of the element concerned.</param>
    /// <returns>The outcome.</returns>
    public static OperationOutcome Create(string severity, string code, string diagnostics, string? expression = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(severity);
        ArgumentException.ThrowIfNullOrEmpty(code);
        return new OperationOutcome
        {
            Issue =
            [
                new OperationOutcomeIssue
                {
                    Severity = severity,
                    Code = code,
                    Diagnostics = diagnostics,
                    Expression = expression is null ? null : [expression],
                },
            ],
        };
    }
}
