using CdsHooks.Clinical.Rules.Loading;
using CdsHooks.Clinical.Terminology;

namespace CdsHooks.Clinical.Evaluation;

/// <summary>The terminology and every compiled pack, built once at startup.</summary>
public sealed class KnowledgeBase
{
    /// <summary>Creates the knowledge base, checking that rule ids are unique across packs.</summary>
    public KnowledgeBase(TerminologyCatalog terminology, IReadOnlyList<CompiledPack> packs)
    {
        ArgumentNullException.ThrowIfNull(packs);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pack in packs)
        {
            foreach (var rule in pack.Rules)
            {
                if (!seen.TryAdd(rule.Rule.Id, pack.Pack.File))
                {
                    throw new PackLoadException(pack.Pack.File, PackCompiler.Line(rule.Rule.Origin), rule.Rule.Id,
                        $"the rule id is already used in {seen[rule.Rule.Id]}; rule ids must be unique across packs");
                }
            }
        }

        Terminology = terminology;
        Packs = packs;
    }

    /// <summary>The terminology.</summary>
    public TerminologyCatalog Terminology { get; }

    /// <summary>The compiled packs.</summary>
    public IReadOnlyList<CompiledPack> Packs { get; }

    /// <summary>Loads the terminology and packs from disk with the site's options.</summary>
    public static KnowledgeBase Load(ClinicalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var terminology = TerminologyLoader.LoadDirectory(options.ProfilesDirectory, options.TextMatching, options.LocalCodes);
        var compiler = new PackCompiler(terminology);
        if (!Directory.Exists(options.KnowledgeDirectory))
        {
            throw new PackLoadException($"the knowledge directory '{options.KnowledgeDirectory}' does not exist; set Clinical:KnowledgeDirectory");
        }

        var packs = new List<CompiledPack>();
        var files = Directory.EnumerateFiles(options.KnowledgeDirectory)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (string file in files)
        {
            var pack = PackReader.Read(Path.GetFileName(file), File.ReadAllText(file));
            var site = options.Packs.TryGetValue(pack.Id, out var packOptions) ? packOptions : new PackOptions();
            if (site.Enabled)
            {
                packs.Add(compiler.Compile(pack, site.Assumptions));
            }
        }

        foreach (string configured in options.Packs.Keys)
        {
            if (!packs.Any(p => p.Pack.Id == configured) && options.Packs[configured].Enabled)
            {
                throw new PackLoadException($"Clinical:Packs:{configured} configures a pack that is not in {options.KnowledgeDirectory}");
            }
        }

        return new KnowledgeBase(terminology, packs);
    }
}
