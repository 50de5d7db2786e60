namespace CdsHooks.Protocol.Json;

/// <summary>Limits applied while reading request and feedback bodies.</summary>
public sealed record CdsRequestReaderOptions
{
    /// <summary>The default maximum JSON nesting depth.</summary>
    public const int DefaultMaxDepth = 64;

    /// <summary>The default maximum body size: 32 MiB, room for a realistic prefetch (a patient's observations alone can run to megabytes).</summary>
    public const long DefaultMaxBytes = 32L * 1024 * 1024;

    /// <summary>The shared default options.</summary>
    public static CdsRequestReaderOptions Default { get; } = new();

    /// <summary>The maximum JSON nesting depth; deeper bodies are rejected with <c>CDS-REQ-008</c>. Default 64.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxDepth
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            field = value;
        }
    } = DefaultMaxDepth;

    /// <summary>The maximum body size in bytes; larger bodies are rejected with <c>CDS-REQ-012</c>. Default 32 MiB.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1 or at least <see cref="Array.MaxLength"/>.</exception>
    public long MaxBytes
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(value, Array.MaxLength);
            field = value;
        }
    } = DefaultMaxBytes;
}
