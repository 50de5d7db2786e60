namespace CdsHooks.Fhir.Validation.Definitions;

/// <summary>What checking one value of an element means, worked out once per element and profile context.</summary>
internal enum ValueKind
{
    /// <summary>xhtml and System types: no structure to check.</summary>
    Unchecked,

    /// <summary>A backbone element: an object checked against its owner's definition.</summary>
    Backbone,

    /// <summary>A contained resource, checked against its base definition.</summary>
    Resource,

    /// <summary>A primitive: JSON type and syntax, then fixed values and bindings.</summary>
    Primitive,

    /// <summary>A datatype: an object checked against its definition, then references, fixed values and bindings.</summary>
    Complex,
}

/// <summary>
/// How the validator checks a value of one element in one profile context (its type, rule, invariants, binding),
/// compiled from the definitions on first use so that the walk looks nothing up by name or path.
/// </summary>
internal sealed class ValuePlan
{
    private readonly ChildIndexCache _cache;
    private readonly Profile? _profile;
    private readonly string _overlayPath;
    private readonly string _definitionPath;
    private ChildIndex? _children;

    private ValuePlan(ChildIndexCache cache, TypeRef type, ElementRule rule, Profile? profile, string overlayPath, string definitionPath)
    {
        _cache = cache;
        Type = type;
        Rule = rule;
        _profile = profile;
        _overlayPath = overlayPath;
        _definitionPath = definitionPath;
    }

    public ValueKind Kind { get; private init; }

    public TypeRef Type { get; }

    /// <summary>The element's rule: fixed and pattern values, binding, constraints.</summary>
    public ElementRule Rule { get; }

    /// <summary>The definition the value's children are looked up in (the owner's for a backbone element).</summary>
    public TypeDefinition? Definition { get; private init; }

    /// <summary>The type named when the value is not a JSON object.</summary>
    public string ObjectTypeName { get; private init; } = "";

    /// <summary>The invariants of the value's object (its type's and the element's), evaluated ones only.</summary>
    public CompiledInvariant[] Invariants { get; private init; } = [];

    public PrimitiveKind Primitive { get; private init; }

    public bool ChecksReference { get; private init; }

    public bool ChecksFixedOrPattern => Rule.Fixed is not null || Rule.Pattern is not null;

    /// <summary>The binding to check, or null when there is none worth checking.</summary>
    public BindingPlan? Binding { get; private init; }

    /// <summary>The children of the value's object (backbone and complex values), built on first use.</summary>
    public ChildIndex Children => _children ??= _cache.Get(Definition!, _definitionPath, _profile, _overlayPath);

    public static ValuePlan Create(ChildIndexCache cache, TypeRef type, ElementRule rule, TypeDefinition owner, string definitionPath, Profile? profile, string overlayPath)
    {
        var bases = BaseDefinitions.R4;
        switch (type.Code)
        {
            case "BackboneElement" or "Element":
                return new ValuePlan(cache, type, rule, profile, overlayPath, definitionPath)
                {
                    Kind = ValueKind.Backbone,
                    Definition = owner,
                    ObjectTypeName = owner.Name,
                    Invariants = CompiledInvariant.Compile(rule.Constraints),
                };
            case "Resource":
                return new ValuePlan(cache, type, rule, profile, overlayPath, definitionPath) { Kind = ValueKind.Resource };
        }

        string typeName = type.Profile is { } p && bases.TryGetType(p, out _) ? p : type.Code;
        if (!bases.TryGetType(typeName, out var definition))
        {
            return new ValuePlan(cache, type, rule, profile, overlayPath, definitionPath) { Kind = ValueKind.Unchecked };
        }

        var binding = BindingPlan.For(rule.Binding, definition.Name == "SimpleQuantity" ? "Quantity" : type.Code);
        if (definition.IsPrimitive)
        {
            return new ValuePlan(cache, type, rule, profile, overlayPath, typeName)
            {
                Kind = ValueKind.Primitive,
                Definition = definition,
                ObjectTypeName = typeName,
                Primitive = PrimitiveSyntax.KindOf(definition.Name),
                Binding = binding,
            };
        }

        var invariants = rule.Constraints.Count == 0 ? definition.Root.Constraints
            : definition.Root.Constraints.Concat(rule.Constraints).DistinctBy(c => c.Key).ToList();
        return new ValuePlan(cache, type, rule, profile, overlayPath, typeName)
        {
            Kind = ValueKind.Complex,
            Definition = definition,
            ObjectTypeName = typeName,
            Invariants = CompiledInvariant.Compile(invariants),
            ChecksReference = type.Code == "Reference" && type.TargetProfiles.Count > 0 && !type.TargetProfiles.Contains("Resource"),
            Binding = binding,
        };
    }
}
