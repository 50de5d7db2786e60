using static CdsHooks.Fhir.Tests.Validation.ValidatorFixture;

namespace CdsHooks.Fhir.Tests.Validation;

public sealed class ProfileSelectionTests
{
    // LOINC 53037-8 is in the coded-result-tests expansion of the fixture.
    private static readonly string CodedTest = Resources.Observation.With("\"code\": \"1988-5\"", "\"code\": \"53037-8\"");

    [Fact]
    public void Validate_CodedResultTestWithACode_AppliesTheCodedResultProfile()
    {
        var report = Validate(CodedTest.With(
            "\"valueQuantity\": {\"value\": 38, \"unit\": \"mg/L\", \"system\": \"http://unitsofmeasure.org\", \"code\": \"mg/L\"}",
            "\"valueCodeableConcept\": {\"coding\": [{\"system\": \"http://loinc.org\", \"code\": \"LA9633-4\"}]}"));

        Assert.Empty(report.Issues);
        Assert.Contains("http://refractorycds.org/fhir/StructureDefinition/refractory-coded-result", report.Profiles);
    }

    [Fact]
    public void Validate_CodedResultTestWithANumber_ReportsTypeNotAllowed()
    {
        var report = Validate(CodedTest);

        Assert.Equal(["error FHIR-VAL-005 Observation.valueQuantity"], report.Findings());
        Assert.Contains("refractory-coded-result", report.Issues[0].Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OtherTestWithANumber_DoesNotApplyTheCodedResultProfile()
    {
        var report = Validate(Resources.Observation);

        Assert.DoesNotContain("http://refractorycds.org/fhir/StructureDefinition/refractory-coded-result", report.Profiles);
    }

    [Fact]
    public void Validate_ClaimedProfileNotInThePackage_IsReportedAndNotChecked()
    {
        var report = Validate(Resources.Observation.With("\"id\": \"crp\",", "\"id\": \"crp\", \"meta\": {\"profile\": [\"http://example.org/fhir/StructureDefinition/elsewhere\"]},"));

        Assert.True(report.IsValid);
        Assert.Equal(["information FHIR-VAL-016 Observation.meta.profile[0]"], report.Findings());
    }

    [Fact]
    public void Validate_ClaimedPackageProfile_IsApplied()
    {
        var report = Validate(Resources.Observation.With("\"id\": \"crp\",", $"\"id\": \"crp\", \"meta\": {{\"profile\": [\"{TestProfile}\"]}},"));

        // Named, it applies even to a code outside its required binding, which it then reports.
        Assert.Equal(["error FHIR-VAL-001 Observation.category", "error FHIR-VAL-011 Observation.code"], report.Findings());
        Assert.Contains(TestProfile, report.Profiles);
    }

    [Fact]
    public void Validate_UnknownProfileNamed_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => Validate(Resources.Observation, "http://example.org/nothing"));

        Assert.Contains("http://example.org/nothing", error.Message, StringComparison.Ordinal);
    }
}
