using CdsHooks.Clinical.Logic;
using CdsHooks.Clinical.Rules.Model;
using CdsHooks.Clinical.Timeline;
using CdsHooks.Fhir.Model;

namespace CdsHooks.Clinical.Evaluation.Predicates;

/// <summary>
/// <c>timeSince</c>: compares the span from the latest matching event to the evaluation time.
/// False when no such event exists; unknown when the latest one is undated or its data could not be retrieved.
/// </summary>
internal sealed class TimeSinceEvaluator(
    string eventType, int valueSet, string title, EventEdge edge, Comparison comparison, ClinicalDuration span) : Evaluator
{
    public override CriterionResult Evaluate(EvaluationContext context)
    {
        var timeline = context.Timeline;
        (string Reference, FhirDateTime? Date, bool Ongoing)? latest = null;
        bool any = false;
        foreach (var (reference, date, ongoing) in Events(timeline))
        {
            any = true;
            if (date is null)
            {
                return CriterionResult.Unknown($"date of {reference} ({title})");
            }

            if (latest is null || date.Value.LowerBound > latest.Value.Date!.Value.LowerBound || ongoing)
            {
                latest = (reference, date, ongoing);
            }
        }

        if (!any)
        {
            return timeline.IsMissing(ResourceType) ? CriterionResult.Unknown($"{ResourceType} data could not be retrieved") : CriterionResult.False;
        }

        var (eventReference, eventDate, isOngoing) = latest!.Value;
        var from = edge == EventEdge.End && isOngoing ? timeline.AsOf : eventDate!.Value.LowerBound;
        var boundary = span.After(from);
        var now = timeline.AsOf;
        bool holds = comparison switch
        {
            Comparison.LessThan => now < boundary,
            Comparison.LessOrEqual => now <= boundary,
            Comparison.GreaterThan => now > boundary,
            Comparison.GreaterOrEqual => now >= boundary,
            _ => now.Date == boundary.Date,
        };
        int days = (int)(now - from).TotalDays;
        return CriterionResult.Of(holds, [new Fact(eventReference, $"{title}: {days} days ago")]);
    }

    private string ResourceType => eventType switch
    {
        "therapy" => "MedicationStatement",
        "diagnosis" => "Condition",
        "procedure" => "Procedure",
        _ => "Observation",
    };

    private IEnumerable<(string Reference, FhirDateTime? Date, bool Ongoing)> Events(PatientTimeline timeline)
    {
        switch (eventType)
        {
            case "therapy":
                foreach (var e in timeline.Episodes.Where(e => e.Memberships.Contains(valueSet)))
                {
                    yield return (e.Reference, edge == EventEdge.End ? e.End ?? (e.IsActive ? e.Start : null) : e.Start, edge == EventEdge.End && e.End is null && e.IsActive);
                }

                break;
            case "diagnosis":
                foreach (var d in timeline.Diagnoses.Where(d => d.Memberships.Contains(valueSet)))
                {
                    yield return (d.Reference, d.Onset, false);
                }

                break;
            case "procedure":
                foreach (var p in timeline.Procedures.Where(p => p.Memberships.Contains(valueSet)))
                {
                    yield return (p.Reference, edge == EventEdge.End ? p.End ?? p.Start : p.Start, false);
                }

                break;
            default:
                foreach (var o in timeline.Observations.Where(o => o.Memberships.Contains(valueSet)))
                {
                    yield return (o.Reference, o.Time, false);
                }

                break;
        }
    }
}
