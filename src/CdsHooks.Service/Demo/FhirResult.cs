using CdsHooks.Fhir.Model;
using CdsHooks.Fhir.Serialization;

namespace CdsHooks.Service.Demo;

/// <summary>Writes a FHIR resource as <c>application/fhir+json</c> with a status code (whatever the Accept header).</summary>
/// <param name="resource">The resource.</param>
/// <param name="statusCode">The HTTP status.</param>
internal sealed class FhirResult(Resource resource, int statusCode = StatusCodes.Status200OK) : IResult, IStatusCodeHttpResult
{
    /// <summary>The content type of every answer.</summary>
    public const string ContentType = "application/fhir+json; charset=utf-8";

    /// <summary>The resource written.</summary>
    public Resource Resource { get; } = resource;

    /// <inheritdoc />
    public int? StatusCode { get; } = statusCode;

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var body = FhirJson.SerializeToUtf8Bytes(Resource);
        httpContext.Response.StatusCode = StatusCode ?? StatusCodes.Status200OK;
        httpContext.Response.ContentType = ContentType;
        httpContext.Response.ContentLength = body.Length;
        return httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }
}
