using System.Net;
using System.Net.Http.Headers;
using CdsHooks.Fhir.Model;
using CdsHooks.Fhir.Serialization;
using CdsHooks.Service.Demo;
using CdsHooks.Testing;
using CdsHooks.Testing.Time;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CdsHooks.Service.Tests.Demo;

/// <summary>A real WebApplication on 127.0.0.1:0 with only the demo FHIR endpoint, called over real HTTP.</summary>
public sealed class DemoFhirHost : IAsyncDisposable
{
    /// <summary>The clock of the default hosts: the demo data is shifted so each bundle's timestamp falls on this day.</summary>
    public static readonly DateTimeOffset Today = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    private readonly WebApplication _app;

    private DemoFhirHost(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    /// <summary>A client whose base address is the server root (e.g. <c>http://127.0.0.1:41234/</c>).</summary>
    public HttpClient Client { get; }

    /// <summary>The app's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a host; settings override the defaults (enabled, the repository's seeds, dates shifted).</summary>
    public static async Task<DemoFhirHost> StartAsync(IDictionary<string, string?>? settings = null, DateTimeOffset? now = null, RecordingLoggerProvider? logs = null)
    {
        var app = Build(settings, now, logs);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var client = new HttpClient { BaseAddress = new Uri(address + "/") };
        return new DemoFhirHost(app, client);
    }

    /// <summary>Builds (without starting) a host, for tests of startup failures.</summary>
    internal static WebApplication Build(IDictionary<string, string?>? settings = null, DateTimeOffset? now = null, RecordingLoggerProvider? logs = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs).AddFilter<RecordingLoggerProvider>(null, LogLevel.Trace);
        }

        var values = new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "true",
            ["Demo:PatientsDirectory"] = RepoPaths.Patients,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(values);
        builder.Services.AddDemoFhir(builder.Configuration);
        builder.Services.AddSingleton<TimeProvider>(new FixedTimeProvider(now ?? Today));
        var app = builder.Build();
        app.MapDemoFhir();
        return app;
    }

    /// <summary>GETs a URL that must answer 200 with a FHIR resource of type <typeparamref name="T"/>.</summary>
    public async Task<T> GetAsync<T>(string url)
        where T : Resource
    {
        using var response = await Client.GetAsync(url);
        return await ReadAsync<T>(response, HttpStatusCode.OK);
    }

    /// <summary>GETs a search URL and follows no links.</summary>
    public Task<Bundle> SearchAsync(string url) => GetAsync<Bundle>(url);

    /// <summary>The ids in a searchset, in order.</summary>
    public static List<string> Ids(Bundle bundle) => bundle.Entry?.Select(e => e.Resource!.Id!).ToList() ?? [];

    /// <summary>Asserts the status and FHIR content type, and reads the body as <typeparamref name="T"/>.</summary>
    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected)
        where T : Resource
    {
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
        Assert.Equal(new MediaTypeHeaderValue("application/fhir+json") { CharSet = "utf-8" }, response.Content.Headers.ContentType);
        return FhirJson.Deserialize<T>(body);
    }

    /// <summary>Asserts an error answer: the status, and an OperationOutcome with the issue code and error code.</summary>
    public static async Task<OperationOutcomeIssue> AssertOutcomeAsync(HttpResponseMessage response, HttpStatusCode status, string issueCode, string errorCode)
    {
        var outcome = await ReadAsync<OperationOutcome>(response, status);
        var issue = Assert.Single(outcome.Issue!);
        Assert.Equal("error", issue.Severity);
        Assert.Equal(issueCode, issue.Code);
        Assert.Equal(errorCode, Assert.Single(issue.Details!.Coding!).Code);
        Assert.False(string.IsNullOrWhiteSpace(issue.Diagnostics));
        return issue;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
