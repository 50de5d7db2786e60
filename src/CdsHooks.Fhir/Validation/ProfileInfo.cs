using System.Globalization;
using CdsHooks.Fhir.Validation.Definitions;

namespace CdsHooks.Fhir.Validation;

/// <summary>A profile of the package, described for documentation and reports.</summary>
/// <param name="Url">Its canonical URL.</param>
/// <param name="Id">Its id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Type">The resource type it constrains.</param>
/// <param name="Description">What it is for.</param>
/// <param name="Elements">What its differential says, element by element.</param>
public sealed record ProfileInfo(string Url, string Id, string Title, string Type, string Description, IReadOnlyList<ProfileElementInfo> Elements)
{
    internal static ProfileInfo From(Profile profile) => new(
        profile.Url,
        profile.Id,
        profile.Title,
        profile.Type,
        profile.Description,
        profile.Differential.Where(e => e.Path.Contains('.', StringComparison.Ordinal) || e.Constraints.Count > 0).Select(e => new ProfileElementInfo(
            e.Path,
            e.Min is null && e.Max is null ? null : string.Create(CultureInfo.InvariantCulture, $"{e.Min?.ToString(CultureInfo.InvariantCulture) ?? "?"}..{e.Max ?? "?"}"),
            e.Types?.Select(t => t.TargetProfiles.Count > 0 ? $"{t.Code}({string.Join(" | ", t.TargetProfiles)})" : t.Code).ToList() ?? [],
            e.Binding is null ? null : $"{e.Binding.Strength}: {e.Binding.ValueSet}",
            e.Fixed is { } f ? "fixed " + f.GetRawText() : e.Pattern is { } p ? "pattern " + p.GetRawText() : null,
            e.Constraints.Select(c => $"{c.Key} ({c.Severity}): {c.Human}").ToList(),
            e.MustSupport,
            e.Short)).ToList());
}

/// <summary>One element of a profile's differential.</summary>
/// <param name="Path">The element, e.g. <c>Observation.valueQuantity.system</c>.</param>
/// <param name="Cardinality">The cardinality the profile sets, e.g. <c>1..1</c>, or null when unchanged.</param>
/// <param name="Types">The types the profile allows, e.g. <c>Reference(Patient)</c>.</param>
/// <param name="Binding">The binding, e.g. <c>extensible: http://…/ValueSet/therapy-outcome</c>.</param>
/// <param name="Value">A fixed or pattern value, as JSON.</param>
/// <param name="Invariants">The invariants it declares.</param>
/// <param name="MustSupport">Whether the rules read it.</param>
/// <param name="Description">The profile's one-line description.</param>
public sealed record ProfileElementInfo(
    string Path, string? Cardinality, IReadOnlyList<string> Types, string? Binding, string? Value, IReadOnlyList<string> Invariants, bool MustSupport, string? Description);
