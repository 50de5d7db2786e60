using CdsHooks.Clinical.Logic;
using CdsHooks.Clinical.Rules.Model;
using CdsHooks.Clinical.Timeline;

namespace CdsHooks.Clinical.Evaluation.Predicates;

/// <summary><c>therapy</c>: an episode of a therapy in a value set, filtered by state, outcome and timing.</summary>
internal sealed class TherapyEvaluator(
    int valueSet,
    string title,
    TherapyState state,
    IReadOnlySet<TherapyOutcome>? outcomes,
    ClinicalDuration? startedWithin,
    ClinicalDuration? startedBefore,
    ClinicalDuration? lastedAtLeast,
    int? sinceDiagnosis = null,
    string? sinceTitle = null) : Evaluator
{
    public override CriterionResult Evaluate(EvaluationContext context)
    {
        var timeline = context.Timeline;
        var now = timeline.AsOf;
        List<Fact>? facts = null;
        List<string>? missing = null;
        var since = sinceDiagnosis is { } diagnoses ? FirstOnset.Of(timeline, diagnoses) : null;
        foreach (var episode in timeline.Episodes)
        {
            if (!episode.Memberships.Contains(valueSet) || !InState(episode, now))
            {
                continue;
            }

            Tri match = Tri.True;
            if (outcomes is not null)
            {
                match = outcomes.Contains(episode.Outcome) ? Tri.True
                    : episode.Outcome == TherapyOutcome.Unknown ? Tri.Unknown : Tri.False;
            }

            if (startedWithin is { } within)
            {
                match = TriLogic.And(match, episode.Start is { } s ? TriLogic.From(s.UpperBound > within.Before(now)) : Tri.Unknown);
            }

            if (startedBefore is { } before)
            {
                match = TriLogic.And(match, episode.Start is { } s ? TriLogic.From(s.LowerBound <= before.Before(now)) : Tri.Unknown);
            }

            if (lastedAtLeast is { } lasted)
            {
                match = TriLogic.And(match, episode.Start is { } s
                    ? TriLogic.From(lasted.After(s.LowerBound) <= (episode.End?.UpperBound ?? now))
                    : Tri.Unknown);
            }

            Tri admitted = since?.Admits(episode.Start) ?? Tri.True;
            match = TriLogic.And(match, admitted);
            if (match == Tri.True)
            {
                string running = state == TherapyState.Running ? ", still recorded as given" : "";
                (facts ??= []).Add(new Fact(episode.Reference, $"{title}: {episode.Label} ({episode.Outcome.Describe()}{running})"));
            }
            else if (match == Tri.Unknown)
            {
                (missing ??= []).Add(episode.Start is null ? $"start date of {episode.Reference} ({episode.Label})"
                    : admitted != Tri.Unknown ? $"outcome of {episode.Reference} ({episode.Label})"
                    : since!.Onset is null && since.Found ? $"onset date of {since.Reference} ({sinceTitle})"
                    : $"whether {episode.Reference} ({episode.Label}) started after the {sinceTitle} diagnosis");
            }
        }

        if (facts is not null)
        {
            return new CriterionResult(Tri.True, facts, []);
        }

        if (timeline.IsMissing("MedicationStatement") || timeline.IsMissing("MedicationRequest"))
        {
            (missing ??= []).Add("medication history could not be retrieved");
        }

        return missing is null ? CriterionResult.False : new CriterionResult(Tri.Unknown, [], missing);
    }

    private bool InState(TherapyEpisode episode, DateTimeOffset now) => state switch
    {
        TherapyState.Active => episode.IsActive,
        TherapyState.Ended => !episode.IsActive,
        TherapyState.Running => episode.Status is "active" or "intended" or "on-hold" && (episode.End is not { } end || end.UpperBound > now),
        _ => true,
    };
}
