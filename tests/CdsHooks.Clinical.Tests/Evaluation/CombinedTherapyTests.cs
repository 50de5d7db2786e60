using CdsHooks.Clinical.Invocation;
using CdsHooks.Clinical.Logic;
using CdsHooks.Fhir.Model;
using static CdsHooks.Clinical.Tests.ClinicalFixture;
using static CdsHooks.Clinical.Tests.Evaluation.CriterionHarness;

namespace CdsHooks.Clinical.Tests.Evaluation;

public class CombinedTherapyTests
{
    private static readonly DateTimeOffset AsOf = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private const string Prednisone = "8640";
    private const string Mycophenolate = "68149";
    private const string Belimumab = "1092437";

    private static string Combined(string extra = "") =>
        $"{{combinedTherapy: {{valueSet: sle-immunosuppressant-or-biologic, with: [systemic-corticosteroid], atLeast: P6M{extra}}}}}";

    private static CriterionResult Run(string criterion, params Resource[] resources) => Evaluate(criterion, Call(resources, Patient()), AsOf);

    [Fact]
    public void Combined_GlucocorticoidWithImmunosuppressantSevenMonths_IsTrueWithTheRun()
    {
        var result = Run(Combined(), Statement("gc", Prednisone, "2024-06-01", status: "active"), Statement("mmf", Mycophenolate, "2024-06-01", status: "active"));
        Assert.Equal(Tri.True, result.Value);
        Assert.Contains(result.Facts, f => f.Role.Contains("mycophenolate mofetil with prednisone from 2024-06-01 to now", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2024-07-01", Tri.True)]  // exactly 6 calendar months before the evaluation date
    [InlineData("2024-07-02", Tri.False)] // one day short
    public void Combined_SixMonthEdge(string start, Tri expected) =>
        Assert.Equal(expected, Run(Combined(), Statement("gc", Prednisone, "2024-01-01", status: "active"), Statement("bel", Belimumab, start, status: "active")).Value);

    [Fact]
    public void Combined_BiologicStartedUnderSixMonthsAgo_IsFalse_AndSaysWhenSixMonthsAreReached()
    {
        var result = Run(Combined(), Statement("gc", Prednisone, "2023-10-09", status: "active"), Statement("bel", Belimumab, "2024-10-15", status: "active"));
        Assert.Equal(Tri.False, result.Value);
        Assert.Contains(result.Facts, f => f.Role.EndsWith("6 months would be reached on 2025-04-15", StringComparison.Ordinal));
    }

    [Fact]
    public void Combined_DrugsGivenAtDifferentTimes_DoNotCount() =>
        Assert.Equal(Tri.False, Run(Combined(),
            Statement("gc", Prednisone, "2020-01-01", "2020-12-31", outcome: "response"),
            Statement("mmf", Mycophenolate, "2021-02-01", "2022-12-31", outcome: "primary-non-response")).Value);

    private static readonly Resource[] TwoShortCourses = [
        Statement("gc", Prednisone, "2023-01-01", status: "active"),
        Statement("mmf", Mycophenolate, "2023-01-01", "2023-05-01", outcome: "intolerance"),   // 4 months
        Statement("bel", Belimumab, "2023-08-01", "2023-12-01", outcome: "primary-non-response"), // 4 months, 3 months later
    ];

    [Theory]
    [InlineData("", Tri.False)]                                   // continuous by default: two 4-month runs
    [InlineData(", continuous: false", Tri.True)]                 // cumulative: 8 months
    [InlineData(", maxGap: P100D", Tri.True)]                     // the 92-day gap is bridged
    [InlineData(", maxGap: P30D", Tri.False)]
    public void Combined_ContinuousOrCumulative(string extra, Tri expected) =>
        Assert.Equal(expected, Run(Combined(extra), TwoShortCourses).Value);

    [Theory]
    [InlineData("primary-non-response", Tri.True)]
    [InlineData("response", Tri.False)]
    [InlineData(null, Tri.Unknown)] // stopped with no reason recorded
    public void Combined_OutcomeFilter_IsThreeValued(string? outcome, Tri expected)
    {
        var result = Run(Combined(", outcomes: [primary-non-response, secondary-loss-of-response]"),
            Statement("gc", Prednisone, "2022-01-01", status: "active"), Statement("mmf", Mycophenolate, "2022-01-01", "2023-01-01", outcome: outcome));
        Assert.Equal(expected, result.Value);
        if (expected == Tri.Unknown)
        {
            Assert.Contains(result.Missing, m => m.Contains("outcome of MedicationStatement/mmf", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Combined_StoppedCourseWithoutEndDate_IsUnknownAndAsksForTheDate()
    {
        var result = Run(Combined(), Statement("gc", Prednisone, "2022-01-01", status: "active"), Statement("mmf", Mycophenolate, "2024-01-01", status: "stopped", outcome: "primary-non-response"));
        Assert.Equal(Tri.Unknown, result.Value);
        Assert.Contains(result.Missing, m => m.Contains("end date of MedicationStatement/mmf", StringComparison.Ordinal));
    }

    [Fact]
    public void Combined_ActiveState_CountsOnlyTheRunStillGoing()
    {
        Resource[] ended = [Statement("gc", Prednisone, "2022-01-01", status: "active"), Statement("mmf", Mycophenolate, "2022-01-01", "2023-01-01", outcome: "response")];
        Assert.Equal(Tri.False, Run(Combined(", state: active"), ended).Value);
        Assert.Equal(Tri.True, Run(Combined(", state: ended"), ended).Value);
        Assert.Equal(Tri.True, Run(Combined(), ended).Value);
    }

    [Fact]
    public void Combined_MedicationsNotRetrieved_IsUnknownNotFalse() =>
        Assert.Equal(Tri.Unknown, Evaluate(Combined(),
            Call([], Patient(), gaps: [new DataGap("medicationStatements", "MedicationStatement", "timeout")]), AsOf).Value);

    [Fact]
    public void Combined_ContinuityFromAssumption()
    {
        const string Assumptions = "{c: {type: boolean, default: \"false\", description: d}}";
        Assert.Equal(Tri.True, Evaluate(Combined(", continuous: $c"), Call(TwoShortCourses, Patient()), AsOf, Assumptions).Value);
    }
}
