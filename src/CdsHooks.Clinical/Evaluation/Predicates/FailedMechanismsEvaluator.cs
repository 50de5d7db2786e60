using CdsHooks.Clinical.Logic;
using CdsHooks.Clinical.Timeline;

namespace CdsHooks.Clinical.Evaluation.Predicates;

/// <summary>
/// <c>failedMechanisms</c>: counts distinct mechanism classes with a failed episode; two drugs of one class count once.
/// Unknown when episodes with an unrecorded outcome could still bring the count to the threshold.
/// </summary>
internal sealed class FailedMechanismsEvaluator(int valueSet, int atLeast, bool intoleranceCounts) : Evaluator
{
    public override CriterionResult Evaluate(EvaluationContext context)
    {
        var failed = new Dictionary<string, TherapyEpisode>(StringComparer.Ordinal);
        var undetermined = new Dictionary<string, TherapyEpisode>(StringComparer.Ordinal);
        foreach (var episode in context.Timeline.Episodes)
        {
            if (!episode.Memberships.Contains(valueSet))
            {
                continue;
            }

            string mechanism = episode.Agent?.MechanismClass ?? episode.Label;
            if (episode.Outcome.IsFailure(intoleranceCounts))
            {
                failed.TryAdd(mechanism, episode);
            }
            else if (episode.Outcome == TherapyOutcome.Unknown)
            {
                undetermined.TryAdd(mechanism, episode);
            }
        }

        foreach (string mechanism in failed.Keys)
        {
            undetermined.Remove(mechanism);
        }

        var facts = failed.Values.Select(e => new Fact(e.Reference, $"failed {Mechanism(e)}: {e.Label}, {e.Outcome.Describe()}")).ToList();
        context.FailedMechanisms = failed.Values.Select(Mechanism).ToList();
        if (failed.Count >= atLeast)
        {
            return new CriterionResult(Tri.True, facts, []);
        }

        var missing = undetermined.Values.Select(e => $"outcome of {e.Reference} ({e.Label})").ToList();
        bool dataMissing = context.Timeline.IsMissing("MedicationStatement") || context.Timeline.IsMissing("MedicationRequest");
        if (dataMissing)
        {
            missing.Add("medication history could not be retrieved");
        }

        return failed.Count + undetermined.Count >= atLeast || dataMissing
            ? new CriterionResult(Tri.Unknown, facts, missing)
            : new CriterionResult(Tri.False, facts, []);
    }

    private static string Mechanism(TherapyEpisode episode) => episode.Agent?.MechanismDisplay ?? episode.Label;
}
