using CdsHooks.Fhir.Validation;
using static CdsHooks.Fhir.Tests.Validation.ValidatorFixture;

namespace CdsHooks.Fhir.Tests.Validation;

public sealed class InvariantTests
{
    [Fact]
    public void Validate_PeriodEndingBeforeItStarts_ReportsPer1()
    {
        var report = Validate(Resources.MedicationStatement.With("\"end\": \"2022-02-01\"", "\"end\": \"2020-02-01\""));

        Assert.Equal(["error FHIR-VAL-013 MedicationStatement.effectivePeriod"], report.Findings());
        Assert.StartsWith("per-1:", report.Issues[0].Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PeriodOfDifferentPrecisions_PassesPer1()
    {
        Assert.Empty(Validate(Resources.MedicationStatement.With("\"start\": \"2021-01-10\"", "\"start\": \"2022-02\"")).Issues);
    }

    [Fact]
    public void Validate_AbatedConditionStillActive_ReportsCon4()
    {
        var report = Validate(Resources.Condition.With("\"onsetDateTime\": \"2019-05\"", "\"onsetDateTime\": \"2019-05\", \"abatementDateTime\": \"2021\""));

        Assert.Equal(["error FHIR-VAL-013 Condition"], report.Findings());
        Assert.StartsWith("con-4:", report.Issues[0].Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ValueAndDataAbsentReason_ReportsObs6()
    {
        var report = Validate(Resources.Observation.With("\"status\": \"final\",", "\"status\": \"final\", \"dataAbsentReason\": {\"coding\": [{\"system\": \"http://terminology.hl7.org/CodeSystem/data-absent-reason\", \"code\": \"unknown\"}]},"));

        Assert.Equal(["error FHIR-VAL-013 Observation"], report.Findings());
        Assert.StartsWith("obs-6:", report.Issues[0].Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_StoppedTherapyWithoutReason_WarnsRcdsMs1()
    {
        var report = Validate(Resources.MedicationStatement.With(
            "\"statusReason\": [{\"coding\": [{\"system\": \"http://refractorycds.org/fhir/CodeSystem/therapy-outcome\", \"code\": \"primary-non-response\"}]}],", ""));

        Assert.True(report.IsValid);
        Assert.Equal(["warning FHIR-VAL-013 MedicationStatement"], report.Findings());
        Assert.StartsWith("rcds-ms-1:", report.Issues[0].Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OnsetAsText_WarnsRcdsCon1()
    {
        var report = Validate(Resources.Condition.With("\"onsetDateTime\": \"2019-05\"", "\"onsetString\": \"as a teenager\""));

        Assert.Equal(["warning FHIR-VAL-013 Condition"], report.Findings());
        Assert.StartsWith("rcds-con-1:", report.Issues[0].Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ReferenceToAMissingContainedResource_ReportsRef1()
    {
        var report = Validate(Resources.MedicationStatement.With(
            "\"medicationCodeableConcept\": {\"coding\": [{\"system\": \"http://www.nlm.nih.gov/research/umls/rxnorm\", \"code\": \"191831\", \"display\": \"infliximab\"}]}",
            "\"medicationReference\": {\"reference\": \"#med1\"}"));

        Assert.Equal(["error FHIR-VAL-013 MedicationStatement.medicationReference"], report.Findings());
        Assert.StartsWith("ref-1:", report.Issues[0].Diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public void Invariants_EveryInvariantThePackageProfilesDeclare_IsEvaluated()
    {
        var declared = Package.Profiles.SelectMany(p => p.Elements).SelectMany(e => e.Invariants).Select(i => i.Split(' ')[0]).ToList();

        Assert.NotEmpty(declared);
        Assert.All(declared, key => Assert.True(Invariants.IsEvaluated(key), $"{key} is declared by a package profile but not evaluated"));
    }
}
