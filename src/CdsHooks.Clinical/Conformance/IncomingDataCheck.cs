using System.Collections.Frozen;
using System.Diagnostics;
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

    /// <summary>Validates one resource; null when it is not checked.</summary>
    public ValidationReport? Validate(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Checks(resource) ? _validator.Validate(FhirJson.SerializeToElement(resource)) : null;
    }

    /// <summary>Splits resources into those to use and those set aside, logging counts only.</summary>
    public (List<Resource> Used, List<SetAsideResource> SetAside) Apply(IEnumerable<Resource> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var used = new List<Resource>();
        var setAside = new List<SetAsideResource>();
        if (_mode == IncomingDataMode.Off)
        {
            used.AddRange(resources);
            return (used, setAside);
        }

        long started = Stopwatch.GetTimestamp();
        int checkedCount = 0, invalid = 0;
        foreach (var resource in resources)
        {
            var report = Validate(resource);
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
