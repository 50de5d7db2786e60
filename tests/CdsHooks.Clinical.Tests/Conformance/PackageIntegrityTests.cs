using System.Text.Json;
using CdsHooks.Clinical.Terminology;
using CdsHooks.Fhir.Validation;
using CdsHooks.Testing;

namespace CdsHooks.Clinical.Tests.Conformance;

/// <summary>
/// The conformance package loads, and every canonical reference in it resolves: a project URL to a resource of the
/// package, a core StructureDefinition to a base definition the validator has, and a code system to one the
/// package defines or a known external terminology.
/// </summary>
public sealed class PackageIntegrityTests
{
    private const string Core = "http://hl7.org/fhir/StructureDefinition/";

    private static readonly HashSet<string> ExternalSystems = new(StringComparer.Ordinal)
    {
        KnownSystems.Snomed, KnownSystems.Loinc, KnownSystems.RxNorm, KnownSystems.Atc, KnownSystems.Icd10Cm, KnownSystems.Icd10, KnownSystems.Ucum,
        "http://www.genenames.org", "http://www.genenames.org/geneId", "http://snomed.info/sct?fhir_vs",
    };

    public static TheoryData<string> Files() =>
        [.. Directory.EnumerateFiles(RepoPaths.Profiles, "*.json", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(RepoPaths.Profiles, f)).Order(StringComparer.Ordinal)];

    [Fact]
    public void LoadDirectory_Package_LoadsItsSixProfilesAndThreeExtensions()
    {
        var package = ConformancePackage.LoadDirectory(RepoPaths.Profiles);

        Assert.Equal(
            ["refractory-coded-result", "refractory-condition", "refractory-medication-request", "refractory-medication-statement", "refractory-observation", "refractory-procedure"],
            package.Profiles.Select(p => p.Id).Order(StringComparer.Ordinal));
        Assert.Equal(3, package.Canonicals.Values.Count(c => c.ResourceType == "StructureDefinition") - package.Profiles.Count);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void CanonicalReferences_InEachFile_ResolveWithinThePackage(string file)
    {
        var package = ConformanceFixture.Package;
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(RepoPaths.Profiles, file)));
        var unresolved = References(document.RootElement, "")
            .Where(r => !Resolves(r.Value, package, file))
            .Select(r => $"{r.Pointer}: {r.Value}")
            .ToList();

        Assert.Empty(unresolved);
    }

    [Fact]
    public void Manifest_NamesTheCanonicalBaseAndTheCoreDependency()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(RepoPaths.Profiles, "package.json")));

        Assert.Equal(KnownSystems.ProjectBase, manifest.RootElement.GetProperty("canonical").GetString());
        Assert.Equal("4.0.1", manifest.RootElement.GetProperty("dependencies").GetProperty("hl7.fhir.r4.core").GetString());
        Assert.Equal(["4.0.1"], manifest.RootElement.GetProperty("fhirVersions").EnumerateArray().Select(v => v.GetString()));
    }

    // A string is a canonical reference where FHIR R4 puts one (these members), or where it is the project's own URL.
    private static IEnumerable<(string Pointer, string Value)> References(JsonElement element, string pointer)
    {
        string[] canonicalMembers = ["baseDefinition", "valueSet", "system", "profile", "targetProfile", "source", "target", "sourceUri", "targetUri", "url", "canonical"];
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string at = $"{pointer}/{property.Name}";
                    bool isOwnUrl = property.Name == "url" && pointer.Length == 0;
                    bool isExtensionUrl = property.Name == "url" && element.TryGetProperty("value" + "Code", out _) | element.EnumerateObject().Any(p => p.Name.StartsWith("value", StringComparison.Ordinal));
                    if (property.Value.ValueKind == JsonValueKind.String && !isOwnUrl && property.Name != "canonical"
                        && (canonicalMembers.Contains(property.Name) || isExtensionUrl) && property.Value.GetString() is { } value
                        && (value.StartsWith("http", StringComparison.Ordinal) || value.StartsWith("urn:", StringComparison.Ordinal)))
                    {
                        yield return (at, value);
                    }

                    foreach (var inner in References(property.Value, at))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonValueKind.Array:
                int i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var inner in References(item, $"{pointer}/{i++}"))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    private static bool Resolves(string reference, ConformancePackage package, string file)
    {
        string url = reference.Split('|')[0];
        if (package.Canonicals.ContainsKey(url) || ExternalSystems.Contains(url) || url.StartsWith("http://terminology.hl7.org/CodeSystem/", StringComparison.Ordinal))
        {
            return true;
        }

        // The example template maps from example.org systems, which are placeholders by definition.
        if (ConformancePackage.IsExample(file) && url.StartsWith("http://example.org/", StringComparison.Ordinal))
        {
            return true;
        }

        return url.StartsWith(Core, StringComparison.Ordinal) && package.Profiles.Any(p => p.Type == url[Core.Length..]) || url is Core + "Extension" or Core + "Patient";
    }
}
