using System.Text.Json;
using CdsHooks.Fhir.Validation.Definitions;

namespace CdsHooks.Fhir.Validation;

/// <summary>Choice elements (<c>value[x]</c>): which type is present, whether it is allowed, and its type slice's rules.</summary>
internal sealed partial class ValidationRun
{
    private void ValidateChoice(JsonElement node, TypeDefinition definition, ElementRule child, string overlayPath, string location, HashSet<string> matched)
    {
        string stem = child.Name[..^3];
        var variants = new List<(string Name, string Type, JsonElement? Value, JsonElement? Shadow)>();
        foreach (var property in node.EnumerateObject())
        {
            bool shadow = property.Name.StartsWith('_');
            string name = shadow ? property.Name[1..] : property.Name;
            if (name.Length <= stem.Length || !name.StartsWith(stem, StringComparison.Ordinal) || TypeFromSuffix(name[stem.Length..]) is not { } type)
            {
                continue;
            }

            matched.Add(property.Name);
            int existing = variants.FindIndex(v => v.Name == name);
            var entry = existing >= 0 ? variants[existing] : (name, type, null, null);
            entry = shadow ? entry with { Shadow = property.Value } : entry with { Value = property.Value };
            if (existing >= 0)
            {
                variants[existing] = entry;
            }
            else
            {
                variants.Add(entry);
            }
        }

        string choicePath = $"{overlayPath}.{child.Name}";
        var rule = child.Merge(Overlay(overlayPath.Length == 0 ? "" : choicePath));
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

    private static string? TypeFromSuffix(string suffix)
    {
        string lower = char.ToLowerInvariant(suffix[0]) + suffix[1..];
        if (Base.TryGetType(lower, out var primitive) && primitive.IsPrimitive)
        {
            return lower;
        }

        return Base.TryGetType(suffix, out var complex) && !complex.IsPrimitive && !complex.IsResource ? suffix : null;
    }

    private static string Capitalise(string type) => char.ToUpperInvariant(type[0]) + type[1..];
}
