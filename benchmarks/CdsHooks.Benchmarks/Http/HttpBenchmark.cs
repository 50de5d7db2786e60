using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using CdsHooks.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CdsHooks.Benchmarks.Http;

/// <summary>
/// Loopback throughput and latency of <c>patient-view</c> with full prefetch for a realistic patient, against a
/// ceiling route in the same host that only parses the same body. Rounds alternate between the two routes so that
/// drift on the machine affects both; the report gives the median round and the ratio.
/// </summary>
internal static class HttpBenchmark
{
    private const string ServicePath = "/cds-services/refractory-patient-view";

    public static async Task<int> RunAsync(string[] args)
    {
        int rounds = Option(args, "--rounds", 3);
        int seconds = Option(args, "--seconds", 10);
        int connections = Option(args, "--connections", 8);
        byte[] body = RealisticPatientRequest.Create();
        string work = Directory.CreateTempSubdirectory("cdshooks-bench-").FullName;
        try
        {
            return await RunAsync(body, work, rounds, seconds, connections);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<int> RunAsync(byte[] body, string work, int rounds, int seconds, int connections)
    {
        string bodyFile = Path.Combine(work, "request.json");
        await File.WriteAllBytesAsync(bodyFile, body);
        string lua = Path.Combine(work, "post.lua");
        await File.WriteAllTextAsync(lua, $$"""
            local f = io.open("{{bodyFile}}", "rb")
            wrk.method = "POST"
            wrk.body = f:read("*all")
            f:close()
            wrk.headers["Content-Type"] = "application/json"
            """);

        await using var host = new BenchmarkHost(Path.Combine(work, "feedback.db"));
        var baseUrl = await host.StartAsync();
        int cards = await CheckAsync(baseUrl, body);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Request: {body.Length / 1024.0:0} KiB (30 Conditions, 60 medication records, 400 Observations, 10 Procedures); the service answers with {cards} cards."));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrk -t1 -c{connections} -d{seconds}s, {rounds} rounds alternating ceiling and service, {Environment.ProcessorCount} cores, Release build."));
        var ceiling = new List<WrkRun>();
        var service = new List<WrkRun>();
        var wait = TimeSpan.FromSeconds(seconds);
        await WrkRun.RunAsync(new Uri(baseUrl, ServicePath), lua, connections, TimeSpan.FromSeconds(3)); // warm-up
        await WrkRun.RunAsync(new Uri(baseUrl, CeilingRoute.Path), lua, connections, TimeSpan.FromSeconds(3));
        for (int round = 0; round < rounds; round++)
        {
            ceiling.Add(await WrkRun.RunAsync(new Uri(baseUrl, CeilingRoute.Path), lua, connections, wait));
            service.Add(await WrkRun.RunAsync(new Uri(baseUrl, ServicePath), lua, connections, wait));
        }

        if (ceiling.Concat(service).Any(r => r.Errors > 0))
        {
            Console.Error.WriteLine("Some requests failed; the figures are not valid.");
            return 1;
        }

        var c = Median(ceiling);
        var s = Median(service);
        Console.WriteLine();
        Console.WriteLine("| route | requests/s | p50 ms | p99 ms |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine(Row("ceiling (parse body, return no cards)", c));
        Console.WriteLine(Row("patient-view, full prefetch", s));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"\nService throughput = {s.RequestsPerSecond / c.RequestsPerSecond:P0} of the ceiling (target: at least 50%)."));
        return 0;
    }

    private static string Row(string label, WrkRun run) => string.Create(CultureInfo.InvariantCulture,
        $"| {label} | {run.RequestsPerSecond:0} | {run.P50Ms:0.00} | {run.P99Ms:0.00} |");

    private static WrkRun Median(List<WrkRun> runs) => runs.OrderBy(r => r.RequestsPerSecond).ElementAt(runs.Count / 2);

    private static int Option(string[] args, string name, int fallback)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    // The benchmark measures a working call, not an error path.
    private static async Task<int> CheckAsync(Uri baseUrl, byte[] body)
    {
        using var client = new HttpClient { BaseAddress = baseUrl };
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync(new Uri(ServicePath, UriKind.Relative), content);
        string text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"the service answered {(int)response.StatusCode}: {text}");
        }

        using var document = JsonDocument.Parse(text);
        int cards = document.RootElement.GetProperty("cards").GetArrayLength();
        return cards > 0 ? cards : throw new InvalidOperationException("the benchmark patient produced no cards");
    }

    /// <summary>The real service host on Kestrel, Production settings, with the ceiling route added.</summary>
    private sealed class BenchmarkHost(string databasePath) : WebApplicationFactory<Program>
    {
        public async Task<Uri> StartAsync()
        {
            UseKestrel(0);
            StartServer();
            using var client = CreateClient();
            await Task.CompletedTask;
            return client.BaseAddress!;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseContentRoot(Path.Combine(RepoPaths.Root, "src", "CdsHooks.Service"));
            builder.UseSetting("Storage:SqlitePath", databasePath);
            // The benchmark measures the engine path: no client JWT, no per-client limit (wrk is one client).
            builder.UseSetting("Authentication:Enabled", "false");
            builder.UseSetting("RateLimiting:Enabled", "false");
            builder.UseSetting("Audit:PatientHashKey", Convert.ToBase64String(new byte[32]));
            // Console logging at Information would measure the terminal; both routes run with the same setting.
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, CeilingRoute>());
        }
    }
}
