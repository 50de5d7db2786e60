using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using CdsHooks.Testing.Requests;
using CdsHooks.Testing.Seeds;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CdsHooks.Service.Tests.Fakes;

/// <summary>
/// An EHR's FHIR server for tests: a real ASP.NET Core app on 127.0.0.1 with an ephemeral port. By default it serves
/// one demo patient's data (read of the Patient, search by patient for each type, paged by <see cref="PageSize"/>);
/// a test can replace the answer for one resource type, require a bearer token, and read every request it received.
/// </summary>
public sealed class FakeFhirServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _overrides = new(StringComparer.Ordinal);
    private readonly List<JsonNode> _resources;

    private FakeFhirServer(WebApplication app, SeedPatient seed)
    {
        _app = app;
        Seed = seed;
        _resources = SeedPrefetch.Resources(seed);
    }

    /// <summary>The demo patient served.</summary>
    public SeedPatient Seed { get; }

    /// <summary>The FHIR base URL, ending in <c>/fhir/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>When set, requests without exactly <c>Bearer {token}</c> get 401.</summary>
    public string? RequiredToken { get; set; }

    /// <summary>Entries per searchset page.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>Every request received, in order.</summary>
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Requests for one resource type.</summary>
    public IReadOnlyList<RecordedRequest> RequestsFor(string type) => Requests.Where(r => r.ResourceType == type).ToList();

    /// <summary>Starts a server for a demo patient.</summary>
    public static async Task<FakeFhirServer> StartAsync(SeedPatient seed)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeFhirServer(app, seed);
        app.Map("/fhir/{**path}", server.HandleAsync);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/fhir/");
        return server;
    }

    /// <summary>Answers every request for <paramref name="resourceType"/> with <paramref name="handler"/>.</summary>
    public void Override(string resourceType, Func<HttpContext, Task> handler) => _overrides[resourceType] = handler;

    /// <summary>Answers every request for <paramref name="resourceType"/> with a status code and an OperationOutcome.</summary>
    public void Fail(string resourceType, int statusCode) => Override(resourceType, context =>
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/fhir+json";
        return context.Response.WriteAsync("""{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"exception"}]}""");
    });

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        string path = (string?)context.Request.RouteValues["path"] ?? string.Empty;
        string type = path.Split('/')[0];
        Requests.Enqueue(new RecordedRequest(context.Request.Method, type, path + context.Request.QueryString, context.Request.Headers.Authorization.ToString()));
        if (RequiredToken is not null && context.Request.Headers.Authorization != $"Bearer {RequiredToken}")
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (_overrides.TryGetValue(type, out var handler))
        {
            await handler(context);
            return;
        }

        var ofType = _resources.Where(r => SeedPrefetch.Type(r) == type).ToList();
        if (path.Contains('/', StringComparison.Ordinal))
        {
            string id = path[(path.IndexOf('/', StringComparison.Ordinal) + 1)..];
            var found = ofType.FirstOrDefault(r => r["id"]?.GetValue<string>() == id);
            await WriteAsync(context, found?.ToJsonString(), found is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK);
            return;
        }

        int page = int.TryParse(context.Request.Query["_page"], out int p) ? p : 0;
        var slice = ofType.Skip(page * PageSize).Take(PageSize);
        string? next = (page + 1) * PageSize < ofType.Count ? $"{BaseUrl}{type}?_page={page + 1}" : null;
        await WriteAsync(context, SeedPrefetch.SearchSet(slice, next).ToJsonString(), StatusCodes.Status200OK);
    }

    private static Task WriteAsync(HttpContext context, string? json, int status)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/fhir+json";
        return json is null ? Task.CompletedTask : context.Response.WriteAsync(json);
    }
}

/// <summary>A request the fake FHIR server received.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="ResourceType">The first path segment after <c>/fhir/</c>.</param>
/// <param name="PathAndQuery">The path after <c>/fhir/</c>, with the query string.</param>
/// <param name="Authorization">The Authorization header, or empty.</param>
public sealed record RecordedRequest(string Method, string ResourceType, string PathAndQuery, string Authorization);
