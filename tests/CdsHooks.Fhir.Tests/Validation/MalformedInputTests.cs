using static CdsHooks.Fhir.Tests.Validation.ValidatorFixture;

namespace CdsHooks.Fhir.Tests.Validation;

/// <summary>Malformed JSON in places the validator once read without looking is reported, not thrown.</summary>
public sealed class MalformedInputTests
{
    [Fact]
    public void Validate_BoundCodeableConceptThatIsNotAnObject_ReportsItsTypeAndTheMissingCode()
    {
        var report = Validate(Resources.Condition.With(
            "\"clinicalStatus\": {\"coding\": [{\"system\": \"http://terminology.hl7.org/CodeSystem/condition-clinical\", \"code\": \"active\"}]}",
            "\"clinicalStatus\": \"active\""));

        Assert.Equal(["error FHIR-VAL-007 Condition.clinicalStatus", "error FHIR-VAL-011 Condition.clinicalStatus"], report.Findings());
    }

    [Fact]
    public void Validate_CodingSystemThatIsNotAString_ReportsItsType()
    {
        var report = Validate(Resources.Observation.With("\"system\": \"http://loinc.org\"", "\"system\": 7"));

        Assert.Equal(["error FHIR-VAL-007 Observation.code.coding[0].system"], report.Findings());
    }
}
