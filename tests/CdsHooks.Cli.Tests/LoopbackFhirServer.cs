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

namespace CdsHooks.Cli.Tests;

/// <summary>A FHIR server on 127.0.0.1:0 serving demo patients: read of a Patient, search by patient for every other type.</summary>
internal sealed class LoopbackFhirServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<JsonNode> _resources;

    private LoopbackFhirServer(WebApplication app, List<JsonNode> resources)
    {
        _app = app;
        _resources = resources;
    }

    public Uri BaseUrl { get; private set; } = null!;

    public List<string> Requests { get; } = [];

    public static async Task<LoopbackFhirServer> StartAsync(params SeedPatient[] seeds)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackFhirServer(app, seeds.SelectMany(SeedPrefetch.Resources).ToList());
        app.Map("/fhir/{**path}", server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/fhir/");
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private Task HandleAsync(HttpContext context)
    {
        string path = (string?)context.Request.RouteValues["path"] ?? "";
        lock (Requests)
        {
            Requests.Add(path + context.Request.QueryString);
        }

        context.Response.ContentType = "application/fhir+json";
        string type = path.Split('/')[0];
        if (path.Contains('/', StringComparison.Ordinal))
        {
            string id = path[(path.IndexOf('/', StringComparison.Ordinal) + 1)..];
            var found = _resources.FirstOrDefault(r => SeedPrefetch.Type(r) == type && r["id"]?.GetValue<string>() == id);
            context.Response.StatusCode = found is null ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
            return found is null ? Task.CompletedTask : context.Response.WriteAsync(found.ToJsonString());
        }

        string patient = "Patient/" + context.Request.Query["patient"];
        var matches = _resources.Where(r => SeedPrefetch.Type(r) == type && r["subject"]?["reference"]?.GetValue<string>() == patient);
        return context.Response.WriteAsync(SeedPrefetch.SearchSet(matches).ToJsonString());
    }
}
