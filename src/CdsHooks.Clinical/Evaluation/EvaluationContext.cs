using CdsHooks.Clinical.Logic;
using CdsHooks.Clinical.Timeline;

namespace CdsHooks.Clinical.Evaluation;

/// <summary>
/// State of one rule evaluation over one timeline: memoised definitions, and what the card needs to know
/// about the match (the triggering draft order, the failed mechanisms).
/// </summary>
public sealed class EvaluationContext
{
    private readonly Memo?[] _definitions;

    internal EvaluationContext(PatientTimeline timeline, int definitionCount, bool trace = false)
    {
        Timeline = timeline;
        _definitions = new Memo?[definitionCount];
        Trace = trace ? new EvaluationTrace() : null;
    }

    /// <summary>The patient's timeline.</summary>
    public PatientTimeline Timeline { get; }

    /// <summary>The draft order a <c>draftOrder</c> criterion matched, if any.</summary>
    public DraftOrder? MatchedDraftOrder { get; internal set; }

    /// <summary>The failed mechanisms a <c>failedMechanisms</c> criterion counted, for card text.</summary>
    public IReadOnlyList<string> FailedMechanisms { get; internal set; } = [];

    /// <summary>The trace being recorded; null (the usual case) when none was asked for.</summary>
    internal EvaluationTrace? Trace { get; }

    /// <summary>The last trace node closed by <see cref="Evaluate"/>; only set while tracing.</summary>
    internal CriterionTrace? LastTrace { get; private set; }

    /// <summary>Evaluates a part; records it in the trace when one is being kept.</summary>
    internal CriterionResult Evaluate(Evaluator evaluator)
    {
        if (Trace is null)
        {
            return evaluator.Evaluate(this);
        }

        Trace.Begin(evaluator);
        var result = evaluator.Evaluate(this);
        LastTrace = Trace.End(result);
        return result;
    }

    internal CriterionResult Definition(int index, Evaluator evaluator)
    {
        if (_definitions[index] is { } memo)
        {
            if (Trace is not null && memo.Trace is not null)
            {
                Trace.Reuse(memo.Trace);
            }

            // A rule that reuses a definition must see the match state its first evaluation recorded, or its card
            // would name no draft order and no failed mechanisms.
            MatchedDraftOrder = memo.MatchedDraftOrder ?? MatchedDraftOrder;
            FailedMechanisms = memo.FailedMechanisms ?? FailedMechanisms;
            return memo.Result;
        }

        var draftBefore = MatchedDraftOrder;
        var failedBefore = FailedMechanisms;
        var result = Evaluate(evaluator);
        _definitions[index] = new Memo(
            result,
            ReferenceEquals(MatchedDraftOrder, draftBefore) ? null : MatchedDraftOrder,
            ReferenceEquals(FailedMechanisms, failedBefore) ? null : FailedMechanisms)
        {
            Trace = Trace is null ? null : LastTrace,
        };
        return result;
    }

    /// <summary>A definition's result, and the match state evaluating it recorded (null where it recorded none).</summary>
    private sealed record Memo(CriterionResult Result, DraftOrder? MatchedDraftOrder, IReadOnlyList<string>? FailedMechanisms)
    {
        /// <summary>The definition's trace from its first evaluation, when tracing.</summary>
        public CriterionTrace? Trace { get; init; }
    }

    /// <summary>Clears per-rule match state; memoised definitions are kept across the rules of a pack.</summary>
    internal void BeginRule()
    {
        MatchedDraftOrder = null;
        FailedMechanisms = [];
    }
}

/// <summary>A compiled criterion.</summary>
public abstract class Evaluator
{
    /// <summary>The rule-language construct, for traces (set when the pack is compiled).</summary>
    internal string TraceKind { get; set; } = "criterion";

    /// <summary>What the criterion asks, for traces (set when the pack is compiled).</summary>
    internal string TraceText { get; set; } = string.Empty;

    /// <summary>Evaluates to true, false or unknown, with the facts that decided it.</summary>
    public abstract CriterionResult Evaluate(EvaluationContext context);
}
