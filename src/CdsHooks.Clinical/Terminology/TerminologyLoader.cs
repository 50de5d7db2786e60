using System.Collections.Frozen;
using System.Text.Json;

namespace CdsHooks.Clinical.Terminology;

/// <summary>
/// Loads the CodeSystems, ValueSets and ConceptMaps of a conformance directory (FHIR R4 JSON) and compiles
/// them into a <see cref="TerminologyCatalog"/>. Any problem names the file and the JSON location.
/// </summary>
public static class TerminologyLoader
{
    /// <summary>Loads every <c>*.json</c> file under <paramref name="directory"/>.</summary>
    public static TerminologyCatalog LoadDirectory(
        string directory, bool textMatching, IReadOnlyList<LocalCodeMapping> localCodes)
    {
        ArgumentNullException.ThrowIfNull(localCodes);
        if (!Directory.Exists(directory))
        {
            throw new TerminologyLoadException(directory, "/", "the conformance directory does not exist; set Clinical:ProfilesDirectory");
        }

        // example/ holds examples and templates (FHIR NPM package layout), not terminology in force.
        var files = Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories)
            .Where(path => !Fhir.Validation.ConformancePackage.IsExample(Path.GetRelativePath(directory, path)))
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetRelativePath(directory, path), File.ReadAllBytes(path)));
        return Load(files, textMatching, localCodes);
    }

    /// <summary>Loads from in-memory files (name, UTF-8 JSON).</summary>
    public static TerminologyCatalog Load(
        IEnumerable<(string Name, byte[] Json)> files, bool textMatching, IReadOnlyList<LocalCodeMapping> localCodes)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(localCodes);
        var valueSets = new List<ValueSetDefinition>();
        var displays = new Dictionary<string, string>(StringComparer.Ordinal);
        var codeSystems = new Dictionary<string, IReadOnlyList<CodeSystemConcept>>(StringComparer.Ordinal);
        var translations = new List<(CodeKey Source, CodeKey Target)>();
        foreach (var (name, json) in files)
        {
            using var document = ParseFile(name, json);
            var root = document.RootElement;
            string? resourceType = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("resourceType", out var rt)
                ? rt.GetString() : null;
            switch (resourceType)
            {
                case "ValueSet":
                    valueSets.Add(ReadValueSet(name, root, valueSets.Count));
                    break;
                case "CodeSystem":
                    ReadCodeSystem(name, root, displays, codeSystems);
                    break;
                case "ConceptMap":
                    ReadConceptMap(name, root, translations);
                    break;
                default:
                    break; // StructureDefinitions, package manifests and examples are not terminology.
            }
        }

        foreach (var local in localCodes)
        {
            translations.Add((new CodeKey(local.System, local.Code), new CodeKey(local.TargetSystem, local.TargetCode)));
        }

        return Compile(valueSets, displays, codeSystems, translations, textMatching);
    }

    private static JsonDocument ParseFile(string name, byte[] json)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new TerminologyLoadException(name, $"line {ex.LineNumber + 1}", "not valid JSON: " + ex.Message);
        }
    }

    private static ValueSetDefinition ReadValueSet(string file, JsonElement root, int index)
    {
        string id = RequiredString(file, root, "id", "/id");
        string url = RequiredString(file, root, "url", "/url");
        string title = OptionalString(root, "title") ?? OptionalString(root, "name") ?? id;
        string? mechanism = ExtensionCode(root, KnownSystems.MechanismClassExtension);
        var concepts = new List<ValueSetConcept>();
        var prefixes = new List<CodeKey>();
        var included = new List<string>();
        if (!root.TryGetProperty("compose", out var compose))
        {
            throw new TerminologyLoadException(file, "/compose", "a ValueSet must have compose.include");
        }

        if (compose.TryGetProperty("exclude", out _))
        {
            throw new TerminologyLoadException(file, "/compose/exclude", "compose.exclude is not supported; list the included codes instead");
        }

        int i = 0;
        foreach (var include in Array(file, compose, "include", "/compose/include"))
        {
            string at = $"/compose/include/{i++}";
            if (include.TryGetProperty("valueSet", out var vsRefs))
            {
                foreach (var vsRef in vsRefs.EnumerateArray())
                {
                    included.Add(vsRef.GetString() ?? throw new TerminologyLoadException(file, at + "/valueSet", "expected a canonical URL"));
                }
            }

            string? system = OptionalString(include, "system");
            if (include.TryGetProperty("concept", out var conceptArray))
            {
                if (system is null)
                {
                    throw new TerminologyLoadException(file, at + "/system", "an include with concepts needs a system");
                }

                int c = 0;
                foreach (var concept in conceptArray.EnumerateArray())
                {
                    concepts.Add(ReadConcept(file, $"{at}/concept/{c++}", system, concept));
                }
            }

            if (include.TryGetProperty("filter", out var filters))
            {
                int f = 0;
                foreach (var filter in filters.EnumerateArray())
                {
                    string fat = $"{at}/filter/{f++}";
                    if (system is null || !CodeKey.IsIcd10(system) || OptionalString(filter, "op") != "is-a")
                    {
                        throw new TerminologyLoadException(file, fat, "only 'is-a' filters on ICD-10/ICD-10-CM are supported (other hierarchies are not available offline); list the codes instead");
                    }

                    prefixes.Add(new CodeKey(system, RequiredString(file, filter, "value", fat + "/value")));
                }
            }
        }

        return new ValueSetDefinition
        {
            Index = index,
            Id = id,
            Url = url,
            Title = title,
            SourceFile = file,
            MechanismClass = mechanism,
            Concepts = concepts,
            Prefixes = prefixes,
            IncludedValueSets = included,
        };
    }

    private static ValueSetConcept ReadConcept(string file, string at, string system, JsonElement concept)
    {
        string code = RequiredString(file, concept, "code", at + "/code");
        var synonyms = new List<string>();
        if (concept.TryGetProperty("designation", out var designations))
        {
            foreach (var designation in designations.EnumerateArray())
            {
                if (OptionalString(designation, "value") is { Length: > 0 } value)
                {
                    synonyms.Add(value);
                }
            }
        }

        return new ValueSetConcept
        {
            Key = new CodeKey(system, code),
            Display = OptionalString(concept, "display"),
            Agent = ExtensionCode(concept, KnownSystems.AgentExtension),
            Synonyms = synonyms,
            Verification = ExtensionString(concept, KnownSystems.CodeVerificationExtension),
        };
    }

    private static void ReadCodeSystem(
        string file, JsonElement root, Dictionary<string, string> displays, Dictionary<string, IReadOnlyList<CodeSystemConcept>> codeSystems)
    {
        string url = RequiredString(file, root, "url", "/url");
        var list = new List<CodeSystemConcept>();
        if (root.TryGetProperty("concept", out var concepts))
        {
            foreach (var concept in concepts.EnumerateArray())
            {
                string code = RequiredString(file, concept, "code", "/concept/code");
                string display = OptionalString(concept, "display") ?? code;
                displays[url + "|" + code] = display;
                list.Add(new CodeSystemConcept(code, display, OptionalString(concept, "definition")));
            }
        }

        codeSystems[url] = list;
    }

    private static void ReadConceptMap(string file, JsonElement root, List<(CodeKey, CodeKey)> translations)
    {
        int g = 0;
        foreach (var group in Array(file, root, "group", "/group"))
        {
            string at = $"/group/{g++}";
            string source = RequiredString(file, group, "source", at + "/source");
            string target = RequiredString(file, group, "target", at + "/target");
            if (!group.TryGetProperty("element", out var elements))
            {
                continue;
            }

            int e = 0;
            foreach (var element in elements.EnumerateArray())
            {
                string eat = $"{at}/element/{e++}";
                string code = RequiredString(file, element, "code", eat + "/code");
                if (!element.TryGetProperty("target", out var targets))
                {
                    continue;
                }

                foreach (var t in targets.EnumerateArray())
                {
                    string equivalence = OptionalString(t, "equivalence") ?? "equivalent";
                    if (equivalence is "unmatched" or "disjoint")
                    {
                        continue;
                    }

                    translations.Add((new CodeKey(source, code), new CodeKey(target, RequiredString(file, t, "code", eat + "/target/code"))));
                }
            }
        }
    }

    private static TerminologyCatalog Compile(
        List<ValueSetDefinition> valueSets,
        Dictionary<string, string> displays,
        Dictionary<string, IReadOnlyList<CodeSystemConcept>> codeSystems,
        List<(CodeKey Source, CodeKey Target)> translations,
        bool textMatching)
    {
        var byUrl = new Dictionary<string, ValueSetDefinition>(StringComparer.Ordinal);
        foreach (var vs in valueSets)
        {
            if (!byUrl.TryAdd(vs.Url, vs))
            {
                throw new TerminologyLoadException(vs.SourceFile, "/url", $"the canonical URL {vs.Url} is also used by {byUrl[vs.Url].SourceFile}");
            }
        }

        // containers[x] = every value set whose expansion includes value set x (itself included).
        var containers = valueSets.Select(vs => new ValueSetMask.Builder()).ToArray();
        foreach (var vs in valueSets)
        {
            foreach (int member in Closure(vs, byUrl, []))
            {
                containers[member].Add(vs.Index);
            }
        }

        var containerMasks = containers.Select(b => b.Build()).ToArray();
        var index = new Dictionary<CodeKey, ValueSetMask.Builder>();
        var agents = new Dictionary<CodeKey, AgentInfo>();
        var synonyms = new List<TextSynonym>();
        var prefixIndex = new List<(CodeKey, ValueSetMask)>();
        foreach (var vs in valueSets)
        {
            var mask = containerMasks[vs.Index];
            string? mechanism = vs.MechanismClass;
            foreach (var concept in vs.Concepts)
            {
                if (!index.TryGetValue(concept.Key, out var builder))
                {
                    index[concept.Key] = builder = new ValueSetMask.Builder();
                }

                builder.Add(mask);
                AgentInfo? agent = null;
                if (concept.Agent is { } inn)
                {
                    agent = new AgentInfo(inn, mechanism, mechanism is null ? null : DisplayOf(displays, KnownSystems.MechanismClass, mechanism));
                    if (!agents.TryGetValue(concept.Key, out var existing) || (existing.MechanismClass is null && mechanism is not null))
                    {
                        agents[concept.Key] = agent;
                    }
                }

                foreach (string text in concept.Synonyms.Append(concept.Display).OfType<string>())
                {
                    synonyms.Add(new TextSynonym(text.ToLowerInvariant(), mask, agent));
                }
            }

            foreach (var prefix in vs.Prefixes)
            {
                prefixIndex.Add((prefix, mask));
            }
        }

        // Site-local and cross-system codes inherit the memberships of the code they map to.
        foreach (var (source, target) in translations)
        {
            if (index.TryGetValue(target, out var targetMask))
            {
                if (!index.TryGetValue(source, out var builder))
                {
                    index[source] = builder = new ValueSetMask.Builder();
                }

                builder.Add(targetMask.Build());
            }

            if (agents.TryGetValue(target, out var agent))
            {
                agents.TryAdd(source, agent);
            }
        }

        var translationIndex = translations
            .GroupBy(t => t.Source)
            .ToFrozenDictionary(g => g.Key, g => g.Select(t => t.Target).ToArray());

        return new TerminologyCatalog(
            valueSets,
            index.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.Build()),
            prefixIndex,
            agents.ToFrozenDictionary(),
            MergeSynonyms(synonyms),
            displays.ToFrozenDictionary(StringComparer.Ordinal),
            translationIndex,
            codeSystems.ToFrozenDictionary(StringComparer.Ordinal),
            textMatching);
    }

    // A text listed in several value sets (a concept in a class set and in a narrower set) stands for all of them.
    private static List<TextSynonym> MergeSynonyms(List<TextSynonym> synonyms) =>
        synonyms.GroupBy(s => s.Text, StringComparer.Ordinal)
            .Select(g => new TextSynonym(g.Key, g.Skip(1).Aggregate(g.First().Mask, (mask, s) => mask.Union(s.Mask)), g.Select(s => s.Agent).FirstOrDefault(a => a is not null)))
            .ToList();

    private static IEnumerable<int> Closure(ValueSetDefinition vs, Dictionary<string, ValueSetDefinition> byUrl, HashSet<int> path)
    {
        if (!path.Add(vs.Index))
        {
            throw new TerminologyLoadException(vs.SourceFile, "/compose/include", "value-set includes form a cycle through " + vs.Url);
        }

        yield return vs.Index;
        foreach (string url in vs.IncludedValueSets)
        {
            if (!byUrl.TryGetValue(url, out var included))
            {
                throw new TerminologyLoadException(vs.SourceFile, "/compose/include", $"includes {url}, which is not in the conformance directory");
            }

            foreach (int member in Closure(included, byUrl, path))
            {
                yield return member;
            }
        }

        path.Remove(vs.Index);
    }

    private static string DisplayOf(Dictionary<string, string> displays, string system, string code) =>
        displays.TryGetValue(system + "|" + code, out var display) ? display : code;

    private static JsonElement.ArrayEnumerator Array(string file, JsonElement parent, string name, string at)
    {
        if (!parent.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            throw new TerminologyLoadException(file, at, $"expected an array '{name}'");
        }

        return array.EnumerateArray();
    }

    private static string RequiredString(string file, JsonElement parent, string name, string at) =>
        OptionalString(parent, name) is { Length: > 0 } value
            ? value
            : throw new TerminologyLoadException(file, at, $"'{name}' is required and must be a non-empty string");

    private static string? OptionalString(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string? ExtensionCode(JsonElement parent, string url) => ExtensionValue(parent, url, "valueCode");

    private static string? ExtensionString(JsonElement parent, string url) => ExtensionValue(parent, url, "valueString");

    private static string? ExtensionValue(JsonElement parent, string url, string valueName)
    {
        if (!parent.TryGetProperty("extension", out var extensions))
        {
            return null;
        }

        foreach (var extension in extensions.EnumerateArray())
        {
            if (OptionalString(extension, "url") == url)
            {
                return OptionalString(extension, valueName);
            }
        }

        return null;
    }
}
