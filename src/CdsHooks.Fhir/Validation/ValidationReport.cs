using CdsHooks.Fhir.Model;

namespace CdsHooks.Fhir.Validation;

/// <summary>The findings of validating one resource, each an OperationOutcome issue with a FHIRPath-like location.</summary>
/// <param name="ResourceType">The resource's type.</param>
/// <param name="Id">Its id, when it has one.</param>
/// <param name="Profiles">The canonical URLs of the profiles it was checked against (the base definition always).</param>
/// <param name="Issues">The findings, in document order.</param>
public sealed record ValidationReport(string ResourceType, string? Id, IReadOnlyList<string> Profiles, IReadOnlyList<OperationOutcomeIssue> Issues)
{
    /// <summary>Whether no finding is an error (warnings and information allowed).</summary>
    public bool IsValid => !Issues.Any(IsError);

    /// <summary>The errors (severity error or fatal).</summary>
    public IEnumerable<OperationOutcomeIssue> Errors => Issues.Where(IsError);

    /// <summary>The warnings.</summary>
    public IEnumerable<OperationOutcomeIssue> Warnings => Issues.Where(i => i.Severity == "warning");

    /// <summary>A relative reference such as <c>Observation/obs-1</c>, or the type alone without an id.</summary>
    public string Reference => Id is null ? ResourceType : $"{ResourceType}/{Id}";

    /// <summary>The findings as an OperationOutcome; one information issue when there are none.</summary>
    /// <returns>The OperationOutcome.</returns>
    public OperationOutcome ToOperationOutcome() => Issues.Count > 0
        ? new OperationOutcome { Issue = Issues }
        : OperationOutcome.Create("information", "informational", $"{ResourceType} conforms to {string.Join(", ", Profiles)}.");

    /// <summary>The stable code of an issue (<see cref="ValidationIssueCodes"/>), from its details.</summary>
    /// <param name="issue">The issue.</param>
    /// <returns>The code, or null.</returns>
    public static string? CodeOf(OperationOutcomeIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        return issue.Details?.Coding?.FirstOrDefault(c => c.System == ValidationIssueCodes.System)?.Code;
    }

    private static bool IsError(OperationOutcomeIssue issue) => issue.Severity is "error" or "fatal";
}
