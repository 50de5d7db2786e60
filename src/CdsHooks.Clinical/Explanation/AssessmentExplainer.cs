using CdsHooks.Clinical.Cards;
using CdsHooks.Clinical.Evaluation;
using CdsHooks.Clinical.Invocation;
using CdsHooks.Clinical.Logic;
using CdsHooks.Clinical.Rules.Model;
using CdsHooks.Clinical.Timeline;

namespace CdsHooks.Clinical.Explanation;

/// <summary>
/// Explains a hook call: evaluates the packs exactly as <see cref="RefractoryEngine"/> does, with the evaluation trace on,
/// and pairs each rule's trace with its evidence and the assumptions in force. For the SMART app, not the hook path.
/// </summary>
public sealed class AssessmentExplainer(KnowledgeBase knowledge, TimeProvider time)
{
    private readonly TimelineBuilder _timelineBuilder = new(knowledge.Terminology);

    /// <summary>Explains every rule of the packs in scope for the call's hook.</summary>
    /// <param name="invocation">The prepared call (see <see cref="CdsServiceInvoker.PrepareAsync"/>).</param>
    /// <returns>The explanations.</returns>
    public AssessmentExplanation Explain(HookInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var asOf = time.GetUtcNow();
        var timeline = _timelineBuilder.Build(invocation, asOf);
        var outcomes = PackEvaluator.Evaluate(knowledge.Packs, timeline, invocation.Hook, trace: true);
        return new AssessmentExplanation(asOf, outcomes.Select(Explain).ToList(), invocation.DataGaps);
    }

    private static RuleExplanation Explain(RuleOutcome outcome)
    {
        var pack = outcome.Pack.Pack;
        var rule = outcome.Rule.Rule;
        return new RuleExplanation
        {
            Pack = pack.Id,
            PackTitle = pack.Title,
            PackVersion = pack.Version,
            Rule = rule.Id,
            RuleVersion = rule.Version,
            Kind = rule.Kind.Code(),
            Status = rule.Kind == CardKind.RefractoryStatus ? AssessmentStatus.Of(outcome.Result.Value) : null,
            Value = outcome.Result.Value,
            Criteria = outcome.Trace!,
            Evidence = rule.Evidence.Select(e =>
            {
                var source = pack.Sources[e.Source];
                return new EvidenceExplanation(source.Label, source.Url, e.Section, e.Reference, e.Grade, e.Level, e.Figures, e.Note, source.IsGeneralKnowledge);
            }).ToList(),
            Assumptions = outcome.Rule.Assumptions.Select(a => new AssumptionExplanation(a.Name, a.Value, a.Default, a.Description)).ToList(),
            Missing = outcome.Result.Value == Tri.Unknown ? outcome.Result.Missing : [],
        };
    }
}
