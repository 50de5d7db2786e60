using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CdsHooks.Fhir.Tests.Rest;

/// <summary>Keeps every log entry (all levels), with its rendered message and structured values.</summary>
internal sealed class CapturingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    public IReadOnlyList<CapturedLog> Entries => [.. _entries];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.Select(p => $"{p.Key}={p.Value}").ToArray()
            : [];
        _entries.Enqueue(new CapturedLog(logLevel, eventId.Id, formatter(state, exception), values, exception?.ToString()));
    }

    /// <summary>Everything logged, as one text to search for things that must never be there.</summary>
    public string AllText() => string.Join('\n', _entries.Select(e => $"{e.Message}\n{string.Join('\n', e.Values)}\n{e.Exception}"));
}

/// <summary>One captured log entry.</summary>
internal sealed record CapturedLog(LogLevel Level, int EventId, string Message, IReadOnlyList<string> Values, string? Exception);
