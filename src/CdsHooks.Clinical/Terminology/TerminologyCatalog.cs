using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using CdsHooks.Fhir.Model;

namespace CdsHooks.Clinical.Terminology;

/// <summary>
/// Every ValueSet the packs use, compiled once at startup into a code index, so that classifying a coding
/// is one dictionary lookup that yields the set of ValueSets it belongs to.
/// </summary>
public sealed class TerminologyCatalog
{
    private readonly IReadOnlyList<ValueSetDefinition> _valueSets;
    private readonly FrozenDictionary<string, ValueSetDefinition> _byIdOrUrl;
    private readonly FrozenDictionary<CodeKey, ValueSetMask> _codeIndex;
    // ICD-10 prefixes by system, then by (normalised) prefix: a code is checked by its leading substrings, not
    // against every prefix, because a record can hold hundreds of ICD-10 codes.
    private readonly FrozenDictionary<string, FrozenDictionary<string, ValueSetMask>> _prefixIndex;
    private readonly FrozenDictionary<CodeKey, AgentInfo> _agentsByCode;
    private readonly IReadOnlyList<TextSynonym> _synonyms;
    private readonly FrozenDictionary<string, string> _codeDisplays;
    private readonly FrozenDictionary<CodeKey, CodeKey[]> _translations;
    private readonly FrozenDictionary<string, IReadOnlyList<CodeSystemConcept>> _codeSystems;

    internal TerminologyCatalog(
        IReadOnlyList<ValueSetDefinition> valueSets,
        FrozenDictionary<CodeKey, ValueSetMask> codeIndex,
        IReadOnlyList<(CodeKey Prefix, ValueSetMask Mask)> prefixIndex,
        FrozenDictionary<CodeKey, AgentInfo> agentsByCode,
        IReadOnlyList<TextSynonym> synonyms,
        FrozenDictionary<string, string> codeDisplays,
        FrozenDictionary<CodeKey, CodeKey[]> translations,
        FrozenDictionary<string, IReadOnlyList<CodeSystemConcept>> codeSystems,
        bool textMatching)
    {
        _valueSets = valueSets;
        _codeIndex = codeIndex;
        _prefixIndex = prefixIndex
            .GroupBy(p => p.Prefix.System, StringComparer.Ordinal)
            .ToFrozenDictionary(
                g => g.Key,
                g => g.GroupBy(p => p.Prefix.Code, StringComparer.Ordinal)
                    .ToFrozenDictionary(
                        codes => codes.Key,
                        codes => codes.Select(c => c.Mask).Aggregate(ValueSetMask.Empty, (all, mask) => all.Union(mask)),
                        StringComparer.Ordinal),
                StringComparer.Ordinal);
        _agentsByCode = agentsByCode;
        _synonyms = synonyms;
        _codeDisplays = codeDisplays;
        _translations = translations;
        _codeSystems = codeSystems;
        TextMatching = textMatching;
        var byIdOrUrl = new Dictionary<string, ValueSetDefinition>(StringComparer.Ordinal);
        foreach (var valueSet in valueSets)
        {
            byIdOrUrl[valueSet.Id] = valueSet;
            byIdOrUrl[valueSet.Url] = valueSet;
        }

        _byIdOrUrl = byIdOrUrl.ToFrozenDictionary(StringComparer.Ordinal);
        AllValueSets = ValueSetMask.Of(valueSets.Select(v => v.Index));
    }

    /// <summary>Whether free text (CodeableConcept.text, coding display) may match synonyms; a site switch.</summary>
    public bool TextMatching { get; }

    /// <summary>All loaded value sets, by index.</summary>
    public IReadOnlyList<ValueSetDefinition> ValueSets => _valueSets;

    /// <summary>Every value set at once: what a resource of unknown content (e.g. an unidentified drug) might be in.</summary>
    public ValueSetMask AllValueSets { get; }

    /// <summary>Finds a value set by id or canonical URL.</summary>
    public bool TryGet(string idOrUrl, [NotNullWhen(true)] out ValueSetDefinition? valueSet) =>
        _byIdOrUrl.TryGetValue(idOrUrl, out valueSet);

    /// <summary>The concepts of a loaded CodeSystem, in file order; empty when the system is not loaded.</summary>
    public IReadOnlyList<CodeSystemConcept> ConceptsOf(string system) =>
        _codeSystems.TryGetValue(system, out var concepts) ? concepts : [];

    /// <summary>The display of a project code (mechanism class, therapy outcome...), or the code itself.</summary>
    public string DisplayOf(string system, string code) =>
        _codeDisplays.TryGetValue(system + "|" + code, out var display) ? display : code;

    /// <summary>
    /// Translates a coding into a code of <paramref name="targetSystem"/> through the loaded ConceptMaps
    /// (e.g. a SNOMED CT stop reason into a therapy outcome), or returns the code itself when already in that system.
    /// </summary>
    public bool TryTranslate(Coding? coding, string targetSystem, [NotNullWhen(true)] out string? targetCode)
    {
        targetCode = null;
        if (coding?.System is not { Length: > 0 } system || coding.Code is not { Length: > 0 } code)
        {
            return false;
        }

        if (system == targetSystem)
        {
            targetCode = code;
            return true;
        }

        if (_translations.TryGetValue(new CodeKey(system, code), out var targets))
        {
            foreach (var target in targets)
            {
                if (target.System == targetSystem)
                {
                    targetCode = target.Code;
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a code means anything to the packs: it is in a value set (directly, by an ICD-10-CM prefix, or as a
    /// site-local code mapped onto one), or a ConceptMap translates it (e.g. a SNOMED CT stop reason).
    /// </summary>
    public bool IsKnown(string system, string code)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(code);
        var key = new CodeKey(system, code);
        if (_codeIndex.ContainsKey(key) || _translations.ContainsKey(key))
        {
            return true;
        }

        return !PrefixMask(key).IsEmpty;
    }

    /// <summary>The value sets a single coding belongs to.</summary>
    public ValueSetMask Classify(Coding? coding)
    {
        if (coding?.System is not { Length: > 0 } system || coding.Code is not { Length: > 0 } code)
        {
            return ValueSetMask.Empty;
        }

        var key = new CodeKey(system, code);
        var mask = _codeIndex.TryGetValue(key, out var direct) ? direct : ValueSetMask.Empty;
        var prefixes = PrefixMask(key);
        return prefixes.IsEmpty ? mask : mask.Union(prefixes);
    }

    // The value sets an ICD-10 code belongs to by an is-a prefix (K50 includes K50.012).
    private ValueSetMask PrefixMask(CodeKey key)
    {
        if (!CodeKey.IsIcd10(key.System) || !_prefixIndex.TryGetValue(key.System, out var byPrefix))
        {
            return ValueSetMask.Empty;
        }

        var lookup = byPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
        var mask = ValueSetMask.Empty;
        for (int length = 1; length <= key.Code.Length; length++)
        {
            if (lookup.TryGetValue(key.Code.AsSpan(0, length), out var prefixMask))
            {
                mask = mask.Union(prefixMask);
            }
        }

        return mask;
    }

    /// <summary>The value sets any coding (or, where enabled, the text) of a concept belongs to.</summary>
    public ValueSetMask Classify(CodeableConcept? concept)
    {
        if (concept is null)
        {
            return ValueSetMask.Empty;
        }

        var mask = ValueSetMask.Empty;
        if (concept.Coding is { } codings)
        {
            foreach (var coding in codings)
            {
                mask = mask.Union(Classify(coding));
            }
        }

        if (mask.IsEmpty && TextMatching)
        {
            foreach (var synonym in MatchingSynonyms(concept))
            {
                mask = mask.Union(synonym.Mask);
            }
        }

        return mask;
    }

    /// <summary>
    /// The value sets a concept's codes belong to or, when none does, those its text names, whatever the text-matching
    /// switch says: used to tell which criteria a resource might feed (data set aside, readiness), never as evidence.
    /// </summary>
    public ValueSetMask ClassifyIncludingText(CodeableConcept? concept)
    {
        var mask = Classify(concept);
        if (!mask.IsEmpty || concept is null)
        {
            return mask;
        }

        foreach (var synonym in MatchingSynonyms(concept))
        {
            mask = mask.Union(synonym.Mask);
        }

        return mask;
    }

    /// <summary>Resolves a medication concept to its ingredient and mechanism class.</summary>
    public AgentInfo? ResolveAgent(CodeableConcept? concept)
    {
        if (concept?.Coding is { } codings)
        {
            foreach (var coding in codings)
            {
                if (coding.System is { Length: > 0 } system && coding.Code is { Length: > 0 } code
                    && _agentsByCode.TryGetValue(new CodeKey(system, code), out var agent))
                {
                    return agent;
                }
            }
        }

        if (concept is not null && TextMatching)
        {
            foreach (var synonym in MatchingSynonyms(concept))
            {
                if (synonym.Agent is not null)
                {
                    return synonym.Agent;
                }
            }
        }

        return null;
    }

    private IEnumerable<TextSynonym> MatchingSynonyms(CodeableConcept concept)
    {
        foreach (var text in Texts(concept))
        {
            string normalised = text.ToLowerInvariant();
            foreach (var synonym in _synonyms)
            {
                if (ContainsTerm(normalised, synonym.Text))
                {
                    yield return synonym;
                }
            }
        }
    }

    private static IEnumerable<string> Texts(CodeableConcept concept)
    {
        if (!string.IsNullOrWhiteSpace(concept.Text))
        {
            yield return concept.Text;
        }

        if (concept.Coding is { } codings)
        {
            foreach (var coding in codings)
            {
                if (!string.IsNullOrWhiteSpace(coding.Display))
                {
                    yield return coding.Display;
                }
            }
        }
    }

    // A synonym matches as a whole word in Latin script; CJK text has no word breaks, so it matches as a substring.
    // Hyphens separate words ("carboplatin-pemetrexed", "EML4-ALK"), except after the negating prefix "non-":
    // "non-small cell carcinoma of lung" is not "small cell carcinoma of lung".
    private static bool ContainsTerm(string text, string term)
    {
        int start = 0;
        while ((start = text.IndexOf(term, start, StringComparison.Ordinal)) >= 0)
        {
            int end = start + term.Length;
            bool leftOk = start == 0 || (!char.IsAsciiLetterOrDigit(text[start - 1]) && !AfterNegatingPrefix(text, start));
            bool rightOk = end == text.Length || !char.IsAsciiLetterOrDigit(text[end]);
            if (leftOk && rightOk)
            {
                return true;
            }

            start++;
        }

        return false;
    }

    private static bool AfterNegatingPrefix(string text, int start)
    {
        int hyphen = start - 1;
        int prefix = hyphen - 3;
        return text[hyphen] == '-' && prefix >= 0
            && text.AsSpan(prefix, 3).Equals("non", StringComparison.OrdinalIgnoreCase)
            && (prefix == 0 || !char.IsAsciiLetterOrDigit(text[prefix - 1]));
    }
}

/// <summary>A normalised text synonym and the value sets (and agent) it stands for.</summary>
internal sealed record TextSynonym(string Text, ValueSetMask Mask, AgentInfo? Agent);
