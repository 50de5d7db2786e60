using static CdsHooks.Fhir.Tests.Validation.ValidatorFixture;

namespace CdsHooks.Fhir.Tests.Validation;

public sealed class TypeTests
{
    [Fact]
    public void Validate_ChoiceTypeTheProfileDoesNotAllow_ReportsTypeNotAllowed()
    {
        var report = Validate(Resources.MedicationStatement.With(
            "\"effectivePeriod\": {\"start\": \"2021-01-10\", \"end\": \"2022-02-01\"}", "\"effectiveDateTime\": \"2021-01-10\""));

        // rcds-ms-2 warns too: without a period the course has no start the rules can read.
        Assert.Equal(["error FHIR-VAL-005 MedicationStatement.effectiveDateTime", "warning FHIR-VAL-013 MedicationStatement"], report.Findings());
        Assert.Contains("only Period are allowed by refractory-medication-statement", report.Issues[0].Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ChoiceTypeTheBaseAllows_IsAccepted()
    {
        var report = Validate(Resources.Observation.With("\"effectiveDateTime\": \"2024-03-01\"", "\"effectivePeriod\": {\"start\": \"2024-03-01\"}"));

        Assert.Empty(report.Issues);
    }

    [Fact]
    public void Validate_TwoTypesOfOneChoice_ReportsMultipleChoiceTypes()
    {
        var report = Validate(Resources.Observation.With("\"effectiveDateTime\": \"2024-03-01\"", "\"effectiveDateTime\": \"2024-03-01\", \"effectiveInstant\": \"2024-03-01T10:00:00Z\""));

        Assert.Equal(["error FHIR-VAL-006 Observation.effective[x]"], report.Findings());
    }

    [Fact]
    public void Validate_PrimitiveWithTheWrongJsonType_ReportsWrongJsonType()
    {
        var report = Validate(Resources.Observation.With("\"value\": 38", "\"value\": \"38\""));

        Assert.Equal(["error FHIR-VAL-007 Observation.valueQuantity.value"], report.Findings());
    }

    [Fact]
    public void Validate_ComplexElementAsString_ReportsWrongJsonType()
    {
        var report = Validate(Resources.Condition.With("\"subject\": {\"reference\": \"Patient/p1\"}", "\"subject\": \"Patient/p1\""));

        Assert.Equal(["error FHIR-VAL-007 Condition.subject"], report.Findings());
    }

    [Theory]
    [InlineData("\"onsetDateTime\": \"2019-02-30\"", "Condition.onsetDateTime")]
    [InlineData("\"onsetDateTime\": \"2019-05-01T10:00\"", "Condition.onsetDateTime")]
    [InlineData("\"onsetDateTime\": \"2019-05\", \"id\": \"has space\"", "Condition.id")]
    public void Validate_PrimitiveOutsideItsSyntax_ReportsInvalidPrimitive(string replacement, string expression)
    {
        var report = Validate(Resources.Condition.With("\"onsetDateTime\": \"2019-05\"", replacement).With("\"id\": \"cd\",", replacement.Contains("\"id\"", StringComparison.Ordinal) ? "" : "\"id\": \"cd\","));

        Assert.Equal([$"error FHIR-VAL-008 {expression}"], report.Findings());
    }

    [Fact]
    public void Validate_ElementR4DoesNotDefine_ReportsUnknownElement()
    {
        var report = Validate(Resources.Observation.With("\"status\": \"final\",", "\"status\": \"final\", \"severity\": \"high\","));

        Assert.Equal(["error FHIR-VAL-004 Observation.severity"], report.Findings());
    }

    [Fact]
    public void Validate_ReferenceToATypeTheProfileExcludes_ReportsReferenceTarget()
    {
        var report = Validate(Resources.Observation.With("\"reference\": \"Patient/p1\"", "\"reference\": \"Group/g1\""));

        Assert.Equal(["error FHIR-VAL-014 Observation.subject"], report.Findings());
    }

    [Fact]
    public void Validate_PrimitiveExtension_IsCheckedAsAnElement()
    {
        var report = Validate(Resources.Observation.With("\"status\": \"final\",", "\"status\": \"final\", \"_status\": {\"extension\": [{\"url\": \"http://example.org/x\"}]},"));

        Assert.Equal(["error FHIR-VAL-013 Observation.status.extension[0]"], report.Findings());
    }

    [Fact]
    public void Validate_ComponentLocations_CarryTheirIndex()
    {
        var report = Validate(Resources.Observation.With("\"valueQuantity\"", """
            "component": [
              {"code": {"coding": [{"system": "http://loinc.org", "code": "8480-6"}]}, "valueQuantity": {"value": 120, "system": "http://unitsofmeasure.org", "code": "mm[Hg]"}},
              {"code": {"coding": [{"system": "http://loinc.org", "code": "8462-4"}]}, "valueQuantity": {"value": 80, "system": "http://example.org/units", "code": "mmHg"}}],
            "valueQuantity"
            """));

        Assert.Equal(["error FHIR-VAL-009 Observation.component[1].valueQuantity.system"], report.Findings());
    }

    [Fact]
    public void Validate_ResourceTypeWithoutDefinition_IsReportedAsNotValidated()
    {
        var report = Validate("""{"resourceType": "Encounter", "id": "e1", "status": "finished"}""");

        Assert.True(report.IsValid);
        Assert.Equal(["information FHIR-VAL-015 Encounter"], report.Findings());
    }

    [Fact]
    public void Validate_ContainedResource_IsCheckedAgainstItsBaseDefinition()
    {
        var report = Validate(Resources.MedicationStatement.With("\"status\": \"stopped\",", "\"status\": \"stopped\", \"contained\": [{\"resourceType\": \"Medication\", \"id\": \"m1\", \"status\": 7}],"));

        Assert.Equal(["error FHIR-VAL-007 MedicationStatement.contained[0].status"], report.Findings());
    }
}
