namespace CdsHooks.Service.Telemetry;

/// <summary>
/// Measures every FHIR request attempt the prefetch client makes. Tagged with the resource type read from the URL
/// path (never an id or a query string) and the outcome (HTTP status, or the failure kind).
/// </summary>
internal sealed class FhirMetricsHandler(CdsHooksMetrics metrics, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        long started = time.GetTimestamp();
        string type = ResourceType(request.RequestUri);
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            metrics.FhirQuery(type, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), time.GetElapsedTime(started));
            return response;
        }
        catch (OperationCanceledException)
        {
            metrics.FhirQuery(type, "cancelled", time.GetElapsedTime(started));
            throw;
        }
        catch (HttpRequestException)
        {
            metrics.FhirQuery(type, "network-error", time.GetElapsedTime(started));
            throw;
        }
    }

    /// <summary>The last path segment that looks like a FHIR type name (<c>Patient/123</c> → Patient), or <c>unknown</c>.</summary>
    public static string ResourceType(Uri? url)
    {
        var segments = url?.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        for (int i = segments.Length - 1; i >= 0; i--)
        {
            string segment = segments[i];
            if (segment.Length is > 1 and < 64 && char.IsAsciiLetterUpper(segment[0]) && segment.All(char.IsAsciiLetter))
            {
                return segment;
            }
        }

        return "unknown";
    }
}
