using CdsHooks.Fhir.Rest;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CdsHooks.Service.Telemetry;

/// <summary>Metrics, trace ids in every log scope, and OTLP export when an endpoint is configured.</summary>
internal static class TelemetryServiceCollectionExtensions
{
    public static WebApplicationBuilder AddCdsHooksTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<CdsHooksMetrics>();
        builder.Services.AddTransient<FhirMetricsHandler>();
        builder.Services.AddHttpClient<FhirRestClient>().AddHttpMessageHandler<FhirMetricsHandler>();

        // Each log entry carries the W3C trace and span ids of its request, so logs join traces.
        builder.Logging.Configure(logging => logging.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);

        var settings = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var endpoint = settings.OtlpEndpoint
            ?? (Uri.TryCreate(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"], UriKind.Absolute, out var fromEnvironment) ? fromEnvironment : null);
        if (endpoint is null)
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(settings.ServiceName))
            .WithMetrics(metrics => metrics
                .AddMeter(CdsHooksMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "System.Net.Http")
                .AddOtlpExporter((exporter, reader) =>
                {
                    Configure(exporter, endpoint, "v1/metrics");
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)settings.MetricExportInterval.TotalMilliseconds;
                }))
            .WithTracing(tracing => tracing
                .AddSource("Microsoft.AspNetCore", "System.Net.Http")
                .AddOtlpExporter(exporter => Configure(exporter, endpoint, "v1/traces")));
        return builder;
    }

    private static void Configure(OtlpExporterOptions exporter, Uri endpoint, string signalPath)
    {
        exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
        exporter.Endpoint = new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + signalPath);
    }
}
