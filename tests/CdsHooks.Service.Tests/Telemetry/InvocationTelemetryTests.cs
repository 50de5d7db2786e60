using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using CdsHooks.Service.Audit;
using CdsHooks.Service.Tests.Fakes;
using CdsHooks.Service.Tests.Infrastructure;
using CdsHooks.Testing.Requests;
using CdsHooks.Testing.Seeds;
using Microsoft.Extensions.DependencyInjection;

namespace CdsHooks.Service.Tests.Telemetry;

/// <summary>Metrics on the CdsHooks meter, the audit row of failed calls, and trace ids in the log scopes.</summary>
public sealed class InvocationTelemetryTests
{
    private static readonly SeedPatient Seed = SeedPatients.Get("crohns-v1");

    [Fact]
    public async Task Invocation_RecordsInvocationCardFhirAndFeedbackMetrics()
    {
        using var app = new CdsHooksApp(now: Seed.EvaluationTime);
        await using var fhir = await FakeFhirServer.StartAsync(Seed);
        using var client = app.CreateClient();
        var measurements = new ConcurrentBag<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        var meters = app.Services.GetRequiredService<IMeterFactory>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "CdsHooks" && ReferenceEquals(instrument.Meter.Scope, meters))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Add((i.Name, v, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Add((i.Name, v, Tags(tags))));
        listener.Start();

        var body = await HttpAssert.CdsResponseAsync(await app.PostJsonAsync("/cds-services/refractory-patient-view", CdsRequestBuilder.For("patient-view", Seed.PatientId).WithFhirServer(fhir.BaseUrl).ToJson()));
        await app.PostJsonAsync("/cds-services/refractory-patient-view/feedback", $$"""{"feedback":[{"card":"{{Guid.NewGuid()}}","outcome":"overridden","outcomeTimestamp":"2025-06-01T12:00:00Z"}]}""");
        await app.PostJsonAsync("/cds-services/refractory-patient-view", "{}");

        var invocations = measurements.Where(m => m.Instrument == "cdshooks.invocations").ToList();
        Assert.Contains(invocations, m => Equals(m.Tags["status"], 200) && Equals(m.Tags["service"], "refractory-patient-view"));
        Assert.Contains(invocations, m => Equals(m.Tags["status"], 400));
        Assert.Equal(2, measurements.Count(m => m.Instrument == "cdshooks.invocation.duration"));
        var rules = measurements.Where(m => m.Instrument == "cdshooks.cards").Select(m => (string)m.Tags["rule"]!).Order(StringComparer.Ordinal);
        Assert.Equal(HttpAssert.Rules(body).Order(StringComparer.Ordinal), rules);
        Assert.All(measurements.Where(m => m.Instrument == "cdshooks.cards"), m => Assert.False(string.IsNullOrEmpty((string?)m.Tags["kind"])));
        var fhirQueries = measurements.Where(m => m.Instrument == "cdshooks.fhir.queries").ToList();
        Assert.Equal(fhir.Requests.Count, fhirQueries.Count);
        Assert.Contains(fhirQueries, m => Equals(m.Tags["resource_type"], "Condition") && Equals(m.Tags["outcome"], "200"));
        Assert.Contains(fhirQueries, m => Equals(m.Tags["resource_type"], "Patient"));
        Assert.Contains(measurements, m => m.Instrument == "cdshooks.feedback" && Equals(m.Tags["outcome"], "overridden"));
    }

    [Fact]
    public async Task RefusedToken_IsCountedByReason()
    {
        await using var auth = await Security.AuthenticatedApp.StartAsync();
        var reasons = new ConcurrentBag<string>();
        var meters = auth.App.Services.GetRequiredService<IMeterFactory>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "cdshooks.auth.failures" && ReferenceEquals(instrument.Meter.Scope, meters))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) => reasons.Add((string)Tags(tags)["reason"]!));
        listener.Start();
        var expired = auth.Token();
        expired.Claims["exp"] = auth.Now.AddMinutes(-10).ToUnixTimeSeconds();

        Assert.Equal(HttpStatusCode.Unauthorized, (await auth.InvokeAsync(expired.Sign(auth.InlineKey))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await auth.InvokeAsync(null)).StatusCode);

        Assert.Equal(["Expired", "Missing"], reasons.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task FailedInvocation_IsAuditedWithItsStatus()
    {
        using var app = new CdsHooksApp(now: Seed.EvaluationTime);
        var request = CdsRequestBuilder.For("patient-view", Seed.PatientId);

        var response = await app.PostJsonAsync("/cds-services/refractory-patient-view", request.ToJson());

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        var row = Assert.Single(await app.Services.GetRequiredService<IAuditTrail>().FindByHookInstanceAsync(request.HookInstance, CancellationToken.None));
        Assert.Equal(412, row.Status);
        Assert.Null(row.ClientIssuer);
        Assert.Empty(row.CardRules);
        Assert.NotNull(row.PatientHash);
    }

    [Fact]
    public async Task LogsDuringARequest_CarryItsTraceId()
    {
        using var app = new CdsHooksApp(now: Seed.EvaluationTime);
        using var client = app.CreateClient();
        const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/cds-services/refractory-patient-view", UriKind.Relative))
        {
            Content = new StringContent(CdsRequestBuilder.For("patient-view", Seed.PatientId).WithFullPrefetch(Seed).ToJson(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");

        await HttpAssert.CdsResponseAsync(await client.SendAsync(request));

        Assert.Contains(app.Logs.Lines, line => line.Contains("Answered with", StringComparison.Ordinal) && line.Contains(traceId, StringComparison.Ordinal));
    }

    private static Dictionary<string, object?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            map[tag.Key] = tag.Value;
        }

        return map;
    }
}
