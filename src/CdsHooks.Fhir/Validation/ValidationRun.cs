using System.Text.Json;
using CdsHooks.Fhir.Model;
using CdsHooks.Fhir.Validation.Definitions;

namespace CdsHooks.Fhir.Validation;

/// <summary>One walk of one resource against one profile (or the base definition alone), collecting issues.</summary>
internal sealed partial class ValidationRun(ConformancePackage package, IValueSetMembership terminology, Profile? profile, JsonElement root)
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

    // An object: its children by the definition, the profile's rules on them, unknown members, then its invariants.
    private void ValidateObject(JsonElement node, TypeDefinition definition, string definitionPath, string overlayPath, string location, IReadOnlyList<InvariantRule> invariants, bool isResource = false)
    {
        var matched = new HashSet<string>(StringComparer.Ordinal);
        if (isResource)
        {
            matched.Add("resourceType");
        }

        bool empty = true;
        foreach (var property in node.EnumerateObject())
        {
            empty &= isResource && property.Name == "resourceType";
        }

        if (empty)
        {
            Add("error", "invariant", ValidationIssueCodes.EmptyElement, "ele-1: the element has neither a value nor children.", location);
            return;
        }

        foreach (var child in definition.ChildrenOf(definitionPath))
        {
            if (child.IsChoice)
            {
                ValidateChoice(node, definition, child, overlayPath, location, matched);
            }
            else
            {
                ValidateSingle(node, definition, child, overlayPath, location, matched);
            }
        }

        foreach (var property in node.EnumerateObject())
        {
            if (!matched.Contains(property.Name) && property.Name != "fhir_comments")
            {
                Add("error", "structure", ValidationIssueCodes.UnknownElement,
                    $"{property.Name} is not an element of {definition.Name} in FHIR R4.", $"{location}.{property.Name}");
            }
        }

        if (definition.Name == "Extension")
        {
            CheckExtensionValue(node, location);
        }

        CheckInvariants(invariants, node, location);
    }

    private void ValidateSingle(JsonElement node, TypeDefinition definition, ElementRule child, string overlayPath, string location, HashSet<string> matched)
    {
        string name = child.Name;
        bool hasValue = node.TryGetProperty(name, out var value);
        bool hasShadow = node.TryGetProperty("_" + name, out var shadow);
        if (hasValue)
        {
            matched.Add(name);
        }

        if (hasShadow)
        {
            matched.Add("_" + name);
        }

        var rule = child.Merge(Overlay(overlayPath.Length == 0 ? "" : $"{overlayPath}.{name}"));
        string at = $"{location}.{name}";
        int count = Count(hasValue ? value : null, hasShadow ? shadow : null);
        if (!CheckCardinality(rule, count, hasValue ? value : hasShadow ? shadow : null, at))
        {
            return;
        }

        if (rule.Types is not { Count: > 0 } types)
        {
            return;
        }

        // Children of a backbone element (or of one it reuses by contentReference) are defined under its own path.
        string childDefinitionPath = child.ContentReference is { } reference ? reference.TrimStart('#') : child.Path;
        ForEachOccurrence(hasValue ? value : null, hasShadow ? shadow : null, at, (item, itemShadow, itemAt) =>
            ValidateValue(item, itemShadow, types[0], rule, definition, childDefinitionPath, $"{overlayPath}.{name}", itemAt));
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
                    var invariants = typeDefinition.Root.Constraints.Concat(rule.Constraints).DistinctBy(c => c.Key).ToList();
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
