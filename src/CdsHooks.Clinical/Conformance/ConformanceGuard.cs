using CdsHooks.Clinical.Evaluation;
using CdsHooks.Clinical.Logic;
using CdsHooks.Clinical.Rules.Model;
using CdsHooks.Clinical.Terminology;

namespace CdsHooks.Clinical.Conformance;

/// <summary>
/// Wraps a leaf criterion so that data set aside for failing its profile cannot make it false: when a set-aside
/// resource of a type the criterion reads falls in its value set, a result that is not already true (from conforming
/// data) becomes unknown, and the resource is named under missing data with why it was set aside.
/// </summary>
internal sealed class ConformanceGuard(Evaluator inner, IReadOnlyList<(IReadOnlyList<string> Types, int ValueSet)> reads) : Evaluator
{
    public static Evaluator Wrap(Criterion criterion, Evaluator compiled, TerminologyCatalog terminology)
    {
        var reads = new List<(IReadOnlyList<string>, int)>();
        foreach (var need in CriterionData.Of(criterion))
        {
            if (need.ValueSet is { } id && terminology.TryGet(id, out var valueSet))
            {
                reads.Add((need.ResourceTypes, valueSet.Index));
            }
        }

        return reads.Count == 0 ? compiled : new ConformanceGuard(compiled, reads);
    }

    public override CriterionResult Evaluate(EvaluationContext context)
    {
        var result = inner.Evaluate(context);
        var setAside = context.Timeline.SetAside;
        if (setAside.Count == 0 || result.Value == Tri.True)
        {
            return result;
        }

        List<string>? missing = null;
        foreach (var item in setAside)
        {
            foreach (var (types, valueSet) in reads)
            {
                if (item.Memberships.Contains(valueSet) && types.Contains(item.ResourceType))
                {
                    (missing ??= [.. result.Missing]).Add($"{item.Reference} ({item.Label}) was set aside: {item.Reason}");
                    break;
                }
            }
        }

        return missing is null ? result : new CriterionResult(Tri.Unknown, result.Facts, missing);
    }
}
