namespace CdsHooks.Service.Telemetry;

/// <summary>OpenTelemetry export (configuration section <c>Telemetry</c>).</summary>
public sealed class TelemetryOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Telemetry";

    /// <summary>
    /// The OTLP/HTTP endpoint (e.g. <c>http://otel-collector:4318</c>); metrics and traces are exported there when set.
    /// The standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable is used when this is empty.
    /// </summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>The <c>service.name</c> resource attribute.</summary>
    public string ServiceName { get; set; } = "cdshooks";

    /// <summary>How often metrics are exported.</summary>
    public TimeSpan MetricExportInterval { get; set; } = TimeSpan.FromSeconds(30);
}
