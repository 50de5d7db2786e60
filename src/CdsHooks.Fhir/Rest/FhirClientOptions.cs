using System.ComponentModel.DataAnnotations;

namespace CdsHooks.Fhir.Rest;

/// <summary>
/// How <see cref="FhirRestClient"/> talks to FHIR servers; bound from <see cref="SectionName"/> and
/// validated at startup.
/// </summary>
public sealed class FhirClientOptions
{
    /// <summary>The configuration section, <c>Fhir:Client</c>.</summary>
    public const string SectionName = "Fhir:Client";

    /// <summary>Default <see cref="MaxRetries"/>.</summary>
    public const int DefaultMaxRetries = 2;

    /// <summary>Default <see cref="MaxPages"/>.</summary>
    public const int DefaultMaxPages = 10;

    /// <summary>Default <see cref="MaxResponseBytes"/>: 32 MiB.</summary>
    public const int DefaultMaxResponseBytes = 32 * 1024 * 1024;

    /// <summary>Default <see cref="AttemptTimeout"/>: 2 seconds.</summary>
    public static readonly TimeSpan DefaultAttemptTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Default <see cref="RetryBaseDelay"/>: 100 milliseconds.</summary>
    public static readonly TimeSpan DefaultRetryBaseDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The limit on one attempt, from sending the request to reading the whole body. The EHR waits on the
    /// CDS service, so this stays short; it is distinct from the caller's cancellation.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan AttemptTimeout { get; set; } = DefaultAttemptTimeout;

    /// <summary>Retries after the first attempt, only on 5xx, 408, network failures and attempt timeouts. 0 turns retries off.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = DefaultMaxRetries;

    /// <summary>The first retry delay; each later one doubles, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan RetryBaseDelay { get; set; } = DefaultRetryBaseDelay;

    /// <summary>The most search pages read by following <c>next</c> links, the first page included.</summary>
    [Range(1, 1000)]
    public int MaxPages { get; set; } = DefaultMaxPages;

    /// <summary>The largest response body read; a larger one fails with <see cref="FhirRestErrorCodes.ResponseTooLarge"/>.</summary>
    [Range(1024, 1024 * 1024 * 1024)]
    public int MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;
}
