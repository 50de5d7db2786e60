using static CdsHooks.Fhir.Tests.Validation.ValidatorFixture;

namespace CdsHooks.Fhir.Tests.Validation;

public sealed class CardinalityTests
{
    [Fact]
    public void Validate_ConformingObservation_HasNoFindings()
    {
        var report = Validate(Resources.Observation);

        Assert.True(report.IsValid);
        Assert.Empty(report.Issues);
        Assert.Equal(["http://hl7.org/fhir/StructureDefinition/Observation", "http://refractorycds.org/fhir/StructureDefinition/refractory-observation"], report.Profiles);
    }

    [Fact]
    public void Validate_ProfileMinimumNotMet_ReportsMinCardinalityAtTheElement()
    {
        var report = Validate(Resources.MedicationStatement.With(
            """{"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "191831", "display": "infliximab"}]}""",
            """{"text": "infliximab"}"""));

        Assert.False(report.IsValid);
        Assert.Equal(["error FHIR-VAL-001 MedicationStatement.medicationCodeableConcept.coding"], report.Findings());
        Assert.Contains("refractory-medication-statement", report.Issues[0].Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BaseMinimumNotMet_ReportsMinCardinality()
    {
        var report = Validate(Resources.Observation.With("\"status\": \"final\",", ""));

        Assert.Equal(["error FHIR-VAL-001 Observation.status"], report.Findings());
    }

    [Fact]
    public void Validate_ChoiceRequiredByProfileMissing_ReportsTheChoiceElement()
    {
        var report = Validate(Resources.Observation.With("\"effectiveDateTime\": \"2024-03-01\",", ""));

        Assert.Equal(["error FHIR-VAL-001 Observation.effective[x]"], report.Findings());
    }

    [Fact]
    public void Validate_ElementTheProfileProhibits_ReportsMaxCardinality()
    {
        string json = Resources.Observation.With("\"code\": \"1988-5\"", Creatinine)
            .With("\"status\": \"final\",", "\"status\": \"final\", \"category\": [{\"coding\": [{\"system\": \"http://terminology.hl7.org/CodeSystem/observation-category\", \"code\": \"laboratory\"}]}], \"bodySite\": {\"text\": \"arm\"},");

        var report = Validate(json, TestProfile);

        Assert.Equal(["error FHIR-VAL-002 Observation.bodySite"], report.Findings());
    }

    [Fact]
    public void Validate_SingleValuedElementAsArray_ReportsArrayShape()
    {
        var report = Validate(Resources.Observation.With("\"subject\": {\"reference\": \"Patient/p1\"}", "\"subject\": [{\"reference\": \"Patient/p1\"}]"));

        Assert.Equal(["error FHIR-VAL-003 Observation.subject"], report.Findings());
    }

    [Fact]
    public void Validate_RepeatingElementNotAnArray_ReportsArrayShape()
    {
        var report = Validate(Resources.Condition.With("\"onsetDateTime\": \"2019-05\"", "\"onsetDateTime\": \"2019-05\", \"note\": {\"text\": \"x\"}"));

        Assert.Equal(["error FHIR-VAL-003 Condition.note"], report.Findings());
    }

    [Fact]
    public void Validate_EmptyArray_ReportsEmptyElement()
    {
        var report = Validate(Resources.Condition.With("\"onsetDateTime\": \"2019-05\"", "\"onsetDateTime\": \"2019-05\", \"note\": []"));

        Assert.Equal(["error FHIR-VAL-017 Condition.note"], report.Findings());
    }
}
