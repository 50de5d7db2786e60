using CdsHooks.Clinical.Logic;

namespace CdsHooks.Clinical.Evaluation.Predicates;

/// <summary>
/// <c>concurrentMechanisms</c>: at least N distinct mechanisms of a value set are active now, optionally counting
/// the draft orders being signed (a second advanced therapy ordered while one is active is a combination).
/// </summary>
internal sealed class ConcurrentMechanismsEvaluator(int valueSet, int atLeast, bool includeDraftOrders) : Evaluator
{
    public override CriterionResult Evaluate(EvaluationContext context)
    {
        var timeline = context.Timeline;
        var mechanisms = new Dictionary<string, Fact>(StringComparer.Ordinal);
        foreach (var episode in timeline.Episodes)
        {
            if (episode.Memberships.Contains(valueSet) && episode.IsActive)
            {
                mechanisms.TryAdd(episode.Agent?.MechanismClass ?? episode.Label, new Fact(episode.Reference, $"active: {episode.Label}"));
            }
        }

        if (includeDraftOrders)
        {
            foreach (var order in timeline.DraftOrders)
            {
                if (order.Memberships.Contains(valueSet) && !order.IsStop && mechanisms.TryAdd(order.Agent?.MechanismClass ?? order.Label, new Fact(order.Reference, $"draft order: {order.Label}")))
                {
                    context.MatchedDraftOrder ??= order;
                }
            }
        }

        if (mechanisms.Count >= atLeast)
        {
            return new CriterionResult(Tri.True, mechanisms.Values.ToList(), []);
        }

        return timeline.IsMissing("MedicationStatement") || timeline.IsMissing("MedicationRequest")
            ? CriterionResult.Unknown("medication history could not be retrieved")
            : new CriterionResult(Tri.False, mechanisms.Values.ToList(), []);
    }
}
