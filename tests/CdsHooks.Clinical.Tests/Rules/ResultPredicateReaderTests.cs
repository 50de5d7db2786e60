using CdsHooks.Clinical.Evaluation;
using CdsHooks.Clinical.Rules.Loading;
using CdsHooks.Clinical.Rules.Model;

namespace CdsHooks.Clinical.Tests.Rules;

/// <summary>Reading and compiling combinedTherapy, titer, abnormal and componentCount.</summary>
public class ResultPredicateReaderTests
{
    private static string Pack(string when) => $$$"""
        id: p
        version: 1.0.0
        title: p
        sources: {s: {label: S}}
        scope: {diagnosis: sle}
        assumptions:
          n: {type: number, default: "2", description: d}
        rules:
          - id: p.rule
            version: 1.0.0
            hooks: [patient-view]
            kind: safety
            when: {{{when}}}
            card: {indicator: info, summary: "ok"}
            evidence: [{source: s}]
        """;

    private static PackLoadException Fails(string when) =>
        Assert.Throws<PackLoadException>(() => new PackCompiler(ClinicalFixture.Knowledge.Terminology)
            .Compile(PackReader.Read("p.yaml", Pack(when)), new Dictionary<string, string>()));

    [Fact]
    public void Read_CombinedTherapy_WithDefaults()
    {
        var rule = PackReader.Read("p.yaml", Pack("{combinedTherapy: {valueSet: sle-biologic, with: [systemic-corticosteroid], atLeast: P6M}}")).Rules[0];
        var criterion = Assert.IsType<CombinedTherapyCriterion>(rule.When);
        Assert.Equal(["systemic-corticosteroid"], criterion.With);
        Assert.True(criterion.Continuous.Literal);
        Assert.Null(criterion.MaxGap);
        Assert.Equal(TherapyState.Ever, criterion.State);
        Assert.Null(criterion.Outcomes);
    }

    [Theory]
    [InlineData("{combinedTherapy: {valueSet: sle-biologic, atLeast: P6M}}", "combinedTherapy needs 'with'")]
    [InlineData("{combinedTherapy: {valueSet: sle-biologic, with: [systemic-corticosteroid], atLeast: P6M, state: now}}", "state must be ever, active or ended")]
    [InlineData("{combinedTherapy: {valueSet: sle-biologic, with: [systemic-corticosteroid], atLeast: P6M, outcomes: [failed]}}", "'failed' is not a therapy-outcome code")]
    [InlineData("{combinedTherapy: {valueSet: sle-biologic, with: [steroids], atLeast: P6M}}", "value set 'steroids' is not in the conformance directory")]
    [InlineData("{combinedTherapy: {valueSet: sle-biologic, with: [systemic-corticosteroid], atLeast: $n}}", "'$n' is a number, but a duration is needed here")]
    [InlineData("{titer: {valueSet: ana-ifa-titer, comparator: '=>', value: 80}}", "comparator must be")]
    [InlineData("{titer: {valueSet: ana-ifa-titer, comparator: '>=', value: 1:80}}", "is not a number")]
    [InlineData("{abnormal: {valueSet: anti-dsdna, direction: up}}", "direction must be high or low")]
    [InlineData("{componentCount: {valueSet: bilag-2004, codedIn: bilag-grade-z, comparator: '>=', count: 1}}", "value set 'bilag-grade-z'")]
    [InlineData("{componentCount: {valueSet: bilag-2004, codedIn: bilag-grade-a, comparator: '>=', count: 1, domain: renal}}", "domain")]
    public void Read_Mistakes_AreReportedWithTheReason(string when, string expected) =>
        Assert.Contains(expected, Fails(when).Message, StringComparison.Ordinal);

    [Fact]
    public void Read_UnknownPredicate_ListsTheNewOnes()
    {
        string message = Fails("{titre: {valueSet: ana-ifa-titer}}").Message;
        Assert.Contains("combinedTherapy, titer, abnormal, componentCount", message, StringComparison.Ordinal);
    }
}
