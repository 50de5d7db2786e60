using CdsHooks.Clinical.Evaluation;
using CdsHooks.Clinical.Logic;
using CdsHooks.Clinical.Rules.Loading;

namespace CdsHooks.Clinical.Tests.Evaluation;

public sealed class EvaluationTraceTests
{
    private static readonly DateTimeOffset AsOf = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Trace_AnyDecidedByItsFirstPart_RecordsTheRestAsNotEvaluated()
    {
        var trace = Evaluate("""{any: [{sex: female}, {age: {comparator: ">", years: 30}}]}""");

        Assert.Equal("any", trace.Kind);
        Assert.Equal(Tri.True, trace.Value);
        Assert.Collection(trace.Children,
            sex => Assert.Equal(("sex", Tri.True, true, "Administrative sex is female"), (sex.Kind, sex.Value, sex.Evaluated, sex.Description)),
            age => Assert.Equal(("age", false, "Age > 30 years"), (age.Kind, age.Evaluated, age.Description)));
    }

    [Fact]
    public void Trace_DefinitionUsedTwice_EvaluatesOnceAndMarksTheSecondUseReused()
    {
        var trace = Evaluate("""{all: [{ref: adult}, {not: {ref: adult}}]}""", definitions: """{adult: {age: {comparator: ">=", years: $adult-age}}}""");

        Assert.Equal(Tri.False, trace.Value);
        var first = trace.Children[0];
        var second = Assert.Single(trace.Children[1].Children);
        Assert.Equal(("ref", "Definition 'adult'"), (first.Kind, first.Description));
        Assert.False(Assert.Single(first.Children).Reused);
        Assert.True(Assert.Single(second.Children).Reused);
        Assert.Equal("Age ≥ 18 (site policy 'adult-age') years", first.Children[0].Description);
        Assert.Equal(Tri.False, trace.Children[1].Value);
    }

    [Fact]
    public void Trace_UnknownLeaf_KeepsItsMissingDataAndFacts()
    {
        var noBirthDate = ClinicalFixture.Parse<CdsHooks.Fhir.Model.Patient>("""{"resourceType":"Patient","id":"p1","gender":"female"}""");

        var trace = Evaluate("""{all: [{sex: female}, {age: {comparator: ">", years: 30}}]}""", patient: noBirthDate);

        Assert.Equal(Tri.Unknown, trace.Value);
        var age = trace.Children[1];
        Assert.Equal(Tri.Unknown, age.Value);
        Assert.NotEmpty(age.Missing);
        Assert.Equal(age.Missing, trace.Missing);
    }

    private static CriterionTrace Evaluate(string criterion, string definitions = "{}", CdsHooks.Fhir.Model.Patient? patient = null)
    {
        string pack = $$"""
            id: test
            version: 1.0.0
            title: test
            sources: {s: {label: Test source} }
            scope: {all: []}
            assumptions:
              adult-age: {type: number, default: 18, description: Age of adulthood}
            definitions: {{definitions}}
            rules:
              - id: test.rule
                version: 1.0.0
                hooks: [patient-view]
                kind: safety
                when: {{criterion}}
                card: {indicator: info, summary: test}
                evidence: [{source: s}]
            """;
        var compiled = new PackCompiler(ClinicalFixture.Knowledge.Terminology)
            .Compile(PackReader.Read("test.yaml", pack), new Dictionary<string, string>());
        var timeline = ClinicalFixture.BuildTimeline(ClinicalFixture.Call([], patient ?? ClinicalFixture.Patient()), AsOf);

        var outcome = Assert.Single(PackEvaluator.Evaluate([compiled], timeline, "patient-view", trace: true));

        return outcome.Trace!;
    }
}
