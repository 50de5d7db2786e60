using CdsHooks.Clinical.Logic;
using CdsHooks.Fhir.Model;
using static CdsHooks.Clinical.Tests.ClinicalFixture;
using static CdsHooks.Clinical.Tests.Evaluation.CriterionHarness;

namespace CdsHooks.Clinical.Tests.Evaluation;

/// <summary><c>therapy: {state: running}</c>: still being given, even after a failure such as progression is recorded.</summary>
public class TherapyRunningTests
{
    private static readonly DateTimeOffset AsOf = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private const string Gefitinib = "328134";

    private static Observation Progression(string when) => Parse<Observation>($$$"""
        {"resourceType":"Observation","id":"prog","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"97509-4"}]},
         "effectiveDateTime":"{{{when}}}","valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"271299001"}]}}
        """);

    [Fact]
    public void Running_ActiveDrugWithProgressionRecorded_IsRunningButNotActive()
    {
        // Gefitinib still prescribed after progression: the IMPRESS situation.
        var invocation = Call([Statement("gef", Gefitinib, "2024-01-01", status: "active"), Progression("2024-10-01")], Patient());
        var running = Evaluate("{therapy: {valueSet: lung-egfr-tki, state: running}}", invocation, AsOf);
        Assert.Equal(Tri.True, running.Value);
        Assert.Contains("progression", running.Facts.Single().Role, StringComparison.Ordinal);
        Assert.Equal(Tri.False, Evaluate("{therapy: {valueSet: lung-egfr-tki, state: active}}", invocation, AsOf).Value);
    }

    [Theory]
    [InlineData("stopped", null, Tri.False)]
    [InlineData("completed", null, Tri.False)]
    [InlineData("active", "2024-06-01", Tri.False)] // active, but its period ended before now
    [InlineData("active", "2025-06-01", Tri.True)]
    [InlineData("on-hold", null, Tri.True)]
    public void Running_FollowsStatusAndEnd(string status, string? end, Tri expected) =>
        Assert.Equal(expected, Evaluate("{therapy: {valueSet: lung-egfr-tki, state: running}}",
            Call([Statement("gef", Gefitinib, "2024-01-01", end, status: status)], Patient()), AsOf).Value);

    [Fact]
    public void Running_MedicationsNotRetrieved_IsUnknown() =>
        Assert.Equal(Tri.Unknown, Evaluate("{therapy: {valueSet: lung-egfr-tki, state: running}}",
            Call([], Patient(), gaps: [new CdsHooks.Clinical.Invocation.DataGap("medicationStatements", "MedicationStatement", "timeout")]), AsOf).Value);
}
