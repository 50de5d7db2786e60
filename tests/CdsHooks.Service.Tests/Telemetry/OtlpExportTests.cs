using System.Collections.Concurrent;
using System.Text;
using CdsHooks.Service.Tests.Infrastructure;
using CdsHooks.Testing.Requests;
using CdsHooks.Testing.Seeds;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CdsHooks.Service.Tests.Telemetry;

/// <summary>With an OTLP endpoint configured, the CdsHooks metrics reach it (an OTLP/HTTP receiver on loopback).</summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task Metrics_WithOtlpEndpoint_AreExportedOverOtlpHttp()
    {
        var received = new ConcurrentQueue<(string Path, byte[] Body)>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var collector = builder.Build();
        collector.MapPost("/v1/{signal}", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            received.Enqueue((context.Request.Path, buffer.ToArray()));
            return Results.Ok();
        });
        await collector.StartAsync();
        string endpoint = collector.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var seed = SeedPatients.Get("crohns-v1");
        using var app = new CdsHooksApp(new Dictionary<string, string?>
        {
            ["Telemetry:OtlpEndpoint"] = endpoint,
            ["Telemetry:MetricExportInterval"] = "00:00:00.200",
        }, seed.EvaluationTime);

        await HttpAssert.CdsResponseAsync(await app.PostJsonAsync("/cds-services/refractory-patient-view", CdsRequestBuilder.For("patient-view", seed.PatientId).WithFullPrefetch(seed).ToJson()));

        // OTLP is protobuf; metric names are plain UTF-8 strings inside it. The instruments are recorded at different
        // moments of the call, so one export may carry some and the next the rest: wait for all of them.
        string[] expected = ["cdshooks.invocations", "cdshooks.cards", "refractory-patient-view"];
        string Metrics() => string.Join("\n", received.Where(r => r.Path == "/v1/metrics").Select(r => Encoding.UTF8.GetString(r.Body)));
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(15);
        while (!expected.All(name => Metrics().Contains(name, StringComparison.Ordinal)) && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(100);
        }

        string metrics = Metrics();
        Assert.Contains("cdshooks.invocations", metrics, StringComparison.Ordinal);
        Assert.Contains("cdshooks.cards", metrics, StringComparison.Ordinal);
        Assert.Contains("refractory-patient-view", metrics, StringComparison.Ordinal);
    }
}
