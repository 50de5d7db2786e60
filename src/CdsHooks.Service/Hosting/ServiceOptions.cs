using System.ComponentModel.DataAnnotations;
using CdsHooks.Protocol.Json;

namespace CdsHooks.Service.Hosting;

/// <summary>HTTP-level settings of the CDS Hooks endpoints (configuration section <c>CdsHooks</c>).</summary>
public sealed class ServiceOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "CdsHooks";

    /// <summary>The default limit of a feedback body: feedback is small, so 1 MiB is generous.</summary>
    public const long DefaultMaxFeedbackBodyBytes = 1024 * 1024;

    /// <summary>
    /// The largest service-call body accepted (413 beyond it). Default 32 MiB: a patient's observations alone can
    /// run to megabytes of prefetch, and 16 MB is the least this service promises to accept.
    /// </summary>
    [Range(16L * 1024 * 1024, 1024L * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = CdsRequestReaderOptions.DefaultMaxBytes;

    /// <summary>The largest feedback body accepted (413 beyond it).</summary>
    [Range(1024, 64L * 1024 * 1024)]
    public long MaxFeedbackBodyBytes { get; set; } = DefaultMaxFeedbackBodyBytes;

    /// <summary>The deepest JSON nesting accepted (400 beyond it). FHIR resources rarely nest beyond 15 levels.</summary>
    [Range(16, 256)]
    public int MaxJsonDepth { get; set; } = CdsRequestReaderOptions.DefaultMaxDepth;

    /// <summary>
    /// Origins allowed by CORS. Empty (the default) or <c>*</c> allows any, as the public CDS Hooks sandbox needs. The
    /// default is empty rather than <c>["*"]</c> because the configuration binder appends configured items to an array's
    /// initial items, which would keep <c>*</c> in every list a site sets.
    /// </summary>
    public string[] CorsOrigins { get; set; } = [];

    /// <summary>Whether any origin is allowed.</summary>
    public bool AllowsAnyOrigin => CorsOrigins.Length == 0 || CorsOrigins.Contains("*");

    /// <summary>The reader limits for service calls.</summary>
    public CdsRequestReaderOptions RequestLimits => new() { MaxBytes = MaxRequestBodyBytes, MaxDepth = MaxJsonDepth };

    /// <summary>The reader limits for feedback.</summary>
    public CdsRequestReaderOptions FeedbackLimits => new() { MaxBytes = MaxFeedbackBodyBytes, MaxDepth = MaxJsonDepth };
}
