using System.Collections.Frozen;
using System.Diagnostics;
using System.Text.Json;
using CdsHooks.Fhir.Model;
using CdsHooks.Fhir.Serialization;
using CdsHooks.Fhir.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CdsHooks.Clinical.Conformance;

/// <summary>
/// Checks the patient's prefetched and fetched resources against the conformance package before evaluation. Only the
/// types the package profiles are checked; with <see cref="IncomingDataMode.SetAside"/> a resource with an error is
/// kept out of the evaluation and handed on as a <see cref="SetAsideResource"/>. Never throws for bad data.
/// </summary>
public sealed partial class IncomingDataCheck
{
    private readonly IResourceValidator _validator;
    private readonly IncomingDataMode _mode;
    private readonly FrozenSet<string> _profiledTypes;
    private readonly ILogger<IncomingDataCheck> _logger;

    /// <summary>Creates the check.</summary>
    public IncomingDataCheck(IResourceValidator validator, ConformancePackage package, IOptions<ConformanceOptions> options, ILogger<IncomingDataCheck> logger)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(options);
        _validator = validator;
        _mode = options.Value.IncomingData;
        _profiledTypes = package.Profiles.Select(p => p.Type).ToFrozenSet(StringComparer.Ordinal);
        _logger = logger;
    }

    /// <summary>The configured mode.</summary>
    public IncomingDataMode Mode => _mode;

    /// <summary>Whether a resource would be checked (its type has a profile and checking is on).</summary>
    public bool Checks(Resource resource) => _mode != IncomingDataMode.Off && _profiledTypes.Contains(resource.ResourceType);

    /// <summary>Validates one resource, written back to JSON; null when it is not checked.</summary>
    public ValidationReport? Validate(Resource resource) => Validate(resource, default);

    /// <summary>
    /// Validates one resource as received: <paramref name="source"/>, the JSON it was read from, when there is one
    /// (an object); otherwise the resource written back to JSON. Null when it is not checked.
    /// </summary>
    public ValidationReport? Validate(Resource resource, JsonElement source)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (!Checks(resource))
        {
            return null;
        }

        return _validator.Validate(source.ValueKind == JsonValueKind.Object ? source : FhirJson.SerializeToElement(resource));
    }

    /// <summary>Splits resources into those to use and those set aside, logging counts only.</summary>
    public (List<Resource> Used, List<SetAsideResource> SetAside) Apply(IEnumerable<Resource> resources) =>
        Apply(resources as IReadOnlyList<Resource> ?? [.. resources], []);

    /// <summary>
    /// Splits resources into those to use and those set aside, logging counts only. <paramref name="sources"/> holds,
    /// for the first of them, the JSON each was read from (Undefined where there is none): validated as received
    /// instead of written back, which is most of the cost saved.
    /// </summary>
    public (List<Resource> Used, List<SetAsideResource> SetAside) Apply(IReadOnlyList<Resource> resources, IReadOnlyList<JsonElement> sources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(sources);
        var used = new List<Resource>(resources.Count);
        var setAside = new List<SetAsideResource>();
        if (_mode == IncomingDataMode.Off)
        {
            used.AddRange(resources);
            return (used, setAside);
        }

        long started = Stopwatch.GetTimestamp();
        int checkedCount = 0, invalid = 0;
        for (int i = 0; i < resources.Count; i++)
        {
            var resource = resources[i];
            var report = Validate(resource, i < sources.Count ? sources[i] : default);
            checkedCount += report is null ? 0 : 1;
            if (report is null || report.IsValid)
            {
                used.Add(resource);
                continue;
            }

            invalid++;
            if (_mode == IncomingDataMode.SetAside)
            {
                setAside.Add(new SetAsideResource(resource, report));
            }
            else
            {
                used.Add(resource);
            }
        }

        if (_logger.IsEnabled(LogLevel.Information) && checkedCount > 0)
        {
            double elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogChecked(_logger, checkedCount, invalid, _mode, elapsedMs);
        }

        return (used, setAside);
    }

    [LoggerMessage(EventId = 2301, Level = LogLevel.Information,
        Message = "Conformance: {Checked} resources validated, {Invalid} failed their profile (mode {Mode}) in {ElapsedMs:0.0} ms")]
    private static partial void LogChecked(ILogger logger, int @checked, int invalid, IncomingDataMode mode, double elapsedMs);
}
