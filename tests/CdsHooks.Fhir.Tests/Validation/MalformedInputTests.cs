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

    [Theory]
    [InlineData("\"text\": \"a\\uD800b\"")]
    [InlineData("\"text\": \"\\uDC00\"")]
    public void Validate_StringThatIsNoText_IsAnInvalidResource_NotAnException(string member)
    {
        // The parser accepts half a surrogate pair escaped; reading it throws. The CLI and the service both meet this.
        var report = Validate(Resources.Observation.With("\"status\": \"final\"", "\"status\": \"final\", \"note\": [{" + member + "}]"));

        Assert.False(report.IsValid);
        Assert.Equal(["error FHIR-VAL-008 Observation"], report.Findings());
    }

    [Theory]
    [InlineData("\"code\": \"1988-5\"", "\"code\": \"\\uD800\"")] // read while choosing the profiles that apply
    [InlineData("\"status\": \"final\"", "\"status\": \"final\", \"meta\": {\"profile\": [\"http://x/\\uD800\"]}")]
    public void Validate_StringThatIsNoText_WhereProfilesAreChosen_IsAnInvalidResource_NotAnException(string find, string replace)
    {
        var report = Validate(Resources.Observation.With(find, replace));

        Assert.Equal(["error FHIR-VAL-008 Observation"], report.Findings());
    }

    [Fact]
    public void Validate_ResourceTypeThatIsNoText_IsAnInvalidResource_NotAnException()
    {
        var report = Validate(Resources.Observation.With("\"resourceType\": \"Observation\"", "\"resourceType\": \"\\uD800\""));

        Assert.Equal(["error FHIR-VAL-008 Resource"], report.Findings());
    }
}
