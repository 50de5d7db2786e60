using CdsHooks.Fhir.Model;

namespace CdsHooks.Service.Demo;

/// <summary>A request to the demo FHIR endpoint that cannot be answered; becomes an OperationOutcome.</summary>
internal sealed class DemoFhirRequestException : Exception
{
    /// <summary>The system of the coded error in <c>OperationOutcome.issue.details</c>.</summary>
    public const string ErrorSystem = "http://refractorycds.org/fhir/CodeSystem/demo-fhir-errors";

    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="issueType">The FHIR IssueType, e.g. <c>not-supported</c>.</param>
    /// <param name="errorCode">One of <see cref="DemoFhirErrorCodes"/>.</param>
    /// <param name="diagnostics">What is wrong and what is supported; no patient data.</param>
    public DemoFhirRequestException(int statusCode, string issueType, string errorCode, string diagnostics)
        : base(diagnostics)
    {
        StatusCode = statusCode;
        IssueType = issueType;
        ErrorCode = errorCode;
    }

    /// <summary>The HTTP status.</summary>
    public int StatusCode { get; }

    /// <summary>The FHIR IssueType.</summary>
    public string IssueType { get; }

    /// <summary>The stable error code.</summary>
    public string ErrorCode { get; }

    /// <summary>A 400 for a malformed value.</summary>
    public static DemoFhirRequestException Invalid(string diagnostics)
        => new(StatusCodes.Status400BadRequest, "invalid", DemoFhirErrorCodes.InvalidValue, diagnostics);

    /// <summary>A 400 for something this endpoint does not support.</summary>
    public static DemoFhirRequestException NotSupported(string errorCode, string diagnostics)
        => new(StatusCodes.Status400BadRequest, "not-supported", errorCode, diagnostics);

    /// <summary>The error as a FHIR OperationOutcome.</summary>
    /// <returns>The outcome.</returns>
    public OperationOutcome ToOutcome() => new()
    {
        Issue =
        [
            new OperationOutcomeIssue
            {
                Severity = "error",
                Code = IssueType,
                Details = new CodeableConcept { Coding = [new Coding { System = ErrorSystem, Code = ErrorCode }] },
                Diagnostics = Message,
            },
        ],
    };
}
