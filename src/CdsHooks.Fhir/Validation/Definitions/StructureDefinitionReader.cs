using System.Collections.Frozen;
using System.Text.Json;

namespace CdsHooks.Fhir.Validation.Definitions;

/// <summary>
/// Reads a profile's differential. Supported: cardinality, types (with target profiles), bindings, fixed and
/// pattern values, constraints, must-support, and the type slices of choice elements. Any other slicing is refused
/// with a message, so the package never holds a rule the validator would silently skip.
/// </summary>
internal static class StructureDefinitionReader
{
    private const string CoreBase = "http://hl7.org/fhir/StructureDefinition/";

    public static (Profile Profile, string BaseDefinition) Read(string file, JsonElement root)
    {
        string url = Required(file, root, "url");
        string type = Required(file, root, "type");
        string baseDefinition = Required(file, root, "baseDefinition");
        if (!root.TryGetProperty("differential", out var differential) || !differential.TryGetProperty("element", out var elements))
        {
            throw new ConformancePackageException(file, "/differential/element", "a profile needs a differential with elements");
        }

        var rules = new List<ElementRule>();
        int i = 0;
        foreach (var element in elements.EnumerateArray())
        {
            string at = $"/differential/element/{i++}";
            if (element.TryGetProperty("slicing", out _) && !Required(file, element, "path", at).EndsWith("[x]", StringComparison.Ordinal))
            {
                throw new ConformancePackageException(file, at + "/slicing", "only the type slices of a choice element (value[x]) are supported; constrain the element itself instead of slicing it");
            }

            rules.Add(ReadElement(file, at, element) with { ConstrainedBy = Optional(root, "id") ?? url });
        }

        var profile = new Profile
        {
            Url = url,
            Id = Required(file, root, "id"),
            Title = Optional(root, "title") ?? Optional(root, "name") ?? url,
            Description = Optional(root, "description") ?? "",
            Type = type,
            File = file,
            Overlays = rules.GroupBy(r => r.Path, StringComparer.Ordinal)
                .ToFrozenDictionary(g => g.Key, g => g.Aggregate((a, b) => a.Merge(b)), StringComparer.Ordinal),
            Differential = rules,
        };
        return (profile, baseDefinition);
    }

    public static bool IsCoreBase(string baseDefinition, out string typeName)
    {
        typeName = baseDefinition.StartsWith(CoreBase, StringComparison.Ordinal) ? baseDefinition[CoreBase.Length..] : "";
        return typeName.Length > 0;
    }

    private static ElementRule ReadElement(string file, string at, JsonElement element)
    {
        string id = Optional(element, "id") ?? Required(file, element, "path", at);
        JsonElement? fixedValue = null, pattern = null;
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.StartsWith("fixed", StringComparison.Ordinal))
            {
                fixedValue = property.Value.Clone();
            }
            else if (property.Name.StartsWith("pattern", StringComparison.Ordinal))
            {
                pattern = property.Value.Clone();
            }
        }

        return new ElementRule
        {
            Path = Normalise(file, at, id),
            Min = element.TryGetProperty("min", out var min) ? min.GetInt32() : null,
            Max = Optional(element, "max"),
            Types = element.TryGetProperty("type", out var types) ? types.EnumerateArray().Select(ReadType).ToList() : null,
            Binding = element.TryGetProperty("binding", out var binding) && Optional(binding, "valueSet") is { } valueSet
                ? new BindingRule(Required(file, binding, "strength", at + "/binding"), valueSet.Split('|')[0])
                : null,
            Constraints = element.TryGetProperty("constraint", out var constraints)
                ? constraints.EnumerateArray().Select(c => new InvariantRule(
                    Required(file, c, "key", at + "/constraint"), Required(file, c, "severity", at + "/constraint"), Optional(c, "human") ?? "")).ToList()
                : [],
            Fixed = fixedValue,
            Pattern = pattern,
            Short = Optional(element, "short"),
            MustSupport = element.TryGetProperty("mustSupport", out var ms) && ms.ValueKind == JsonValueKind.True,
        };
    }

    private static TypeRef ReadType(JsonElement type) => new(
        type.GetProperty("code").GetString()!,
        type.TryGetProperty("profile", out var p) ? p[0].GetString()!.Split('/')[^1] : null,
        type.TryGetProperty("targetProfile", out var tp) ? tp.EnumerateArray().Select(t => t.GetString()!.Split('/')[^1]).ToList() : []);

    // "Observation.value[x]:valueQuantity.system" -> "Observation.valueQuantity.system".
    private static string Normalise(string file, string at, string id)
    {
        if (!id.Contains(':', StringComparison.Ordinal))
        {
            return id;
        }

        var segments = id.Split('.');
        for (int s = 0; s < segments.Length; s++)
        {
            int colon = segments[s].IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            string element = segments[s][..colon];
            string slice = segments[s][(colon + 1)..];
            string stem = element.EndsWith("[x]", StringComparison.Ordinal) ? element[..^3] : "";
            if (stem.Length == 0 || !slice.StartsWith(stem, StringComparison.Ordinal) || slice.Length == stem.Length)
            {
                throw new ConformancePackageException(file, at + "/id", $"'{id}' slices '{element}'; only the type slices of a choice element (value[x]:valueQuantity) are supported");
            }

            segments[s] = slice;
        }

        return string.Join('.', segments);
    }

    private static string Required(string file, JsonElement parent, string name, string at = "") =>
        Optional(parent, name) is { Length: > 0 } value
            ? value
            : throw new ConformancePackageException(file, $"{at}/{name}", $"'{name}' is required and must be a non-empty string");

    private static string? Optional(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
