using CdsHooks.Clinical.Terminology;
using CdsHooks.Fhir.Model;

namespace CdsHooks.Clinical.Timeline;

/// <summary>
/// Outcomes recorded outside the therapy resource: an Observation whose <c>focus</c> (or <c>partOf</c>/<c>derivedFrom</c>)
/// points at the therapy and whose coded value maps to a therapy outcome, and recorded progressions
/// (an Observation whose value maps to <c>progression</c>) dated while a therapy ran.
/// </summary>
internal sealed class OutcomeSignals
{
    private readonly Dictionary<string, (TherapyOutcome Outcome, string Evidence)> _linked = new(StringComparer.Ordinal);
    private readonly List<(FhirDateTime Time, string Evidence)> _progressions = [];

    public void Collect(Observation observation, ObservationPoint point, TerminologyCatalog terminology)
    {
        if (!TherapyOutcomes.TryFrom(observation.ValueCodeableConcept, terminology, out var value))
        {
            return;
        }

        bool linked = false;
        foreach (var target in Links(observation))
        {
            _linked[target] = (value, point.Reference);
            linked = true;
        }

        if (!linked && value == TherapyOutcome.Progression && point.Time is { } time)
        {
            _progressions.Add((time, point.Reference));
        }
    }

    public TherapyEpisode Apply(TherapyEpisode episode, DateTimeOffset asOf)
    {
        if (_linked.TryGetValue(episode.Reference, out var linked))
        {
            return episode with { Outcome = linked.Outcome, OutcomeEvidence = linked.Evidence };
        }

        if (!episode.Outcome.IsUndetermined() || episode.Start is not { } start || episode.Source == TherapySource.Procedure)
        {
            return episode;
        }

        var end = episode.End?.UpperBound ?? asOf;
        foreach (var (time, evidence) in _progressions)
        {
            if (time.LowerBound >= start.LowerBound && time.LowerBound <= end)
            {
                return episode with { Outcome = TherapyOutcome.Progression, OutcomeEvidence = evidence };
            }
        }

        return episode;
    }

    private static IEnumerable<string> Links(Observation observation)
    {
        foreach (var list in new[] { observation.Focus, observation.PartOf, observation.DerivedFrom })
        {
            foreach (var reference in list ?? [])
            {
                if (reference.ReferenceValue is { } value && !value.StartsWith("Patient/", StringComparison.Ordinal))
                {
                    yield return value;
                }
            }
        }
    }
}
