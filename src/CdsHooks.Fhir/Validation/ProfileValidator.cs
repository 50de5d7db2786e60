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
    private readonly ConformancePackage _package;
    private readonly IValueSetMembership _terminology;
    private readonly ChildIndexCache _indexes = new();

    /// <summary>Creates the validator.</summary>
    /// <param name="package">The conformance package (profiles and extensions).</param>
    /// <param name="terminology">Answers binding checks for the package's ValueSets; the core specification's required ValueSets are built in.</param>
    public ProfileValidator(ConformancePackage package, IValueSetMembership terminology)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(terminology);
        _package = package;
        _terminology = terminology;
    }

    /// <inheritdoc/>
    public ValidationReport Validate(JsonElement resource)
    {
        var claims = new List<OperationOutcomeIssue>();
        var profiles = Applicable(resource, claims);
        return Run(resource, profiles, claims);
    }

    /// <inheritdoc/>
    public ValidationReport Validate(JsonElement resource, string profileUrl)
    {
        if (!_package.TryGetProfile(profileUrl, out var profile))
        {
            throw new ArgumentException($"The conformance package has no profile {profileUrl}.", nameof(profileUrl));
        }

        return Run(resource, [profile], []);
    }

    private ValidationReport Run(JsonElement resource, List<Profile> profiles, List<OperationOutcomeIssue> leading)
    {
        string type = ResourceTypeOf(resource) ?? "Resource";
        string? id = resource.ValueKind == JsonValueKind.Object && resource.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
        var issues = new List<OperationOutcomeIssue>(leading);
        var seen = new HashSet<(string?, string?, string?)>();
        foreach (var profile in profiles.Count == 0 ? [null] : profiles.Cast<Profile?>())
        {
            var run = new ValidationRun(_package, _terminology, _indexes, profile, resource);
            run.ValidateResource(resource, type);
            foreach (var issue in run.Issues)
            {
                // Base-definition findings come once, however many profiles apply.
                if (seen.Add((issue.Severity, issue.Diagnostics, issue.Expression?[0])))
                {
                    issues.Add(issue);
                }
            }
        }

        var urls = new List<string> { "http://hl7.org/fhir/StructureDefinition/" + type };
        urls.AddRange(profiles.Select(p => p.Url));
        return new ValidationReport(type, id, urls, issues);
    }

    // Claimed profiles, plus every package profile of the type whose required binding on code (if any) the code meets.
    private List<Profile> Applicable(JsonElement resource, List<OperationOutcomeIssue> issues)
    {
        var result = new List<Profile>();
        if (ResourceTypeOf(resource) is not { } type)
        {
            return result;
        }

        if (resource.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object
            && meta.TryGetProperty("profile", out var claimed) && claimed.ValueKind == JsonValueKind.Array)
        {
            int index = 0;
            foreach (var url in claimed.EnumerateArray())
            {
                string? canonical = url.ValueKind == JsonValueKind.String ? url.GetString()?.Split('|')[0] : null;
                if (canonical is not null && _package.TryGetProfile(canonical, out var profile) && profile.Type == type)
                {
                    result.Add(profile);
                }
                else if (canonical is not null && !canonical.StartsWith("http://hl7.org/fhir/StructureDefinition/", StringComparison.Ordinal))
                {
                    issues.Add(ValidationRun.Issue("information", "not-supported", ValidationIssueCodes.UnknownProfile,
                        $"meta.profile names {canonical}, which is not in the conformance package; it was not checked.", $"{type}.meta.profile[{index}]"));
                }

                index++;
            }
        }

        foreach (var profile in _package.ProfilesFor(type))
        {
            if (!result.Contains(profile) && Applies(profile, resource, type))
            {
                result.Add(profile);
            }
        }

        return result;
    }

    private bool Applies(Profile profile, JsonElement resource, string type)
    {
        if (profile.Overlay(type + ".code")?.Binding is not { Strength: "required" } binding)
        {
            return true;
        }

        return resource.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Object
            && code.TryGetProperty("coding", out var codings) && codings.ValueKind == JsonValueKind.Array
            && codings.EnumerateArray().Any(c => c.ValueKind == JsonValueKind.Object
                && c.TryGetProperty("code", out var value) && value.ValueKind == JsonValueKind.String
                && _terminology.Check(binding.ValueSet, c.TryGetProperty("system", out var s) ? s.GetString() : null, value.GetString()!) == CodeMembership.Member);
    }

    private static string? ResourceTypeOf(JsonElement resource) =>
        resource.ValueKind == JsonValueKind.Object && resource.TryGetProperty("resourceType", out var type) && type.ValueKind == JsonValueKind.String
            ? type.GetString()
            : null;
}
