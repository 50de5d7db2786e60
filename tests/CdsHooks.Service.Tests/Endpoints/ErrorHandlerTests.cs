using CdsHooks.Service.Errors;
using CdsHooks.Testing.Logging;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CdsHooks.Service.Tests.Endpoints;

/// <summary>The exception handler when the caller is gone before the error answer can be written.</summary>
public sealed class ErrorHandlerTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_answer_that_cannot_be_written_to_a_departed_caller_is_dropped_without_an_error(bool asIoFailure)
    {
        var logs = new CapturedLogs();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        var handler = new OperationOutcomeExceptionHandler(factory.CreateLogger<OperationOutcomeExceptionHandler>());
        var context = new DefaultHttpContext();
        context.Response.Body = new DepartedCallerStream(asIoFailure);

        bool handled = await handler.TryHandleAsync(context, new BadHttpRequestException("Unexpected end of request content.", 400), CancellationToken.None);

        Assert.True(handled);
        // A cancelled write is the caller leaving; an I/O failure on a connection not known to be aborted is worth a warning.
        string expected = asIoFailure ? "The error answer could not be written to the connection" : "The caller aborted the request";
        Assert.Contains(logs.Lines, l => l.Contains(expected, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains(" Error ", StringComparison.Ordinal));
    }

    /// <summary>A response stream whose connection has closed: every write fails as Kestrel's does.</summary>
    private sealed class DepartedCallerStream(bool asIoFailure) : MemoryStream
    {
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
            => asIoFailure ? throw new IOException("Connection reset by peer") : throw new OperationCanceledException();
    }
}
