using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CdsHooks.Fhir.Tests.Rest;

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, port chosen by the OS) whose answers each test scripts.
/// It records every request it receives, so tests can count attempts and inspect headers.
/// </summary>
internal sealed class LoopbackFhirServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private volatile Func<HttpContext, Task> _handler = context =>
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    };

    private LoopbackFhirServer(WebApplication app, Uri root)
    {
        _app = app;
        Root = root;
    }

    /// <summary>The server root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Root { get; }

    /// <summary>The FHIR base URL the tests use, <c>{root}fhir</c> (no trailing slash, as EHRs usually send it).</summary>
    public Uri BaseUrl => new(Root, "fhir");

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<LoopbackFhirServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();

        LoopbackFhirServer? server = null;
        app.Run(context => server!.HandleAsync(context));
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server = new LoopbackFhirServer(app, new Uri(address.TrimEnd('/') + "/"));
        return server;
    }

    /// <summary>Sets how the server answers from now on.</summary>
    public void Handle(Func<HttpContext, Task> handler) => _handler = handler;

    /// <summary>Answers every request with the given status and FHIR JSON body.</summary>
    public void Respond(int status, string json, string contentType = "application/fhir+json")
        => Handle(context => WriteAsync(context, json, status, contentType));

    public static async Task WriteAsync(HttpContext context, string body, int status = StatusCodes.Status200OK, string contentType = "application/fhir+json")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private Task HandleAsync(HttpContext context)
    {
        var headers = context.Request.Headers;
        _requests.Enqueue(new RecordedRequest(
            context.Request.Path + context.Request.QueryString,
            headers.Authorization.Count == 0 ? null : headers.Authorization.ToString(),
            headers.Accept.ToString()));
        return _handler(context);
    }
}

/// <summary>What the loopback server saw of one request.</summary>
/// <param name="PathAndQuery">The path and query string, e.g. <c>/fhir/Condition?patient=1</c>.</param>
/// <param name="Authorization">The <c>Authorization</c> header, or null when none was sent.</param>
/// <param name="Accept">The <c>Accept</c> header.</param>
internal sealed record RecordedRequest(string PathAndQuery, string? Authorization, string Accept);
