namespace CdsHooks.Fhir.Rest;

/// <summary>The outcome of one GET attempt: a status and, for 2xx, the whole FHIR JSON body.</summary>
/// <param name="StatusCode">The HTTP status code.</param>
/// <param name="Body">The body, read within the size limit; empty for non-2xx answers (their bodies are never read).</param>
internal sealed record FhirHttpResponse(int StatusCode, ReadOnlyMemory<byte> Body)
{
    public bool IsSuccess => StatusCode is >= 200 and <= 299;

    /// <summary>5xx and 408 may succeed on a later attempt; every other status is the server's answer.</summary>
    public bool IsTransient => StatusCode is >= 500 or 408;
}
