using System.Text.Json;
using CdsHooks.Fhir.Model;
using CdsHooks.Fhir.Validation.Definitions;

namespace CdsHooks.Fhir.Validation;

/// <summary>
/// Walks one resource against one profile at a time (or the base definition alone), collecting issues. The walk
/// follows compiled plans (<see cref="ChildIndex"/>, <see cref="ValuePlan"/>) and keeps its location as a
/// <see cref="ValidationPath"/>, so a resource without findings costs no strings.
/// </summary>
internal sealed partial class ValidationRun(ConformancePackage package, IValueSetMembership terminology, ChildIndexCache indexes, RootPlanCache roots) : IDisposable
{
    private static readonly BaseDefinitions Base = BaseDefinitions.R4;
    private readonly ValidationPath _path = new();
    private readonly SlotStack _slots = new();
    private Profile? _profile;
    private List<OperationOutcomeIssue>? _issues;
    private JsonElement _root;

    /// <summary>Validates a resource against one profile (null: the base definition); returns its findings, or null.</summary>
    /// <param name="resource">The resource.</param>
    /// <param name="profile">The profile, or null.</param>
    /// <param name="location">Its location, the resource type.</param>
    public List<OperationOutcomeIssue>? Run(JsonElement resource, Profile? profile, string location)
    {
        _root = resource;
        _profile = profile;
        _issues = null;
        _path.Reset(location);
        try
        {
            ValidateResource(resource, isRoot: true);
            return _issues;
        }
        finally
        {
            // A run is reused: hold on to neither the document nor the findings.
            _root = default;
            _issues = null;
        }
    }

    public void Dispose()
    {
        _path.Dispose();
        _slots.Dispose();
    }

    // A contained resource is checked against its base definition only; the profile is the container's.
    private void ValidateResource(JsonElement resource, bool isRoot)
    {
        if (resource.ValueKind != JsonValueKind.Object)
        {
            Add("error", "structure", ValidationIssueCodes.WrongJsonType, "A resource must be a JSON object.");
            return;
        }

        if (!resource.TryGetProperty("resourceType"u8, out var t) || t.ValueKind != JsonValueKind.String || JsonText.Utf8(t) is not { Length: > 0 } type)
        {
            Add("error", "structure", ValidationIssueCodes.WrongJsonType, "The resource has no resourceType.");
            return;
        }

        if (!Base.TryGetType(type, out var definition) || !definition.IsResource)
        {
            Add("information", "not-supported", ValidationIssueCodes.UnknownResourceType,
                $"The validator has no definition of {t.GetString()}; it was not validated.");
            return;
        }

        var plan = roots.Get(definition, isRoot ? _profile : null);
        ValidateObject(resource, plan.Children, plan.Invariants, isResource: true);
    }

    // An object: the members it has against the children the definition (and profile) names, required children it
    // lacks, members R4 does not define, then its invariants. Only members present are walked.
    private void ValidateObject(JsonElement node, ChildIndex index, CompiledInvariant[] invariants, bool isResource = false)
    {
        if (!ValidateMembers(node, index, isResource))
        {
            return;
        }

        if (index.IsExtension)
        {
            CheckExtensionValue(node);
        }

        foreach (var invariant in invariants)
        {
            if (!invariant.Check(node, _root))
            {
                var rule = invariant.Rule;
                Add(rule.Severity == "warning" ? "warning" : "error", "invariant", ValidationIssueCodes.Invariant, $"{rule.Key}: {rule.Human}");
            }
        }
    }

    private void ValidateSingle(ChildIndex index, int ordinal, Node value, Node shadow)
    {
        var rule = index.Rules[ordinal];
        _path.Push(rule.Name);
        if (CheckCardinality(rule, Count(value, shadow), value.IsPresent ? value : shadow) && rule.Types is { Count: > 0 })
        {
            ForEachOccurrence(value, shadow, index.PlanOf(ordinal));
        }

        _path.Pop();
    }

    private void ValidateValue(Node value, Node shadow, ValuePlan plan)
    {
        if (shadow.Kind == JsonValueKind.Object)
        {
            ValidateObject(shadow.Element, indexes.Element, []);
        }

        if (value.Kind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return;
        }

        var item = value.Element;
        switch (plan.Kind)
        {
            case ValueKind.Backbone:
                if (RequireObject(value, plan.ObjectTypeName))
                {
                    ValidateObject(item, plan.Children, plan.Invariants);
                }

                break;
            case ValueKind.Resource:
                ValidateResource(item, isRoot: false);
                break;
            case ValueKind.Primitive:
                // A value that is not even its type is not compared with fixed values or bindings.
                if (CheckPrimitive(value, plan))
                {
                    CheckFixedAndPattern(item, plan);
                    CheckBinding(item, plan);
                }

                break;
            case ValueKind.Complex:
                if (RequireObject(value, plan.ObjectTypeName))
                {
                    ValidateObject(item, plan.Children, plan.Invariants);
                    CheckReference(item, plan);
                }

                CheckFixedAndPattern(item, plan);
                CheckBinding(item, plan);
                break;
        }
    }

    private bool RequireObject(Node item, string typeName)
    {
        if (item.Kind == JsonValueKind.Object)
        {
            return true;
        }

        Add("error", "structure", ValidationIssueCodes.WrongJsonType, $"A {typeName} must be a JSON object, not a JSON {item.Kind.ToString().ToLowerInvariant()}.");
        return false;
    }

    internal static OperationOutcomeIssue Issue(string severity, string code, string issueCode, string diagnostics, string expression) => new()
    {
        Severity = severity,
        Code = code,
        Details = new CodeableConcept { Coding = [new Coding { System = ValidationIssueCodes.System, Code = issueCode }] },
        Diagnostics = diagnostics,
        Expression = [expression],
    };

    // The location is written out here, only when there is something to report.
    private void Add(string severity, string code, string issueCode, string diagnostics, string? member = null) =>
        (_issues ??= []).Add(Issue(severity, code, issueCode, diagnostics, _path.ToString(member)));
}
