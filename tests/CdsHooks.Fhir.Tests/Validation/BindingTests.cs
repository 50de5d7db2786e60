using static CdsHooks.Fhir.Tests.Validation.ValidatorFixture;

namespace CdsHooks.Fhir.Tests.Validation;

public sealed class BindingTests
{
    [Fact]
    public void Validate_CodeOutsideACoreRequiredValueSet_ReportsRequiredBinding()
    {
        var report = Validate(Resources.Observation.With("\"status\": \"final\"", "\"status\": \"done\""));

        Assert.Equal(["error FHIR-VAL-011 Observation.status"], report.Findings());
        Assert.Contains("http://hl7.org/fhir/ValueSet/observation-status", report.Issues[0].Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CodingOutsideACoreRequiredValueSet_ReportsRequiredBinding()
    {
        var report = Validate(Resources.Condition.With("\"code\": \"active\"", "\"code\": \"ongoing\""));

        Assert.Equal(["error FHIR-VAL-011 Condition.clinicalStatus"], report.Findings());
    }

    [Fact]
    public void Validate_CodeInAPackageRequiredValueSet_IsAccepted()
    {
        Assert.Empty(Validate(Resources.Observation.With("\"code\": \"1988-5\"", Creatinine).With("\"status\": \"final\",", "\"status\": \"final\", \"category\": [{\"coding\": [{\"system\": \"http://terminology.hl7.org/CodeSystem/observation-category\", \"code\": \"laboratory\"}]}],"), TestProfile).Issues);
    }

    [Fact]
    public void Validate_CodeOutsideAPackageRequiredValueSet_ReportsRequiredBinding()
    {
        string json = Resources.Observation
            .With("\"status\": \"final\",", "\"status\": \"final\", \"category\": [{\"coding\": [{\"system\": \"http://terminology.hl7.org/CodeSystem/observation-category\", \"code\": \"laboratory\"}]}],")
            .With("\"code\": \"1988-5\"", "\"code\": \"2345-7\"");

        var report = Validate(json, TestProfile);

        Assert.Equal(["error FHIR-VAL-011 Observation.code"], report.Findings());
        Assert.Contains("http://loinc.org|2345-7 is not in http://example.org/fhir/ValueSet/test-codes", report.Issues[0].Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_StatusReasonInTheTherapyOutcomeValueSet_IsAccepted()
    {
        Assert.Empty(Validate(Resources.MedicationStatement).Issues);
    }

    [Fact]
    public void Validate_StatusReasonOutsideTheExtensibleValueSet_WarnsAndStaysValid()
    {
        var report = Validate(Resources.MedicationStatement.With(
            "{\"system\": \"http://refractorycds.org/fhir/CodeSystem/therapy-outcome\", \"code\": \"primary-non-response\"}",
            "{\"system\": \"http://snomed.info/sct\", \"code\": \"182992009\"}"));

        Assert.True(report.IsValid);
        Assert.Equal(["warning FHIR-VAL-012 MedicationStatement.statusReason[0]"], report.Findings());
    }

    [Fact]
    public void Validate_TextOnlyConceptUnderAnExtensibleBinding_IsAccepted()
    {
        var report = Validate(Resources.MedicationStatement.With(
            "[{\"coding\": [{\"system\": \"http://refractorycds.org/fhir/CodeSystem/therapy-outcome\", \"code\": \"primary-non-response\"}]}]",
            "[{\"text\": \"no response after 14 weeks\"}]"));

        Assert.Empty(report.Issues);
    }

    [Fact]
    public void Validate_BindingToAValueSetNobodyHas_WarnsThatItWasNotChecked()
    {
        string json = Resources.Observation.With("\"code\": \"1988-5\"", Creatinine)
            .With("\"status\": \"final\",", "\"status\": \"final\", \"category\": [{\"coding\": [{\"system\": \"http://terminology.hl7.org/CodeSystem/observation-category\", \"code\": \"laboratory\"}]}], \"method\": {\"coding\": [{\"system\": \"http://snomed.info/sct\", \"code\": \"702659008\"}]},");

        var report = Validate(json, TestProfile);

        Assert.Equal(["warning FHIR-VAL-019 Observation.method"], report.Findings());
    }
}
