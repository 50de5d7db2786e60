using System.Collections.Frozen;
using System.Text.Json;
using CdsHooks.Fhir.Validation.Definitions;

namespace CdsHooks.Fhir.Validation;

/// <summary>Choice elements (<c>value[x]</c>): which type is present, whether it is allowed, and its type slice's rules.</summary>
internal sealed partial class ValidationRun
{
    private void ValidateChoice(TypeDefinition definition, ElementRule rule, List<(string Name, string Type, JsonElement? Value, JsonElement? Shadow)> variants, string overlayPath, string location)
    {
        var child = rule;
        string stem = child.Name[..^3];
        string at = $"{location}.{child.Name}";
        var allowed = rule.Types ?? [];
        if (variants.Count == 0)
        {
            CheckCardinality(rule, 0, null, at);
        }

        if (variants.Count > 1)
        {
            Add("error", "structure", ValidationIssueCodes.MultipleChoiceTypes,
                $"{child.Name} may have one type, but {string.Join(", ", variants.Select(v => v.Name))} are all present.", at);
        }

        foreach (var type in allowed)
        {
            // A type slice that the profile makes required (value[x]:valueQuantity 1..1).
            var slice = Overlay(overlayPath.Length == 0 ? "" : $"{overlayPath}.{stem}{Capitalise(type.Code)}");
            if (slice?.Min is > 0 && !variants.Any(v => v.Type == type.Code))
            {
                Add("error", "required", ValidationIssueCodes.MinCardinality, $"{stem}{Capitalise(type.Code)} is required{By(slice)} (minimum cardinality {slice.Min}).", at);
            }
        }

        foreach (var (name, type, value, shadow) in variants)
        {
            string variantAt = $"{location}.{name}";
            var typeRef = allowed.FirstOrDefault(t => t.Code == type);
            if (typeRef is null)
            {
                Add("error", "structure", ValidationIssueCodes.TypeNotAllowed,
                    $"{child.Name} is a {type} here, but only {string.Join(", ", allowed.Select(t => t.Code))} are allowed{By(rule)}.", variantAt);
                continue;
            }

            var variantRule = rule.Merge(Overlay(overlayPath.Length == 0 ? "" : $"{overlayPath}.{name}")) with { Min = 0, Max = "1" };
            if (!CheckCardinality(variantRule, Count(value, shadow), value ?? shadow, variantAt))
            {
                continue;
            }

            ForEachOccurrence(value, shadow, variantAt, (item, itemShadow, itemAt) =>
                ValidateValue(item, itemShadow, typeRef, variantRule, definition, child.Path, $"{overlayPath}.{name}", itemAt));
        }
    }

    // valueQuantity -> Quantity, valueDateTime -> dateTime: a JSON member's suffix is its type, capitalised.
    private static readonly FrozenDictionary<string, string> TypesBySuffix = BaseDefinitions.R4.TypeNames
        .Where(t => BaseDefinitions.R4.TryGetType(t, out var d) && !d.IsResource)
        .ToFrozenDictionary(t => char.ToUpperInvariant(t[0]) + t[1..], t => t, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> TypesBySuffixSpan =
        TypesBySuffix.GetAlternateLookup<ReadOnlySpan<char>>();

    private static string? TypeFromSuffix(ReadOnlySpan<char> suffix) => TypesBySuffixSpan.TryGetValue(suffix, out var type) ? type : null;

    private static (int Ordinal, string Type)? FindChoice(ChildIndex index, string name)
    {
        foreach (var (stem, ordinal) in index.Choices)
        {
            if (name.Length > stem.Length && name.StartsWith(stem, StringComparison.Ordinal) && TypeFromSuffix(name.AsSpan(stem.Length)) is { } type)
            {
                return (ordinal, type);
            }
        }

        return null;
    }

    private static string Capitalise(string type) => char.ToUpperInvariant(type[0]) + type[1..];
}
