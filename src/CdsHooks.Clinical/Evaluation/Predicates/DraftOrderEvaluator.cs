using CdsHooks.Clinical.Logic;

namespace CdsHooks.Clinical.Evaluation.Predicates;

/// <summary><c>draftOrder</c>: an order being selected or signed is in a value set; the match is kept for the card.</summary>
internal sealed class DraftOrderEvaluator(int valueSet, string title, bool stopping) : Evaluator
{
    public override CriterionResult Evaluate(EvaluationContext context)
    {
        foreach (var order in context.Timeline.DraftOrders)
        {
            if (order.Memberships.Contains(valueSet) && order.IsStop == stopping)
            {
                context.MatchedDraftOrder ??= order;
                string verb = stopping ? "draft order to stop" : "draft order";
                return new CriterionResult(Tri.True, [new Fact(order.Reference, $"{verb}: {order.Label} ({title})")], []);
            }
        }

        return CriterionResult.False;
    }
}
