using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CdsHooks.Service.Tests.Demo;

/// <summary>Keeps every log entry written through it, with its event id and formatted message.</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    /// <summary>The entries, in order.</summary>
    public ConcurrentQueue<(string Category, EventId EventId, LogLevel Level, string Message)> Entries { get; } = new();

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private sealed class Recorder(RecordingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
            => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => provider.Entries.Enqueue((category, eventId, logLevel, formatter(state, exception)));
    }
}
