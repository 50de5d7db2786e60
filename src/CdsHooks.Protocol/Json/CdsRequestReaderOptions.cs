namespace CdsHooks.Protocol.Json;

/// <summary>Limits applied while reading request and feedback bodies.</summary>
public sealed record CdsRequestReaderOptions
{
    /// <summary>The default maximum JSON nesting depth.</summary>
    public const int DefaultMaxDepth = 64;

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
}
