using System.Collections.Frozen;
using System.Text.Json;
using CdsHooks.Fhir.Validation.Definitions;

namespace CdsHooks.Fhir.Validation;

/// <summary>
/// The project's conformance package (a FHIR NPM package folder such as <c>fhir-profiles/</c>): its profiles, the
/// extensions it defines and the canonical URL of every resource in it. Files under <c>example/</c> are examples and
/// templates, not conformance resources (FHIR NPM package layout), and are not loaded.
/// </summary>
public sealed class ConformancePackage
{
    /// <summary>The folder of examples and templates, which is not loaded.</summary>
    public const string ExampleFolder = "example";

    private readonly FrozenDictionary<string, Profile> _profiles;
    private readonly FrozenDictionary<string, Profile[]> _byType;
    private readonly FrozenDictionary<string, IReadOnlyList<string>> _extensions;

    private ConformancePackage(List<Profile> profiles, Dictionary<string, IReadOnlyList<string>> extensions, Dictionary<string, CanonicalResource> canonicals)
    {
        _profiles = profiles.ToFrozenDictionary(p => p.Url, StringComparer.Ordinal);
        _byType = profiles.GroupBy(p => p.Type, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _extensions = extensions.ToFrozenDictionary(StringComparer.Ordinal);
        Canonicals = canonicals.ToFrozenDictionary(StringComparer.Ordinal);
        Profiles = profiles.Select(ProfileInfo.From).ToList();
    }

    /// <summary>The resource profiles, in file order.</summary>
    public IReadOnlyList<ProfileInfo> Profiles { get; }

    /// <summary>Every canonical resource of the package by URL (StructureDefinitions, ValueSets, CodeSystems, ConceptMaps).</summary>
    public IReadOnlyDictionary<string, CanonicalResource> Canonicals { get; }

    /// <summary>Loads every <c>*.json</c> file under <paramref name="directory"/> except <c>example/</c>.</summary>
    /// <param name="directory">The package folder.</param>
    /// <returns>The package.</returns>
    /// <exception cref="ConformancePackageException">A file is not valid JSON or a profile uses something the validator cannot check.</exception>
    public static ConformancePackage LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new ConformancePackageException(directory, "/", "the conformance package folder does not exist");
        }

        return Load(Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(directory, path))
            .Where(relative => !IsExample(relative))
            .Order(StringComparer.Ordinal)
            .Select(relative => (relative, File.ReadAllBytes(Path.Combine(directory, relative)))));
    }

    /// <summary>Whether a path relative to the package folder is an example or template (not loaded).</summary>
    /// <param name="relativePath">The path, e.g. <c>example/ConceptMap-site-local-codes.json</c>.</param>
    /// <returns>True under <c>example/</c>.</returns>
    public static bool IsExample(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        string first = relativePath.Split('/', '\\')[0];
        return relativePath.Length > first.Length && string.Equals(first, ExampleFolder, StringComparison.Ordinal);
    }

    /// <summary>Loads from in-memory files (name, UTF-8 JSON).</summary>
    /// <param name="files">The files.</param>
    /// <returns>The package.</returns>
    /// <exception cref="ConformancePackageException">A file is not valid JSON or a profile uses something the validator cannot check.</exception>
    public static ConformancePackage Load(IEnumerable<(string Name, byte[] Json)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var read = new List<(Profile Profile, string Base)>();
        var extensions = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var canonicals = new Dictionary<string, CanonicalResource>(StringComparer.Ordinal);
        foreach (var (name, json) in files)
        {
            using var document = Parse(name, json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("resourceType", out var type) || type.ValueKind != JsonValueKind.String)
            {
                continue; // package.json, .index.json
            }

            string resourceType = type.GetString()!;
            if (root.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String)
            {
                var canonical = new CanonicalResource(url.GetString()!, resourceType, root.TryGetProperty("id", out var id) ? id.GetString() ?? "" : "", name);
                if (!canonicals.TryAdd(canonical.Url, canonical))
                {
                    throw new ConformancePackageException(name, "/url", $"the canonical URL {canonical.Url} is also used by {canonicals[canonical.Url].File}");
                }
            }

            if (resourceType != "StructureDefinition")
            {
                continue;
            }

            var (profile, baseDefinition) = StructureDefinitionReader.Read(name, root);
            if (profile.Type == "Extension")
            {
                extensions[profile.Url] = profile.Overlay("Extension.value[x]")?.Types?.Select(t => t.Code).ToList() ?? [];
            }
            else
            {
                read.Add((profile, baseDefinition));
            }
        }

        return new ConformancePackage(ResolveBases(read), extensions, canonicals);
    }

    internal bool TryGetProfile(string url, out Profile profile) => _profiles.TryGetValue(url, out profile!);

    internal IReadOnlyList<Profile> ProfilesFor(string resourceType) => _byType.TryGetValue(resourceType, out var profiles) ? profiles : [];

    /// <summary>The value types a package extension allows, when the URL names one.</summary>
    internal bool TryGetExtension(string url, out IReadOnlyList<string> valueTypes) => _extensions.TryGetValue(url, out valueTypes!);

    internal bool TryGetExtension(ReadOnlySpan<char> url, out IReadOnlyList<string> valueTypes) =>
        _extensions.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(url, out valueTypes!);

    /// <summary>Every resource profile, for the validator to prepare.</summary>
    internal IEnumerable<Profile> ProfileDefinitions => _profiles.Values;

    // A profile may build on another package profile: the parent's differential lies under its own.
    private static List<Profile> ResolveBases(List<(Profile Profile, string Base)> read)
    {
        var byUrl = read.ToDictionary(r => r.Profile.Url, StringComparer.Ordinal);
        var resolved = new List<Profile>();
        foreach (var (profile, baseUrl) in read)
        {
            var overlays = new Dictionary<string, ElementRule>(profile.Overlays, StringComparer.Ordinal);
            string current = baseUrl;
            string coreType;
            var seen = new HashSet<string>(StringComparer.Ordinal) { profile.Url };
            while (!StructureDefinitionReader.IsCoreBase(current, out coreType))
            {
                if (!byUrl.TryGetValue(current, out var parent) || !seen.Add(current))
                {
                    throw new ConformancePackageException(profile.File, "/baseDefinition", $"{current} is neither a FHIR R4 core resource nor a profile of this package (or the chain loops)");
                }

                foreach (var (path, rule) in parent.Profile.Overlays)
                {
                    overlays[path] = overlays.TryGetValue(path, out var own) ? rule.Merge(own) : rule;
                }

                current = parent.Base;
            }

            if (!Definitions.BaseDefinitions.R4.TryGetType(coreType, out var baseType) || !baseType.IsResource || coreType != profile.Type)
            {
                throw new ConformancePackageException(profile.File, "/baseDefinition", $"the validator has no base definition of {coreType} for a {profile.Type} profile; add it to scripts/conformance/extract_base_definitions.py");
            }

            resolved.Add(profile with { Overlays = overlays.ToFrozenDictionary(StringComparer.Ordinal) });
        }

        return resolved;
    }

    private static JsonDocument Parse(string name, byte[] json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new ConformancePackageException(name, $"line {ex.LineNumber + 1}", "not valid JSON");
        }
    }
}

/// <summary>A canonical resource of the package.</summary>
/// <param name="Url">Its canonical URL.</param>
/// <param name="ResourceType">StructureDefinition, ValueSet, CodeSystem or ConceptMap.</param>
/// <param name="Id">Its id.</param>
/// <param name="File">The file, relative to the package folder.</param>
public sealed record CanonicalResource(string Url, string ResourceType, string Id, string File);
