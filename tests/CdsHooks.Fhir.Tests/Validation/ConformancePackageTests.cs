using System.Text;
using CdsHooks.Fhir.Validation;

namespace CdsHooks.Fhir.Tests.Validation;

public sealed class ConformancePackageTests
{
    [Fact]
    public void Load_SlicingOtherThanChoiceTypes_IsRefusedWithFileAndLocation()
    {
        const string Sliced = """
            {"resourceType": "StructureDefinition", "id": "sliced", "url": "http://example.org/sliced", "type": "Observation",
             "baseDefinition": "http://hl7.org/fhir/StructureDefinition/Observation", "derivation": "constraint", "kind": "resource",
             "differential": {"element": [
               {"id": "Observation.category", "path": "Observation.category", "slicing": {"discriminator": [{"type": "pattern", "path": "$this"}], "rules": "open"}}]}}
            """;

        var error = Assert.Throws<ConformancePackageException>(() => ConformancePackage.Load([("StructureDefinition-sliced.json", Encoding.UTF8.GetBytes(Sliced))]));

        Assert.Equal("StructureDefinition-sliced.json", error.File);
        Assert.Equal("/differential/element/0/slicing", error.Location);
        Assert.Contains("only the type slices of a choice element", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BaseWithoutDefinition_IsRefused()
    {
        const string OnEncounter = """
            {"resourceType": "StructureDefinition", "id": "enc", "url": "http://example.org/enc", "type": "Encounter",
             "baseDefinition": "http://hl7.org/fhir/StructureDefinition/Encounter", "derivation": "constraint", "kind": "resource",
             "differential": {"element": [{"id": "Encounter", "path": "Encounter"}]}}
            """;

        var error = Assert.Throws<ConformancePackageException>(() => ConformancePackage.Load([("StructureDefinition-enc.json", Encoding.UTF8.GetBytes(OnEncounter))]));

        Assert.Contains("no base definition of Encounter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsExample_FilesUnderExample_AreExamples()
    {
        Assert.True(ConformancePackage.IsExample("example/ConceptMap-site-local-codes.json"));
        Assert.False(ConformancePackage.IsExample("ValueSet-anti-tnf.json"));
        Assert.False(ConformancePackage.IsExample("example"));
    }
}
