using System.Collections.Frozen;

namespace CdsHooks.Fhir.Validation;

/// <summary>
/// ValueSets given as plain lists of codes (an expansion). The validator keeps the core specification's required
/// ValueSets this way; tests and small deployments can give theirs the same way.
/// </summary>
public sealed class ExpandedValueSets : IValueSetMembership
{
    private readonly FrozenDictionary<string, FrozenSet<(string System, string Code)>> _codes;
    private readonly FrozenDictionary<string, FrozenSet<string>> _bareCodes;

    /// <summary>Creates the sets.</summary>
    /// <param name="valueSets">Codes by ValueSet canonical URL.</param>
    public ExpandedValueSets(IReadOnlyDictionary<string, IReadOnlyList<(string System, string Code)>> valueSets)
    {
        ArgumentNullException.ThrowIfNull(valueSets);
        _codes = valueSets.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToFrozenSet(), StringComparer.Ordinal);
        _bareCodes = valueSets.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.Select(c => c.Code).ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);
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
}
