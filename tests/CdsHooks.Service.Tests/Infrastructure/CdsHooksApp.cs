using System.Net.Http.Headers;
using System.Text;
using CdsHooks.Testing;
using CdsHooks.Testing.Logging;
using CdsHooks.Testing.Time;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace CdsHooks.Service.Tests.Infrastructure;

/// <summary>
/// The real service host (Program) on Kestrel over loopback, with the repository's knowledge packs and profiles, a
/// fresh SQLite file, a fixed clock and captured logs. Settings can be overridden per instance.
/// </summary>
public sealed class CdsHooksApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public CdsHooksApp(IDictionary<string, string?>? settings = null, DateTimeOffset? now = null)
    {
        Clock = new FixedTimeProvider(now ?? new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
        DatabasePath = Path.Combine(Path.GetTempPath(), "cdshooks-tests", Guid.NewGuid().ToString("N") + ".db");
        _settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Clinical:KnowledgeDirectory"] = RepoPaths.Knowledge,
            ["Clinical:ProfilesDirectory"] = RepoPaths.Profiles,
            ["Storage:SqlitePath"] = DatabasePath,
            // Tests that are not about authentication, rate limits or audit keys switch them off or fix them explicitly.
            ["Authentication:Enabled"] = "false",
            ["RateLimiting:Enabled"] = "false",
            ["Audit:PatientHashKey"] = TestAuditKey,
            ["Demo:PatientsDirectory"] = RepoPaths.Patients,
            ["Fhir:Client:AttemptTimeout"] = "00:00:01",
            ["Fhir:Client:RetryBaseDelay"] = "00:00:00.010",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        UseKestrel(0);
    }

    /// <summary>The audit trail's patient-id HMAC key in tests (base64 of 32 bytes).</summary>
    public const string TestAuditKey = "dGVzdC1hdWRpdC1rZXktdGVzdC1hdWRpdC1rZXktMDE=";

    /// <summary>The service's clock.</summary>
    public FixedTimeProvider Clock { get; }

    /// <summary>Everything the service logged.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>Further service registrations (e.g. a test certificate's trust), applied after the host's own.</summary>
    public Action<IServiceCollection>? ExtraServices { get; init; }

    /// <summary>The SQLite feedback database of this instance.</summary>
    public string DatabasePath { get; }

    /// <summary>POSTs a JSON body to a path and returns the response.</summary>
    public async Task<HttpResponseMessage> PostJsonAsync(string path, string json, string contentType = "application/json")
    {
        using var client = CreateClient();
        using var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    /// <inheritdoc/>
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddProvider(Logs);
        });
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            ExtraServices?.Invoke(services);
        });
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            foreach (string file in new[] { DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm" }.Where(File.Exists))
            {
                File.Delete(file);
            }
        }
    }
}
