using CdsHooks.Fhir.Model;
using CdsHooks.Clinical.Invocation;
using CdsHooks.Clinical.Logic;
using static CdsHooks.Clinical.Tests.ClinicalFixture;
using static CdsHooks.Clinical.Tests.Evaluation.CriterionHarness;

namespace CdsHooks.Clinical.Tests.Evaluation;

public class PredicateTests
{
    private static readonly DateTimeOffset AsOf = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private const string Sct = "http://snomed.info/sct";
    private const string Findings = "http://refractorycds.org/fhir/CodeSystem/clinical-findings";
    private const string FailedTwo = "{failedMechanisms: {valueSet: ibd-advanced-therapy, atLeast: 2, intoleranceCounts: false}}";

    // ---------------------------------------------------------------- failedMechanisms
    [Fact]
    public void FailedMechanisms_TwoClassesFailed_IsTrueWithFacts()
    {
        var result = Evaluate(FailedTwo, Call([
            Statement("ifx", "191831", "2020-01-01", "2021-01-01", outcome: "secondary-loss-of-response"),
            Statement("ust", "847083", "2021-02-01", "2021-08-01", outcome: "primary-non-response"),
        ], Patient()), AsOf);
        Assert.Equal(Tri.True, result.Value);
        Assert.Equal(["MedicationStatement/ifx", "MedicationStatement/ust"], result.Facts.Select(f => f.Reference).Order());
    }

    [Fact]
    public void FailedMechanisms_TwoDrugsOfOneClass_CountOnce()
    {
        var result = Evaluate(FailedTwo, Call([
            Statement("ifx", "191831", "2020-01-01", "2021-01-01", outcome: "secondary-loss-of-response"),
            Statement("ada", "327361", "2021-02-01", "2021-08-01", outcome: "primary-non-response"),
        ], Patient()), AsOf);
        Assert.Equal(Tri.False, result.Value);
    }

    [Fact]
    public void FailedMechanisms_UnrecordedOutcomeCouldReachThreshold_IsUnknownAndNamesIt()
    {
        var result = Evaluate(FailedTwo, Call([
            Statement("ifx", "191831", "2020-01-01", "2021-01-01", outcome: "secondary-loss-of-response"),
            Statement("vdz", "1538097", "2021-02-01", "2021-08-01"),
        ], Patient()), AsOf);
        Assert.Equal(Tri.Unknown, result.Value);
        Assert.Contains(result.Missing, m => m.Contains("MedicationStatement/vdz", StringComparison.Ordinal));
    }

    [Fact]
    public void FailedMechanisms_IntolerancePolicy_IsHonoured()
    {
        Resource[] resources = [
            Statement("ifx", "191831", "2020-01-01", "2021-01-01", outcome: "secondary-loss-of-response"),
            Statement("vdz", "1538097", "2021-02-01", "2021-08-01", outcome: "intolerance"),
        ];
        Assert.Equal(Tri.False, Evaluate(FailedTwo, Call(resources, Patient()), AsOf).Value);
        Assert.Equal(Tri.True, Evaluate("{failedMechanisms: {valueSet: ibd-advanced-therapy, atLeast: 2, intoleranceCounts: true}}", Call(resources, Patient()), AsOf).Value);
    }

    [Fact]
    public void FailedMechanisms_MedicationsNotRetrieved_IsUnknownNotFalse()
    {
        var result = Evaluate(FailedTwo, Call([], Patient(), gaps: [new DataGap("medicationStatements", "MedicationStatement", "timeout")]), AsOf);
        Assert.Equal(Tri.Unknown, result.Value);
    }

    [Fact]
    public void FailedMechanisms_ThresholdFromAssumption()
    {
        var resources = Call([Statement("ifx", "191831", "2020-01-01", "2021-01-01", outcome: "primary-non-response")], Patient());
        string assumptions = "{n: {type: number, default: \"1\", description: d}}";
        Assert.Equal(Tri.True, Evaluate("{failedMechanisms: {valueSet: ibd-advanced-therapy, atLeast: $n}}", resources, AsOf, assumptions).Value);
    }

    // ---------------------------------------------------------------- diagnosis
    [Fact]
    public void Diagnosis_ActiveOnly_IgnoresResolved()
    {
        Assert.Equal(Tri.False, Evaluate("{diagnosis: crohns-disease}", Call([Condition("c", Sct, "34000006", clinical: "resolved")], Patient()), AsOf).Value);
        Assert.Equal(Tri.True, Evaluate("{diagnosis: {valueSet: crohns-disease, activeOnly: false}}", Call([Condition("c", Sct, "34000006", clinical: "resolved")], Patient()), AsOf).Value);
        Assert.Equal(Tri.True, Evaluate("{diagnosis: crohns-disease}", Call([Condition("c", Sct, "34000006", clinical: null)], Patient()), AsOf).Value);
    }

    [Fact]
    public void Diagnosis_ConditionsNotRetrieved_IsUnknown() =>
        Assert.Equal(Tri.Unknown, Evaluate("{diagnosis: crohns-disease}", Call([], Patient(), gaps: [new DataGap("conditions", "Condition", "500")]), AsOf).Value);

    // ---------------------------------------------------------------- observation
    [Theory]
    [InlineData(5.1, "mg/L", Tri.True)]
    [InlineData(5.0, "mg/L", Tri.False)]
    [InlineData(0.6, "mg/dL", Tri.True)]
    [InlineData(0.5, "mg/dL", Tri.False)]
    public void Observation_ThresholdWithUnitConversion(double value, string unit, Tri expected) =>
        Assert.Equal(expected, Evaluate("{observation: {valueSet: c-reactive-protein, within: P90D, comparator: '>', value: 5, unit: mg/L}}",
            Call([Quantity("crp", "1988-5", (decimal)value, unit, "2024-12-01")], Patient()), AsOf).Value);

    [Fact]
    public void Observation_LatestInWindowDecides()
    {
        var result = Evaluate("{observation: {valueSet: c-reactive-protein, within: P90D, comparator: '>', value: 5, unit: mg/L}}",
            Call([Quantity("old", "1988-5", 40, "mg/L", "2024-11-01"), Quantity("new", "1988-5", 3, "mg/L", "2024-12-20")], Patient()), AsOf);
        Assert.Equal(Tri.False, result.Value);
        Assert.Equal("Observation/new", result.Facts.Single().Reference);
    }

    [Theory]
    [InlineData("2024-10-03", Tri.True)]    // dated 90 days before: the window includes that day
    [InlineData("2024-10-02", Tri.Unknown)] // 91 days before: outside the window, so no result
    public void Observation_WindowEdge(string when, Tri expected) =>
        Assert.Equal(expected, Evaluate("{observation: {valueSet: c-reactive-protein, within: P90D, comparator: '>', value: 5, unit: mg/L}}",
            Call([Quantity("crp", "1988-5", 40, "mg/L", when)], Patient()), AsOf).Value);

    [Fact]
    public void Observation_NoResult_IsUnknownAndSaysWhatIsMissing()
    {
        var result = Evaluate("{observation: {valueSet: c-reactive-protein, within: P90D, comparator: '>', value: 5, unit: mg/L}}", Call([], Patient()), AsOf);
        Assert.Equal(Tri.Unknown, result.Value);
        Assert.Contains("C-reactive protein", result.Missing.Single(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Observation_Exists_IsFalseWhenAbsentButUnknownWhenNotRetrieved()
    {
        const string exists = "{observation: {valueSet: tuberculosis-screening-test, within: P12M, exists: true}}";
        Assert.Equal(Tri.False, Evaluate(exists, Call([], Patient()), AsOf).Value);
        Assert.Equal(Tri.Unknown, Evaluate(exists, Call([], Patient(), gaps: [new DataGap("observations", "Observation", "timeout")]), AsOf).Value);
    }

    [Fact]
    public void Observation_CodedValue()
    {
        const string positive = "{observation: {valueSet: tuberculosis-screening-test, within: P12M, codedIn: positive-result}}";
        Assert.Equal(Tri.True, Evaluate(positive, Call([Coded("igra", "http://loinc.org", "71773-6", "positive", "2024-10-01")], Patient()), AsOf).Value);
        Assert.Equal(Tri.False, Evaluate(positive, Call([Coded("igra", "http://loinc.org", "71773-6", "negative", "2024-10-01")], Patient()), AsOf).Value);
    }

    // ---------------------------------------------------------------- therapy
    [Fact]
    public void Therapy_StartedWithin_EdgesAndUnknownStart()
    {
        const string recent = "{therapy: {valueSet: ibd-advanced-therapy, state: active, startedWithin: P14W}}";
        Assert.Equal(Tri.True, Evaluate(recent, Call([Statement("a", "191831", "2024-10-10", status: "active")], Patient()), AsOf).Value);
        Assert.Equal(Tri.False, Evaluate(recent, Call([Statement("a", "191831", "2024-09-01", status: "active")], Patient()), AsOf).Value);
    }

    [Theory]
    [InlineData("2024-06-30", Tri.True)]
    [InlineData("2024-07-02", Tri.False)]
    public void Therapy_LastedAtLeast_SixMonthsEdge(string start, Tri expected) =>
        Assert.Equal(expected, Evaluate("{therapy: {valueSet: systemic-corticosteroid, state: active, lastedAtLeast: P6M}}",
            Call([Statement("p", "8640", start, status: "active")], Patient()), AsOf).Value);

    [Fact]
    public void Therapy_OutcomeFilter_UnknownOutcomeIsUnknown()
    {
        const string nonResponse = "{therapy: {valueSet: systemic-corticosteroid, outcomes: [primary-non-response]}}";
        Assert.Equal(Tri.Unknown, Evaluate(nonResponse, Call([Statement("p", "8640", "2024-01-01", "2024-03-01")], Patient()), AsOf).Value);
        Assert.Equal(Tri.False, Evaluate(nonResponse, Call([Statement("p", "8640", "2024-01-01", "2024-03-01", outcome: "response")], Patient()), AsOf).Value);
    }

    // ---------------------------------------------------------------- demographics, orders, time, combinations
    [Theory]
    [InlineData("1975-01-01", Tri.True)]
    [InlineData("1975-01-02", Tri.False)]
    public void Age_BirthdayEdge(string birthDate, Tri expected) =>
        Assert.Equal(expected, Evaluate("{age: {comparator: '>=', years: 50}}", Call([], Patient(birthDate: birthDate)), AsOf).Value);

    [Fact]
    public void Age_And_Sex_WithoutPatient_AreUnknown()
    {
        Assert.Equal(Tri.Unknown, Evaluate("{age: {comparator: '>=', years: 50}}", Call([], null), AsOf).Value);
        Assert.Equal(Tri.Unknown, Evaluate("{sex: female}", Call([], Patient(gender: "unknown")), AsOf).Value);
        Assert.Equal(Tri.True, Evaluate("{sex: female}", Call([], Patient()), AsOf).Value);
    }

    [Fact]
    public void DraftOrder_StopOrdersMatchOnlyWhenStopping()
    {
        var stop = Parse<MedicationRequest>("""
            {"resourceType":"MedicationRequest","id":"d1","status":"draft","intent":"order","doNotPerform":true,
             "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"191831"}]}}
            """);
        var invocation = Call([], Patient(), "order-sign", drafts: [stop]);
        Assert.Equal(Tri.False, Evaluate("{draftOrder: anti-tnf}", invocation, AsOf).Value);
        Assert.Equal(Tri.True, Evaluate("{draftOrder: {valueSet: infliximab, stopping: true}}", invocation, AsOf).Value);
    }

    [Theory]
    [InlineData("2024-10-04", Tri.True)]  // 89 days: < 90 days
    [InlineData("2024-10-03", Tri.False)] // exactly 90 days is not < 90
    [InlineData("2024-10-02", Tri.False)] // 91 days
    public void TimeSince_StrictLessThan90Days(string end, Tri expected) =>
        Assert.Equal(expected, Evaluate("{timeSince: {therapy: anti-tnf, edge: end, comparator: '<', span: P90D}}",
            Call([Statement("a", "191831", "2024-01-01", end)], Patient()), AsOf).Value);

    [Fact]
    public void TimeSince_NoEvent_IsFalse() =>
        Assert.Equal(Tri.False, Evaluate("{timeSince: {therapy: anti-tnf, comparator: '<', span: P90D}}", Call([], Patient()), AsOf).Value);

    [Fact]
    public void ConcurrentMechanisms_CountsDraftsWhenAsked()
    {
        var draft = Parse<MedicationRequest>("""
            {"resourceType":"MedicationRequest","id":"d1","status":"draft","intent":"order",
             "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"2196092"}]}}
            """);
        var invocation = Call([Statement("a", "1538097", "2024-01-01", status: "active")], Patient(), "order-sign", drafts: [draft]);
        Assert.Equal(Tri.False, Evaluate("{concurrentMechanisms: {valueSet: ibd-advanced-therapy, atLeast: 2}}", invocation, AsOf).Value);
        Assert.Equal(Tri.True, Evaluate("{concurrentMechanisms: {valueSet: ibd-advanced-therapy, atLeast: 2, includeDraftOrders: true}}", invocation, AsOf).Value);
    }

    // ---------------------------------------------------------------- composition
    [Fact]
    public void All_WithUnknownAndTrue_IsUnknown_WithFalse_IsFalse()
    {
        var invocation = Call([Condition("c", Sct, "34000006")], Patient());
        Assert.Equal(Tri.Unknown, Evaluate("{all: [{diagnosis: crohns-disease}, {observation: {valueSet: c-reactive-protein, within: P90D, comparator: '>', value: 5}}]}", invocation, AsOf).Value);
        Assert.Equal(Tri.False, Evaluate("{all: [{diagnosis: perianal-fistula}, {observation: {valueSet: c-reactive-protein, within: P90D, comparator: '>', value: 5}}]}", invocation, AsOf).Value);
        Assert.Equal(Tri.True, Evaluate("{any: [{diagnosis: crohns-disease}, {observation: {valueSet: c-reactive-protein, within: P90D, comparator: '>', value: 5}}]}", invocation, AsOf).Value);
        Assert.Equal(Tri.Unknown, Evaluate("{not: {observation: {valueSet: c-reactive-protein, within: P90D, comparator: '>', value: 5}}}", invocation, AsOf).Value);
    }

    [Fact]
    public void Procedure_WithinWindow()
    {
        var seton = Parse<Procedure>($$"""
            {"resourceType":"Procedure","id":"s","status":"completed","code":{"coding":[{"system":"{{Findings}}","code":"seton-placement"}]},"performedDateTime":"2024-06-01"}
            """);
        Assert.Equal(Tri.True, Evaluate("{procedure: {valueSet: seton-placement, within: P1Y}}", Call([seton], Patient()), AsOf).Value);
        Assert.Equal(Tri.False, Evaluate("{procedure: {valueSet: seton-placement, within: P3M}}", Call([seton], Patient()), AsOf).Value);
    }
}
