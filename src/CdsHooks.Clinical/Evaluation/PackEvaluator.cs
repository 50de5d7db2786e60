using CdsHooks.Clinical.Cards;
using CdsHooks.Clinical.Logic;
using CdsHooks.Clinical.Timeline;

namespace CdsHooks.Clinical.Evaluation;

/// <summary>Evaluates compiled packs over a timeline for one hook; pure, with no I/O.</summary>
public static class PackEvaluator
{
    /// <summary>
    /// Evaluates every rule of every pack in scope that runs on <paramref name="hook"/>.
    /// A pack whose scope is not true says nothing (its disease is not this patient's, or cannot be known).
    /// </summary>
    public static List<RuleOutcome> Evaluate(IReadOnlyList<CompiledPack> packs, PatientTimeline timeline, string hook)
        => Evaluate(packs, timeline, hook, trace: false);

    /// <summary>
    /// As <see cref="Evaluate(IReadOnlyList{CompiledPack}, PatientTimeline, string)"/>; with <paramref name="trace"/>, each
    /// outcome also carries the <see cref="CriterionTrace"/> of its criterion (slower: for explanations, not for hooks).
    /// </summary>
    public static List<RuleOutcome> Evaluate(IReadOnlyList<CompiledPack> packs, PatientTimeline timeline, string hook, bool trace)
    {
        ArgumentNullException.ThrowIfNull(packs);
        var outcomes = new List<RuleOutcome>();
        foreach (var pack in packs)
        {
            var context = new EvaluationContext(timeline, pack.DefinitionCount, trace);
            if (context.Evaluate(pack.Scope).Value != Tri.True)
            {
                continue;
            }

            foreach (var rule in pack.Rules)
            {
                if (!rule.Rule.Hooks.Contains(hook))
                {
                    continue;
                }

                context.BeginRule();
                var result = context.Evaluate(rule.When);
                outcomes.Add(new RuleOutcome
                {
                    Pack = pack,
                    Rule = rule,
                    Result = result,
                    MatchedDraftOrder = context.MatchedDraftOrder,
                    FailedMechanisms = context.FailedMechanisms,
                    Trace = trace ? context.LastTrace : null,
                });
            }
        }

        return outcomes;
    }
}
