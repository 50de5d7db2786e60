using CdsHooks.Clinical.Conformance;
using CdsHooks.Clinical.Services;
using CdsHooks.Testing;

namespace CdsHooks.Clinical.Tests.Conformance;

/// <summary>
/// The files generated from the packs (coded-result-tests ValueSet, package index, data-requirements page) are
/// committed as generated: when a pack, a ValueSet or the service catalog changes, this fails until they are regenerated.
/// </summary>
public sealed class GeneratedArtifactsTests
{
    public static TheoryData<string> Files() => [.. Generated().Keys];

    [Theory]
    [MemberData(nameof(Files))]
    public void Committed_GeneratedFile_MatchesWhatThePacksGive(string path)
    {
        string committed = File.ReadAllText(Path.Combine(RepoPaths.Root, path));

        string expected = Generated()[path];

        if (committed != expected)
        {
            var committedLines = committed.Split('\n');
            var expectedLines = expected.Split('\n');
            int line = Enumerable.Range(0, Math.Min(committedLines.Length, expectedLines.Length)).FirstOrDefault(i => committedLines[i] != expectedLines[i], Math.Min(committedLines.Length, expectedLines.Length));
            Assert.Fail($"{path} is out of date (first difference at line {line + 1}); run: dotnet run --project src/CdsHooks.Cli -- requirements --write");
        }
    }

    [Fact]
    public void DataRequirementsPage_ListsEveryPackWithItsPrefetchKeysAndCodes()
    {
        string page = Generated()[DataRequirementsPage.RelativePath];

        foreach (var pack in ClinicalFixture.Knowledge.Packs)
        {
            Assert.Contains($"## {pack.Pack.Title} (`{pack.Pack.Id}` {pack.Pack.Version})", page, StringComparison.Ordinal);
        }

        foreach (var key in CdsServiceCatalog.PatientData)
        {
            Assert.Contains($"| `{key.Key}` | `{key.Template}` | {key.ResourceType} |", page, StringComparison.Ordinal);
        }

        Assert.Contains("| anti-TNF agents (therapy) | MedicationStatement, MedicationRequest, Procedure | `anti-tnf` |", page, StringComparison.Ordinal);
    }

    [Fact]
    public void CodedResultTests_LeaveOutTestsAlsoReadAsNumbers()
    {
        var ids = CodedResultTests.ValueSetIds(ClinicalFixture.Knowledge);

        Assert.Contains("crc-ras-test", ids);
        Assert.Contains("tuberculosis-screening-test", ids);
        Assert.DoesNotContain("ana-ifa-titer", ids); // read as a titre
        Assert.DoesNotContain("bilag-2004", ids); // components are coded, the result itself is not
    }

    private static IReadOnlyDictionary<string, string> Generated() =>
        GeneratedArtifacts.Render(ClinicalFixture.Knowledge, new CdsServiceCatalog(), ConformanceFixture.Package, RepoPaths.Profiles);
}
