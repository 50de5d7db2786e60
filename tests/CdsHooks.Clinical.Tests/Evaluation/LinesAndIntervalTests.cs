using CdsHooks.Clinical.Logic;
using CdsHooks.Fhir.Model;
using static CdsHooks.Clinical.Tests.ClinicalFixture;
using static CdsHooks.Clinical.Tests.Evaluation.CriterionHarness;

namespace CdsHooks.Clinical.Tests.Evaluation;

public class LinesAndIntervalTests
{
    private static readonly DateTimeOffset AsOf = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Resource[] ThreeLines = [
        Statement("l1a", "191831", "2021-01-01", "2021-06-01"),   // line 1 infliximab
        Statement("l1b", "1256", "2021-01-15", "2021-06-01"),     // joins line 1
        Statement("l1m", "327361", "2021-07-01", "2022-01-01"),   // same mechanism: maintenance of line 1
        Statement("l2", "1538097", "2022-02-01", "2022-08-01"),   // line 2
        Statement("l3", "847083", "2022-09-01", status: "active"), // line 3, still running
    ];

    [Theory]
    [InlineData(">=", 3, false, Tri.True)]
    [InlineData(">=", 4, false, Tri.False)]
    [InlineData(">=", 3, true, Tri.False)] // only two lines have ended
    [InlineData("==", 2, true, Tri.True)]
    public void LinesOfTherapy_CountsCombinationsAndMaintenanceOnce(string comparator, int count, bool endedOnly, Tri expected) =>
        Assert.Equal(expected, Evaluate($"{{linesOfTherapy: {{valueSet: immunosuppressive-therapy, comparator: '{comparator}', count: {count}, endedOnly: {(endedOnly ? "true" : "false")}}}}}",
            Call(ThreeLines, Patient()), AsOf).Value);

    [Fact]
    public void LinesOfTherapy_MedicationsNotRetrieved_IsUnknownWhenBelowCount() =>
        Assert.Equal(Tri.Unknown, Evaluate("{linesOfTherapy: {valueSet: immunosuppressive-therapy, comparator: '>=', count: 1}}",
            Call([], Patient(), gaps: [new CdsHooks.Clinical.Invocation.DataGap("medicationStatements", "MedicationStatement", "timeout")]), AsOf).Value);

    private static Observation Worse(string id, string when) => Parse<Observation>($$"""
        {"resourceType":"Observation","id":"{{id}}","status":"final","code":{"coding":[{"system":"http://refractorycds.org/fhir/CodeSystem/clinical-findings","code":"perianal-fistula-drainage"}]},
         "effectiveDateTime":"{{when}}","valueCodeableConcept":{"coding":[{"system":"http://refractorycds.org/fhir/CodeSystem/clinical-findings","code":"positive"}]} }
        """);

    private const string Within90 = "{interval: {from: {therapy: immunosuppressive-therapy, line: 1, edge: end}, to: {observation: perianal-fistula-drainage, codedIn: positive-result}, comparator: '<', span: P90D}}";

    [Theory]
    [InlineData("2022-03-31", Tri.True)]  // 89 days after the end of line 1 (2022-01-01)
    [InlineData("2022-04-01", Tri.False)] // exactly 90 days: not < 90
    [InlineData("2022-04-02", Tri.False)] // 91 days
    [InlineData("2021-03-01", Tri.True)]  // during line 1: a negative interval
    public void Interval_StrictEdgesFromEndOfLine(string eventDate, Tri expected) =>
        Assert.Equal(expected, Evaluate(Within90, Call([.. ThreeLines, Worse("p", eventDate)], Patient()), AsOf).Value);

    [Fact]
    public void Interval_NoToEvent_IsFalse_UnknownWhenDataMissing()
    {
        Assert.Equal(Tri.False, Evaluate(Within90, Call(ThreeLines, Patient()), AsOf).Value);
        Assert.Equal(Tri.Unknown, Evaluate(Within90, Call(ThreeLines, Patient(), gaps: [new CdsHooks.Clinical.Invocation.DataGap("observations", "Observation", "500")]), AsOf).Value);
    }

    [Fact]
    public void Interval_FromLineStillRunning_EndIsUnknown()
    {
        var result = Evaluate("{interval: {from: {therapy: immunosuppressive-therapy, line: 3, edge: end}, to: {observation: perianal-fistula-drainage}, comparator: '<', span: P90D}}",
            Call([.. ThreeLines, Worse("p", "2024-01-01")], Patient()), AsOf);
        Assert.Equal(Tri.Unknown, result.Value);
        Assert.Contains("end date of MedicationStatement/l3", result.Missing.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Interval_FactsNameBothEventsAndDays()
    {
        var result = Evaluate(Within90, Call([.. ThreeLines, Worse("p", "2022-03-31")], Patient()), AsOf);
        Assert.Equal(["MedicationStatement/l1m", "Observation/p"], result.Facts.Select(f => f.Reference));
        Assert.Contains("89 days later", result.Facts[1].Role, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true", Tri.True)]
    [InlineData("false", Tri.False)]
    public void Assumption_IsTheSitePolicy(string value, Tri expected) =>
        Assert.Equal(expected, Evaluate("{assumption: use-it}", Call([], Patient()), AsOf,
            $"{{use-it: {{type: boolean, default: \"{value}\", description: d}}}}").Value);
}
