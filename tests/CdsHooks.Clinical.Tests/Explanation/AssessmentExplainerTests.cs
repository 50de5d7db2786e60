using CdsHooks.Clinical.Evaluation;
using CdsHooks.Clinical.Explanation;
using CdsHooks.Clinical.Logic;
using CdsHooks.Testing.Seeds;
using CdsHooks.Testing.Time;

namespace CdsHooks.Clinical.Tests.Explanation;

public sealed class AssessmentExplainerTests
{
    [Theory]
    [InlineData("crohns-v1", "crohns.refractory-status", Tri.True)]
    [InlineData("crohns-v3", "crohns.refractory-status", Tri.False)]
    [InlineData("sle-v4", "sle.refractory-status", Tri.True)]
    public void Explain_SeedPatient_StatusRuleTraceMatchesTheEngine(string patientId, string ruleId, Tri expected)
    {
        var seed = SeedPatients.Get(patientId);
        var explainer = new AssessmentExplainer(ClinicalFixture.Knowledge, new FixedTimeProvider(seed.EvaluationTime));

        var explanation = explainer.Explain(ClinicalFixture.Call(seed));

        var rule = Assert.Single(explanation.Rules, r => r.Rule == ruleId);
        Assert.Equal(expected, rule.Value);
        Assert.Equal(AssessmentStatusOf(expected), rule.Status);
        Assert.Equal(rule.Value, rule.Criteria.Value);
        Assert.NotEmpty(rule.Criteria.Children);
        Assert.NotEmpty(rule.Evidence);
        Assert.All(rule.Evidence, e => Assert.False(string.IsNullOrWhiteSpace(e.Source)));
        AssertKleeneConsistent(rule.Criteria);
    }

    [Fact]
    public void Explain_EveryRule_HasTheSameValueAndFactsAsTheUntracedEvaluation()
    {
        foreach (var patientId in new[] { "crohns-v1", "lung-v3", "crc-v7", "cart-v4", "sle-v2" })
        {
            var seed = SeedPatients.Get(patientId);
            var timeline = ClinicalFixture.BuildTimeline(ClinicalFixture.Call(seed), seed.EvaluationTime);

            var plain = PackEvaluator.Evaluate(ClinicalFixture.Knowledge.Packs, timeline, "patient-view");
            var traced = PackEvaluator.Evaluate(ClinicalFixture.Knowledge.Packs, timeline, "patient-view", trace: true);

            Assert.Equal(plain.Count, traced.Count);
            Assert.NotEmpty(plain);
            for (int i = 0; i < plain.Count; i++)
            {
                Assert.Null(plain[i].Trace);
                Assert.Equal(plain[i].Rule.Rule.Id, traced[i].Rule.Rule.Id);
                Assert.Equal(plain[i].Result.Value, traced[i].Result.Value);
                Assert.Equal(plain[i].Result.Facts, traced[i].Result.Facts);
                Assert.Equal(plain[i].Result.Missing, traced[i].Result.Missing);
                Assert.Equal(traced[i].Result.Value, traced[i].Trace!.Value);
                Assert.Equal(traced[i].Result.Facts, traced[i].Trace!.Facts);
            }
        }
    }

    [Fact]
    public void Explain_StatusRule_NamesTheFailedTherapiesAsFactsAndResolvesAssumptions()
    {
        var seed = SeedPatients.Get("crohns-v1");
        var explainer = new AssessmentExplainer(ClinicalFixture.Knowledge, new FixedTimeProvider(seed.EvaluationTime));

        var rule = explainer.Explain(ClinicalFixture.Call(seed)).Rules.Single(r => r.Rule == "crohns.refractory-status");

        var nodes = Flatten(rule.Criteria).ToList();
        var failed = nodes.First(n => n.Kind == "failedMechanisms" && n.Evaluated);
        Assert.Equal(Tri.True, failed.Value);
        Assert.Contains(failed.Facts, f => f.Reference.StartsWith("MedicationStatement/", StringComparison.Ordinal));
        Assert.Contains("site policy", failed.Description, StringComparison.Ordinal);
        Assert.NotEmpty(rule.Assumptions);
        Assert.All(rule.Assumptions, a => Assert.Contains($"'{a.Name}'", string.Join("\n", nodes.Select(n => n.Description)), StringComparison.Ordinal));
    }

    [Fact]
    public void Explain_MissingObservations_ListsWhatIsMissingOnTheUnknownNodes()
    {
        var seed = SeedPatients.Get("crohns-v1");
        var invocation = ClinicalFixture.Call(seed) with
        {
            Data = new Invocation.ClinicalData(seed.Patient, seed.Resources.Where(r => r.ResourceType != "Observation").ToList()),
            DataGaps = [new Invocation.DataGap("observations", "Observation", "FHIR server answered 500")],
        };
        var explainer = new AssessmentExplainer(ClinicalFixture.Knowledge, new FixedTimeProvider(seed.EvaluationTime));

        var explanation = explainer.Explain(invocation);

        Assert.Single(explanation.DataGaps);
        var unknown = explanation.Rules.Where(r => r.Value == Tri.Unknown).ToList();
        Assert.NotEmpty(unknown);
        Assert.All(unknown, r =>
        {
            Assert.NotEmpty(r.Missing);
            Assert.Equal(r.Missing, r.Criteria.Missing);
            Assert.Contains(Flatten(r.Criteria), n => n.Value == Tri.Unknown && n.Missing.Count > 0 && n.Children.Count == 0);
        });
    }

    private static string AssessmentStatusOf(Tri value) => CdsHooks.Clinical.Cards.AssessmentStatus.Of(value);

    private static IEnumerable<CriterionTrace> Flatten(CriterionTrace node) => node.Children.SelectMany(Flatten).Prepend(node);

    // A traced all/any/not must have the value Kleene logic gives its evaluated parts: the trace is the evaluation.
    private static void AssertKleeneConsistent(CriterionTrace node)
    {
        var evaluated = node.Children.Where(c => c.Evaluated).Select(c => c.Value).ToList();
        switch (node.Kind)
        {
            case "all":
                Assert.Equal(evaluated.Aggregate(Tri.True, TriLogic.And), node.Value);
                break;
            case "any":
                Assert.Equal(evaluated.Aggregate(Tri.False, TriLogic.Or), node.Value);
                break;
            case "not":
                Assert.Equal(TriLogic.Not(Assert.Single(evaluated)), node.Value);
                break;
            case "ref":
                Assert.Equal(Assert.Single(node.Children).Value, node.Value);
                break;
        }

        if (node.Children.Any(c => !c.Evaluated))
        {
            Assert.True(node.Kind is "all" or "any");
            Assert.Equal(node.Kind == "all" ? Tri.False : Tri.True, node.Value);
        }

        foreach (var child in node.Children.Where(c => c.Evaluated))
        {
            AssertKleeneConsistent(child);
        }
    }
}
