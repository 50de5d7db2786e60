using System.Collections.Frozen;
using System.Text.Json;
using CdsHooks.Fhir.Validation.Definitions;

namespace CdsHooks.Fhir.Validation;

/// <summary>
/// ValueSets given as plain lists of codes (an expansion). The validator keeps the core specification's required
/// ValueSets this way; tests and small deployments can give theirs the same way.
/// </summary>
public sealed class ExpandedValueSets : IValueSetMembership
{
    private readonly FrozenDictionary<string, FrozenSet<(string System, string Code)>> _codes;
    private readonly FrozenDictionary<string, FrozenSet<string>> _bareCodes;
    private readonly FrozenDictionary<string, FrozenDictionary<string, FrozenSet<string>>> _bySystem;

    /// <summary>Creates the sets.</summary>
    /// <param name="valueSets">Codes by ValueSet canonical URL.</param>
    public ExpandedValueSets(IReadOnlyDictionary<string, IReadOnlyList<(string System, string Code)>> valueSets)
    {
        ArgumentNullException.ThrowIfNull(valueSets);
        _codes = valueSets.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToFrozenSet(), StringComparer.Ordinal);
        _bareCodes = valueSets.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.Select(c => c.Code).ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);
        _bySystem = valueSets.ToFrozenDictionary(
            kv => kv.Key,
            kv => kv.Value.GroupBy(c => c.System, StringComparer.Ordinal)
                .ToFrozenDictionary(g => g.Key, g => g.Select(c => c.Code).ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal),
            StringComparer.Ordinal);
    }

    /// <summary>Whether the ValueSet is among these.</summary>
    /// <param name="valueSetUrl">The canonical URL.</param>
    /// <returns>True when known.</returns>
    public bool Contains(string valueSetUrl) => _codes.ContainsKey(valueSetUrl);

    /// <inheritdoc/>
    public CodeMembership Check(string valueSetUrl, string? system, string code)
    {
        if (!_codes.TryGetValue(valueSetUrl, out var codes))
        {
            return CodeMembership.UnknownValueSet;
        }

        bool member = system is null ? _bareCodes[valueSetUrl].Contains(code) : codes.Contains((system, code));
        return member ? CodeMembership.Member : CodeMembership.NotMember;
    }

    /// <summary>One ValueSet's codes, looked up from JSON strings, or null when the ValueSet is not among these.</summary>
    internal ExpandedValueSet? Resolve(string valueSetUrl) =>
        _bareCodes.TryGetValue(valueSetUrl, out var bare) ? new ExpandedValueSet(bare, _bySystem[valueSetUrl]) : null;
}

/// <summary>
/// The codes of one ValueSet of <see cref="ExpandedValueSets"/>, answering <see cref="ExpandedValueSets.Check"/>'s
/// membership for a code and system given as JSON strings, compared as UTF-8 without reading them into strings.
/// </summary>
internal sealed class ExpandedValueSet(FrozenSet<string> bareCodes, FrozenDictionary<string, FrozenSet<string>> bySystem)
{
    private readonly Utf8NameTable<bool> _bareCodes = new(bareCodes.Select(c => KeyValuePair.Create(c, true)));
    private readonly Utf8NameTable<Utf8NameTable<bool>> _bySystem = new(bySystem.Select(s =>
        KeyValuePair.Create(s.Key, new Utf8NameTable<bool>(s.Value.Select(c => KeyValuePair.Create(c, true))))));

    /// <summary>Whether the code (with its system, or bare) is a member.</summary>
    public bool IsMember(JsonElement? system, JsonElement code)
    {
        var codeText = JsonText.Utf8(code);
        if (system is not { } s)
        {
            return _bareCodes.TryGetValue(codeText, out _);
        }

        return _bySystem.TryGetValue(JsonText.Utf8(s), out var codes) && codes.TryGetValue(codeText, out _);
    }
}
