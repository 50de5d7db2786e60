using CdsHooks.Clinical.Logic;
using CdsHooks.Fhir.Model;
using static CdsHooks.Clinical.Tests.ClinicalFixture;
using static CdsHooks.Clinical.Tests.Evaluation.CriterionHarness;

namespace CdsHooks.Clinical.Tests.Evaluation;

/// <summary><c>therapy.sinceDiagnosis</c>: only episodes that began on or after the first onset of a diagnosis.</summary>
public class SinceDiagnosisTests
{
    private static readonly DateTimeOffset AsOf = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private const string Sct = "http://snomed.info/sct";
    private const string LiverMets = "94381002";
    private const string Progressed = "{therapy: {valueSet: crc-systemic-therapy, outcomes: [progression], sinceDiagnosis: crc-liver-metastasis}}";
    private const string AnySince = "{therapy: {valueSet: crc-systemic-therapy, sinceDiagnosis: crc-liver-metastasis}}";

    private static Resource[] Resources(string onset, params Resource[] more) =>
        [Condition("mets", Sct, LiverMets, onset: onset), .. more];

    [Fact]
    public void AdjuvantCourseBeforeMetastasis_IsNotCounted()
    {
        // Adjuvant FOLFOX completed in 2022 with no recorded outcome: not a line for metastatic disease, so not "unknown".
        var call = Call(Resources("2025-02-14", Statement("oxa", "32592", "2022-03-14", "2022-08-29", status: "completed")), Patient());
        Assert.Equal(Tri.False, Evaluate(Progressed, call, AsOf).Value);
        Assert.Equal(Tri.False, Evaluate(AnySince, call, AsOf).Value);
    }

    [Fact]
    public void ProgressionOnLineAfterMetastasis_IsTrue()
    {
        var call = Call(Resources("2024-03-18", Statement("oxa", "32592", "2024-04-08", "2024-11-11", outcome: "progression")), Patient());
        Assert.Equal(Tri.True, Evaluate(Progressed, call, AsOf).Value);
    }

    [Fact]
    public void StartedOnTheDayOfDiagnosis_IsAdmitted() =>
        Assert.Equal(Tri.True, Evaluate(AnySince, Call(Resources("2024-04-08", Statement("oxa", "32592", "2024-04-08")), Patient()), AsOf).Value);

    [Fact]
    public void EarliestOnsetCounts_WhenTheDiagnosisIsRecordedTwice()
    {
        // Resected metastases in 2022 and a recurrence in 2024: therapy in 2023 is after the first onset.
        Resource[] resources = [
            Condition("mets1", Sct, LiverMets, clinical: "resolved", onset: "2022-03-28"),
            Condition("mets2", Sct, LiverMets, onset: "2024-12-03"),
            Statement("cape", "194000", "2023-01-10", "2023-06-10", outcome: "progression"),
        ];
        Assert.Equal(Tri.True, Evaluate(Progressed, Call(resources, Patient()), AsOf).Value);
    }

    [Fact]
    public void NoSuchDiagnosis_AdmitsNothing() =>
        Assert.Equal(Tri.False, Evaluate(AnySince, Call([Statement("oxa", "32592", "2024-04-08")], Patient()), AsOf).Value);

    [Fact]
    public void UndatedDiagnosis_IsUnknown_AndSaysSo()
    {
        var undated = Parse<Condition>("""
            {"resourceType":"Condition","id":"mets","code":{"coding":[{"system":"http://snomed.info/sct","code":"94381002"}]},"subject":{"reference":"Patient/p1"}}
            """);
        var result = Evaluate(AnySince, Call([undated, Statement("oxa", "32592", "2024-04-08")], Patient()), AsOf);
        Assert.Equal(Tri.Unknown, result.Value);
        Assert.Contains(result.Missing, m => m.Contains("onset date of Condition/mets", StringComparison.Ordinal));
    }

    [Fact]
    public void StartInTheSameMonthAsADayPreciseOnset_IsUnknown()
    {
        var result = Evaluate(AnySince, Call(Resources("2024-04-15", Statement("oxa", "32592", "2024-04")), Patient()), AsOf);
        Assert.Equal(Tri.Unknown, result.Value);
        Assert.Contains(result.Missing, m => m.Contains("started after", StringComparison.Ordinal));
    }

    [Fact]
    public void OutcomeUnknownAfterDiagnosis_StaysUnknown() =>
        Assert.Equal(Tri.Unknown, Evaluate(Progressed, Call(Resources("2024-01-01", Statement("oxa", "32592", "2024-02-01", "2024-08-01")), Patient()), AsOf).Value);
}
