using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CdsHooks.Testing.Logging;

/// <summary>
/// A logger provider that keeps every message, with its scopes and exception text, so a test can assert what was
/// and was not logged (e.g. that no access token or patient id reached the logs).
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    /// <summary>Every line logged so far: category, level, event id, message, scopes and exception.</summary>
    public IReadOnlyList<string> Lines => _lines.ToArray();

    /// <summary>All lines joined, for substring assertions.</summary>
    public string Text => string.Join(Environment.NewLine, _lines);

    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    /// <inheritdoc/>
    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    private sealed class CapturingLogger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<string>();
            owner._scopes.ForEachScope((scope, list) => list.Add(scope?.ToString() ?? string.Empty), scopes);
            string structured = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : string.Empty;
            owner._lines.Enqueue($"{category} {logLevel} {eventId.Id} {formatter(state, exception)} [{structured}] {{{string.Join(" | ", scopes)}}} {exception}");
        }
    }
}
