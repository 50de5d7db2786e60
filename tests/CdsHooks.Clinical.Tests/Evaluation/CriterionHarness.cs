using CdsHooks.Clinical.Evaluation;
using CdsHooks.Clinical.Invocation;
using CdsHooks.Clinical.Logic;
using CdsHooks.Clinical.Rules.Loading;

namespace CdsHooks.Clinical.Tests.Evaluation;

/// <summary>Compiles one criterion (written in the pack language) against the real terminology and evaluates it.</summary>
internal static class CriterionHarness
{
    public static CriterionResult Evaluate(string criterion, HookInvocation invocation, DateTimeOffset asOf, string assumptions = "")
    {
        string pack = $$"""
            id: test
            version: 1.0.0
            title: test
            sources: {s: {label: Test source} }
            scope: {all: []}
            assumptions: {{EmptyOr(assumptions)}}
            rules:
              - id: test.rule
                version: 1.0.0
                hooks: [patient-view, order-sign]
                kind: safety
                when: {{criterion}}
                card: {indicator: info, summary: test}
                evidence: [{source: s}]
            """;
        static string EmptyOr(string text) => text.Length == 0 ? "{}" : text;
        var compiled = new PackCompiler(ClinicalFixture.Knowledge.Terminology)
            .Compile(PackReader.Read("test.yaml", pack), new Dictionary<string, string>());
        var timeline = ClinicalFixture.BuildTimeline(invocation, asOf);
        var context = new EvaluationContext(timeline, compiled.DefinitionCount);
        return compiled.Rules[0].When.Evaluate(context);
    }
}
