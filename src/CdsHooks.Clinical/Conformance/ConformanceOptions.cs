namespace CdsHooks.Clinical.Conformance;

/// <summary>How the service checks incoming FHIR data against the conformance package (configuration section <c>Conformance</c>).</summary>
public sealed class ConformanceOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Conformance";

    /// <summary>The default: set aside resources that fail their profile.</summary>
    public const IncomingDataMode DefaultMode = IncomingDataMode.SetAside;

    /// <summary>
    /// What to do with prefetched and fetched resources that fail their profile: <see cref="IncomingDataMode.SetAside"/>
    /// (the default), <see cref="IncomingDataMode.Report"/> or <see cref="IncomingDataMode.Off"/>. The profiles come from
    /// <c>Clinical:ProfilesDirectory</c>.
    /// </summary>
    public IncomingDataMode IncomingData { get; set; } = DefaultMode;
}
