namespace CdsHooks.Testing.Time;

/// <summary>A clock that says what the test tells it; every "in the last N days" rule depends on it.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => _now;

    /// <summary>Moves the clock.</summary>
    public void Set(DateTimeOffset now) => _now = now;
}
