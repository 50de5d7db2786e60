using System.Text;
using System.Text.Json;
using CdsHooks.Fhir.Validation;
using CdsHooks.Testing;

namespace CdsHooks.Fhir.Tests.Validation;

/// <summary>
/// The real conformance package (fhir-profiles/) plus one test profile with a pattern, a prohibited element and a
/// required binding on code (so it applies only to creatinine, LOINC 2160-0, unless named); ValueSets as plain expansions.
/// </summary>
internal static class ValidatorFixture
{
    public const string TherapyOutcome = "http://refractorycds.org/fhir/ValueSet/therapy-outcome";
    public const string CodedResultTests = "http://refractorycds.org/fhir/ValueSet/coded-result-tests";
    public const string TestProfile = "http://example.org/fhir/StructureDefinition/test-lab-observation";
    public const string TestCodes = "http://example.org/fhir/ValueSet/test-codes";
    public const string Loinc = "http://loinc.org";
    public const string Creatinine = "\"code\": \"2160-0\"";

    private const string TestProfileJson = """
        {
          "resourceType": "StructureDefinition", "id": "test-lab-observation", "url": "http://example.org/fhir/StructureDefinition/test-lab-observation",
          "name": "TestLabObservation", "status": "draft", "kind": "resource", "abstract": false, "type": "Observation",
          "baseDefinition": "http://hl7.org/fhir/StructureDefinition/Observation", "derivation": "constraint",
          "differential": { "element": [
            { "id": "Observation", "path": "Observation" },
            { "id": "Observation.category", "path": "Observation.category", "min": 1,
              "patternCodeableConcept": { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "laboratory" } ] } },
            { "id": "Observation.code", "path": "Observation.code", "binding": { "strength": "required", "valueSet": "http://example.org/fhir/ValueSet/test-codes" } },
            { "id": "Observation.bodySite", "path": "Observation.bodySite", "max": "0" },
            { "id": "Observation.method", "path": "Observation.method", "binding": { "strength": "extensible", "valueSet": "http://example.org/fhir/ValueSet/unknown-methods" } }
          ] }
        }
        """;

    public static readonly ExpandedValueSets Terminology = new(new Dictionary<string, IReadOnlyList<(string, string)>>
    {
        [TherapyOutcome] = [("http://refractorycds.org/fhir/CodeSystem/therapy-outcome", "primary-non-response"), ("http://refractorycds.org/fhir/CodeSystem/therapy-outcome", "intolerance")],
        [CodedResultTests] = [(Loinc, "53037-8")],
        [TestCodes] = [(Loinc, "2160-0")],
    });

    public static readonly ConformancePackage Package = ConformancePackage.Load(
        Directory.EnumerateFiles(RepoPaths.Profiles, "StructureDefinition-*.json")
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllBytes(f)))
            .Append(("StructureDefinition-test-lab-observation.json", Encoding.UTF8.GetBytes(TestProfileJson))));

    public static readonly ProfileValidator Validator = new(Package, Terminology);

    public static ValidationReport Validate(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Validator.Validate(document.RootElement);
    }

    public static ValidationReport Validate(string json, string profile)
    {
        using var document = JsonDocument.Parse(json);
        return Validator.Validate(document.RootElement, profile);
    }

    /// <summary>The findings as "severity code expression" lines, for exact assertions.</summary>
    public static IReadOnlyList<string> Findings(this ValidationReport report) =>
        report.Issues.Select(i => $"{i.Severity} {ValidationReport.CodeOf(i)} {string.Join(",", i.Expression ?? [])}").ToList();
}
