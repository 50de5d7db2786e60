using CdsHooks.Clinical.Evaluation;
using CdsHooks.Clinical.Services;
using CdsHooks.Fhir.Validation;

namespace CdsHooks.Clinical.Conformance;

/// <summary>
/// The files generated from the packs and the package, by path relative to the repository: the coded-result-tests
/// ValueSet, the package index and the data-requirements page. <c>cdshooks requirements --write</c> writes them; a test
/// checks that the committed files equal them.
/// </summary>
public static class GeneratedArtifacts
{
    /// <summary>The package folder in the repository.</summary>
    public const string ProfilesFolder = "fhir-profiles";

    /// <summary>Renders every generated file.</summary>
    /// <param name="knowledge">The loaded packs and terminology.</param>
    /// <param name="catalog">The service catalog (prefetch queries).</param>
    /// <param name="package">The conformance package.</param>
    /// <param name="profilesDirectory">The package folder on disk (for the index).</param>
    /// <returns>Contents by path relative to the repository root, with '/' separators.</returns>
    public static IReadOnlyDictionary<string, string> Render(KnowledgeBase knowledge, CdsServiceCatalog catalog, ConformancePackage package, string profilesDirectory)
    {
        string valueSet = CodedResultTests.Render(knowledge);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [$"{ProfilesFolder}/{CodedResultTests.FileName}"] = valueSet,
            [$"{ProfilesFolder}/{PackageIndex.FileName}"] = PackageIndex.Render(profilesDirectory, new Dictionary<string, string> { [CodedResultTests.FileName] = valueSet }),
            [DataRequirementsPage.RelativePath] = DataRequirementsPage.Render(knowledge, catalog, package),
        };
    }
}
