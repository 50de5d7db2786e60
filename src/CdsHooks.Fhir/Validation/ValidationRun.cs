using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
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

    // Returns false for an object without members (ele-1), whose invariants are then not worth checking.
    private bool ValidateMembers(JsonElement node, ChildIndex index, bool isResource)
    {
        int count = index.Rules.Length;
        int start = _slots.Take(count);
        var members = new Members(start);
        try
        {
            bool empty = true;
            foreach (var property in node.EnumerateObject())
            {
                // Names are compared as their UTF-8 bytes; one with escapes is compared as the name it stands for.
                var raw = JsonMarshal.GetRawUtf8PropertyName(property);
                var placed = Place(raw, property, index, isResource, ref members);
                byte[]? unescaped = null;
                if (placed == Placement.Unknown && raw.IndexOf((byte)'\\') >= 0)
                {
                    unescaped = Encoding.UTF8.GetBytes(property.Name);
                    placed = Place(unescaped, property, index, isResource, ref members);
                }

                if (placed == Placement.ResourceType)
                {
                    continue;
                }

                empty = false;
                if (placed == Placement.Unknown)
                {
                    var name = unescaped ?? raw;
                    if (!name.SequenceEqual("fhir_comments"u8))
                    {
                        string member = Encoding.UTF8.GetString(name);
                        Add("error", "structure", ValidationIssueCodes.UnknownElement, $"{member} is not an element of {index.Definition.Name} in FHIR R4.", member);
                    }
                }
            }

            if (empty)
            {
                Add("error", "invariant", ValidationIssueCodes.EmptyElement, "ele-1: the element has neither a value nor children.");
                return false;
            }

            if (members.Wide)
            {
                for (int i = 0; i < count; i++)
                {
                    ValidateChild(index, i, start, members.Extra);
                }
            }
            else
            {
                // Present and required children, in definition order.
                for (ulong todo = members.Present | index.RequiredMask; todo != 0; todo &= todo - 1)
                {
                    ValidateChild(index, BitOperations.TrailingZeroCount(todo), start, members.Extra);
                }
            }

            return true;
        }
        finally
        {
            _slots.Release(start, members.Wide ? count : 64 - BitOperations.LeadingZeroCount(members.Present));
        }
    }

    // Puts a member in its child's slot (value, or _value for its extensions).
    private Placement Place(ReadOnlySpan<byte> name, JsonProperty property, ChildIndex index, bool isResource, ref Members members)
    {
        if (isResource && name.SequenceEqual("resourceType"u8))
        {
            return Placement.ResourceType;
        }

        bool shadow = name.Length > 0 && name[0] == '_';
        var core = shadow ? name[1..] : name;
        if (index.TryGetChild(core, out int ordinal))
        {
            _slots[members.Start + ordinal].Set(shadow, Node.Of(property.Value));
            members.Mark(ordinal);
            return Placement.Placed;
        }

        if (index.FindChoice(core, out ordinal) is not { } variant)
        {
            return Placement.Unknown;
        }

        members.Mark(ordinal);
        ref var slot = ref _slots[members.Start + ordinal];
        if (slot.Variant is null || ReferenceEquals(slot.Variant, variant))
        {
            slot.Variant = variant;
            slot.Set(shadow, Node.Of(property.Value));
        }
        else
        {
            ExtraVariant.Set(members.Extra ??= [], ordinal, variant, shadow, Node.Of(property.Value));
        }

        return Placement.Placed;
    }

    private void ValidateChild(ChildIndex index, int ordinal, int start, List<ExtraVariant>? extra)
    {
        var slot = _slots[start + ordinal];
        if (index.ChoicePlans[ordinal] is { } choice)
        {
            if (slot.Variant is not null || index.IsRequired[ordinal])
            {
                ValidateChoice(choice, ordinal, slot, extra);
            }
        }
        else if (slot.Value.IsPresent || slot.Shadow.IsPresent || index.IsRequired[ordinal])
        {
            ValidateSingle(index, ordinal, slot.Value, slot.Shadow);
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
