using CdsHooks.Clinical.Invocation;
using CdsHooks.Clinical.Timeline;
using static CdsHooks.Clinical.Tests.ClinicalFixture;

namespace CdsHooks.Clinical.Tests.Timeline;

public class TimelineBuilderTests
{
    private static readonly DateTimeOffset AsOf = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Build_DrugGivenByAReferenceNobodyResolved_IsAnUnidentifiedDrug_UnlessTheTimelineIgnoresTheRecord()
    {
        var missing = Parse<CdsHooks.Fhir.Model.MedicationStatement>("""
            {"resourceType":"MedicationStatement","id":"ms1","status":"completed","subject":{"reference":"Patient/p1"},
             "medicationReference":{"reference":"Medication/gone","display":"Stelara"},"effectivePeriod":{"start":"2020-01-01"}}
            """);
        var draft = Parse<CdsHooks.Fhir.Model.MedicationRequest>("""
            {"resourceType":"MedicationRequest","id":"mr1","status":"draft","intent":"order","subject":{"reference":"Patient/p1"},
             "medicationReference":{"reference":"Medication/gone"}}
            """);
        var resolved = Parse<CdsHooks.Fhir.Model.MedicationStatement>("""
            {"resourceType":"MedicationStatement","id":"ms2","status":"completed","subject":{"reference":"Patient/p1"},
             "medicationReference":{"reference":"https://ehr.example.org/fhir/Medication/ifx/_history/1"},"effectivePeriod":{"start":"2019-01-01"}}
            """);
        var infliximab = Parse<CdsHooks.Fhir.Model.Medication>("""
            {"resourceType":"Medication","id":"ifx","code":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"191831"}]}}
            """);

        var timeline = BuildTimeline(Call([missing, draft, resolved, infliximab], Patient()) with { FhirServer = new Uri("https://ehr.example.org/fhir") }, AsOf);

        var item = Assert.Single(timeline.SetAside);
        Assert.Equal("MedicationStatement/ms1", item.Reference);
        Assert.Equal("Stelara", item.Label);
        Assert.Contains("Medication/gone", item.Reason, StringComparison.Ordinal);
        Assert.Equal(ClinicalFixture.Knowledge.Terminology.ValueSets.Count, item.Memberships.Indices().Count()); // could be any drug
        Assert.Equal("infliximab", timeline.Episodes.Single(e => e.Reference == "MedicationStatement/ms2").Agent?.Inn);
    }

    [Fact]
    public void Build_SetAsideRecordWhoseDrugIsAnUnresolvedReference_CouldBeAnyDrug()
    {
        var statement = Parse<CdsHooks.Fhir.Model.MedicationStatement>("""
            {"resourceType":"MedicationStatement","id":"ms3","status":"completed","subject":{"reference":"Patient/p1"},
             "medicationReference":{"reference":"Medication/gone"}}
            """);
        var report = new CdsHooks.Fhir.Validation.ValidationReport("MedicationStatement", "ms3", [], []);

        var timeline = BuildTimeline(Call([], Patient()) with { SetAside = [new CdsHooks.Clinical.Conformance.SetAsideResource(statement, report)] }, AsOf);

        var item = Assert.Single(timeline.SetAside);
        Assert.Equal(ClinicalFixture.Knowledge.Terminology.ValueSets.Count, item.Memberships.Indices().Count());
    }

    [Fact]
    public void Build_RefutedAndEnteredInErrorDiagnoses_AreIgnored()
    {
        var timeline = BuildTimeline(Call([
            Condition("c1", "http://snomed.info/sct", "34000006"),
            Condition("c2", "http://snomed.info/sct", "34000006", verification: "refuted"),
            Condition("c3", "http://snomed.info/sct", "34000006", verification: "entered-in-error"),
        ], Patient()), AsOf);
        Assert.Equal(["Condition/c1"], timeline.Diagnoses.Select(d => d.Reference));
    }

    [Theory]
    [InlineData("secondary-loss-of-response", "http://refractorycds.org/fhir/CodeSystem/therapy-outcome", TherapyOutcome.SecondaryLossOfResponse)]
    [InlineData("266721009", "http://snomed.info/sct", TherapyOutcome.PrimaryNonResponse)]
    [InlineData("407563006", "http://snomed.info/sct", TherapyOutcome.Intolerance)]
    [InlineData("271299001", "http://snomed.info/sct", TherapyOutcome.Progression)]
    [InlineData("182992009", "http://snomed.info/sct", TherapyOutcome.Unknown)]
    public void Build_StatusReason_MapsThroughTerminology(string code, string system, TherapyOutcome expected)
    {
        var timeline = BuildTimeline(Call([Statement("ms1", "191831", "2020-01-01", "2021-01-01", outcome: code, outcomeSystem: system)], Patient()), AsOf);
        Assert.Equal(expected, timeline.Episodes.Single().Outcome);
        Assert.Equal("infliximab", timeline.Episodes.Single().Agent?.Inn);
        Assert.Equal("anti-tnf", timeline.Episodes.Single().Agent?.MechanismClass);
    }

    [Fact]
    public void Build_ActiveWithoutReason_IsOngoing_StoppedWithoutReason_IsUnknown()
    {
        var timeline = BuildTimeline(Call([
            Statement("ms1", "191831", "2020-01-01", "2021-01-01"),
            Statement("ms2", "1538097", "2021-02-01", status: "active"),
        ], Patient()), AsOf);
        Assert.Equal(TherapyOutcome.Unknown, timeline.Episodes[0].Outcome);
        Assert.Equal(TherapyOutcome.Ongoing, timeline.Episodes[1].Outcome);
        Assert.True(timeline.Episodes[1].IsActive);
    }

    [Fact]
    public void Build_LinkedObservation_GivesOutcome()
    {
        var linked = Parse<CdsHooks.Fhir.Model.Observation>("""
            {"resourceType":"Observation","id":"o1","status":"final","code":{"text":"response assessment"},
             "focus":[{"reference":"MedicationStatement/ms1"}],"effectiveDateTime":"2021-01-05",
             "valueCodeableConcept":{"coding":[{"system":"http://refractorycds.org/fhir/CodeSystem/therapy-outcome","code":"primary-non-response"}]}}
            """);
        var timeline = BuildTimeline(Call([Statement("ms1", "191831", "2020-01-01", "2021-01-01"), linked], Patient()), AsOf);
        Assert.Equal(TherapyOutcome.PrimaryNonResponse, timeline.Episodes.Single().Outcome);
        Assert.Equal("Observation/o1", timeline.Episodes.Single().OutcomeEvidence);
    }

    [Fact]
    public void Build_RecordedProgressionDuringTherapy_IsProgression()
    {
        var progression = Parse<CdsHooks.Fhir.Model.Observation>("""
            {"resourceType":"Observation","id":"o2","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"97509-4"}]},
             "effectiveDateTime":"2020-06-01",
             "valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"271299001"}]}}
            """);
        var timeline = BuildTimeline(Call([
            Statement("ms1", "191831", "2020-01-01", "2020-12-01"),
            Statement("ms2", "1538097", "2021-01-01", "2021-12-01"),
            progression,
        ], Patient()), AsOf);
        Assert.Equal(TherapyOutcome.Progression, timeline.Episodes[0].Outcome);
        Assert.Equal(TherapyOutcome.Unknown, timeline.Episodes[1].Outcome);
    }

    [Fact]
    public void Build_RequestDuplicatingStatement_IsDropped()
    {
        var request = Parse<CdsHooks.Fhir.Model.MedicationRequest>("""
            {"resourceType":"MedicationRequest","id":"mr1","status":"active","intent":"order","authoredOn":"2020-01-01",
             "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"191831"}]}}
            """);
        var timeline = BuildTimeline(Call([Statement("ms1", "191831", "2020-01-01", status: "active"), request], Patient()), AsOf);
        Assert.Equal(["MedicationStatement/ms1"], timeline.Episodes.Select(e => e.Reference));
    }

    [Fact]
    public void Build_LinesOfTherapy_CombinationJoinsMaintenanceContinuesNewMechanismAdvances()
    {
        var timeline = BuildTimeline(Call([
            Statement("a", "191831", "2020-01-01", "2020-06-01"),     // line 1: infliximab
            Statement("b", "1256", "2020-01-20", "2020-06-01"),       // joins line 1 (combination, 19 days later)
            Statement("c", "327361", "2020-07-01", "2021-01-01"),     // adalimumab: same mechanism as line 1, continues it
            Statement("d", "1538097", "2021-02-01", "2021-08-01"),    // vedolizumab: new mechanism, line 2
            Statement("e", "8640", "2021-03-01", "2021-04-01"),       // prednisone: supportive, no line
        ], Patient()), AsOf);
        var lines = timeline.Episodes.ToDictionary(e => e.Reference, e => e.Line);
        Assert.Equal(1, lines["MedicationStatement/a"]);
        Assert.Equal(1, lines["MedicationStatement/b"]);
        Assert.Equal(1, lines["MedicationStatement/c"]);
        Assert.Equal(2, lines["MedicationStatement/d"]);
        Assert.Null(lines["MedicationStatement/e"]);
    }

    [Fact]
    public void Build_DataGaps_MarkResourceTypesMissing()
    {
        var timeline = BuildTimeline(Call([], null, gaps: [new DataGap("observations", "Observation", "FHIR server answered 500")]), AsOf);
        Assert.True(timeline.IsMissing("Observation"));
        Assert.True(timeline.IsMissing("Patient"));
        Assert.False(timeline.IsMissing("Condition"));
    }

    [Theory]
    [InlineData("1984-06-15", 40)]
    [InlineData("1984-01-01", 41)]
    [InlineData("1984-12-31", 40)]
    public void AgeInYears_CountsWholeYears(string birthDate, int expected) =>
        Assert.Equal(expected, BuildTimeline(Call([], Patient(birthDate: birthDate)), AsOf).AgeInYears);

    [Fact]
    public void AgeInYears_YearOnlyBirthDate_IsUnknown() =>
        Assert.Null(BuildTimeline(Call([], Patient(birthDate: "1984")), AsOf).AgeInYears);
}
