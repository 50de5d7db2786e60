using System.Text.Json;
using CdsHooks.Fhir.Model;
using CdsHooks.Fhir.Validation.Definitions;

namespace CdsHooks.Fhir.Validation;

/// <summary>
/// The project's validator: lays each profile's differential over the FHIR R4 base definition and checks a resource's
/// JSON for cardinality, types (choice types included), fixed and pattern values, required and extensible bindings
/// and the invariants in <see cref="Invariants"/>. Every finding is an OperationOutcome issue whose expression is a
/// FHIRPath-like location (<c>Observation.component[1].valueQuantity.system</c>) and whose details carry a stable
/// code (<see cref="ValidationIssueCodes"/>). Diagnostics name elements, types and codes, never free-text values.
/// Thread-safe; build once.
/// </summary>
public sealed class ProfileValidator : IResourceValidator
{
    private const string CoreProfileBase = "http://hl7.org/fhir/StructureDefinition/";

    private readonly ConformancePackage _package;
    private readonly IValueSetMembership _terminology;
    private readonly ChildIndexCache _indexes = new();
    private readonly RootPlanCache _roots;
    private readonly Dictionary<Profile, BindingRule?> _codeBindings;
    private readonly Utf8NameTable<(string Type, string Url)> _resourceTypes;
    private ValidationRun? _spare;

    /// <summary>Creates the validator.</summary>
    /// <param name="package">The conformance package (profiles and extensions).</param>
    /// <param name="terminology">Answers binding checks for the package's ValueSets; the core specification's required ValueSets are built in.</param>
    public ProfileValidator(ConformancePackage package, IValueSetMembership terminology)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(terminology);
        _package = package;
        _terminology = terminology;
        _roots = new RootPlanCache(_indexes);
        // A profile's binding on code decides whether it applies to a resource it is not claimed by.
        _codeBindings = package.ProfileDefinitions.ToDictionary<Profile, Profile, BindingRule?>(p => p, p => p.Overlay(p.Type + ".code")?.Binding, ReferenceEqualityComparer.Instance);
        _resourceTypes = new(BaseDefinitions.R4.TypeNames.Select(t => KeyValuePair.Create(t, (t, CoreProfileBase + t))));
    }

    /// <inheritdoc/>
    public ValidationReport Validate(JsonElement resource)
    {
        try
        {
            List<OperationOutcomeIssue>? claims = null;
            var type = ResourceTypeOf(resource);
            var profiles = type is null ? null : Applicable(resource, type.Value.Type, ref claims);
            return Run(resource, type, profiles, claims);
        }
        catch (InvalidOperationException)
        {
            return NotText(resource);
        }
    }

    /// <inheritdoc/>
    public ValidationReport Validate(JsonElement resource, string profileUrl)
    {
        if (!_package.TryGetProfile(profileUrl, out var profile))
        {
            throw new ArgumentException($"The conformance package has no profile {profileUrl}.", nameof(profileUrl));
        }

        try
        {
            return Run(resource, ResourceTypeOf(resource), [profile], null);
        }
        catch (InvalidOperationException)
        {
            return NotText(resource);
        }
    }

    // JSON text may hold a string that is no text at all (an unpaired surrogate escape, invalid UTF-8): the parser lets
    // it through and reading it throws, wherever the validator reads it. Such a resource is invalid, not a fault.
    private static ValidationReport NotText(JsonElement resource)
    {
        string type = resource.ValueKind == JsonValueKind.Object && resource.TryGetProperty("resourceType"u8, out var t)
            && t.ValueKind == JsonValueKind.String && Serialization.JsonStrings.TryGet(t, out string? name) ? name : "Resource";
        string? id = resource.ValueKind == JsonValueKind.Object && resource.TryGetProperty("id"u8, out var i)
            && i.ValueKind == JsonValueKind.String && Serialization.JsonStrings.TryGet(i, out string? text) ? text : null;
        var issue = ValidationRun.Issue("error", "structure", ValidationIssueCodes.InvalidPrimitive, "A string in the resource is not valid Unicode text (an unpaired surrogate escape or invalid UTF-8).", type);
        return new ValidationReport(type, id, [CoreProfileBase + type], [issue]);
    }

    // profiles: null for none (the base definition alone).
    private ValidationReport Run(JsonElement resource, (string Type, string Url)? resourceType, List<Profile>? profiles, List<OperationOutcomeIssue>? leading)
    {
        int count = profiles?.Count ?? 0;
        var (type, baseUrl) = resourceType ?? ("Resource", CoreProfileBase + "Resource");
        string? id = resource.ValueKind == JsonValueKind.Object && resource.TryGetProperty("id"u8, out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
        var issues = leading;
        HashSet<(string?, string?, string?)>? seen = null;
        var run = Interlocked.Exchange(ref _spare, null) ?? new ValidationRun(_package, _terminology, _indexes, _roots);
        bool finished = false;
        try
        {
            for (int p = 0; p < Math.Max(count, 1); p++)
            {
                // Base-definition findings come once, however many profiles apply.
                if (run.Run(resource, count == 0 ? null : profiles![p], type) is not { } found)
                {
                    continue;
                }

                foreach (var issue in found)
                {
                    if ((seen ??= []).Add((issue.Severity, issue.Diagnostics, issue.Expression?[0])))
                    {
                        (issues ??= []).Add(issue);
                    }
                }
            }

            finished = true;
        }
        finally
        {
            // One run (its buffers) is kept for the next call; a second, or one left mid-way, is let go.
            if (!finished || Interlocked.CompareExchange(ref _spare, run, null) is not null)
            {
                run.Dispose();
            }
        }

        var urls = new string[count + 1];
        urls[0] = baseUrl;
        for (int p = 0; p < count; p++)
        {
            urls[p + 1] = profiles![p].Url;
        }

        return new ValidationReport(type, id, urls, issues is null ? [] : issues);
    }

    // Claimed profiles, plus every package profile of the type whose required binding on code (if any) the code meets.
    // Null when none applies.
    private List<Profile>? Applicable(JsonElement resource, string type, ref List<OperationOutcomeIssue>? issues)
    {
        List<Profile>? result = null;
        if (resource.TryGetProperty("meta"u8, out var meta) && meta.ValueKind == JsonValueKind.Object
            && meta.TryGetProperty("profile"u8, out var claimed) && claimed.ValueKind == JsonValueKind.Array)
        {
            int index = 0;
            foreach (var url in claimed.EnumerateArray())
            {
                string? canonical = url.ValueKind == JsonValueKind.String ? url.GetString()?.Split('|')[0] : null;
                if (canonical is not null && _package.TryGetProfile(canonical, out var profile) && profile.Type == type)
                {
                    (result ??= []).Add(profile);
                }
                else if (canonical is not null && !canonical.StartsWith(CoreProfileBase, StringComparison.Ordinal))
                {
                    (issues ??= []).Add(ValidationRun.Issue("information", "not-supported", ValidationIssueCodes.UnknownProfile,
                        $"meta.profile names {canonical}, which is not in the conformance package; it was not checked.", $"{type}.meta.profile[{index}]"));
                }

                index++;
            }
        }

        foreach (var profile in _package.ProfilesFor(type))
        {
            if (result?.Contains(profile) != true && Applies(profile, resource))
            {
                (result ??= []).Add(profile);
            }
        }

        return result;
    }

    private bool Applies(Profile profile, JsonElement resource)
    {
        if (_codeBindings.GetValueOrDefault(profile) is not { Strength: "required" } binding)
        {
            return true;
        }

        if (!resource.TryGetProperty("code"u8, out var code) || code.ValueKind != JsonValueKind.Object
            || !code.TryGetProperty("coding"u8, out var codings) || codings.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        foreach (var coding in codings.EnumerateArray())
        {
            if (coding.ValueKind == JsonValueKind.Object && coding.TryGetProperty("code"u8, out var value) && value.ValueKind == JsonValueKind.String
                && _terminology.Check(binding.ValueSet, coding.TryGetProperty("system"u8, out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null, value.GetString()!) == CodeMembership.Member)
            {
                return true;
            }
        }

        return false;
    }

    // The resource type as the definitions spell it, with its core profile URL; a type they lack is read as given.
    private (string Type, string Url)? ResourceTypeOf(JsonElement resource)
    {
        if (resource.ValueKind != JsonValueKind.Object || !resource.TryGetProperty("resourceType"u8, out var type) || type.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        if (_resourceTypes.TryGetValue(JsonText.Utf8(type), out var known))
        {
            return known;
        }

        string name = type.GetString()!;
        return (name, CoreProfileBase + name);
    }
}
