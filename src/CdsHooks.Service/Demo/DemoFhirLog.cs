namespace CdsHooks.Service.Demo;

/// <summary>Log messages of the demo FHIR endpoint (EventIds 1100-1199). Counts and codes only: never ids or queries.</summary>
internal static partial class DemoFhirLog
{
    [LoggerMessage(EventId = 1100, EventName = "DemoPatientsLoaded", Level = LogLevel.Information,
        Message = "Demo FHIR data loaded: {PatientCount} patients, {ResourceCount} resources, dates shifted to today: {Shifted}")]
    public static partial void PatientsLoaded(ILogger logger, int patientCount, int resourceCount, bool shifted);

    [LoggerMessage(EventId = 1101, EventName = "DemoTypeNotServed", Level = LogLevel.Warning,
        Message = "Demo FHIR data holds {Count} {ResourceType} resources, a type the demo endpoint does not serve; they are skipped")]
    public static partial void TypeNotServed(ILogger logger, string resourceType, int count);

    [LoggerMessage(EventId = 1102, EventName = "DemoFhirDisabled", Level = LogLevel.Information,
        Message = "Demo FHIR endpoint is off ({Section}:Enabled is false); /fhir is not mapped")]
    public static partial void Disabled(ILogger logger, string section);

    [LoggerMessage(EventId = 1103, EventName = "DemoFhirRequestRejected", Level = LogLevel.Debug,
        Message = "Demo FHIR request rejected with {StatusCode} {ErrorCode}")]
    public static partial void RequestRejected(ILogger logger, int statusCode, string errorCode);

    [LoggerMessage(EventId = 1104, EventName = "DemoFhirMapped", Level = LogLevel.Information,
        Message = "Demo FHIR endpoint mapped at {Path} (read-only)")]
    public static partial void Mapped(ILogger logger, string path);
}
