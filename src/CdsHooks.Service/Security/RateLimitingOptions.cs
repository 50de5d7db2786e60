using System.ComponentModel.DataAnnotations;

namespace CdsHooks.Service.Security;

/// <summary>Request rate limits per client <c>iss</c> (configuration section <c>RateLimiting</c>); a token bucket per client.</summary>
public sealed class RateLimitingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "RateLimiting";

    /// <summary>Whether limits apply (default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests per second a client may sustain.</summary>
    [Range(1, 100_000)]
    public int PermitsPerSecond { get; set; } = 50;

    /// <summary>Requests a client may send at once above the sustained rate (the bucket's size).</summary>
    [Range(1, 100_000)]
    public int Burst { get; set; } = 200;
}
