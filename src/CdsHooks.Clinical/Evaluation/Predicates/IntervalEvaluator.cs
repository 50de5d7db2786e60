using CdsHooks.Clinical.Logic;
using CdsHooks.Clinical.Rules.Model;
using CdsHooks.Clinical.Timeline;
using CdsHooks.Fhir.Model;

namespace CdsHooks.Clinical.Evaluation.Predicates;

/// <summary>A compiled <see cref="EventSelector"/>.</summary>
internal sealed record EventSpec(string EventType, int ValueSet, string Title, EventEdge Edge, int? Line, int? CodedValueSet)
{
    public string ResourceType => EventType switch
    {
        "therapy" => "MedicationStatement",
        "diagnosis" => "Condition",
        "procedure" => "Procedure",
        _ => "Observation",
    };

    /// <summary>Matching events with their date (null when undated) and whether the therapy is still running.</summary>
    public IEnumerable<(string Reference, FhirDateTime? Date, FhirDateTime? Start)> Events(PatientTimeline timeline)
    {
        switch (EventType)
        {
            case "therapy":
                var episodes = Line is { } line
                    ? LinesOfTherapyEvaluator.LinesOf(timeline, ValueSet).Where(e => e.Line == line)
                    : timeline.Episodes.Where(e => e.Memberships.Contains(ValueSet));
                foreach (var e in episodes)
                {
                    yield return (e.Reference, Edge == EventEdge.End ? e.End : e.Start, e.Start);
                }

                break;
            case "diagnosis":
                foreach (var d in timeline.Diagnoses.Where(d => d.Memberships.Contains(ValueSet)))
                {
                    yield return (d.Reference, d.Onset, d.Onset);
                }

                break;
            case "procedure":
                foreach (var p in timeline.Procedures.Where(p => p.Memberships.Contains(ValueSet)))
                {
                    yield return (p.Reference, Edge == EventEdge.End ? p.End ?? p.Start : p.Start, p.Start);
                }

                break;
            default:
                foreach (var o in timeline.Observations.Where(o => o.Memberships.Contains(ValueSet)
                             && (CodedValueSet is not { } coded || o.ValueMemberships.Contains(coded))))
                {
                    yield return (o.Reference, o.Time, o.Time);
                }

                break;
        }
    }
}

/// <summary>
/// <c>interval</c>: from the latest "from" event (for a therapy line: its last end, or its first start) to the first
/// "to" event dated after the from-event began, compared with a span. Progression during a line counts as a negative
/// interval, so it satisfies "less than N days after the end".
/// </summary>
internal sealed class IntervalEvaluator(EventSpec from, EventSpec to, Comparison comparison, ClinicalDuration span) : Evaluator
{
    public override CriterionResult Evaluate(EvaluationContext context)
    {
        var timeline = context.Timeline;
        var fromEvents = from.Events(timeline).ToList();
        if (fromEvents.Count == 0)
        {
            return timeline.IsMissing(from.ResourceType) ? CriterionResult.Unknown($"{from.ResourceType} data could not be retrieved") : CriterionResult.False;
        }

        if (fromEvents.FirstOrDefault(e => e.Date is null) is { Reference: { } undated })
        {
            string what = from.Edge == EventEdge.End ? "end date" : "date";
            return CriterionResult.Unknown($"{what} of {undated} ({from.Title})");
        }

        // The line (or event group) ends at its latest date; it began at its earliest start.
        var anchor = fromEvents.MaxBy(e => e.Date!.Value.LowerBound);
        var began = fromEvents.Min(e => (e.Start ?? e.Date)!.Value.LowerBound);
        var anchorDate = anchor.Date!.Value.LowerBound;

        (string Reference, FhirDateTime? Date, FhirDateTime? Start)? first = null;
        foreach (var candidate in to.Events(timeline))
        {
            if (candidate.Date is not { } date)
            {
                return CriterionResult.Unknown($"date of {candidate.Reference} ({to.Title})");
            }

            if (date.LowerBound > began && (first is null || date.LowerBound < first.Value.Date!.Value.LowerBound))
            {
                first = candidate;
            }
        }

        if (first is null)
        {
            return timeline.IsMissing(to.ResourceType) ? CriterionResult.Unknown($"{to.ResourceType} data could not be retrieved") : CriterionResult.False;
        }

        var toDate = first.Value.Date!.Value.LowerBound;
        var boundary = span.After(anchorDate);
        bool holds = comparison switch
        {
            Comparison.LessThan => toDate < boundary,
            Comparison.LessOrEqual => toDate <= boundary,
            Comparison.GreaterThan => toDate > boundary,
            Comparison.GreaterOrEqual => toDate >= boundary,
            _ => toDate.Date == boundary.Date,
        };
        int days = (int)Math.Round((toDate - anchorDate).TotalDays);
        return CriterionResult.Of(holds, [
            new Fact(anchor.Reference, $"{from.Title} ({(from.Edge == EventEdge.End ? "end" : "start")}: {TimelineDates.Day(anchor.Date!.Value)})"),
            new Fact(first.Value.Reference, $"{to.Title} {days} days later ({TimelineDates.Day(first.Value.Date!.Value)})"),
        ]);
    }
}
