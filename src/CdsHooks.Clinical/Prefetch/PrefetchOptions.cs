using System.ComponentModel.DataAnnotations;

namespace CdsHooks.Clinical.Prefetch;

/// <summary>How the service completes a request's prefetch (configuration section <c>Prefetch</c>).</summary>
public sealed class PrefetchOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Prefetch";

    /// <summary>The default deadline for all FHIR queries of one request.</summary>
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(3);

    /// <summary>
    /// One deadline for all FHIR queries of a request, run in parallel. When it passes, the keys still outstanding
    /// become data gaps and the service answers with what it has. Default 3 s, under the 5 s that Da Vinci CRD asks
    /// of 90% of responses.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan Deadline { get; set; } = DefaultDeadline;

    /// <summary>
    /// What to do when a key is neither prefetched nor obtainable because the request has no <c>fhirServer</c>.
    /// <see cref="PrefetchFailureMode.Fail"/> (the default) answers 412, as CDS Hooks requires.
    /// </summary>
    public PrefetchFailureMode FailureMode { get; set; } = PrefetchFailureMode.Fail;

    /// <summary>
    /// Whether a <c>fhirServer</c> on plain http is queried when it is not on loopback. Off by default: CDS Hooks requires
    /// https with production data, and the access token travels with every query.
    /// </summary>
    public bool AllowHttpFhirServer { get; set; }
}
