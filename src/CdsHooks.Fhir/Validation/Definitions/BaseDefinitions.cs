using System.Collections.Frozen;
using System.Text.Json;

namespace CdsHooks.Fhir.Validation.Definitions;

/// <summary>
/// The FHIR R4 base definitions the validator works over (the resources the project reads and every datatype they
/// reach), with the codes of the ValueSets their required bindings name. Read once from the embedded, trimmed copy of
/// the specification that <c>scripts/conformance/extract_base_definitions.py</c> writes.
/// </summary>
internal sealed class BaseDefinitions
{
    private const string ResourceName = "CdsHooks.Fhir.Validation.r4-base-definitions.json";

    private static readonly Lazy<BaseDefinitions> Shared = new(Load);

    private readonly FrozenDictionary<string, TypeDefinition> _types;
    private readonly FrozenDictionary<string, TypeDefinition>.AlternateLookup<ReadOnlySpan<char>> _typesBySpan;
    private readonly Utf8NameTable<TypeDefinition> _typesByUtf8;

    private BaseDefinitions(FrozenDictionary<string, TypeDefinition> types, ExpandedValueSets valueSets, IReadOnlySet<string> unexpanded)
    {
        _types = types;
        _typesBySpan = types.GetAlternateLookup<ReadOnlySpan<char>>();
        _typesByUtf8 = new Utf8NameTable<TypeDefinition>(types);
        ValueSets = valueSets;
        UnexpandedValueSets = unexpanded;
    }

    /// <summary>The embedded R4 definitions, loaded on first use.</summary>
    public static BaseDefinitions R4 => Shared.Value;

    /// <summary>The codes of the core ValueSets that base elements bind with strength required.</summary>
    public ExpandedValueSets ValueSets { get; }

    /// <summary>Required-binding ValueSets the specification defines by filter or by an external system (not checked).</summary>
    public IReadOnlySet<string> UnexpandedValueSets { get; }

    public IEnumerable<string> TypeNames => _types.Keys;

    public bool TryGetType(string name, out TypeDefinition type) => _types.TryGetValue(name, out type!);

    public bool TryGetType(ReadOnlySpan<char> name, out TypeDefinition type) => _typesBySpan.TryGetValue(name, out type!);

    public bool TryGetType(ReadOnlySpan<byte> utf8Name, out TypeDefinition type) => _typesByUtf8.TryGetValue(utf8Name, out type!);

    private static BaseDefinitions Load()
    {
        using var stream = typeof(BaseDefinitions).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from CdsHooks.Fhir.");
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        var types = new Dictionary<string, TypeDefinition>(StringComparer.Ordinal);
        foreach (var type in root.GetProperty("types").EnumerateObject())
        {
            var elements = type.Value.GetProperty("elements").EnumerateArray().Select(ReadElement).ToList();
            string? regex = type.Value.TryGetProperty("regex", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            types[type.Name] = new TypeDefinition(type.Name, type.Value.GetProperty("kind").GetString()!, elements, regex);
        }

        var valueSets = new Dictionary<string, IReadOnlyList<(string System, string Code)>>(StringComparer.Ordinal);
        foreach (var valueSet in root.GetProperty("valueSets").EnumerateObject())
        {
            valueSets[valueSet.Name] = valueSet.Value.EnumerateArray()
                .Select(c => (c.GetProperty("system").GetString()!, c.GetProperty("code").GetString()!))
                .ToList();
        }

        var unexpanded = root.GetProperty("unexpandedValueSets").EnumerateArray().Select(e => e.GetString()!).ToFrozenSet(StringComparer.Ordinal);
        return new BaseDefinitions(types.ToFrozenDictionary(StringComparer.Ordinal), new ExpandedValueSets(valueSets), unexpanded);
    }

    private static ElementRule ReadElement(JsonElement element) => new()
    {
        Path = element.GetProperty("path").GetString()!,
        Min = element.GetProperty("min").GetInt32(),
        Max = element.GetProperty("max").GetString(),
        Types = element.TryGetProperty("types", out var types)
            ? types.EnumerateArray().Select(t => new TypeRef(
                t.GetProperty("code").GetString()!,
                t.TryGetProperty("profile", out var p) ? p[0].GetString() : null,
                t.TryGetProperty("targetProfile", out var tp) ? tp.EnumerateArray().Select(x => x.GetString()!).ToList() : [])).ToList()
            : [],
        Binding = element.TryGetProperty("binding", out var binding)
            ? new BindingRule(binding.GetProperty("strength").GetString()!, binding.GetProperty("valueSet").GetString()!)
            : null,
        Constraints = element.TryGetProperty("constraints", out var constraints)
            ? constraints.EnumerateArray().Select(c => new InvariantRule(
                c.GetProperty("key").GetString()!, c.GetProperty("severity").GetString()!, c.GetProperty("human").GetString()!)).ToList()
            : [],
        ContentReference = element.TryGetProperty("contentReference", out var reference) ? reference.GetString() : null,
    };
}
