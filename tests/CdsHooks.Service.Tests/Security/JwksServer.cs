using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CdsHooks.Service.Tests.Security;

/// <summary>A client's JWKS endpoint on 127.0.0.1:0; the document can be swapped to simulate key rotation.</summary>
public sealed class JwksServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _fetches;

    private JwksServer(WebApplication app) => _app = app;

    /// <summary>The server root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The JWKS URL.</summary>
    public string JwksUrl => BaseUrl + "keys/jwks.json";

    /// <summary>The JWKS document served.</summary>
    public string Document { get; set; } = """{"keys":[]}""";

    /// <summary>How many times the JWKS was fetched.</summary>
    public int Fetches => Volatile.Read(ref _fetches);

    /// <summary>Starts serving <paramref name="document"/>.</summary>
    public static async Task<JwksServer> StartAsync(string document)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new JwksServer(app) { Document = document };
        app.MapGet("/keys/jwks.json", (HttpContext context) =>
        {
            Interlocked.Increment(ref server._fetches);
            return Results.Text(server.Document, "application/json");
        });
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
