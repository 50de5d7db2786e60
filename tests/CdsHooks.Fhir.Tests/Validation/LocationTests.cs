using static CdsHooks.Fhir.Tests.Validation.ValidatorFixture;

namespace CdsHooks.Fhir.Tests.Validation;

/// <summary>
/// Locations are written only when there is a finding, from the path the walk keeps: each must read as before,
/// through arrays, primitive extensions (<c>_given</c>), choice types and contained resources.
/// </summary>
public sealed class LocationTests
{
    private const string Patient = """
        {"resourceType": "Patient", "id": "p1", "name": [{"family": "Doe", "given": ["Jo", "Ann"]}], "gender": "female"}
        """;

    [Fact]
    public void Validate_ExtensionOfTheSecondGivenName_IsLocatedAtThatName()
    {
        var report = Validate(Patient.With("\"given\": [\"Jo\", \"Ann\"]", "\"given\": [\"Jo\", \"Ann\"], \"_given\": [null, {\"extension\": [{\"url\": \"http://example.org/x\"}]}]"));

        Assert.Equal(["error FHIR-VAL-013 Patient.name[0].given[1].extension[0]"], report.Findings());
    }

    [Fact]
    public void Validate_UnknownMemberOfAChoiceValue_IsLocatedUnderTheTypedName()
    {
        var report = Validate(Resources.Observation.With("\"unit\": \"mg/L\"", "\"unit\": \"mg/L\", \"severity\": 1"));

        Assert.Equal(["error FHIR-VAL-004 Observation.valueQuantity.severity"], report.Findings());
    }

    [Fact]
    public void Validate_FindingsAtSeveralDepths_ComeInDefinitionOrderWithTheirOwnLocations()
    {
        var report = Validate(Resources.Observation
            .With("\"status\": \"final\",", "\"status\": \"provisional-ish\", \"category\": [{\"coding\": [{\"system\": \"http://x\", \"code\": \"a b  c\"}]}],")
            .With("\"reference\": \"Patient/p1\"", "\"reference\": \"Patient/p1\", \"display\": 7"));

        Assert.Equal(
        [
            "error FHIR-VAL-011 Observation.status",
            "error FHIR-VAL-008 Observation.category[0].coding[0].code",
            "error FHIR-VAL-007 Observation.subject.display",
        ], report.Findings());
    }

    [Fact]
    public void Validate_ChoiceWithTwoTypes_ReportsTheChoiceThenEachType()
    {
        var report = Validate(Resources.Observation.With("\"effectiveDateTime\": \"2024-03-01\"", "\"effectiveDateTime\": \"2024-03\", \"effectivePeriod\": {\"start\": 5}"));

        Assert.Equal(
        [
            "error FHIR-VAL-006 Observation.effective[x]",
            "error FHIR-VAL-007 Observation.effectivePeriod.start",
        ], report.Findings());
    }

    [Fact]
    public void Validate_SecondContainedResource_IsLocatedByItsIndex()
    {
        var report = Validate(Resources.MedicationStatement.With("\"status\": \"stopped\",",
            "\"status\": \"stopped\", \"contained\": [{\"resourceType\": \"Medication\", \"id\": \"m1\"}, {\"resourceType\": \"Medication\", \"id\": \"m2\", \"code\": {\"text\": []}}],"));

        Assert.Equal(["error FHIR-VAL-017 MedicationStatement.contained[1].code.text"], report.Findings());
    }
}
