using System.Text;

namespace CdsHooks.Fhir.Validation.Definitions;

/// <summary>
/// A choice element (<c>value[x]</c>) in one profile context: its rule, the type slices the profile makes required,
/// and, made on first sight, one <see cref="ChoiceVariant"/> per type a JSON member names (<c>valueQuantity</c>).
/// </summary>
internal sealed class ChoicePlan
{
    // valueQuantity -> Quantity, valueDateTime -> dateTime: a JSON member's suffix is its type, capitalised.
    private static readonly string[] SuffixTypes = [.. BaseDefinitions.R4.TypeNames
        .Where(t => BaseDefinitions.R4.TryGetType(t, out var d) && !d.IsResource)
        .Order(StringComparer.Ordinal)];

    private static readonly Utf8NameTable<int> Suffixes = new(SuffixTypes.Select((t, i) => KeyValuePair.Create(Capitalise(t), i)));

    private readonly ChildIndexCache _cache;
    private readonly TypeDefinition _owner;
    private readonly Profile? _profile;
    private readonly string _overlayPath;
    private readonly byte[] _stem;
    private readonly ChoiceVariant?[] _variants = new ChoiceVariant?[SuffixTypes.Length];

    public ChoicePlan(ChildIndexCache cache, ElementRule rule, TypeDefinition owner, Profile? profile, string overlayPath)
    {
        _cache = cache;
        _owner = owner;
        _profile = profile;
        _overlayPath = overlayPath;
        Rule = rule;
        Stem = rule.Name[..^3];
        _stem = Encoding.UTF8.GetBytes(Stem);
        var allowed = rule.Types ?? [];
        AllowedList = string.Join(", ", allowed.Select(t => t.Code));
        RequiredSlices = [.. allowed
            .Select(t => (Type: t.Code, Slice: ChildIndex.Overlay(profile, overlayPath, Stem + Capitalise(t.Code))))
            .Where(s => s.Slice?.Min is > 0)
            .Select(s => (s.Type, s.Slice!))];
    }

    public ElementRule Rule { get; }

    /// <summary><c>value</c> for <c>value[x]</c>.</summary>
    public string Stem { get; }

    /// <summary>The allowed type codes, comma-separated, for diagnostics.</summary>
    public string AllowedList { get; }

    /// <summary>Type slices with a minimum above zero (<c>value[x]:valueQuantity 1..1</c>), in the order of the allowed types.</summary>
    public (string Type, ElementRule Slice)[] RequiredSlices { get; }

    /// <summary>The variant a member name (stem + type, as UTF-8) stands for, or null when its suffix names no type.</summary>
    public ChoiceVariant? Find(ReadOnlySpan<byte> name)
    {
        if (name.Length <= _stem.Length || !name.StartsWith(_stem) || !Suffixes.TryGetValue(name[_stem.Length..], out int type))
        {
            return null;
        }

        // One variant per type, whichever thread makes it first: the walk pairs valueX with _valueX by identity.
        return _variants[type] ?? Interlocked.CompareExchange(ref _variants[type], CreateVariant(SuffixTypes[type]), null) ?? _variants[type];
    }

    /// <summary>The type a member name's suffix names (<c>Quantity</c> for <c>Quantity</c>), or null.</summary>
    public static string? TypeFromSuffix(ReadOnlySpan<byte> suffix) => Suffixes.TryGetValue(suffix, out int type) ? SuffixTypes[type] : null;

    public static string Capitalise(string type) => char.ToUpperInvariant(type[0]) + type[1..];

    private ChoiceVariant CreateVariant(string type) =>
        new(_cache, Rule, type, Stem + Capitalise(type), Rule.Types?.FirstOrDefault(t => t.Code == type), _owner, _profile, _overlayPath);
}

/// <summary>One type of a choice element as a JSON member names it (<c>valueQuantity</c>).</summary>
internal sealed class ChoiceVariant
{
    private readonly ChildIndexCache _cache;
    private readonly TypeDefinition _owner;
    private readonly Profile? _profile;
    private readonly string _overlayPath;
    private ValuePlan? _plan;

    public ChoiceVariant(ChildIndexCache cache, ElementRule choice, string type, string name, TypeRef? allowed, TypeDefinition owner, Profile? profile, string overlayPath)
    {
        _cache = cache;
        _owner = owner;
        Type = type;
        Name = name;
        Allowed = allowed;
        // The member is one value of the choice, whatever the choice's cardinality: 0..1 with the type slice laid over.
        (_profile, _overlayPath) = ChildIndex.Scope(profile, overlayPath.Length == 0 ? "" : $"{overlayPath}.{name}");
        Rule = choice.Merge(ChildIndex.Overlay(profile, overlayPath, name)) with { Min = 0, Max = "1" };
    }

    /// <summary>The member name, e.g. <c>valueQuantity</c>.</summary>
    public string Name { get; }

    /// <summary>The type, e.g. <c>Quantity</c>.</summary>
    public string Type { get; }

    /// <summary>The allowed type it matches, or null when the choice does not allow it.</summary>
    public TypeRef? Allowed { get; }

    /// <summary>The choice's rule with the type slice laid over it, as one value.</summary>
    public ElementRule Rule { get; }

    /// <summary>How a value is checked (allowed variants only), built on first use.</summary>
    public ValuePlan Plan => _plan ??= ValuePlan.Create(_cache, Allowed!, Rule, _owner, Rule.Path, _profile, _overlayPath);
}
