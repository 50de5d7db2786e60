using System.Globalization;
using System.Text;
using CdsHooks.Clinical.Evaluation;
using CdsHooks.Clinical.Services;
using CdsHooks.Clinical.Terminology;
using CdsHooks.Fhir.Validation;

namespace CdsHooks.Clinical.Conformance;

/// <summary>
/// Writes <c>docs/data-requirements.md</c>: for each pack, the data elements it reads, the codes (ValueSets) they must
/// carry and the prefetch queries that bring them, with the package's profiles. Generated from the packs, the
/// ValueSets and <see cref="CdsServiceCatalog"/>, so it stays current; a test compares the committed page with it.
/// </summary>
public static class DataRequirementsPage
{
    /// <summary>The page's path in the repository.</summary>
    public const string RelativePath = "docs/data-requirements.md";

    private const int InlineCodes = 8;

    /// <summary>Renders the page.</summary>
    public static string Render(KnowledgeBase knowledge, CdsServiceCatalog catalog, ConformancePackage package)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(package);
        var page = new StringBuilder();
        page.AppendLine("# Data requirements by knowledge pack")
            .AppendLine()
            .AppendLine("Generated from the knowledge packs (`seeds/knowledge/*.yaml`), the ValueSets in `fhir-profiles/` and the service catalog by")
            .AppendLine("`dotnet run --project src/CdsHooks.Cli -- requirements --write`; a test fails when this page is out of date. Do not edit it by hand.")
            .AppendLine("How to use it: [integration.md](integration.md).")
            .AppendLine();
        Prefetch(page, catalog);
        Profiles(page, package);
        foreach (var pack in knowledge.Packs)
        {
            Pack(page, pack, knowledge.Terminology, catalog);
        }

        return page.ToString();
    }

    private static void Prefetch(StringBuilder page, CdsServiceCatalog catalog)
    {
        page.AppendLine("## Prefetch queries").AppendLine()
            .AppendLine("Every service (" + string.Join(", ", catalog.Services.Select(s => $"`{s.Id}`")) + ") asks for the same data. An EHR that")
            .AppendLine("cannot prefetch a key leaves it out and sends `fhirServer`; the service then runs the query itself.").AppendLine()
            .AppendLine("| key | query | resource type |").AppendLine("|---|---|---|");
        foreach (var key in CdsServiceCatalog.PatientData)
        {
            page.AppendLine(CultureInfo.InvariantCulture, $"| `{key.Key}` | `{key.Template}` | {key.ResourceType} |");
        }

        page.AppendLine();
    }

    private static void Profiles(StringBuilder page, ConformancePackage package)
    {
        page.AppendLine("## Profiles").AppendLine()
            .AppendLine("Each resource is checked against the profiles of its type in `fhir-profiles/`; a resource with an error is set aside")
            .AppendLine("(`Conformance:IncomingData`). `refractory-coded-result` applies to Observations whose code is in ValueSet `coded-result-tests`.")
            .AppendLine();
        foreach (var profile in package.Profiles)
        {
            page.AppendLine(CultureInfo.InvariantCulture, $"### {profile.Title} (`{profile.Id}`, on {profile.Type})").AppendLine()
                .AppendLine(profile.Description).AppendLine()
                .AppendLine("| element | cardinality | types | binding / value | invariants |").AppendLine("|---|---|---|---|---|");
            foreach (var element in profile.Elements)
            {
                string binding = string.Join("; ", new[] { element.Binding, element.Value }.OfType<string>());
                page.AppendLine(CultureInfo.InvariantCulture,
                    $"| `{element.Path}`{(element.Description is { } d ? " — " + Escape(d) : "")} | {element.Cardinality} | {string.Join(", ", element.Types)} | {Escape(binding)} | {Escape(string.Join("; ", element.Invariants))} |");
            }

            page.AppendLine();
        }
    }

    private static void Pack(StringBuilder page, CompiledPack compiled, TerminologyCatalog terminology, CdsServiceCatalog catalog)
    {
        var pack = compiled.Pack;
        var needs = PackDataNeeds.Of(pack);
        var types = needs.SelectMany(n => n.Need.ResourceTypes).Append("Patient").ToHashSet(StringComparer.Ordinal);
        page.AppendLine(CultureInfo.InvariantCulture, $"## {pack.Title} (`{pack.Id}` {pack.Version})").AppendLine()
            .AppendLine("Prefetch keys: " + string.Join(", ", CdsServiceCatalog.PatientData.Where(k => types.Contains(k.ResourceType)).Select(k => $"`{k.Key}`")) + ".")
            .AppendLine()
            .AppendLine("| data element | resource | code in ValueSet | elements read | coded answers | read by |").AppendLine("|---|---|---|---|---|---|");
        var valueSets = new List<string>();
        foreach (var (need, usedBy) in needs)
        {
            string code = need.ValueSet is { } id ? $"`{id}`" : "—";
            valueSets.AddRange(new[] { need.ValueSet }.OfType<string>().Concat(need.AnswerValueSets));
            string title = need.ValueSet is { } vs && terminology.TryGet(vs, out var def) ? def.Title : need.Elements[0];
            page.AppendLine(CultureInfo.InvariantCulture,
                $"| {Escape(title)} ({need.Role}) | {string.Join(", ", need.ResourceTypes)} | {code} | {Escape(string.Join("; ", need.Elements))} | {string.Join(", ", need.AnswerValueSets.Select(a => $"`{a}`"))} | {Escape(Users(usedBy))} |");
        }

        page.AppendLine().AppendLine("Codes:").AppendLine();
        foreach (string id in valueSets.Distinct(StringComparer.Ordinal))
        {
            if (terminology.TryGet(id, out var vs))
            {
                page.AppendLine(CultureInfo.InvariantCulture, $"- `{id}` ({Escape(vs.Title)}, [{vs.SourceFile}](../fhir-profiles/{vs.SourceFile})): {Codes(vs, terminology)}");
            }
        }

        page.AppendLine();
    }

    private static string Codes(ValueSetDefinition vs, TerminologyCatalog terminology)
    {
        var parts = new List<string>();
        if (vs.Concepts.Count is > 0 and <= InlineCodes)
        {
            parts.AddRange(vs.Concepts.Select(c => $"{Short(c.Key.System)} `{c.Key.Code}` {Escape(c.Display ?? "")}".TrimEnd()));
        }
        else if (vs.Concepts.Count > 0)
        {
            parts.Add(string.Join(", ", vs.Concepts.GroupBy(c => c.Key.System, StringComparer.Ordinal).Select(g => $"{g.Count()} {Short(g.Key)}")) + " codes");
        }

        parts.AddRange(vs.Prefixes.Select(p => $"{Short(p.System)} `{p.Code}` and below"));
        parts.AddRange(vs.IncludedValueSets.Select(url => "all of `" + (terminology.TryGet(url, out var included) ? included.Id : url) + "`"));
        return parts.Count == 0 ? "(empty)" : string.Join("; ", parts);
    }

    private static string Users(IReadOnlyList<string> usedBy) =>
        usedBy.Count <= 4 ? string.Join(", ", usedBy) : string.Join(", ", usedBy.Take(3)) + string.Create(CultureInfo.InvariantCulture, $" and {usedBy.Count - 3} more");

    private static string Short(string system) => system switch
    {
        KnownSystems.Snomed => "SNOMED CT",
        KnownSystems.Loinc => "LOINC",
        KnownSystems.RxNorm => "RxNorm",
        KnownSystems.Atc => "ATC",
        KnownSystems.Icd10Cm => "ICD-10-CM",
        KnownSystems.Icd10 => "ICD-10",
        _ when system.StartsWith(KnownSystems.ProjectBase + "/CodeSystem/", StringComparison.Ordinal) => system[(KnownSystems.ProjectBase.Length + 12)..],
        _ => system,
    };

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
