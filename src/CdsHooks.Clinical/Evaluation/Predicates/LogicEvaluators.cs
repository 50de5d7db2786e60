using CdsHooks.Clinical.Logic;

namespace CdsHooks.Clinical.Evaluation.Predicates;

/// <summary><c>all</c> / <c>any</c> under Kleene logic, keeping the facts of the parts that decided the result.</summary>
internal sealed class JunctionEvaluator(IReadOnlyList<Evaluator> parts, bool isAll) : Evaluator
{
    public override CriterionResult Evaluate(EvaluationContext context)
    {
        Tri value = isAll ? Tri.True : Tri.False;
        List<Fact>? facts = null;
        List<string>? missing = null;
        for (int i = 0; i < parts.Count; i++)
        {
            var result = context.Evaluate(parts[i]);
            value = isAll ? TriLogic.And(value, result.Value) : TriLogic.Or(value, result.Value);
            (facts ??= []).AddRange(result.Facts);
            if (result.Value == Tri.Unknown)
            {
                (missing ??= []).AddRange(result.Missing);
            }

            // Short-circuit only on a decided value; facts of the deciding part are kept.
            if ((isAll && value == Tri.False) || (!isAll && value == Tri.True))
            {
                context.Trace?.Skipped(parts.Skip(i + 1));
                return new CriterionResult(value, facts, []);
            }
        }

        return new CriterionResult(value, (IReadOnlyList<Fact>?)facts ?? [], value == Tri.Unknown ? (IReadOnlyList<string>?)missing?.Distinct().ToList() ?? [] : []);
    }
}

/// <summary><c>not</c>: negates the value and keeps facts and missing data.</summary>
internal sealed class NotEvaluator(Evaluator inner) : Evaluator
{
    public override CriterionResult Evaluate(EvaluationContext context)
    {
        var result = context.Evaluate(inner);
        return result with { Value = TriLogic.Not(result.Value) };
    }
}

/// <summary><c>ref</c>: a named definition, evaluated once per pack evaluation.</summary>
internal sealed class DefinitionEvaluator(int index) : Evaluator
{
    public Evaluator? Target { get; set; }

    public override CriterionResult Evaluate(EvaluationContext context) =>
        context.Definition(index, Target ?? throw new InvalidOperationException("definition not linked"));
}
