using CdsHooks.Fhir.Model;
using CdsHooks.Fhir.Serialization;

namespace CdsHooks.Service.Errors;

/// <summary>
/// Writes error responses as FHIR OperationOutcomes (CDS Hooks 3.0: a non-2xx response SHOULD carry one). Every
/// diagnostic is written by this service and names the problem, never request content.
/// </summary>
internal static class OperationOutcomeResponse
{
    /// <summary>The media type of every error body.</summary>
    public const string ContentType = "application/fhir+json; charset=utf-8";

    /// <summary>The system of the project's stable error codes, carried in <c>issue.details</c>.</summary>
    public const string ErrorCodeSystem = "http://refractorycds.org/fhir/CodeSystem/error-code";

    public static OperationOutcomeIssue Issue(string issueType, string diagnostics, string? errorCode = null, string? expression = null) => new()
    {
        Severity = "error",
        Code = issueType,
        Details = errorCode is null ? null : new CodeableConcept { Coding = [new Coding { System = ErrorCodeSystem, Code = errorCode }] },
        Diagnostics = diagnostics,
        Expression = expression is null ? null : [expression],
    };

    public static async Task WriteAsync(HttpResponse response, int statusCode, IReadOnlyList<OperationOutcomeIssue> issues)
    {
        response.StatusCode = statusCode;
        response.ContentType = ContentType;
        byte[] body = FhirJson.SerializeToUtf8Bytes(new OperationOutcome { Issue = issues });
        await response.Body.WriteAsync(body, response.HttpContext.RequestAborted).ConfigureAwait(false);
    }
}
