using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace CdsHooks.Fhir.Rest;

/// <summary>
/// The retry-around-timeout pipeline every <see cref="FhirRestClient"/> shares. A pipeline is thread-safe and costly
/// to build, while typed clients are created per request, so it is built once from the options (a singleton).
/// </summary>
public sealed class FhirRequestPipeline
{
    /// <summary>Builds the pipeline.</summary>
    /// <param name="options">Attempt timeout, retries and retry delay.</param>
    /// <param name="time">The clock for retry delays and timeouts.</param>
    /// <param name="logger">Where retries are logged.</param>
    public FhirRequestPipeline(IOptions<FhirClientOptions> options, TimeProvider time, ILogger<FhirRestClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        Pipeline = FhirResiliencePipeline.Build(options.Value, time, logger);
    }

    internal ResiliencePipeline<FhirHttpResponse> Pipeline { get; }
}
