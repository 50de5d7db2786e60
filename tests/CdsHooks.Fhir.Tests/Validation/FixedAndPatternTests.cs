using static CdsHooks.Fhir.Tests.Validation.ValidatorFixture;

namespace CdsHooks.Fhir.Tests.Validation;

public sealed class FixedAndPatternTests
{
    private const string Category = "\"category\": [{\"coding\": [{\"system\": \"http://terminology.hl7.org/CodeSystem/observation-category\", \"code\": \"laboratory\", \"display\": \"Laboratory\"}]}],";

    [Fact]
    public void Validate_QuantityInUcum_MatchesTheFixedSystem()
    {
        Assert.Empty(Validate(Resources.Observation).Issues);
    }

    [Fact]
    public void Validate_QuantityInAnotherUnitSystem_ReportsFixedValue()
    {
        var report = Validate(Resources.Observation.With("\"system\": \"http://unitsofmeasure.org\"", "\"system\": \"http://example.org/lab-units\""));

        Assert.Equal(["error FHIR-VAL-009 Observation.valueQuantity.system"], report.Findings());
        Assert.Contains("\"http://unitsofmeasure.org\"", report.Issues[0].Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_QuantityWithoutUnitCode_ReportsMinCardinality()
    {
        var report = Validate(Resources.Observation.With(", \"code\": \"mg/L\"", ""));

        Assert.Equal(["error FHIR-VAL-001 Observation.valueQuantity.code"], report.Findings());
    }

    [Fact]
    public void Validate_ValueContainingThePattern_IsAccepted()
    {
        var report = Validate(Resources.Observation.With("\"code\": \"1988-5\"", Creatinine).With("\"status\": \"final\",", "\"status\": \"final\", " + Category), TestProfile);

        Assert.Empty(report.Issues);
    }

    [Fact]
    public void Validate_ValueMissingThePattern_ReportsPattern()
    {
        string vitals = Category.Replace("laboratory", "vital-signs", StringComparison.Ordinal);

        var report = Validate(Resources.Observation.With("\"code\": \"1988-5\"", Creatinine).With("\"status\": \"final\",", "\"status\": \"final\", " + vitals), TestProfile);

        Assert.Equal(["error FHIR-VAL-010 Observation.category[0]"], report.Findings());
    }
}
