using System.Buffers;
using System.Text.Json;
using CdsHooks.Fhir.Model;
using CdsHooks.Fhir.Validation.Definitions;

namespace CdsHooks.Fhir.Validation;

/// <summary>One walk of one resource against one profile (or the base definition alone), collecting issues.</summary>
internal sealed partial class ValidationRun(ConformancePackage package, IValueSetMembership terminology, ChildIndexCache indexes, Profile? profile, JsonElement root)
{
    private static readonly BaseDefinitions Base = BaseDefinitions.R4;

    public List<OperationOutcomeIssue> Issues { get; } = [];

    public void ValidateResource(JsonElement resource, string location)
    {
        if (resource.ValueKind != JsonValueKind.Object)
        {
            Add("error", "structure", ValidationIssueCodes.WrongJsonType, "A resource must be a JSON object.", location);
            return;
        }

        if (!resource.TryGetProperty("resourceType", out var t) || t.ValueKind != JsonValueKind.String || t.GetString() is not { Length: > 0 } type)
        {
            Add("error", "structure", ValidationIssueCodes.WrongJsonType, "The resource has no resourceType.", location);
            return;
        }

        if (!Base.TryGetType(type, out var definition) || !definition.IsResource)
        {
            Add("information", "not-supported", ValidationIssueCodes.UnknownResourceType,
                $"The validator has no definition of {type}; it was not validated.", location);
            return;
        }

        // A contained resource is checked against its base definition only; the profile is the container's.
        string overlayPath = location == type ? type : "";
        var rule = definition.Root.Merge(Overlay(overlayPath));
        ValidateObject(resource, definition, type, overlayPath, location, rule.Constraints, isResource: true);
    }

    private ElementRule? Overlay(string path) => profile is null || path.Length == 0 ? null : profile.Overlay(path);

    // An object: the members it has against the children the definition (and profile) names, required children it
    // lacks, members R4 does not define, then its invariants. Only members present are walked.
    private void ValidateObject(JsonElement node, TypeDefinition definition, string definitionPath, string overlayPath, string location, IReadOnlyList<InvariantRule> invariants, bool isResource = false)
    {
        var index = indexes.Get(definition, definitionPath, profile, overlayPath);
        // Rented: one slot per child the definition names, for every object of every resource validated.
        var singles = ArrayPool<(JsonElement? Value, JsonElement? Shadow)>.Shared.Rent(index.Rules.Length);
        Array.Clear(singles, 0, index.Rules.Length);
        bool hasMembers;
        try
        {
            hasMembers = ValidateMembers(node, definition, index, singles, overlayPath, location, isResource);
        }
        finally
        {
            ArrayPool<(JsonElement? Value, JsonElement? Shadow)>.Shared.Return(singles);
        }

        if (!hasMembers)
        {
            return;
        }

        if (definition.Name == "Extension")
        {
            CheckExtensionValue(node, location);
        }

        CheckInvariants(invariants, node, location);
    }

    // Returns false for an object without members (ele-1), whose invariants are then not worth checking.
    private bool ValidateMembers(JsonElement node, TypeDefinition definition, ChildIndex index, (JsonElement? Value, JsonElement? Shadow)[] singles, string overlayPath, string location, bool isResource)
    {
        List<(int Ordinal, string Name, string Type, JsonElement? Value, JsonElement? Shadow)>? variants = null;
        bool empty = true;
        foreach (var property in node.EnumerateObject())
        {
            string name = property.Name;
            if (isResource && name == "resourceType")
            {
                continue;
            }

            empty = false;
            bool shadow = name.StartsWith('_');
            string core = shadow ? name[1..] : name;
            if (index.ByName.TryGetValue(core, out int ordinal))
            {
                singles[ordinal] = shadow ? singles[ordinal] with { Shadow = property.Value } : singles[ordinal] with { Value = property.Value };
            }
            else if (FindChoice(index, core) is var (choice, type))
            {
                variants ??= [];
                int at = variants.FindIndex(v => v.Name == core);
                var entry = at >= 0 ? variants[at] : (choice, core, type, null, null);
                entry = shadow ? entry with { Shadow = property.Value } : entry with { Value = property.Value };
                if (at >= 0)
                {
                    variants[at] = entry;
                }
                else
                {
                    variants.Add(entry);
                }
            }
            else if (name != "fhir_comments")
            {
                Add("error", "structure", ValidationIssueCodes.UnknownElement, $"{name} is not an element of {definition.Name} in FHIR R4.", $"{location}.{name}");
            }
        }

        if (empty)
        {
            Add("error", "invariant", ValidationIssueCodes.EmptyElement, "ele-1: the element has neither a value nor children.", location);
            return false;
        }

        for (int i = 0; i < index.Rules.Length; i++)
        {
            var rule = index.Rules[i];
            if (rule.IsChoice)
            {
                var present = variants?.Where(v => v.Ordinal == i).Select(v => (v.Name, v.Type, v.Value, v.Shadow)).ToList();
                if (present is { Count: > 0 } || index.Required.Contains(i))
                {
                    ValidateChoice(definition, rule, present ?? [], overlayPath, location);
                }
            }
            else if (singles[i].Value is not null || singles[i].Shadow is not null || index.Required.Contains(i))
            {
                ValidateSingle(singles[i].Value, singles[i].Shadow, definition, rule, overlayPath, location);
            }
        }

        return true;
    }

    private void ValidateSingle(JsonElement? value, JsonElement? shadow, TypeDefinition definition, ElementRule rule, string overlayPath, string location)
    {
        string name = rule.Name;
        string at = $"{location}.{name}";
        if (!CheckCardinality(rule, Count(value, shadow), value ?? shadow, at))
        {
            return;
        }

        if (rule.Types is not { Count: > 0 } types)
        {
            return;
        }

        // Children of a backbone element (or of one it reuses by contentReference) are defined under its own path.
        string childDefinitionPath = rule.ContentReference is { } reference ? reference.TrimStart('#') : rule.Path;
        string childOverlayPath = overlayPath.Length == 0 ? "" : $"{overlayPath}.{name}";
        ForEachOccurrence(value, shadow, at, (item, itemShadow, itemAt) =>
            ValidateValue(item, itemShadow, types[0], rule, definition, childDefinitionPath, childOverlayPath, itemAt));
    }

    private void ValidateValue(JsonElement? value, JsonElement? shadow, TypeRef type, ElementRule rule, TypeDefinition definition, string definitionPath, string overlayPath, string at)
    {
        if (shadow is { ValueKind: JsonValueKind.Object } extensionHolder && Base.TryGetType("Element", out var element))
        {
            ValidateObject(extensionHolder, element, "Element", "", at, []);
        }

        if (value is not { } item || item.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        switch (type.Code)
        {
            case "BackboneElement" or "Element":
                if (RequireObject(item, definition.Name, at))
                {
                    ValidateObject(item, definition, definitionPath, overlayPath, at, rule.Constraints);
                }

                break;
            case "Resource":
                ValidateResource(item, at);
                break;
            default:
                string typeName = type.Profile is { } p && Base.TryGetType(p, out _) ? p : type.Code;
                if (!Base.TryGetType(typeName, out var typeDefinition))
                {
                    return; // xhtml and System types: no structure to check.
                }

                if (typeDefinition.IsPrimitive)
                {
                    if (!CheckPrimitive(item, typeDefinition, at))
                    {
                        return; // a value that is not even its type is not compared with fixed values or bindings
                    }
                }
                else if (RequireObject(item, typeName, at))
                {
                    var invariants = rule.Constraints.Count == 0 ? typeDefinition.Root.Constraints
                        : typeDefinition.Root.Constraints.Concat(rule.Constraints).DistinctBy(c => c.Key).ToList();
                    ValidateObject(item, typeDefinition, typeName, overlayPath, at, invariants);
                    CheckReference(item, type, at);
                }

                CheckFixedAndPattern(item, rule, at);
                CheckBinding(item, typeDefinition.Name, type.Code, rule.Binding, at);
                break;
        }
    }

    private bool RequireObject(JsonElement item, string typeName, string at)
    {
        if (item.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        Add("error", "structure", ValidationIssueCodes.WrongJsonType, $"A {typeName} must be a JSON object, not a JSON {item.ValueKind.ToString().ToLowerInvariant()}.", at);
        return false;
    }

    private void CheckInvariants(IReadOnlyList<InvariantRule> invariants, JsonElement node, string at)
    {
        foreach (var invariant in invariants)
        {
            if (Invariants.Evaluate(invariant.Key, node, root) == false)
            {
                Add(invariant.Severity == "warning" ? "warning" : "error", "invariant", ValidationIssueCodes.Invariant, $"{invariant.Key}: {invariant.Human}", at);
            }
        }
    }

    internal static OperationOutcomeIssue Issue(string severity, string code, string issueCode, string diagnostics, string expression) => new()
    {
        Severity = severity,
        Code = code,
        Details = new CodeableConcept { Coding = [new Coding { System = ValidationIssueCodes.System, Code = issueCode }] },
        Diagnostics = diagnostics,
        Expression = [expression],
    };

    private void Add(string severity, string code, string issueCode, string diagnostics, string expression) =>
        Issues.Add(Issue(severity, code, issueCode, diagnostics, expression));
}
